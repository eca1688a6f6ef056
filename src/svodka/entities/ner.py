"""Name mentions from Natasha's NER over the article's title, lead and body (never chrome or
bylines), corrected for the mistakes it makes on news."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import tag_names
from ..records import Span
from .kb import knowledge_base
from .morph import ADJECTIVES, WORD, is_common_word, is_noun_as_in_dictionary, lemma, parses
from .words import CONTENT_KINDS, opens_sentence

TITLES = frozenset(
    "президент премьер премьер-министр министр глава председатель лидер губернатор мэр канцлер король "
    "королева принц принцесса патриарх генсек генеральный секретарь посол спикер депутат сенатор "
    "директор руководитель начальник командующий главнокомандующий император шейх эмир султан папа".split()
)


@dataclass(frozen=True, slots=True)
class Found:
    """A mention before linking: where it is and what type NER (or a gazetteer) says it is."""

    start: int
    end: int
    type: str


def content_texts(analysed: str, spans: tuple[Span, ...]) -> list[str]:
    """The texts NER reads: the article's content spans (title, lead, body), in order."""
    return [span.of(analysed) for span in spans if span.kind in CONTENT_KINDS]


def ner_mentions(analysed: str, spans: tuple[Span, ...], tagged: list[list] | None = None) -> list[Found]:
    """Natasha's mentions in each content span, with offsets into the whole text; `tagged` holds
    what the NER tagger found in `content_texts`, where it has already been run."""
    content = [span for span in spans if span.kind in CONTENT_KINDS]
    if tagged is None:
        tagged = tag_names(content_texts(analysed, spans))
    found = []
    for span, items in zip(content, tagged, strict=True):
        for item in items:
            found.extend(_corrected(analysed, Found(span.start + item.start, span.start + item.stop, item.type)))
    return found


def _corrected(analysed: str, mention: Found) -> list[Found]:
    mention = _balanced(analysed, _within_one_line(analysed, mention))
    parts = [piece for part in _split_parenthesised(analysed, mention) for piece in _split_at_separators(analysed, part)]
    parts = [_without_particle(analysed, _without_leading_common_word(analysed, part)) for part in parts]
    return [part for part in parts if _is_a_name(analysed, part)]


def _is_a_name(analysed: str, mention: Found) -> bool:
    text = analysed[mention.start : mention.end]
    if mention.type == "PER" and (_is_title(text) or is_common_word(text, ADJECTIVES)):
        return False  # "Президенты предметно обсудили …", capitalised as Belarusian sites write it
    if mention.type == "LOC" and capitalised_by_its_place(analysed, mention.start, text):
        return False  # "Семья …" (surnames spell nouns: not for PER)
    only_common_words = all(is_common_word(word) for word in text.split())  # "Если Вы", a site's notice
    return not (only_common_words or _is_not_a_name(text) or _adjective_of_a_noun(analysed, mention))


def capitalised_by_its_place(analysed: str, start: int, word: str) -> bool:
    """A common noun that is capitalised only because it opens a sentence ("Штат объявил …", "Семья
    переехала …"), unless the knowledge base has a name spelled just so ("Кремль заявил …")."""
    return opens_sentence(analysed, start) and is_noun_as_in_dictionary(word) and not knowledge_base().spells(word)


NEXT_WORD = re.compile(r" (\w+)")


def _adjective_of_a_noun(analysed: str, mention: Found) -> bool:
    """"Северный" of "Северный поток 2": an adjective alone that no place is the root of, agreeing
    with the common noun after it, is part of a name NER cut short, not a place."""
    text = analysed[mention.start : mention.end]
    following = NEXT_WORD.match(analysed, mention.end)
    if mention.type != "LOC" or not WORD.fullmatch(text) or not following or not following.group(1).islower():
        return False
    adjectives = [p for p in parses(text) if p.tag.POS == "ADJF"]
    nouns = [p for p in parses(following.group(1)) if p.tag.POS == "NOUN"]
    return bool(adjectives) and knowledge_base().by_adjective(text) is None and any(
        a.tag.case == n.tag.case and a.tag.number == n.tag.number and a.tag.gender in (n.tag.gender, None)
        for a in adjectives for n in nouns)


def _split_parenthesised(analysed: str, mention: Found) -> list[Found]:
    """"Комитет защиты журналистов (КЗЖ)", "Джошуа Вольф (Joshua Wolf)": two names of one thing."""
    text = analysed[mention.start : mention.end]
    opening = text.find(" (")
    if opening <= 0:
        return [mention]
    inner_start = mention.start + opening + 2
    closing = text.find(")", opening)
    inner_end = mention.start + closing if closing > 0 else mention.end
    outer = Found(mention.start, mention.start + opening, mention.type)
    inner = Found(inner_start, inner_end, mention.type)
    return [outer, inner] if inner_end > inner_start else [outer]


