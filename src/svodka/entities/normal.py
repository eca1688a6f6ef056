"""Nominative base forms of names: "Владимиром Путиным" → "Владимир Путин", "Нагорном Карабахе" →
"Нагорный Карабах", "Президентской библиотеке им. Бориса Ельцина" → "Президентская библиотека им.
Бориса Ельцина". People inflect every name part in the gender and case of the name; places and
organisations inflect their head phrase (adjectives and the first noun) and keep the rest."""
from __future__ import annotations

import re
from functools import lru_cache

from .morph import is_proper, parses

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
CAPS_WITH_ENDING = re.compile(r"^([А-ЯЁ]{2,})([а-яё]{1,2})$")  # "МИДа", "МИДе"
HEAD_STOPS = {"им", "имени", "«", '"', "(", "„", "“"}
# Case endings of masculine foreign surnames pymorphy does not know ("Доминика Рааба" → "Рааб").
# Soft stems take ь back ("Скрипаля" → "Скрипаль"), except after hushing letters and ц ("Курцем" → "Курц").
MASCULINE_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"),
                     "ablt": ("ом", "ем", "ём", "ым"), "loct": ("е",)}  # "ым": "Карасиным" → "Карасин"
SOFT_ENDINGS = ("я", "ю", "ем", "ём")
HARD_BEFORE_SOFT = "жшщчц"
VOWELS = "аеёиоуыэюя"  # a soft ending after a vowel: the stem ends in й ("Карзаем" → "Карзай")
PREFERRED = {"LOC": "Geox", "ORG": "Orgn"}
RUSSIAN_FEMININE_SURNAME = re.compile(r"^(\w{2,}(?:ин|ын|ов|ев|ёв))(?:ой|ою|у)$")
FEMININE_ENDINGS = (("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ой", "а"), ("ей", "я"), ("ую", "ая"),
                    ("у", "а"), ("ю", "я"))


