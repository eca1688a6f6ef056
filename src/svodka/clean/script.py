"""Mixed-script words ("Tекст" with a Latin T): an analysis form of the text with the same offsets."""
from __future__ import annotations

import re

LATIN_TO_CYRILLIC = str.maketrans(
    "AaBCcEeHKMOoPpTXxyi",
    "АаВСсЕеНКМОоРрТХхуі",
)
WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


def analysis_form(text: str) -> str:
    """Return `text` with Latin look-alikes inside Cyrillic words replaced; same length, same offsets."""
    return WORD.sub(_fix_word, text)


def _fix_word(match: re.Match) -> str:
    word = match.group()
    if CYRILLIC.search(word) and LATIN.search(word):
        return word.translate(LATIN_TO_CYRILLIC)
    return word
