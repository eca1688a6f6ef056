"""An entity's profile and the graph around it in the SQLite store: mentions per day, the entities
that appear with it and the events it shares with them. Co-occurrence is counted over the entity's
SAMPLE latest articles (`sampled` says when there are more), so that the profile of the most
mentioned person costs the same as anyone's; per-day counts are over every mention."""
from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import combinations

from .base import Graph, Profile

SAMPLE = 1000


def profile(db: sqlite3.Connection, entity_id: str, top: int = 20, sample: int = SAMPLE) -> Profile:
    days = db.execute("SELECT day, mentions FROM entity_days WHERE entity_id = ? ORDER BY day", (entity_id,)).fetchall()
    articles = db.execute("SELECT count(*) FROM article_entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    latest = _latest_articles(db, entity_id, sample)
    return Profile(sum(count for _, count in days), articles, [(day, count) for day, count in days],
                   _with(db, entity_id, latest, top), sample if articles > sample else None)


def graph(db: sqlite3.Connection, entity_id: str, top: int = 20, sample: int = SAMPLE) -> Graph:
    """The entity, the `top` entities that appear with it most, the co-occurrence edges between any
    two of them (articles in common) and the event edges from the entity to them (events they take
    part in together, per event type), both among the sampled articles."""
    latest = _latest_articles(db, entity_id, sample)
    around = _with(db, entity_id, latest, top)
    center = db.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    nodes = [(center[0], center[1], center[2], len(latest)), *around]
    ids = [node[0] for node in nodes]
    edges = [(a, b, "cooccurrence", None, weight) for (a, b), weight in _pairs(db, latest, set(ids)).items()]
    edges += [(entity_id, other, "event", type, weight)
              for other, type, weight in _event_edges(db, entity_id, ids[1:], latest)]
    total = db.execute("SELECT count(*) FROM article_entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    return Graph(entity_id, nodes, edges, sample if total > sample else None)


def _latest_articles(db: sqlite3.Connection, entity_id: str, sample: int) -> list[str]:
    """The ids of the entity's `sample` latest articles, read in date order from its index."""
    return [row[0] for row in db.execute(
        "SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY at DESC, seq DESC LIMIT ?",
        (entity_id, sample))]


def _with(db: sqlite3.Connection, entity_id: str, articles: list[str], top: int) -> list[tuple[str, str, str, int]]:
    if not articles:
        return []
    return db.execute(
        f"SELECT e.id, e.name, e.type, c.shared FROM (SELECT entity_id, count(*) AS shared FROM article_entities "
        f"WHERE article_id IN ({', '.join('?' * len(articles))}) AND entity_id != ? GROUP BY entity_id) c "
        f"JOIN entities e ON e.id = c.entity_id ORDER BY c.shared DESC, e.name LIMIT ?",
        (*articles, entity_id, top)).fetchall()


def _pairs(db: sqlite3.Connection, articles: list[str], ids: set[str]) -> Counter:
    """Articles in which each two of `ids` both appear."""
    if not articles:
        return Counter()
    present: dict[str, set[str]] = {}
    rows = db.execute(f"SELECT article_id, entity_id FROM article_entities WHERE article_id IN "
                      f"({', '.join('?' * len(articles))}) AND entity_id IN ({', '.join('?' * len(ids))})",
                      [*articles, *ids])
    for article_id, entity in rows:
        present.setdefault(article_id, set()).add(entity)
    return Counter(pair for found in present.values() for pair in combinations(sorted(found), 2))


def _event_edges(db: sqlite3.Connection, entity_id: str, others: list[str],
                 articles: list[str]) -> list[tuple[str, str, int]]:
    """Happened events of `articles` in which the entity and each of `others` take part, per type."""
    if not others or not articles:
        return []
    # CROSS JOIN: the sampled articles' events first, not every event of the others
    return db.execute(
        f"SELECT o.entity_id, e.type, count(*) FROM events e "
        f"CROSS JOIN event_participants p ON p.article_id = e.article_id AND p.ordinal = e.ordinal "
        f"CROSS JOIN event_participants o ON o.article_id = e.article_id AND o.ordinal = e.ordinal "
        f"AND o.entity_id != p.entity_id "
        f"WHERE e.article_id IN ({', '.join('?' * len(articles))}) AND +e.status = 'happened' AND +p.entity_id = ? "
        f"AND +o.entity_id IN ({', '.join('?' * len(others))}) "
        f"GROUP BY o.entity_id, e.type ORDER BY 3 DESC", (*articles, entity_id, *others)).fetchall()
