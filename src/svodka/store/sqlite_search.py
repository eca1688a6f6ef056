"""The search index of the SQLite store: an FTS5 table of lemmas (title, lead, body) keyed by the
article's seq, kept up to date by every ingest; queries with filters, BM25 or date order, snippets
whose matches are character offsets into the article's text."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..records import Article
from ..search import index_lemmas, key, words
from ..search.query import Query
from ..search.results import Filters, Hit, Results, Snippet
from .sqlite_columns import CardColumns

INDEX = ("CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
         "title, lead, body, content='', tokenize='unicode61 remove_diacritics 0')")
WEIGHTS = (3.0, 2.0, 1.0)  # bm25 weights of title, lead and body
SNIPPET = 160  # characters around the first match
BATCH = 500


def index_article(db: sqlite3.Connection, seq: int, article: Article,
                  lemmas: tuple[str, str, str] | None = None) -> None:
    """Index the article's title, lead and body (their `lemmas`, where computed already)."""
    db.execute("INSERT INTO search_index (rowid, title, lead, body) VALUES (?, ?, ?, ?)",
               (seq, *(lemmas or index_lemmas(article))))


def reindex(db: sqlite3.Connection, article_of: Callable[[sqlite3.Row], Article],
            progress: Callable[[int, int], None] | None = None) -> int:
    """Build the index anew from every stored article; returns how many were indexed."""
    db.execute("DROP TABLE IF EXISTS search_index")
    db.execute(INDEX)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    done, last = 0, 0
    while True:
        rows = db.execute("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, BATCH)).fetchall()
        if not rows:
            return done
        for row in rows:
            index_article(db, row["seq"], article_of(row))
        done, last = done + len(rows), rows[-1]["seq"]
        if progress:
            progress(done, total)


def search(db: sqlite3.Connection, query: Query | None, filters: Filters, sort: str = "relevance",
           limit: int = 20, offset: int = 0, total: int | None = None,
           columns: CardColumns | None = None) -> Results:
    """One page of the articles that match (`total` of them, when the caller has counted them);
    without words to match (no query, or only entity: names), every article that passes the
    filters, newest first. Words in date order are sorted by the dates `columns` hold, when given."""
    ranked = bool(query and query.match)
    if ranked and sort != "relevance" and columns is not None:
        total, page = _by_date(db, matching(query, filters), columns, limit, offset)
    else:
        total, page = _page(db, query, filters, sort, limit, offset, total)
    # The texts are read for the page only: sorting every match with its text costs the most.
    rows = {row["seq"]: row for row in db.execute(
        f"SELECT a.seq, a.id, a.title, a.outlet, a.published, a.text, "
        f"(SELECT story_id FROM story_members m WHERE m.article_id = a.id) AS story "
        f"FROM articles a WHERE a.seq IN ({_marks(page)})", [seq for seq, _ in page])}
    hits = [Hit(rows[seq]["id"], rows[seq]["title"], rows[seq]["outlet"], rows[seq]["published"], -score,
                snippet(rows[seq]["text"], query) if ranked else None, rows[seq]["story"]) for seq, score in page]
    return Results(total, hits)


def _page(db: sqlite3.Connection, query: Query | None, filters: Filters, sort: str, limit: int, offset: int,
          total: int | None) -> tuple[int, list[tuple[int, float]]]:
    """How many match, and the seq and BM25 score (0 without words) of each on the page, sorted by SQL."""
    ranked = bool(query and query.match)
    found = matching(query, filters, cards=ranked and sort != "relevance")
    if total is None:
        total = db.execute(f"SELECT count(*) FROM {found.source} WHERE {found.where}", found.parameters).fetchone()[0]
    score = "bm25(search_index, ?, ?, ?)" if ranked else "0.0"
    order = f"score, {found.seq} DESC" if ranked and sort == "relevance" else found.newest_first
    page = db.execute(f"SELECT {found.seq}, {score} AS score FROM {found.source} WHERE {found.where} "
                      f"ORDER BY {order} LIMIT ? OFFSET ?",
                      (*(WEIGHTS if ranked else ()), *found.parameters, limit, offset)).fetchall()
    return total, [(seq, score) for seq, score in page]


def _by_date(db: sqlite3.Connection, found: Match, columns: CardColumns, limit: int,
             offset: int) -> tuple[int, list[tuple[int, float]]]:
    """How many match the words, and the page of them newest first: every match scored once and
    sorted by the dates held in memory (a join to each match's card and a sort cost twice that)."""
    rows = db.execute(f"SELECT {found.seq}, bm25(search_index, ?, ?, ?) FROM {found.source} WHERE {found.where}",
                      [*WEIGHTS, *found.parameters]).fetchall()
    seqs = np.array([row[0] for row in rows], dtype=np.int64)
    order = columns.newest_first(db, seqs)[offset:offset + limit]
    return len(rows), [(int(seqs[at]), rows[at][1]) for at in order]


@dataclass(frozen=True)
class Match:
    """The FROM and WHERE of the articles that match a search, their parameters, and the
    expressions of a match's seq and of when it was published (or ingested where undated)."""

    source: str
    where: str
    parameters: list
    seq: str
    at: str

    @property
    def newest_first(self) -> str:
        return f"{self.at} DESC, {self.seq} DESC"


def matching(query: Query | None, filters: Filters, cards: bool = False) -> Match:
    """The articles that match `query` and `filters`. They are read from the word index when there
    are words (its rowid is the seq), else from the index of one entity's articles by date when the
    first entity filter is one entity (in date order, so that a page stops after its rows), else
    from the articles' cards; a card (alias `a`) is joined when a filter, or the caller (`cards`),
    needs one."""
    words = bool(query and query.match)
    dated, dates = _dates(filters, "at")
    first, *groups = filters.entities or [()]
    by_entity = not words and len(first) == 1
    if words:
        # the unary + keeps the planner from matching the words once per seq of an IN list
        # (an entity's articles), hundreds of times slower than matching them once
        seq, at, clauses, parameters = "+search_index.rowid", "a.at", ["search_index MATCH ?"], [query.match]
    elif by_entity:
        seq, at, clauses, parameters = "e0.seq", "e0.at", [f"e0.entity_id = ?{dated.replace(' at ', ' e0.at ')}"], [*first, *dates]
    else:
        seq, at, clauses, parameters = "a.seq", "a.at", [], []
    for group in (groups if by_entity else filters.entities):
        clauses.append(f"{seq} IN (SELECT seq FROM article_entities WHERE entity_id IN ({_marks(group)}){dated})")
        parameters.extend([*group, *dates])
    if filters.without_entities:
        clauses.append(f"{seq} NOT IN (SELECT seq FROM article_entities WHERE entity_id IN ({_marks(filters.without_entities)}))")
        parameters.extend(filters.without_entities)
    for group in filters.speakers:
        clauses.append(f"{seq} IN ({_seqs_of(f'SELECT article_id FROM quotes WHERE speaker_id IN ({_marks(group)})')})")
        parameters.extend(group)
    if filters.asks_for_events():
        clause, given = _having_event(filters)
        clauses.append(f"{seq} IN ({_seqs_of(clause)})")
        parameters.extend(given)
    carded = cards or not (words or by_entity)
    for column, values in (("a.outlet", filters.outlets), ("a.language", filters.languages),
                           ("(SELECT category FROM story_members m WHERE m.article_id = a.id)", filters.categories),
                           ("(SELECT story_id FROM story_members m WHERE m.article_id = a.id)", filters.stories)):
        if values:
            carded = True
            clauses.append(f"{column} IN ({_marks(values)})")
            parameters.extend(values)
    if dates and not by_entity:
        carded = True
        clauses.append(_dates(filters, "a.at")[0].removeprefix(" AND "))
        parameters.extend(dates)
    if words:
        source = "search_index" + (" JOIN article_cards a ON a.seq = search_index.rowid" if carded else "")
    elif by_entity:
        source = "article_entities e0" + (" JOIN article_cards a ON a.seq = e0.seq" if carded else "")
    else:
        source = "article_cards a"
    return Match(source, " AND ".join(clauses) or "1", parameters, seq, at)


def _dates(filters: Filters, column: str) -> tuple[str, list[str]]:
    """The date range as conditions (each after " AND ") on `column` (when an article was published,
    or ingested where undated), and their parameters."""
    conditions, parameters = [], []
    if filters.since:
        conditions.append(f"{column} >= ?")
        parameters.append(filters.since[:10])
    if filters.until:
        conditions.append(f"{column} < ?")
        parameters.append(_next_day(filters.until[:10]))
    return "".join(f" AND {condition}" for condition in conditions), parameters


def _seqs_of(article_ids: str) -> str:
    """The seqs of the articles whose ids the query `article_ids` selects (through the index of ids)."""
    return f"SELECT seq FROM articles WHERE id IN ({article_ids})"


def _having_event(filters: Filters) -> tuple[str, list]:
    """The ids of the articles with one event that is of the types and statuses asked for and has a participant of
    each group (read from the participants' index when there are participants, else the types')."""
    clauses, parameters = [], []
    for column, values in (("e.type", filters.event_types), ("e.status", filters.event_statuses)):
        if values:
            clauses.append(f"{column} IN ({_marks(values)})")
            parameters.extend(values)
    if not filters.participants:
        return f"SELECT e.article_id FROM events e WHERE {' AND '.join(clauses)}", parameters
    first, *others = filters.participants
    for group in others:
        clauses.append(f"EXISTS (SELECT 1 FROM event_participants o WHERE o.article_id = e.article_id "
                       f"AND o.ordinal = e.ordinal AND o.entity_id IN ({_marks(group)}))")
        parameters.extend(group)
    return (f"SELECT p.article_id FROM event_participants p JOIN events e "
            f"ON e.article_id = p.article_id AND e.ordinal = p.ordinal WHERE p.entity_id IN ({_marks(first)})"
            + "".join(f" AND {clause}" for clause in clauses), [*first, *parameters])


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def snippet(text: str, query: Query) -> Snippet | None:
    """The words around the first match in the article's text, every match in them marked."""
    first = next((match for match in words(text) if _matches(match.group(), query)), None)
    if first is None:
        return None
    start = max(0, first.start() - SNIPPET // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET)
    end = text.find(" ", end) if text.find(" ", end) != -1 else len(text)
    marks = tuple((m.start(), m.end()) for m in words(text[start:end]) if _matches(m.group(), query))
    return Snippet(start, end, text[start:end], tuple((start + a, start + b) for a, b in marks))


def _matches(word: str, query: Query) -> bool:
    folded = word.casefold().replace("ё", "е")
    return key(word) in query.lemmas or any(folded.startswith(prefix) for prefix in query.prefixes)


def _next_day(day: str) -> str:
    """The day after `day` (YYYY-MM-DD): an article published on `day` at any hour sorts before it."""
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
