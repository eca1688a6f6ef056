"""Russian morphology for names: pymorphy3 parses, cached, and the lemma keys the KB is matched on."""
from __future__ import annotations

import re

from ..morph import analyzer, lemma, parses  # noqa: F401 (the names' morphology builds on these)

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


def lemma_key(text: str) -> tuple[str, ...]:
    """The key a name is matched on: "Республики Беларусь" → ("республика", "беларусь")."""
    return tuple(lemma(word) for word in WORD.findall(text.replace("«", " ").replace("»", " ")))


def name_key(text: str) -> tuple[str, ...]:
    """`lemma_key` reading each word as a noun where it can be one: "Скрипаля" → ("скрипаля",), not
    the gerund's verb "скрипалить"."""
    return tuple(_noun_lemma(word) for word in WORD.findall(text.replace("«", " ").replace("»", " ")))


def _noun_lemma(word: str) -> str:
    noun = next((parse for parse in parses(word) if parse.tag.POS == "NOUN"), None)
    return noun.normal_form.replace("ё", "е") if noun else lemma(word)


def is_proper(parse) -> bool:
    return any(grammeme in parse.tag for grammeme in PROPER)


def cases(word: str, readings: int | None = None, animate_first: bool = False) -> frozenset[str]:
    """The cases `word` can be in, by its first `readings` parses (all by default); with
    `animate_first`, by its animate readings where it has any ("Путин": not also the genitive
    plural of "путина")."""
    found = [parse for parse in parses(word)[:readings] if parse.tag.case]
    animate = [parse for parse in found if "anim" in parse.tag] if animate_first else []
    return frozenset(parse.tag.case for parse in animate or found)


def person_noun(word: str):
    """The parse of a common noun for a person ("министр", "блогер", "девушки"): animate, no name;
    else None."""
    found = parses(word.lower())[:1]
    if found and found[0].tag.POS == "NOUN" and "anim" in found[0].tag and not is_proper(found[0]):
        return found[0]
    return None


NOT_NAME_PARTS = frozenset("VERB INFN GRND PRTF PRTS NPRO ADVB PRCL CONJ PREP INTJ COMP NUMR PRED".split())
# A capitalised adjective alone is no person, but it is how news corpora mark a place in "Японский
# премьер" or "Тульской и Амурской областях".
ADJECTIVES = frozenset({"ADJF", "ADJS"})


def is_common_word(text: str, also: frozenset[str] = frozenset()) -> bool:
    """A dictionary word that is never a name, capitalised at a sentence start: "Опустили",
    "Приговоренную", "Кто", "Тех" (pronominal adjectives count as pronouns); parts of speech in
    `also` count too. Surnames that are also words ("Навальный", "Толстой") have a surname
    reading and stay; so do nouns, which surnames often spell ("Шумов", "Шнур")."""
    if not WORD.fullmatch(text) or not analyzer().word_is_known(text.lower()):
        return False
    readings = parses(text)
    if not readings or any(is_proper(reading) for reading in readings):
        return False
    best = readings[0].tag
    return best.POS in NOT_NAME_PARTS or best.POS in also or "Apro" in best


def is_noun_as_in_dictionary(word: str) -> bool:
    """A common noun with no name reading, in its dictionary form: "Штат", "Семья" (not "Штаты",
    not "Кремлю")."""
    first = parses(word)[:1]
    return bool(first) and first[0].tag.POS == "NOUN" and is_common_word(word, frozenset({"NOUN"})) \
        and first[0].normal_form == word.lower()
