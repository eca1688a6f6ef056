"""Corrections an analyst makes to what svodka found, kept as records of their own (who, when,
what) beside the rows they changed, so that each can be listed and undone. A merge of two entities
re-points every reference of one to the other and leaves a redirect that every later ingest follows,
so the merge holds for articles that arrive after it; undoing it points back exactly the rows it
moved (those of later articles too), and brings the entity and its names back."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from .sqlite_entities import merge_entity

# Each table that refers to entities: its key columns, and the columns that hold an entity id.
REFERENCES = {
    "mentions": (("article_id", "start", '"end"', "kind"), ("entity_id",)),
    "quotes": (("article_id", "ordinal"), ("speaker_id", "addressee_id")),
    "events": (("article_id", "ordinal"), ("place_id",)),
    "event_participants": (("article_id", "ordinal", "position"), ("entity_id",)),
}
MAX_HOPS = 16  # redirects followed one after another (a → b, then b → c)


class CorrectionError(ValueError):
    """A correction that cannot be made or undone; the message says why."""


@dataclass(frozen=True)
class Correction:
    id: int
    kind: str  # merge
    target: str  # the entity merged away
    value: str  # the entity it was merged into
    who: str
    at: str
    undone_at: str | None = None
    undone_by: str | None = None
    target_name: str | None = None  # the names the two entities had when the correction was made
    value_name: str | None = None


def merge(db: sqlite3.Connection, old: str, new: str, who: str) -> int:
    """Merge entity `old` into `new`; the correction's id."""
    if old == new:
        raise CorrectionError("an entity cannot be merged into itself")
    before = {id: db.execute("SELECT id, type, name, wikidata, first_seen FROM entities WHERE id = ?", (id,)).fetchone()
              for id in (old, new)}
    missing = [id for id, row in before.items() if row is None]
    if missing:
        raise CorrectionError(f"no entity {missing[0]!r}")
    saved = {"entity": list(before[old]), "names": [before[old][2], before[new][2]],
             "aliases": _aliases(db, old), "aliases_of_new": _aliases(db, new)}
    correction = db.execute(
        "INSERT INTO corrections (kind, target, value, who, at, saved) VALUES ('merge', ?, ?, ?, ?, ?)",
        (old, new, who, _now(), json.dumps(saved, ensure_ascii=False))).lastrowid
    _repoint(db, correction, old, new)
    db.execute("INSERT OR REPLACE INTO entity_redirects (old, new, correction_id) VALUES (?, ?, ?)",
               (old, new, correction))
    return correction


def follow_redirects(db: sqlite3.Connection, entity_ids) -> None:
    """Merge again, as their corrections did, the entities an article just stored brought back."""
    pending = set(entity_ids)
    for _ in range(MAX_HOPS):
        if not pending:
            return
        marks = ", ".join("?" * len(pending))
        found = db.execute(f"SELECT old, new, correction_id FROM entity_redirects WHERE old IN ({marks}) "
                           "AND old IN (SELECT id FROM entities)", list(pending)).fetchall()
        for old, new, correction in found:
            _repoint(db, correction, old, new)
        pending = {new for _, new, _ in found}


def undo(db: sqlite3.Connection, correction_id: int, who: str) -> None:
    row = db.execute("SELECT kind, target, value, saved, undone_at FROM corrections WHERE id = ?",
                     (correction_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no correction {correction_id}")
    kind, old, new, saved, undone = row
    if undone:
        raise CorrectionError(f"correction {correction_id} was undone already")
    later = db.execute("SELECT id FROM corrections WHERE id > ? AND undone_at IS NULL AND (target IN (?, ?) "
                       "OR value IN (?, ?)) ORDER BY id DESC LIMIT 1", (correction_id, old, new, old, new)).fetchone()
    if later:
        raise CorrectionError(f"correction {later[0]} changed these entities after it: undo that one first")
    saved = json.loads(saved)
    db.execute("INSERT OR IGNORE INTO entities (id, type, name, wikidata, first_seen) VALUES (?, ?, ?, ?, ?)",
               saved["entity"])
    for table, (keys, _) in REFERENCES.items():
        for column, key in db.execute("SELECT column_name, key FROM correction_rows WHERE correction_id = ? "
                                      "AND table_name = ?", (correction_id, table)).fetchall():
            where = " AND ".join(f"{name} = ?" for name in keys)
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {where} AND {column} = ?", (old, *json.loads(key), new))
    moved = [alias for alias in saved["aliases"] if alias not in saved["aliases_of_new"]]
    db.execute(f"DELETE FROM entity_aliases WHERE entity_id = ? AND alias IN ({', '.join('?' * len(moved))})",
               (new, *moved))
    db.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, last_word) "
                   "VALUES (?, ?, svodka_casefold(?), svodka_last_word(?))",
                   [(old, alias, alias, alias) for alias in saved["aliases"]])
    db.execute("DELETE FROM entity_redirects WHERE correction_id = ?", (correction_id,))
    db.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), who, correction_id))


def corrections(db: sqlite3.Connection, limit: int = 200) -> list[Correction]:
    """The latest corrections first, undone ones too."""
    return [Correction(id, kind, target, value, who, at, undone_at, undone_by, *json.loads(saved)["names"])
            for id, kind, target, value, who, at, undone_at, undone_by, saved in db.execute(
                "SELECT id, kind, target, value, who, at, undone_at, undone_by, saved FROM corrections "
                "ORDER BY id DESC LIMIT ?", (limit,))]


def _repoint(db: sqlite3.Connection, correction: int, old: str, new: str) -> None:
    """Note every row that refers to `old` under the correction, then merge `old` into `new`."""
    for table, (keys, columns) in REFERENCES.items():
        for column in columns:
            rows = db.execute(f"SELECT {', '.join(keys)} FROM {table} WHERE {column} = ?", (old,)).fetchall()
            db.executemany("INSERT INTO correction_rows (correction_id, table_name, column_name, key) VALUES (?, ?, ?, ?)",
                           [(correction, table, column, json.dumps(list(row), ensure_ascii=False)) for row in rows])
    merge_entity(db, old, new)


def _aliases(db: sqlite3.Connection, entity_id: str) -> list[str]:
    return [alias for (alias,) in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,))]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
