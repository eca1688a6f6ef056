"""The search query language, read into an FTS5 expression that quotes every term (a user's query
never reaches FTS5's own syntax): words (all must match), "phrases", OR between terms, NOT or a
leading minus before a term to exclude it, a trailing * for a prefix (not lemmatised), a leading ~
for the word's family (its stem as a prefix: "~белорусский" finds "Белоруссии" and "белорус"), and
entity:NAME or entity:"A NAME" for an entity by any of its names, forms or its id (a filter, not
words; -entity:NAME excludes it). Words are matched by lemma (`search.key`): "встреча" finds
"встречи", "встретился" finds "встретиться", "Шольц" finds "Шольцу". A word in Latin letters also
finds its Cyrillic spelling ("Lukashenko" finds "Лукашенко") unless `latin=False`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from . import key, words
from .family import stem
from .translit import cyrillic

MAX_QUERY = 1000  # characters
MAX_TERMS = 32
PIECE = re.compile(r'(-?)entity:(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)')


class QueryError(InputError):
    """A query svodka cannot read: names it and says why."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"query {text[:80]!r}", reason)


@dataclass(frozen=True)
class Query:
    text: str
    match: str  # the FTS5 expression; empty when the query names only entities
    lemmas: frozenset[str] = frozenset()  # what a snippet marks
    prefixes: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # names from entity:NAME, each must be mentioned
    without_entities: tuple[str, ...] = ()  # from -entity:NAME


@dataclass
class _Reading:
    """What `parse` has gathered so far."""

    groups: list[list[str]]  # OR-groups of FTS5 terms, ANDed
    excluded: list[str]
    marked: set[str]
    prefixes: list[str]
    entities: list[str]
    without: list[str]


def parse(text: str, latin: bool = True) -> Query:
    if len(text) > MAX_QUERY:
        raise QueryError(text, f"{len(text)} characters, at most {MAX_QUERY}")
    if text.count('"') % 2:
        raise QueryError(text, "a phrase's quotation mark is not closed")
    reading = _Reading([[]], [], set(), [], [], [])
    negate = join = False
    count = 0
    for minus, quoted_name, name, phrase, word in PIECE.findall(text):
        if name or quoted_name:
            _entity(text, (quoted_name or name).strip(), bool(minus), reading)
            negate = join = False
            continue
        if word in ("OR", "|"):
            join = True
            continue
        if word in ("AND", "&"):
            continue
        if word == "NOT":
            negate = True
            continue
        if word.startswith("-") and len(word) > 1:
            negate, word = True, word[1:]
        term = _phrase(phrase, reading.marked) if phrase else _word(word, latin, reading)
        if term is None:
            negate = join = False
            continue
        count += 1
        if count > MAX_TERMS:
            raise QueryError(text, f"more than {MAX_TERMS} terms")
        if negate:
            reading.excluded.append(term)
        elif join and reading.groups[-1]:
            reading.groups[-1].append(term)
        else:
            reading.groups.append([term])
        negate = join = False
    return _query(text, reading)


def _entity(text: str, name: str, exclude: bool, reading: _Reading) -> None:
    if not name:
        raise QueryError(text, "entity: names no entity")
    (reading.without if exclude else reading.entities).append(name)


def _query(text: str, reading: _Reading) -> Query:
    groups = [group for group in reading.groups if group]
    if not groups and not reading.entities:
        raise QueryError(text, "no word to search for" + (" (only words to exclude)" if reading.excluded else ""))
    match = " AND ".join(group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")" for group in groups)
    if reading.excluded and not match:
        raise QueryError(text, "words to exclude need a word to search for")
    match += "".join(f" NOT {term}" for term in reading.excluded)
    return Query(text, match, frozenset(reading.marked), tuple(reading.prefixes), tuple(reading.entities),
                 tuple(reading.without))


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _phrase(phrase: str, marked: set[str]) -> str | None:
    found = [key(match.group()) for match in words(phrase)]
    marked.update(found)
    return _quoted(" ".join(found)) if found else None


def _word(word: str, latin: bool, reading: _Reading) -> str | None:
    family = word.startswith("~")
    prefix = word.endswith("*")
    found = [match.group() for match in words(word)]
    if not found:
        return None
    if prefix or family:
        start = " ".join(part.casefold().replace("ё", "е") for part in found[:-1])
        last = stem(key(found[-1])) if family else found[-1].casefold().replace("ё", "е")
        wanted = f"{start} {last}".strip()
        reading.prefixes.append(wanted)
        return _quoted(wanted) + "*"
    terms = [key(part) for part in found]
    reading.marked.update(terms)
    term = _quoted(" ".join(terms))
    if latin and all(re.fullmatch(r"[a-z0-9-]+", part) for part in terms):
        spelled = [key(cyrillic(part)) for part in terms]
        reading.marked.update(spelled)
        term = f"({term} OR {_quoted(' '.join(spelled))})"
    return term
