"""Facets of a search on the SQLite store: how many of the matching articles are of each outlet,
category, language and day, mention each entity (the top ones of each type) and tell each event type.
Outlets, categories, languages and days are counted over every match (from the columns held in
memory, `sqlite_columns`); entities and event types over the `sample` latest matches when there are
more (`Facets.sampled` says so): newest first without words, the last stored with words, so that a
query matching most of a large store still answers in milliseconds."""
from __future__ import annotations

import sqlite3

import numpy as np

from ..search.query import Query
from ..search.results import Count, Facets, Filters
from .sqlite_columns import CardColumns
from .sqlite_search import Match, matching

SAMPLE = 1000


def facets(db: sqlite3.Connection, columns: CardColumns, query: Query | None, filters: Filters, top: int = 10,
           sample: int = SAMPLE) -> tuple[Facets, int]:
    """The facets of the search, and how many articles matched it."""
    found = matching(query, filters)
    seqs, first = _matches(db, found, bool(query and query.match), sample)
    counted, _ = columns.count(db, np.sort(seqs))
    facets = Facets(outlets=counted["outlet"][:top], languages=counted["language"][:top],
                    categories=counted["category"][:top], days=sorted(counted["day"], key=lambda count: count.value))
    first_ids = f"SELECT id FROM article_cards WHERE seq IN ({', '.join('?' * len(first))})"
    facets.entities = _entities(db, first_ids, first, top)
    facets.event_types = [Count(type, count) for type, count in db.execute(
        f"SELECT type, count(DISTINCT article_id) FROM events WHERE article_id IN ({first_ids}) "
        f"GROUP BY type ORDER BY 2 DESC, 1 LIMIT ?", [*first, top])]
    facets.sampled = sample if len(seqs) > sample else None
    return facets, len(seqs)


def _matches(db: sqlite3.Connection, found: Match, ranked: bool, sample: int) -> tuple[np.ndarray, list[int]]:
    """The seqs of every match, and of the `sample` latest: newest first without words (the first
    rows of an index), the last stored with words (scoring every match to take the best would cost
    more than the rest of the search)."""
    seqs = np.array([row[0] for row in db.execute(f"SELECT {found.seq} FROM {found.source} WHERE {found.where}",
                                                  found.parameters)], dtype=np.int64)
    if ranked:
        return seqs, np.sort(seqs)[::-1][:sample].tolist()
    first = [row[0] for row in db.execute(f"SELECT {found.seq} FROM {found.source} WHERE {found.where} "
                                          f"ORDER BY {found.newest_first} LIMIT ?", [*found.parameters, sample])]
    return seqs, first


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
