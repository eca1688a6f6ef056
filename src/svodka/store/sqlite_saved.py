"""Saved searches in the SQLite store: one row per name, the search itself as JSON."""
from __future__ import annotations

import sqlite3

from ..search.saved import SavedSearch


def save(db: sqlite3.Connection, saved: SavedSearch, now: str) -> bool:
    """Store `saved`, replacing a search of the same name; whether it replaced one."""
    replaced = db.execute("SELECT 1 FROM saved_searches WHERE name = ?", (saved.name,)).fetchone() is not None
    db.execute("INSERT INTO saved_searches (name, search, saved_at) VALUES (?, ?, ?) "
               "ON CONFLICT (name) DO UPDATE SET search = excluded.search, saved_at = excluded.saved_at",
               (saved.name, saved.to_json(), now))
    return replaced


def saved(db: sqlite3.Connection, name: str | None = None) -> list[tuple[SavedSearch, str]]:
    """Every saved search (or the one called `name`) with when it was saved, by name."""
    rows = db.execute("SELECT name, search, saved_at FROM saved_searches WHERE ? IS NULL OR name = ? ORDER BY name",
                      (name, name)).fetchall()
    return [(SavedSearch.from_json(row[0], row[1]), row[2]) for row in rows]


def delete(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0
