"""Mixed-script words ("Tекст" with a Latin T): an analysis form of the text with the same offsets."""
from __future__ import annotations

import re

LATIN_TO_CYRILLIC = str.maketrans(
    "AaBCcEeHKMOoPpTXxyi",
    "АаВСсЕеНКМОоРрТХхуі",
)
MIXED_PAIR = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
WORD_CHAR = re.compile(r"\w")


def analysis_form(text: str) -> str:
    """Return `text` with Latin look-alikes inside Cyrillic words replaced; same length, same offsets."""
    pieces, done = [], 0
    for match in MIXED_PAIR.finditer(text):
        start, end = _word_around(text, match.start())
        if start < done:
            continue
        pieces += [text[done:start], text[start:end].translate(LATIN_TO_CYRILLIC)]
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def _word_around(text: str, index: int) -> tuple[int, int]:
    start, end = index, index + 1
    while start > 0 and WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and WORD_CHAR.match(text[end]):
        end += 1
    return start, end
