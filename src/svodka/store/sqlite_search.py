"""The search index of the SQLite store: an FTS5 table of lemmas (title, lead, body) keyed by the
article's seq, kept up to date by every ingest; queries with filters, BM25 or date order, snippets
whose matches are character offsets into the article's text."""
from __future__ import annotations

import sqlite3
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


def search(db: sqlite3.Connection, query: Query, filters: Filters, sort: str = "relevance",
           limit: int = 20, offset: int = 0) -> Results:
    where, parameters = _where(query, filters)
    total = db.execute(f"SELECT count(*) FROM search_index JOIN articles a ON a.seq = search_index.rowid "
                       f"WHERE {where}", parameters).fetchone()[0]
    order = ("coalesce(a.published, a.ingested_at) DESC, a.seq DESC" if sort == "date" else "score, a.seq DESC")
    rows = db.execute(
        f"SELECT a.id, a.title, a.outlet, a.published, a.text, a.spans, bm25(search_index, ?, ?, ?) AS score, "
        f"(SELECT story_id FROM story_members m WHERE m.article_id = a.id) AS story "
        f"FROM search_index JOIN articles a ON a.seq = search_index.rowid WHERE {where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?", (*WEIGHTS, *parameters, limit, offset)).fetchall()
    hits = [Hit(row["id"], row["title"], row["outlet"], row["published"], -row["score"],
                snippet(row["text"], query), row["story"]) for row in rows]
    return Results(total, hits)


def _where(query: Query, filters: Filters) -> tuple[str, list]:
    clauses, parameters = ["search_index MATCH ?"], [query.match]
    for group in filters.entities:
        marks = ", ".join("?" * len(group))
        clauses.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN ({marks}))")
        parameters.extend(group)
    for column, values in (("a.outlet", filters.outlets), ("a.language", filters.languages),
                           ("(SELECT category FROM story_members m WHERE m.article_id = a.id)", filters.categories)):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            parameters.extend(values)
    day = "substr(coalesce(a.published, a.ingested_at), 1, 10)"
    if filters.since:
        clauses.append(f"{day} >= ?")
        parameters.append(filters.since)
    if filters.until:
        clauses.append(f"{day} <= ?")
        parameters.append(filters.until)
    return " AND ".join(clauses), parameters


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
