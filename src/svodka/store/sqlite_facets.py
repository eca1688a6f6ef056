"""Facets of a search on the SQLite store: how many of the matching articles are of each outlet,
category, language and day, mention each entity (the top ones of each type) and tell each event type.
Outlets, categories, languages and days are counted over every match (from the columns held in
memory, `sqlite_columns`); entities and event types over the `sample` latest matches when there are
more (`Facets.sampled` says so): newest first without words, the last stored with words, so that a
query matching most of a large store still answers in milliseconds."""
from __future__ import annotations

import sqlite3

import numpy as np

from ..records import ENTITY_TYPES
from ..search.query import Query
from ..search.results import Count, Facets, Filters
from .sqlite_columns import CardColumns
from .sqlite_search import Match, matching

SAMPLE = 1000
CHUNK = 500  # entities named at a time


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
    seqs = _seqs(db, f"SELECT {found.seq} AS seq FROM {found.source} WHERE {found.where}", found.parameters)
    if ranked:
        return seqs, np.sort(seqs)[::-1][:sample].tolist()
    first = [row[0] for row in db.execute(f"SELECT {found.seq} FROM {found.source} WHERE {found.where} "
                                          f"ORDER BY {found.newest_first} LIMIT ?", [*found.parameters, sample])]
    return seqs, first


def _seqs(db: sqlite3.Connection, select: str, parameters: list) -> np.ndarray:
    """The seqs `select` selects, read as one string and parsed by NumPy (a Python int per row
    took three times as long)."""
    joined = db.execute(f"SELECT group_concat(seq) FROM ({select})", parameters).fetchone()[0]
    return np.fromstring(joined, dtype=np.int64, sep=",") if joined else np.zeros(0, dtype=np.int64)


def _entities(db: sqlite3.Connection, first: str, parameters: list, top: int) -> dict[str, list[Count]]:
    """The `top` entities of each type most often among the articles `first` selects (ties by name).
    Counted per entity, then named and typed most counted first, a chunk at a time, until no entity
    left could still enter a type's top (naming thousands of once-seen entities cost the most)."""
    counted = sorted(db.execute(f"SELECT entity_id, count(*) FROM article_entities WHERE article_id IN ({first}) "
                                "GROUP BY entity_id", parameters).fetchall(), key=lambda row: -row[1])
    by_type: dict[str, list[Count]] = {type: [] for type in ENTITY_TYPES}
    for start in range(0, len(counted), CHUNK):
        chunk = dict(counted[start:start + CHUNK])
        for entity_id, type, name in db.execute(
                f"SELECT id, type, name FROM entities WHERE id IN ({', '.join('?' * len(chunk))})", list(chunk)):
            by_type.setdefault(type, []).append(Count(entity_id, chunk[entity_id], name, type))
        after = counted[start + CHUNK][1] if start + CHUNK < len(counted) else 0
        if all(len(found) >= top and _nth(found, top).count > after for found in by_type.values()):
            break
    return {type: sorted(found, key=lambda count: (-count.count, count.name))[:top]
            for type, found in sorted(by_type.items()) if found}


def _nth(counts: list[Count], n: int) -> Count:
    return sorted(counts, key=lambda count: (-count.count, count.name))[n - 1]
