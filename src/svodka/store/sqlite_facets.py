"""Facets of a search on the SQLite store: how many of the matching articles are of each outlet,
category, language and day, mention each entity (the top ones of each type) and tell each event type.
Outlets, categories, languages and days are counted over every match; entities and event types over
the first `sample` matches in the results' order when there are more (`Facets.sampled` says so), so
that a query matching most of a large store still answers in milliseconds."""
from __future__ import annotations

import sqlite3
from collections import Counter

from ..search.query import Query
from ..search.results import Count, Facets, Filters
from .sqlite_search import WEIGHTS, WHEN, matching

SAMPLE = 1000


def facets(db: sqlite3.Connection, query: Query | None, filters: Filters, top: int = 10,
           sample: int = SAMPLE) -> Facets:
    source, where, parameters = matching(query, filters)
    rows = db.execute(
        f"SELECT a.outlet, a.language, substr({WHEN}, 1, 10), m.category "
        f"FROM {source} LEFT JOIN story_members m ON m.article_id = a.id WHERE {where}", parameters).fetchall()
    found = Facets(outlets=_counts(row[0] for row in rows), languages=_counts(row[1] for row in rows),
                   categories=_counts(row[3] for row in rows),
                   days=sorted(_counts(row[2] for row in rows), key=lambda count: count.value))
    found.outlets, found.languages, found.categories = found.outlets[:top], found.languages[:top], found.categories[:top]
    ranked = bool(query and query.match)
    order = f"bm25(search_index, {', '.join(map(str, WEIGHTS))}), a.seq DESC" if ranked else f"{WHEN} DESC, a.seq DESC"
    first = f"SELECT a.id FROM {source} WHERE {where} ORDER BY {order} LIMIT ?"
    found.entities = _entities(db, first, [*parameters, sample], top)
    found.event_types = [Count(type, count) for type, count in db.execute(
        f"SELECT type, count(DISTINCT article_id) FROM events WHERE article_id IN ({first}) "
        f"GROUP BY type ORDER BY 2 DESC, 1 LIMIT ?", [*parameters, sample, top])]
    found.sampled = sample if len(rows) > sample else None
    return found


def _counts(values) -> list[Count]:
    """Most frequent first; what has no value (an undated article's day never lacks one) is left out."""
    counted = Counter(value for value in values if value)
    return [Count(value, count) for value, count in sorted(counted.items(), key=lambda item: (-item[1], item[0]))]


def _entities(db: sqlite3.Connection, first: str, parameters: list, top: int) -> dict[str, list[Count]]:
    rows = db.execute(
        f"SELECT type, id, name, count FROM (SELECT e.type, e.id, e.name, c.count, "
        f"row_number() OVER (PARTITION BY e.type ORDER BY c.count DESC, e.name) AS rank "
        f"FROM (SELECT entity_id, count(*) AS count FROM article_entities WHERE article_id IN ({first}) "
        f"GROUP BY entity_id) c JOIN entities e ON e.id = c.entity_id) "
        f"WHERE rank <= ? ORDER BY type, count DESC, name", [*parameters, top]).fetchall()
    by_type: dict[str, list[Count]] = {}
    for type, entity_id, name, count in rows:
        by_type.setdefault(type, []).append(Count(entity_id, count, name, type))
    return by_type
