"""Outlets in the SQLite store: how many articles each has, per month, and whom it names most
(over its latest articles, as entity profiles are sampled)."""
from __future__ import annotations

import sqlite3

SAMPLE = 1000


def outlets(db: sqlite3.Connection) -> list[tuple[str, int, str | None, str | None]]:
    """(outlet, articles, first and last date), most articles first (from the cards' outlet index)."""
    return db.execute("SELECT outlet, count(*), min(at), max(at) FROM article_cards WHERE outlet IS NOT NULL "
                      "AND outlet != '' GROUP BY outlet ORDER BY 2 DESC, 1").fetchall()


def outlet_months(db: sqlite3.Connection, outlet: str) -> list[tuple[str, int]]:
    """(YYYY-MM, articles) of the outlet, in order."""
    return db.execute("SELECT substr(at, 1, 7), count(*) FROM article_cards WHERE outlet = ? GROUP BY 1 ORDER BY 1",
                      (outlet,)).fetchall()


def outlet_entities(db: sqlite3.Connection, outlet: str, top: int = 20,
                    sample: int = SAMPLE) -> list[tuple[str, str, str, int]]:
    """(id, name, type, articles) of the entities the outlet's latest `sample` articles name most."""
    return db.execute(
        "SELECT e.id, e.name, e.type, c.count FROM (SELECT entity_id, count(*) AS count FROM article_entities "
        "WHERE article_id IN (SELECT id FROM article_cards WHERE outlet = ? ORDER BY at DESC, seq DESC LIMIT ?) "
        "GROUP BY entity_id) c JOIN entities e ON e.id = c.entity_id ORDER BY c.count DESC, e.name LIMIT ?",
        (outlet, sample, top)).fetchall()