# No name runs across these: "Монако • Намибия" is two countries of a list, "Овечкин, Фёдоров" two
# players, "Ленина–Сталина" two leaders (a double name takes a hyphen, not a dash); an
# organisation's name may hold a comma ("Рога, копыта и К°"), a person's or place's not.
PERSON_OR_PLACE_SEPARATORS = re.compile(r"\s*[•·|;,–—]\s*")
SEPARATORS = {"PER": PERSON_OR_PLACE_SEPARATORS, "LOC": PERSON_OR_PLACE_SEPARATORS,
              "ORG": re.compile(r"\s*[•·|;]\s*")}


def _split_at_separators(analysed: str, mention: Found) -> list[Found]:
    text = analysed[mention.start : mention.end]
    parts, start = [], 0
    for separator in SEPARATORS[mention.type].finditer(text):
        parts.append((start, separator.start()))
        start = separator.end()
    parts.append((start, len(text)))
    return [Found(mention.start + a, mention.start + b, mention.type) for a, b in parts if b > a]


SPACES = re.compile(r"\s+")


def _without_leading_common_word(analysed: str, mention: Found) -> Found:
    """"Брат Пьеро", "Всё-таки Проди", "Музыканты Шевчук": a capitalised word opening a sentence
    that is a common noun or any other part of speech, never a name, is not part of the person
    named after it (an organisation's name starts so: "Верховный суд")."""
    first = WORD.match(analysed, mention.start) if mention.type == "PER" else None
    space = first and SPACES.match(analysed, first.end())
    if not space or space.end() >= mention.end or not opens_sentence(analysed, mention.start):
        return mention
    if not (is_common_word(first.group(), ADJECTIVES | {"NOUN"}) or _is_title(first.group())):
        return mention
    return Found(space.end(), mention.end, mention.type)


PARTICLE = re.compile(r"-(?:то|ка|де|таки)$")


def _without_particle(analysed: str, mention: Found) -> Found:
    """"Кудрину-то": the particle written onto a name is not part of it."""
    particle = PARTICLE.search(analysed, mention.start, mention.end)
    return Found(mention.start, particle.start(), mention.type) if particle else mention


PAIRS = {"(": ")", "«": "»", "„": "“", "“": "”", '"': '"'}


def _balanced(analysed: str, mention: Found) -> Found:
    """A name does not end on a bracket or quotation mark it never opened: 'Nord Stream AG)',
    'Техрик-э-Лабаик Пакистан". One it opens and leaves open ('ОАО «Газпром') is left as NER
    gives it: factRuEval marks names that way too, SlavicNER with the closing mark."""
    start, end = mention.start, mention.end
    for opening, closing in PAIRS.items():
        text = analysed[start:end]
        unopened = text.count(closing) > text.count(opening) if opening != closing else text.count(closing) % 2
        if unopened and text.endswith(closing):
            end -= 1
    while end > start and analysed[end - 1] == " ":
        end -= 1
    return Found(start, end, mention.type) if (start, end) != (mention.start, mention.end) else mention


def _within_one_line(analysed: str, mention: Found) -> Found:
    """"Дарья Григоренко\\n\\nБеседа": a name never runs across a line break."""
    text = analysed[mention.start : mention.end]
    if "\n" not in text:
        return mention
    return Found(mention.start, mention.start + len(text.split("\n")[0].rstrip()), mention.type)


# Written like names, but common nouns (media, legal forms), diseases, events and keys: never PER/LOC/ORG.
NOT_NAMES = frozenset(
    "сми вуз нко ооо оао зао пао ао ип дтп чп ввп ндс жкх мкад covid-19 covid ковид ковид-19 "
    "коронавирус sars-cov-2 вич спид орви брексит брекзит brexit интернет ctrl+enter".split()
)
# Stems whose every inflection is one of those: "Брекзита", "Брекситом", "Коронавирусу".
NOT_NAME_STEMS = ("брексит", "брекзит", "brexit", "коронавирус")


def _is_not_a_name(text: str) -> bool:
    folded = text.casefold()
    return lemma(text) in NOT_NAMES or folded in NOT_NAMES or folded.startswith(NOT_NAME_STEMS)


def _is_title(text: str) -> bool:
    """An office or a role written with a capital letter is not a name."""
    words = text.split()
    return len(words) == 1 and lemma(words[0]) in TITLES
