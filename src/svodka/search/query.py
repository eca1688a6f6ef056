"""The search query language, read into an FTS5 expression that quotes every term (a user's query
never reaches FTS5's own syntax): words (all must match), "phrases", OR between terms, NOT or a
leading minus before a term to exclude it, a trailing * for a prefix (not lemmatised). Words are
matched by lemma (`search.key`): "встреча" finds "встречи", "встретился" finds "встретиться",
"Шольц" finds "Шольцу". A word in Latin
letters also finds its Cyrillic spelling ("Lukashenko" finds "Лукашенко") unless `latin=False`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from . import key, words
from .translit import cyrillic

MAX_QUERY = 1000  # characters
MAX_TERMS = 32
PIECE = re.compile(r'"([^"]*)"|(\S+)')


class QueryError(InputError):
    """A query svodka cannot read: names it and says why."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"query {text[:80]!r}", reason)


@dataclass(frozen=True)
class Query:
    text: str
    match: str  # the FTS5 expression
    lemmas: frozenset[str]  # what a snippet marks
    prefixes: tuple[str, ...]


def parse(text: str, latin: bool = True) -> Query:
    if len(text) > MAX_QUERY:
        raise QueryError(text, f"{len(text)} characters, at most {MAX_QUERY}")
    if text.count('"') % 2:
        raise QueryError(text, "a phrase's quotation mark is not closed")
    groups: list[list[str]] = [[]]  # OR-groups, ANDed
    excluded: list[str] = []
    marked: set[str] = set()
    prefixes: list[str] = []
    negate = join = False
    count = 0
    for phrase, word in PIECE.findall(text):
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
        term = _phrase(phrase, marked) if phrase else _word(word, latin, marked, prefixes)
        if term is None:
            negate = join = False
            continue
        count += 1
        if count > MAX_TERMS:
            raise QueryError(text, f"more than {MAX_TERMS} terms")
        if negate:
            excluded.append(term)
        elif join and groups[-1]:
            groups[-1].append(term)
        else:
            groups.append([term])
        negate = join = False
    groups = [group for group in groups if group]
    if not groups:
        raise QueryError(text, "no word to search for" + (" (only words to exclude)" if excluded else ""))
    match = " AND ".join(group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")" for group in groups)
    match += "".join(f" NOT {term}" for term in excluded)
    return Query(text, match, frozenset(marked), tuple(prefixes))


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _phrase(phrase: str, marked: set[str]) -> str | None:
    found = [key(match.group()) for match in words(phrase)]
    marked.update(found)
    return _quoted(" ".join(found)) if found else None


def _word(word: str, latin: bool, marked: set[str], prefixes: list[str]) -> str | None:
    prefix = word.endswith("*")
    found = [match.group() for match in words(word)]
    if not found:
        return None
    if prefix:
        stem = " ".join(part.casefold().replace("ё", "е") for part in found)
        prefixes.append(stem)
        return _quoted(stem) + "*"
    terms = [key(part) for part in found]
    marked.update(terms)
    term = _quoted(" ".join(terms))
    if latin and all(re.fullmatch(r"[a-z0-9-]+", part) for part in terms):
        spelled = [key(cyrillic(part)) for part in terms]
        marked.update(spelled)
        term = f"({term} OR {_quoted(' '.join(spelled))})"
    return term
