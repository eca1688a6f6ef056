"""Descriptors and adjectives: "российский лидер" → the person who was president of Russia on the
article's date (or the one the article names), "белорусский" → Беларусь."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..records import Mention, Span
from .kb import KbEntity, KnowledgeBase
from .morph import lemma, lemma_key, parses, person_noun
from .words import WORD, content_passages

MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Post:
    office: str
    country: str


@lru_cache(maxsize=4)
def descriptor_index(kb: KnowledgeBase) -> dict[tuple[str, ...], Post]:
    """Every descriptor of every office of every country, as lemma sequences."""
    index: dict[tuple[str, ...], Post] = {}
    countries = [entity for entity in kb.entities.values() if entity.key.startswith("country:")]
    for office in kb.offices:
        for country in countries:
            if office.country in ("*", country.country):
                for template in office.descriptors:
                    for key in _expansions(template, country):
                        index.setdefault(key, Post(office.office, country.country))
    return index


def _expansions(template: str, country: KbEntity) -> list[tuple[str, ...]]:
    if "{adj}" in template:
        return [lemma_key(template.replace("{adj}", adjective)) for adjective in country.adjectives
                if " " not in adjective and not _demonym(adjective)]
    if "{country}" in template:
        return [lemma_key(template.replace("{country}", name)) for name in (country.name, *country.aliases)]
    return [lemma_key(template)]


def _demonym(word: str) -> bool:
    return not word.endswith(("ий", "ый", "ой"))


@dataclass(frozen=True, slots=True)
class Sighted:
    """A descriptor in the text, and the person named right after it, if any."""

    start: int
    end: int
    post: Post
    appositive: Mention | None


def descriptor_mentions(analysed: str, spans: tuple[Span, ...], kb: KnowledgeBase, names: list[Mention],
                        day: str | None) -> list[Mention]:
    """Resolved descriptor mentions; `names` are the article's linked name mentions, `day` its date.
    A descriptor right before a person's name is that person ("госсекретаря США Джона Керри" is
    Kerry whatever the date); else it is the post's holder on the article's date, or the person
    the article names in that post elsewhere ("глава МИД Азербайджана Эльмар Мамедъяров"), which
    the article knows better than the base's terms of office."""
    named = {m.entity for m in names}
    people = {m.start: m for m in names if m.type == "PER" and m.entity}
    sighted = list(_sightings(analysed, spans, kb, people))
    learned = {s.post: s.appositive for s in sighted if s.appositive and not _former(analysed, s.start)}
    mentions = []
    for found in sighted:
        holder = found.appositive or learned.get(found.post) or _holder(kb, found.post, named, day)
        if isinstance(holder, Mention):
            mentions.append(Mention(found.start, found.end, "PER", holder.normal, holder.entity, "descriptor"))
        elif holder:
            mentions.append(Mention(found.start, found.end, "PER", holder.name, holder.key, "descriptor"))
    return mentions


FORMER = frozenset({"бывший", "прежний", "предыдущий", "покойный", "будущий", "избранный"})


def _former(analysed: str, start: int) -> bool:
    """"бывший президент США Дональд Трамп" says who held the post, not who holds it."""
    before = WORD.findall(analysed[max(0, start - 30) : start])
    return bool(before) and lemma(before[-1]) in FORMER


@lru_cache(maxsize=4)
def descriptor_starts(kb: KnowledgeBase) -> frozenset[str]:
    """The lemmas a descriptor can start with: every other word is passed over at once."""
    return frozenset(key[0] for key in descriptor_index(kb))


def _sightings(analysed: str, spans: tuple[Span, ...], kb: KnowledgeBase,
               people: dict[int, Mention]) -> Iterator[Sighted]:
    index, starts = descriptor_index(kb), descriptor_starts(kb)
    for words in content_passages(analysed, spans):
        lemmas = [lemma(word) for _, _, word in words]
        at = 0
        while at < len(words):
            length, post = _longest(index, lemmas, at) if lemmas[at] in starts else (1, None)
            if post:
                end = words[at + length - 1][1]
                appositive = None if _owned(analysed, words, at) else _name_after(analysed, end, people)
                yield Sighted(words[at][0], end, post, appositive)
                yield from _coordinated(analysed, words, lemmas, at, length, post, kb)
            at += length


def _owned(analysed: str, words: list, at: int) -> bool:
    """"помощник президента России Владислав Сурков": the name after a post that depends on a
    person noun right before it is that person's (the aide's), not the post holder's."""
    return at > 0 and not analysed[words[at - 1][1] : words[at][0]].strip() \
        and person_noun(words[at - 1][2]) is not None


def _coordinated(analysed: str, words: list, lemmas: list[str], at: int, length: int, post: Post,
                 kb: KnowledgeBase) -> Iterator[Sighted]:
    """"министров иностранных дел Азербайджана и России", "президентов России, Украины и Франции":
    a plural post of one country and others is also the others'."""
    if not _plural(words[at][2]):
        return
    after = at + length
    while after < len(words):
        joined = lemmas[after] == "и"
        word = after + 1 if joined else after
        if word >= len(words) or not joined and analysed[words[after - 1][1] : words[after][0]].strip() != ",":
            return
        country = kb.by_name(words[word][2], "LOC")
        if country is None or not country.key.startswith("country:"):
            return
        yield Sighted(words[word][0], words[word][1], Post(post.office, country.country), None)
        after = word + 1


def _plural(word: str) -> bool:
    return bool(found := parses(word)) and "plur" in found[0].tag


def adjective_mentions(analysed: str, spans: tuple[Span, ...], kb: KnowledgeBase,
                       taken: list[Mention]) -> list[Mention]:
    """Country adjectives and demonyms in lower case ("белорусский", "россияне") outside descriptors."""
    mentions = []
    for words in content_passages(analysed, spans):
        for start, end, word in words:
            entity = kb.by_adjective(word) if word[:1].islower() else None
            if entity and not any(m.start <= start < m.end for m in taken):
                mentions.append(Mention(start, end, entity.type, entity.name, entity.key, "adjective"))
    return mentions


def _longest(index: dict, lemmas: list[str], at: int) -> tuple[int, Post | None]:
    for length in range(min(MAX_WORDS, len(lemmas) - at), 0, -1):
        post = index.get(tuple(lemmas[at : at + length]))
        if post:
            return length, post
    return 1, None


def _name_after(analysed: str, end: int, people: dict[int, Mention]) -> Mention | None:
    """The person named right after `end`, with nothing but a space between."""
    gap = 1 if analysed[end : end + 1] == " " else 0
    return None if analysed[end + gap : end + gap + 1] == " " else people.get(end + gap)


def _holder(kb: KnowledgeBase, post: Post, named: set[str], day: str | None) -> KbEntity | None:
    if day:
        return kb.holder(post.office, post.country, day)
    candidates = [person for person in kb.holders(post.office, post.country) if person.key in named]
    return candidates[0] if len(candidates) == 1 else None


def country_before(analysed: str, start: int, kb: KnowledgeBase, window: int = 3) -> KbEntity | None:
    """The country whose adjective stands among the few words before `start` ("белорусским главой
    Минобороны" → Беларусь)."""
    words = WORD.findall(analysed[max(0, start - 60) : start])[-window:]
    found = [kb.by_adjective(word) for word in reversed(words)]
    return next((entity for entity in found if entity and entity.key.startswith("country:")), None)
