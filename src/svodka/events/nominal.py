"""Roles that a noun or a passive tells: who imposes sanctions, accuses or strikes ("санкции США
против России", "удары Каира по Ливии"), whom a charge is against ("предъявила Саипову обвинение"),
and who did what a passive says was done ("Петров назначен министром указом Путина"); states acting
as their countries."""
from __future__ import annotations

from dataclasses import replace

from ..entities.morph import lemma, parses
from ..records import Mention
from ..sentences import Token
from .grammar import after_preposition, can_be, clause_end, clause_start, is_actor, is_state, joined_after, state_of
from .lexicon import Kind

DECREES = frozenset({"указ", "распоряжение", "постановление", "решение", "приказ"})
UNDERGOING = frozenset({"подвергнуться", "подвергаться"})
CHARGING = frozenset({"предъявить", "предъявлять"})
NOMINAL_AGENTS = frozenset({"sanctions", "criticism", "accusation", "military"})  # whose noun's genitive makes them


def state_or_actor(mention: Mention) -> bool:
    return is_actor(mention) or is_state(mention)


def passive_agents(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """Who did it, after a passive: in the instrumental ("обвинён прокуратурой"), or the genitive of
    a decree ("назначен указом Владимира Путина")."""
    near = tokens[index + 3].end if index + 3 < len(tokens) else tokens[-1].end
    found = [m for m in joined_after(tokens, index, actors) if m.start < near and can_be(tokens, m, "ablt")
             and not after_preposition(tokens, m)]
    if found:
        return found
    decree = next((i for i in range(index + 1, min(index + 4, len(tokens)))
                   if lemma(tokens[i].text) in DECREES), None)
    return [] if decree is None else noun_makers(tokens, decree, actors)


def undergoes(tokens: list[Token], index: int) -> bool:
    return index > 0 and lemma(tokens[index - 1].text) in UNDERGOING


def noun_makers(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """Who imposes sanctions or makes a criticism or accusation told by a noun: the genitive right
    after it ("санкции США", "новые санкции Обамы", "обвинения Вашингтона"), or "со стороны X"."""
    following = index + 1
    if following + 2 < len(tokens) and tokens[following].text.lower() == "со" \
            and tokens[following + 1].text.lower() == "стороны":
        following += 2
    if following >= len(tokens):
        return []
    mention = next((m for m in actors if m.start == tokens[following].start), None)
    if mention is None or not state_or_actor(mention) or not can_be(tokens, mention, "gent"):
        return []
    return [mention]


def targets(tokens: list[Token], index: int, actors: list[Mention], kind: Kind) -> list[Mention]:
    """Whom a noun's sanctions or accusations are aimed at: "против X", "в адрес X", "в отношении X",
    or the one charged ("предъявила Саипову обвинение", "Саипову были предъявлены обвинения")."""
    end = clause_end(tokens, index)
    start = clause_start(tokens, index)
    if any(lemma(t.text) in CHARGING for t in tokens[max(0, index - 4) : index + 2]):
        return [m for m in actors if start <= m.start < end and m.type == "PER" and can_be(tokens, m, "datv")
                and not after_preposition(tokens, m)][:1]
    found = []
    for position in range(index + 1, len(tokens)):
        if tokens[position].start >= end:
            break
        if _aimed_at(tokens, position, kind):
            found.extend(m for m in actors if m.start == tokens[position + 1].start and state_or_actor(m))
    return found


def _aimed_at(tokens: list[Token], position: int, kind: Kind) -> bool:
    """"против X", "в адрес X", "в отношении X"; strikes "по X" too ("удары Каира по Ливии")."""
    word = tokens[position].text.lower()
    if position + 1 >= len(tokens):
        return False
    if word == "против" or word == "по" and kind.type == "military":
        return True
    previous = tokens[position - 1].text.lower() if position else ""
    return previous == "в" and word in ("адрес", "отношении")


def is_noun(token: Token) -> bool:
    return any(parse.tag.POS == "NOUN" for parse in parses(token.text)[:1])


def as_states(mentions: list[Mention], known: set[str]) -> list[Mention]:
    """A capital acting ("Тбилиси обвиняет Москву") is its country, where the article names that
    country too (an event's participants are the article's entities)."""
    return [replace(m, entity=state) if m.type == "LOC" and (state := state_of(m.entity)) in known else m
            for m in mentions]
