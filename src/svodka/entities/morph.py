"""Russian morphology for names: pymorphy3 parses, cached, and the lemma keys the KB is matched on."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


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


def lemma_key(text: str) -> tuple[str, ...]:
    """The key a name is matched on: "Республики Беларусь" → ("республика", "беларусь")."""
    return tuple(lemma(word) for word in WORD.findall(text.replace("«", " ").replace("»", " ")))


def is_proper(parse) -> bool:
    return any(grammeme in parse.tag for grammeme in PROPER)