@lru_cache(maxsize=50_000)
def normalize(text: str, type: str, gender: str | None = None) -> str:
    """`gender` (masc or femn), when the context tells it, settles a person's ambiguous names. A name
    is normalised once, however many articles write it so."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    words = [word for _, _, word in tokens]
    words = _person(words, gender) if type == "PER" else _head_phrase(words, PREFERRED.get(type))
    pieces, position = [], 0
    for (start, end, _), word in zip(tokens, words):
        pieces += [" " if start > position and pieces else "", word]
        position = end
    return "".join(pieces)


def _person(words: list[str], gender: str | None) -> list[str]:
    anchor = _anchor(words, gender)
    if gender == "femn" and (anchor is None or anchor.tag.gender != "femn"):
        return [_feminine(word) for word in words]
    return [_person_word(word, anchor) for word in words]


def _anchor(words: list[str], gender: str | None):
    """The parse of a first name the dictionary knows: it tells the gender and case of the others.
    A name of one word whose likeliest reading is no first name is a surname ("Сталина", not the
    rare woman's name Сталина)."""
    spelled = [word for word in words if len(word) > 1 and word.isalpha()]  # initials left out
    if len(spelled) == 1 and gender is None and not any("Name" in parse.tag for parse in _cyrillic_parses(spelled[0])[:1]):
        return None
    for word in spelled:
        for parse in _cyrillic_parses(word):
            if parse.is_known and "Name" in parse.tag and "sing" in parse.tag and parse.tag.gender in ("masc", "femn") \
                    and gender in (None, parse.tag.gender):
                return parse
    return None


def _feminine(word: str) -> str:
    """A woman's name the dictionary lacks (or reads as a man's): first-declension endings back to
    the nominative ("Асии" → "Асия", "Асию" → "Асия"); foreign surnames in -е/-о/-и stay as they are."""
    for ending, nominative in FEMININE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + nominative
    return word


def _person_word(word: str, anchor) -> str:
    found = [p for p in _cyrillic_parses(word) if p.tag.POS == "NOUN" and "sing" in p.tag]
    if anchor is not None:
        agreeing = [p for p in found if p.tag.case == anchor.tag.case
                    and ("ms-f" in p.tag or p.tag.gender == anchor.tag.gender)]
        if not any(p.is_known or _person_like(p) for p in agreeing):
            return _foreign_surname(word, anchor)  # also one read only as an adjective ("Карасиным")
        found = agreeing
    proper = [p for p in found if is_proper(p)] or found
    return _inflected(word, proper[0] if proper else None)


def _person_like(parse) -> bool:
    return "Fixd" not in parse.tag and any(g in parse.tag for g in ("Surn", "Name", "Patr"))


def _foreign_surname(word: str, anchor) -> str:
    """Masculine surnames the dictionary lacks decline like consonant stems; feminine ones do not,
    but for Russian ones in -ина / -ова ("Анной Карасиной" → "Карасина")."""
    if "Fixd" in anchor.tag:
        return word
    if anchor.tag.gender != "masc":
        russian = RUSSIAN_FEMININE_SURNAME.match(word)
        return russian.group(1) + "а" if russian and anchor.tag.case != "nomn" else word
    for ending in MASCULINE_ENDINGS.get(anchor.tag.case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem[-1].lower() in VOWELS and ending in SOFT_ENDINGS + ("е",):
                return stem + "й"
            soft = ending in SOFT_ENDINGS and stem[-1].lower() not in HARD_BEFORE_SOFT
            return stem + "ь" if soft else stem
    return word


def _head_phrase(words: list[str], preferred: str | None) -> list[str]:
    head = _head_noun(words)
    if head is None:
        return _before_abbreviation(words)
    noun = _noun_parse(words[head], words[:head], preferred)
    out = []
    for index, word in enumerate(words):
        if index < head:
            out.append(_inflected(word, _agreeing_adjective(word, noun)))
        elif index == head:
            out.append(_inflected(word, noun))
        else:
            out.append(word)
    return out


def _before_abbreviation(words: list[str]) -> list[str]:
    """"британского МИДа" → "британский МИД": adjectives before an abbreviation take the
    nominative, masculine where the case ending does not tell (as "МИД", "ЦБ" agree)."""
    out = [_abbreviation(word) for word in words]
    at = next((i for i, word in enumerate(words) if word.isupper() or CAPS_WITH_ENDING.match(word)), 0)
    for index in range(at):
        adjectives = [p for p in _cyrillic_parses(words[index]) if p.tag.POS in ("ADJF", "PRTF")]
        if len(adjectives) != len(_cyrillic_parses(words[index])) or not adjectives:
            return out
        chosen = next((p for p in adjectives if p.tag.gender == "masc"), adjectives[0])
        form = chosen.inflect({"nomn", chosen.tag.number or "sing"} | ({chosen.tag.gender} if chosen.tag.gender else set()))
        out[index] = _shaped(form.word, words[index]) if form else words[index]
    return out


def _abbreviation(word: str) -> str:
    match = CAPS_WITH_ENDING.match(word)
    return match.group(1) if match else word


def _head_noun(words: list[str]) -> int | None:
    for index, word in enumerate(words):
        if word.lower() in HEAD_STOPS or not CYRILLIC.search(word) or word.isupper() or CAPS_WITH_ENDING.match(word):
            return None
        found = _cyrillic_parses(word)
        if not found or "Fixd" in found[0].tag or "Abbr" in found[0].tag:
            return None
        if any(p.tag.POS == "NOUN" for p in found[:2]):
            return index
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in found):
            return None
    return None


def _noun_parse(word: str, adjectives: list[str], preferred: str | None):
    nouns = [p for p in _cyrillic_parses(word) if p.tag.POS == "NOUN"]
    if adjectives:
        nouns = [p for p in nouns if _agrees_with(adjectives[0], p)] or nouns
    if not any(p.is_known for p in nouns) and any(p.tag.case == "nomn" for p in nouns):
        return None  # an unknown word that may well be nominative already: leave it as written
    ranked = sorted(nouns, key=lambda p: (preferred is not None and preferred in p.tag, is_proper(p)), reverse=True)
    return ranked[0] if ranked else None


def _agrees_with(adjective: str, noun) -> bool:
    return any(_agree(p, noun) for p in _cyrillic_parses(adjective) if p.tag.POS in ("ADJF", "PRTF"))


def _agree(adjective, noun) -> bool:
    return adjective.tag.case == noun.tag.case and adjective.tag.number == noun.tag.number \
        and (noun.tag.number == "plur" or adjective.tag.gender == noun.tag.gender or "GNdr" in noun.tag)


def _agreeing_adjective(word: str, noun):
    adjectives = [p for p in _cyrillic_parses(word) if p.tag.POS in ("ADJF", "PRTF")]
    if noun is None:
        return None
    return ([p for p in adjectives if _agree(p, noun)] or adjectives or [None])[0]


def _cyrillic_parses(word: str) -> tuple:
    return parses(word) if CYRILLIC.search(word) else ()


def _inflected(word: str, parse) -> str:
    if parse is None or parse.tag.case == "nomn" or "Fixd" in parse.tag:
        return word
    form = parse.inflect({"nomn"})
    return _shaped(form.word, word) if form else word


def _shaped(form: str, original: str) -> str:
    """Give the inflected form the original's capitals ("ПУТИНЫМ" → "ПУТИН", "Санкт-Петербурге")
    and its spelling of ё (pymorphy writes ё where the text had е)."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е")
    if original.isupper():
        return form.upper()
    parts, originals = form.split("-"), original.split("-")
    if len(parts) == len(originals):
        return "-".join(p.capitalize() if o[:1].isupper() else p for p, o in zip(parts, originals))
    return form.capitalize() if original[:1].isupper() else form
