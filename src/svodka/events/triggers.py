"""Triggers: the words that tell of an event ("встретился", "телефонный разговор", "примут участие")
and the kind of event each tells of."""
from __future__ import annotations

import re
from functools import lru_cache

from ..entities.morph import lemma, parses
from ..sentences import Token
from .lexicon import (
    CALL_WORDS,
    DISCUSSING,
    KINDS,
    NOT_AFTER,
    NOT_EVENTS,
    PASSIVE_DISCUSSING,
    TRIGGERS,
    Kind,
)

MEETING_NOUNS = re.compile(r"(?i)\b(встреч|переговор|заседани|саммит|совещани|консультаци)\w*")


EVENT_PARTS = ("VERB", "INFN", "NOUN", "GRND", "PRTS")  # PRTS: the passive "назначен", "обвинён"
# Kinds a passive tells with the one it was done to as its subject ("Иванов назначен министром");
# "соглашение подписано", "заседание назначено" have a thing there, no participant.
DONE_TO = frozenset({"appointment", "accusation", "criticism", "sanctions", "military"})


@lru_cache(maxsize=100_000)
def _readings(word: str) -> tuple[tuple[str, str | None], ...]:
    """(lemma with ё as е, part of speech) of the word's two likeliest readings."""
    return tuple((parse.normal_form.replace("ё", "е"), parse.tag.POS) for parse in parses(word)[:2])


def trigger_kind(tokens: list[Token], index: int, text: str) -> tuple[Kind, bool] | None:
    """The kind of event `tokens[index]` tells of, and whether it only adds to an event told elsewhere."""
    token = tokens[index]
    if not token.is_word:
        return None
    if _takes_part(tokens, index, text):
        return KINDS["meeting"], False
    for normal, part in _readings(token.text):
        if (normal in DISCUSSING or normal in PASSIVE_DISCUSSING) and part in EVENT_PARTS:
            return KINDS["meeting"], True
        kind = TRIGGERS.get(normal)
        if kind is None or part not in EVENT_PARTS or part == "PRTS" and kind not in DONE_TO:
            continue
        after, before = NOT_EVENTS.get(normal), NOT_AFTER.get(normal)
        if after is not None and after.match(text[token.start : token.start + 60]) \
                or before is not None and before.search(text[max(0, token.start - 40) : token.start]):
            return None
        if kind in ("meeting", "negotiations") and CALL_WORDS.search(text[max(0, token.start - 30) : token.end + 30]):
            kind = "call"
        return KINDS[kind], False
    return None


def _takes_part(tokens: list[Token], index: int, text: str) -> bool:
    """"В ней примут участие Кучма, Зурабов и Тальявини" after a meeting was told of, "участие во
    встрече, вероятно, примет Лавров": taking part in it."""
    if not is_taking_part(tokens[index]):
        return False
    near = tokens[max(0, index - 3) : index + 8]
    if not any(lemma(t.text) in ("принять", "принимать") for t in near):
        return False
    return bool(MEETING_NOUNS.search(text[max(0, tokens[index].start - 300) : near[-1].end]))


def is_passive(token: Token) -> bool:
    """"назначен", "обвинена", "атакованы": a short passive participle, whose subject is acted upon."""
    found = parses(token.text)[:1]
    return bool(found) and found[0].tag.POS == "PRTS" and "pssv" in found[0].tag


def is_meeting_word(token: Token) -> bool:
    return token.is_word and any(TRIGGERS.get(p.normal_form) in ("meeting", "negotiations", "call")
                                 for p in parses(token.text)[:2])


def is_taking_part(token: Token) -> bool:
    """"участие", "участия": the noun of "примут участие"."""
    return token.text.lower().startswith("участи")
