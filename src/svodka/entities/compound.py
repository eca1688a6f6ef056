"""Institutions named with their country or their parent body: "МИД Великобритании", "Верховный
суд Пакистана", "правительства Германии", "британского правительства", "Минской группы ОБСЕ",
"Палаты представителей Конгресса США" are one organisation's name; the country or body inside
stays a mention of its own."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from ..clean.cited import is_agency
from ..records import Span
from .kb import KnowledgeBase
from .morph import cases, lemma
from .ner import Found
from .words import Word, content_passages

# What a state has one of, as lemma sequences: with a country it names that country's body. (Its
# army, police or leadership are left out: news datasets disagree on whether those are names.)
INSTITUTIONS = frozenset(
    tuple(phrase.split()) for phrase in (
        "правительство", "кабмин", "кабинет министр", "парламент", "нижний палата парламент",
        "верхний палата парламент", "госдепартамент", "госдеп", "администрация",
        "министерство иностранный дело", "министерство оборона", "министерство здравоохранение",
        "министерство финансы", "министерство юстиция", "министерство внутренний дело",
        "внешнеполитический ведомство", "мид", "минздрав", "минфин", "минюст", "мвд",
        "генпрокуратура", "прокуратура", "верховный суд", "конституционный суд", "центробанк",
        "центральный банк", "национальный банк", "сборная",
    )
)
LONGEST = max(len(phrase) for phrase in INSTITUTIONS)


def with_country_names(analysed: str, spans: tuple[Span, ...], found: list[Found], kb: KnowledgeBase) -> list[Found]:
    """`found` with an ORG mention for each institution named with its parent body or its country:
    an organisation (found, or a word for a state body) and the body or place in the genitive right
    after it, or a place adjective and a word for a state body ("британского правительства")."""
    passages = [words for words in content_passages(analysed, spans) if words]
    found = _with_parent_bodies(analysed, found)
    organisations = _by_end(found)
    compounds = [Found(start, place.end, "ORG") for place in found
                 if place.type == "LOC" and _genitive(analysed[place.start : place.end])
                 for start in [_organisation_before(analysed, place.start, organisations, passages)]
                 if start is not None]
    replaced = {c.start for c in compounds}
    kept = [m for m in found if not (m.start in replaced and m.type == "ORG")]
    described = [m for m in _adjective_institutions(passages, kb) if not _overlaps(m, _outside(m, kept + compounds))]
    kept = [m for m in kept if not any(_within(m, d) for d in described)]
    return sorted(kept + compounds + described, key=lambda m: (m.start, -m.end))


ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}")
COMMON_LAST_WORD = re.compile(r"(?<!\S)[а-яё]+(?:-[а-яё]+)*$")


def _with_parent_bodies(analysed: str, found: list[Found]) -> list[Found]:
    """An organisation named by a phrase ending in a common word and, right after it, the body it
    belongs to, in the genitive ("Минской группы ОБСЕ", "Свердловского обкома КПСС", "Палаты
    представителей Конгресса"): one organisation, which takes the place of the first."""
    joined = sorted(found, key=lambda m: (m.start, -m.end))
    position = {id(mention): index for index, mention in enumerate(joined)}
    organisations = _by_end(joined)
    for parent in list(joined):
        child = _organisation_ending_before(analysed, organisations, parent.start)
        if child and parent.type == "ORG" and _governs(analysed, child, parent):
            at = position[id(child)]
            merged = joined[at] = Found(child.start, parent.end, "ORG")
            position[id(merged)] = at
            if organisations.get(child.end) is child:
                del organisations[child.end]
            known = organisations.get(merged.end)
            if known is None or position.get(id(known), len(joined)) > at:
                organisations[merged.end] = merged  # the first in order ending there, as a scan finds it
    return joined


def _by_end(found: list[Found]) -> dict[int, Found]:
    """The first organisation found ending at each offset."""
    ends: dict[int, Found] = {}
    for mention in found:
        if mention.type == "ORG":
            ends.setdefault(mention.end, mention)
    return ends


def _governs(analysed: str, child: Found, parent: Found) -> bool:
    """Whether `parent` reads as the genitive complement of `child`'s last word. A name governs
    nothing ("в Газпроме ТАСС"), and an agency after a body is its source ("в МИД РИА Новости")."""
    parent_text = analysed[parent.start : parent.end]
    if not COMMON_LAST_WORD.search(analysed, child.start, child.end) or is_agency(parent_text):
        return False
    first = parent_text.split()[0]
    inflected = lemma(first) != first.casefold().replace("ё", "е")
    return bool(ACRONYM.fullmatch(first)) or (first[:1].isupper() and _genitive(first) and inflected)


def _organisation_ending_before(analysed: str, organisations: dict[int, Found], start: int) -> Found | None:
    """The organisation found that ends one space before `start`."""
    if analysed[start - 1 : start] != " ":
        return None
    return organisations.get(start - 1)


def _organisation_before(analysed: str, end: int, organisations: dict[int, Found],
                         passages: list[list[Word]]) -> int | None:
    """Where the organisation ending one space before `end` starts, if one does."""
    if analysed[end - 1 : end] != " ":
        return None
    named = _organisation_ending_before(analysed, organisations, end)
    if named:
        return named.start
    words = _passage_holding(passages, end)
    before = words[: bisect_right(words, end - 1, key=lambda word: word[1])]
    if not before or before[-1][1] != end - 1:
        return None
    for length in range(min(LONGEST, len(before)), 0, -1):
        phrase = before[-length:]
        if tuple(lemma(word) for _, _, word in phrase) in INSTITUTIONS and _adjacent(phrase):
            return phrase[0][0]
    return None


def _adjective_institutions(passages: list[list[Word]], kb: KnowledgeBase) -> list[Found]:
    found = []
    for words in passages:
        lemmas = [lemma(word) for _, _, word in words]
        for at, (start, _end, word) in enumerate(words[:-1]):
            place = kb.by_adjective(word)
            if place is None or place.type != "LOC":
                continue
            for length in range(min(LONGEST, len(words) - at - 1), 0, -1):
                phrase = words[at + 1 : at + 1 + length]
                if tuple(lemmas[at + 1 : at + 1 + length]) in INSTITUTIONS and _adjacent(words[at : at + 1 + length]):
                    found.append(Found(start, phrase[-1][1], "ORG"))
                    break
    return found


def _passage_holding(passages: list[list[Word]], end: int) -> list[Word]:
    """The passage (in text order) whose words run up to `end`, or none."""
    index = bisect_left(passages, end, key=lambda words: words[0][0]) - 1
    if index >= 0 and passages[index][0][0] < end <= passages[index][-1][1] + 1:
        return passages[index]
    return []


def _adjacent(words: list[Word]) -> bool:
    return all(nxt[0] - prev[1] == 1 for prev, nxt in pairwise(words))


def _within(inner: Found, outer: Found) -> bool:
    """An organisation "британского МИД" takes the place of the "МИД" NER found inside it."""
    return inner.type == "ORG" and outer.start <= inner.start and inner.end <= outer.end


def _outside(mention: Found, others: list[Found]) -> list[Found]:
    return [other for other in others if not _within(other, mention)]


def _overlaps(mention: Found, others: list[Found]) -> bool:
    return any(mention.start < other.end and other.start < mention.end for other in others)


def _genitive(name: str) -> bool:
    return "gent" in cases(name.split()[0])
