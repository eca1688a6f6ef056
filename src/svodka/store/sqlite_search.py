"""The search index of the SQLite store: an FTS5 table of lemmas (title, lead, body) keyed by the
article's seq, kept up to date by every ingest; queries with filters, BM25 or date order, snippets
whose matches are character offsets into the article's text."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from collections.abc import Callable

from ..records import Article
from ..search import key, lemmas, words
from ..search.query import Query
from ..search.results import Filters, Hit, Results, Snippet

INDEX = ("CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
         "title, lead, body, content='', tokenize='unicode61 remove_diacritics 0')")
WEIGHTS = (3.0, 2.0, 1.0)  # bm25 weights of title, lead and body
SNIPPET = 160  # characters around the first match
BATCH = 500
WHEN = "coalesce(a.published, a.ingested_at)"  # when an article was published, or ingested where undated


def index_article(db: sqlite3.Connection, seq: int, article: Article) -> None:
    db.execute("INSERT INTO search_index (rowid, title, lead, body) VALUES (?, ?, ?, ?)",
               (seq, lemmas(article.title or ""), lemmas(article.lead or ""), lemmas(article.body())))


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
           limit: int = 20, offset: int = 0) -> Results:
    """One page of the articles that match; without words to match (no query, or only entity:
    names), every article that passes the filters, newest first."""
    source, where, parameters = matching(query, filters)
    total = db.execute(f"SELECT count(*) FROM {source} WHERE {where}", parameters).fetchone()[0]
    ranked = bool(query and query.match)
    score = "bm25(search_index, ?, ?, ?)" if ranked else "0.0"
    order = "score, a.seq DESC" if ranked and sort == "relevance" else f"{WHEN} DESC, a.seq DESC"
    page = db.execute(f"SELECT a.seq, {score} AS score FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                      (*(WEIGHTS if ranked else ()), *parameters, limit, offset)).fetchall()
    # The texts are read for the page only: sorting every match with its text costs the most.
    rows = {row["seq"]: row for row in db.execute(
        f"SELECT a.seq, a.id, a.title, a.outlet, a.published, a.text, "
        f"(SELECT story_id FROM story_members m WHERE m.article_id = a.id) AS story "
        f"FROM articles a WHERE a.seq IN ({_marks(page)})", [seq for seq, _ in page])}
    hits = [Hit(rows[seq]["id"], rows[seq]["title"], rows[seq]["outlet"], rows[seq]["published"], -score,
                snippet(rows[seq]["text"], query) if ranked else None, rows[seq]["story"]) for seq, score in page]
    return Results(total, hits)


def matching(query: Query | None, filters: Filters) -> tuple[str, str, list]:
    """The FROM and WHERE of the articles (alias `a`) that match `query` and `filters`, and their parameters."""
    clauses, parameters = [], []
    if query and query.match:
        source = "search_index JOIN articles a ON a.seq = search_index.rowid"
        clauses.append("search_index MATCH ?")
        parameters.append(query.match)
    else:
        source = "articles a"
    for group in filters.entities:
        clauses.append(f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({_marks(group)}))")
        parameters.extend(group)
    if filters.without_entities:
        clauses.append(f"a.id NOT IN (SELECT article_id FROM article_entities WHERE entity_id IN ({_marks(filters.without_entities)}))")
        parameters.extend(filters.without_entities)
    for group in filters.speakers:
        clauses.append(f"a.id IN (SELECT article_id FROM quotes WHERE speaker_id IN ({_marks(group)}))")
        parameters.extend(group)
    if filters.asks_for_events():
        clause, given = _having_event(filters)
        clauses.append(clause)
        parameters.extend(given)
    for column, values in (("a.outlet", filters.outlets), ("a.language", filters.languages),
                           ("(SELECT category FROM story_members m WHERE m.article_id = a.id)", filters.categories),
                           ("(SELECT story_id FROM story_members m WHERE m.article_id = a.id)", filters.stories)):
        if values:
            clauses.append(f"{column} IN ({_marks(values)})")
            parameters.extend(values)
    if filters.since:
        clauses.append(f"{WHEN} >= ?")
        parameters.append(filters.since[:10])
    if filters.until:
        clauses.append(f"{WHEN} < ?")
        parameters.append(_next_day(filters.until[:10]))
    return source, " AND ".join(clauses) or "1", parameters


def _having_event(filters: Filters) -> tuple[str, list]:
    """Articles with one event that is of the types and statuses asked for and has a participant of
    each group (read from the participants' index when there are participants, else the types')."""
    clauses, parameters = [], []
    for column, values in (("e.type", filters.event_types), ("e.status", filters.event_statuses)):
        if values:
            clauses.append(f"{column} IN ({_marks(values)})")
            parameters.extend(values)
    if not filters.participants:
        return f"a.id IN (SELECT e.article_id FROM events e WHERE {' AND '.join(clauses)})", parameters
    first, *others = filters.participants
    for group in others:
        clauses.append(f"EXISTS (SELECT 1 FROM event_participants o WHERE o.article_id = e.article_id "
                       f"AND o.ordinal = e.ordinal AND o.entity_id IN ({_marks(group)}))")
        parameters.extend(group)
    return (f"a.id IN (SELECT p.article_id FROM event_participants p JOIN events e "
            f"ON e.article_id = p.article_id AND e.ordinal = p.ordinal WHERE p.entity_id IN ({_marks(first)})"
            + "".join(f" AND {clause}" for clause in clauses) + ")", [*first, *parameters])


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
