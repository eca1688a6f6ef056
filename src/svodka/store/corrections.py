"""Corrections an analyst makes to what svodka found, kept as records of their own (who, when,
what) beside the rows they changed, so that each can be listed and undone. A merge of two entities
re-points every reference of one to the other and leaves a redirect that every later ingest follows,
so the merge holds for articles that arrive after it; undoing it points back exactly the rows it
moved (those of later articles too), and brings the entity and its names back. A rename gives an
entity another canonical name (the old one stays a name of it; later ingests keep the entity's
stored name); a mention marked wrong is taken out of its article (an article is read once, so it
stays out). A name split off an entity (two namesakes under one) becomes an entity of its own,
taking the mentions written so, in later articles too."""
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
    kind: str  # merge, rename, unmention, split
    target: str  # merge: the entity merged away; rename, split: the entity; unmention: the mention's entity
    value: str  # merge: the entity merged into; rename: the new name; split: the name; unmention: the article
    who: str
    at: str
    undone_at: str | None = None
    undone_by: str | None = None
    target_name: str | None = None  # merge: the two entities' names then; rename: the old and new
    value_name: str | None = None  # name; unmention: the words of the mention and its entity's name


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
    correction = _record(db, "merge", old, new, who, saved)
    _repoint(db, correction, old, new)
    db.execute("INSERT OR REPLACE INTO entity_redirects (old, new, correction_id) VALUES (?, ?, ?)",
               (old, new, correction))
    return correction


def rename(db: sqlite3.Connection, entity_id: str, name: str, who: str) -> int:
    """Give the entity the canonical name `name`; its old name stays one of its names."""
    name = " ".join(name.split())
    row = db.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no entity {entity_id!r}")
    if not name or name == row[0]:
        raise CorrectionError("the new name is empty or the same")
    aliases = _aliases(db, entity_id)
    added = [alias for alias in dict.fromkeys((row[0], name)) if alias not in aliases]
    correction = _record(db, "rename", entity_id, name, who, {"names": [row[0], name], "added": added})
    db.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))
    _add_aliases(db, entity_id, added)
    return correction


def unmention(db: sqlite3.Connection, article_id: str, start: int, end: int, who: str) -> int:
    """Take the mention at [start, end) of the article out: it names no one."""
    rows = db.execute('SELECT article_id, start, "end", type, normal, entity_id, kind FROM mentions '
                      'WHERE article_id = ? AND start = ? AND "end" = ?', (article_id, start, end)).fetchall()
    if not rows:
        raise CorrectionError(f"no mention at {start}–{end} of article {article_id!r}")
    named = db.execute("SELECT name FROM entities WHERE id = ?", (rows[0][5],)).fetchone()
    correction = _record(db, "unmention", rows[0][5] or "", article_id, who,
                         {"names": [rows[0][4], named[0] if named else None], "rows": [list(row) for row in rows]})
    db.execute('DELETE FROM mentions WHERE article_id = ? AND start = ? AND "end" = ?', (article_id, start, end))
    return correction


def split(db: sqlite3.Connection, entity_id: str, alias: str, who: str) -> int:
    """Split the name `alias` off the entity: a new entity of that name takes the mentions written so
    (by their nominative form) and the alias; later articles' mentions written so go to it too."""
    row = db.execute("SELECT type, name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no entity {entity_id!r}")
    folded = alias.casefold()
    if folded == row[1].casefold():
        raise CorrectionError("the entity's own name cannot be split off; rename it, or split off its other names")
    moving = db.execute("SELECT count(*) FROM mentions WHERE entity_id = ? AND svodka_casefold(normal) = ?",
                        (entity_id, folded)).fetchone()[0]
    if not moving and alias not in _aliases(db, entity_id):
        raise CorrectionError(f"{alias!r} is not a name of {row[1]!r}")
    correction = _record(db, "split", entity_id, alias, who, {"names": [row[1], alias]})
    new = split_off(entity_id, correction)
    db.execute("UPDATE corrections SET saved = json_set(saved, '$.new', ?) WHERE id = ?", (new, correction))
    db.execute("INSERT INTO entities (id, type, name, wikidata, first_seen) VALUES (?, ?, ?, NULL, ?)",
               (new, row[0], alias, _now()))
    db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", (entity_id, alias))
    _add_aliases(db, new, [alias])
    db.execute("INSERT INTO entity_splits (entity_id, folded, new, correction_id) VALUES (?, ?, ?, ?)",
               (entity_id, folded, new, correction))
    _split_mentions(db, correction, entity_id, folded, new)
    return correction


def split_off(entity_id: str, correction: int) -> str:
    """The id of the entity the split `correction` made of a name of `entity_id`."""
    return f"{entity_id}~{correction}"


