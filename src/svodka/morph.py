"""Russian morphology (pymorphy3): parses and lemmas, cached, for every stage that reads words."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    return tuple(analyzer().parse(word.lower()))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely lemma, casefolded, ё as е; words that are not Cyrillic stay as written."""
    folded = word.casefold().replace("ё", "е")
    if not re.search(r"[а-я]", folded):
        return folded
    found = parses(word)
    return found[0].normal_form.replace("ё", "е") if found else folded
