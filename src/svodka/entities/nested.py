"""Names inside organisations' names, each a mention of its own as the country in "МИД России"
is: places the base knows ("Эха Москвы", "Единой России", "Tele2 Россия") and the people an
organisation is named after ("Центра имени Хруничева", "Фонда Андрея Первозванного")."""
from __future__ import annotations

from .gazetteer import names_in
from .kb import KnowledgeBase
from .morph import parses
from .ner import Found
from .words import WORD, Word

NAMED_AFTER = frozenset({"имени", "им"})


def names_inside(analysed: str, found: list[Found], kb: KnowledgeBase) -> list[Found]:
    taken = {(f.start, f.end) for f in found}
    inner: list[Found] = []
    for org in (f for f in found if f.type == "ORG"):
        text = analysed[org.start : org.end]
        words = [(org.start + m.start(), org.start + m.end(), m.group()) for m in WORD.finditer(text)]
        if len(words) >= 2:
            inner += _places(words, kb, analysed) + _person(words)
    return [f for f in dict.fromkeys(inner) if (f.start, f.end) not in taken]


def _places(words: list[Word], kb: KnowledgeBase, analysed: str) -> list[Found]:
    found = {f for part in (words[1:], words[:-1]) for f in names_in(part, kb, analysed)}  # never the whole name
    return [f for f in found if f.type == "LOC"]


def _person(words: list[Word]) -> list[Found]:
    """The capitalised run after "имени", or from a given name on ("Андрея Первозванного")."""
    for index in range(1, len(words)):
        after_named = words[index - 1][2].lower() in NAMED_AFTER
        if words[index][2][:1].isupper() and (after_named or _given_name(words[index][2])):
            run = _capitalised_run(words[index:])
            if after_named or len(run) >= 2:
                return [Found(run[0][0], run[-1][1], "PER")]
    return []


def _given_name(word: str) -> bool:
    return any("Name" in parse.tag and parse.is_known for parse in parses(word))


def _capitalised_run(words: list[Word]) -> list[Word]:
    run = []
    for word in words:
        if not word[2][:1].isupper():
            break
        run.append(word)
    return run