def _split_mentions(db: sqlite3.Connection, correction: int, entity_id: str, folded: str, new: str,
                    article_id: str | None = None) -> None:
    """Give `new` the mentions of `entity_id` whose nominative folds to `folded` (of one article, when given), noted."""
    where = "entity_id = ? AND svodka_casefold(normal) = ?" + (" AND article_id = ?" if article_id else "")
    given = (entity_id, folded, *([article_id] if article_id else []))
    keys, _ = REFERENCES["mentions"]
    rows = db.execute(f"SELECT {', '.join(keys)} FROM mentions WHERE {where}", given).fetchall()
    db.executemany("INSERT INTO correction_rows (correction_id, table_name, column_name, key) VALUES (?, ?, ?, ?)",
                   [(correction, "mentions", "entity_id", json.dumps(list(row), ensure_ascii=False)) for row in rows])
    db.execute(f"UPDATE mentions SET entity_id = ? WHERE {where}", (new, *given))


def follow_redirects(db: sqlite3.Connection, article_id: str, entity_ids) -> None:
    """Make again, for an article just stored, the merges and splits of the entities it names."""
    marks = ", ".join("?" * len(set(entity_ids)))
    for entity_id, folded, new, correction in db.execute(
            f"SELECT entity_id, folded, new, correction_id FROM entity_splits WHERE entity_id IN ({marks})",
            list(set(entity_ids))).fetchall():
        _split_mentions(db, correction, entity_id, folded, new, article_id)
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
    kind, target, value, saved, undone = row
    if undone:
        raise CorrectionError(f"correction {correction_id} was undone already")
    entities = (target, value) if kind == "merge" else (target, json.loads(saved).get("new", target))
    later = db.execute("SELECT id FROM corrections WHERE id > ? AND undone_at IS NULL AND kind != 'unmention' "
                       "AND (target IN (?, ?) OR value IN (?, ?)) ORDER BY id DESC LIMIT 1",
                       (correction_id, *entities, *entities)).fetchone()
    if later and kind != "unmention":
        raise CorrectionError(f"correction {later[0]} changed these entities after it: undo that one first")
    undoing = {"merge": _unmerge, "rename": _unrename, "unmention": _remention, "split": _unsplit}[kind]
    undoing(db, correction_id, target, value, json.loads(saved))
    db.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), who, correction_id))


def _unmerge(db: sqlite3.Connection, correction_id: int, old: str, new: str, saved: dict) -> None:
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
    _add_aliases(db, old, saved["aliases"])
    db.execute("DELETE FROM entity_redirects WHERE correction_id = ?", (correction_id,))


def _unrename(db: sqlite3.Connection, correction_id: int, entity_id: str, name: str, saved: dict) -> None:
    db.execute("UPDATE entities SET name = ? WHERE id = ?", (saved["names"][0], entity_id))
    db.execute(f"DELETE FROM entity_aliases WHERE entity_id = ? AND alias IN ({', '.join('?' * len(saved['added']))})",
               (entity_id, *saved["added"]))


def _unsplit(db: sqlite3.Connection, correction_id: int, entity_id: str, alias: str, saved: dict) -> None:
    new = saved["new"]
    for (key,) in db.execute("SELECT key FROM correction_rows WHERE correction_id = ? AND table_name = 'mentions'",
                             (correction_id,)).fetchall():
        keys, _ = REFERENCES["mentions"]
        db.execute(f"UPDATE mentions SET entity_id = ? WHERE {' AND '.join(f'{k} = ?' for k in keys)} AND entity_id = ?",
                   (entity_id, *json.loads(key), new))
    db.execute("DELETE FROM entity_splits WHERE correction_id = ?", (correction_id,))
    db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (new,))
    db.execute("DELETE FROM entities WHERE id = ?", (new,))
    _add_aliases(db, entity_id, [alias])


def _remention(db: sqlite3.Connection, correction_id: int, entity_id: str, article_id: str, saved: dict) -> None:
    db.executemany('INSERT OR IGNORE INTO mentions (article_id, start, "end", type, normal, entity_id, kind) '
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", [tuple(row) for row in saved["rows"]])


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


def _record(db: sqlite3.Connection, kind: str, target: str, value: str, who: str, saved: dict) -> int:
    return db.execute("INSERT INTO corrections (kind, target, value, who, at, saved) VALUES (?, ?, ?, ?, ?, ?)",
                      (kind, target, value, who, _now(), json.dumps(saved, ensure_ascii=False))).lastrowid


def _add_aliases(db: sqlite3.Connection, entity_id: str, aliases: list[str]) -> None:
    db.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, last_word) "
                   "VALUES (?, ?, svodka_casefold(?), svodka_last_word(?))",
                   [(entity_id, alias, alias, alias) for alias in aliases])


def _aliases(db: sqlite3.Connection, entity_id: str) -> list[str]:
    return [alias for (alias,) in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,))]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
