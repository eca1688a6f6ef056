"""Entities, aliases and mentions in the SQLite store: written with their article, read back onto it."""
from __future__ import annotations

import sqlite3

from ..records import Article, Entity, Mention
from .lookup import FORMS_SHARE, last_word, name_matches

MENTION_COLUMNS = ("start", "end", "type", "normal", "entity_id", "kind")


def save_entities(db: sqlite3.Connection, article: Article, now: str) -> None:
    for entity in article.entities:
        db.execute("INSERT INTO entities (id, type, name, wikidata, first_seen) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT (id) DO NOTHING", (entity.id, entity.type, entity.name, entity.wikidata, now))
        db.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, last_word) VALUES (?, ?, ?, ?)",
                       [(entity.id, *alias_row(alias)) for alias in (entity.name, *entity.aliases)])
    db.executemany(
        'INSERT OR IGNORE INTO mentions (article_id, start, "end", type, normal, entity_id, kind) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article.id, m.start, m.end, m.type, m.normal, m.entity, m.kind) for m in article.mentions],
    )


def alias_row(alias: str) -> tuple[str, str, str]:
    """(alias, folded, last word): the alias with the keys `find_entities` looks it up by."""
    return alias, alias.casefold(), last_word(alias)


def merge_entity(db: sqlite3.Connection, old: str, new: str) -> None:
    """Every reference to entity `old` (mentions, quote speakers and addressees, event places and
    participants) made a reference to `new`, its names kept as aliases of `new`, and `old` removed."""
    db.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, last_word) "
               "SELECT ?, alias, folded, last_word FROM entity_aliases WHERE entity_id = ?", (new, old))
    db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (old,))
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_id"), ("quotes", "addressee_id"),
                          ("events", "place_id"), ("event_participants", "entity_id")):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    db.execute("DELETE FROM entities WHERE id = ?", (old,))


def with_entities(db: sqlite3.Connection, article: Article) -> Article:
    rows = db.execute('SELECT start, "end", type, normal, entity_id, kind FROM mentions '
                      'WHERE article_id = ? ORDER BY start, "end"', (article.id,)).fetchall()
    mentions = tuple(Mention(*row) for row in rows)
    ids = list(dict.fromkeys(m.entity for m in mentions if m.entity))
    return article.with_(mentions=mentions, entities=tuple(entity(db, id) for id in ids))


def entity(db: sqlite3.Connection, entity_id: str) -> Entity | None:
    row = db.execute("SELECT id, type, name, wikidata FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    aliases = [alias for (alias,) in db.execute(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)) if alias != row[2]]
    return Entity(row[0], row[1], row[2], tuple(aliases), row[3])


def top_entities(db: sqlite3.Connection, limit: int, type: str | None = None) -> list[tuple[Entity, int, int]]:
    """The most mentioned entities with (mentions, articles) counts; descriptors and bylines count."""
    where, parameters = ("WHERE type = ?", (type,)) if type is not None else ("", ())
    rows = db.execute(f"SELECT entity_id, mentions, articles FROM entity_counts {where} "
                      "ORDER BY mentions DESC, articles DESC, entity_id LIMIT ?", (*parameters, limit)).fetchall()
    return [(entity(db, entity_id), mentions, articles) for entity_id, mentions, articles in rows]


def find_entities(db: sqlite3.Connection, name: str) -> list[Entity]:
    """Entities whose id, name or an alias is `name` (case-insensitive for Cyrillic too); failing
    that, those `name` names in another case or by the surname alone (`lookup.name_matches`)."""
    ids = [entity_id for (entity_id,) in db.execute(
        "SELECT entity_id FROM entity_aliases WHERE folded = ? UNION "
        "SELECT entity_id FROM entity_aliases WHERE entity_id = ? ORDER BY entity_id", (name.casefold(), name))]
    if not ids:  # an inflected form or a surname alone: "Скрипаля", "Мишустин"
        ids = list(dict.fromkeys(entity_id for entity_id, alias in _aliases_ending_like(db, name)
                                 if name_matches(name, alias)))
    return [found for found in (entity(db, entity_id) for entity_id in ids) if found]


def _aliases_ending_like(db: sqlite3.Connection, name: str) -> list[tuple[str, str]]:
    """(entity id, alias) of every alias whose last word begins as the last word of `name` does:
    the only ones `name_matches` can accept (lookup.FORMS_SHARE)."""
    start = last_word(name)[:FORMS_SHARE]
    if not start:
        return []
    return db.execute("SELECT entity_id, alias FROM entity_aliases WHERE last_word >= ? AND last_word < ? "
                      "ORDER BY entity_id, alias", (start, start + "\U0010ffff")).fetchall()


def articles_mentioning(db: sqlite3.Connection, entity_id: str) -> list[tuple[str, str | None, int]]:
    return db.execute(
        "SELECT articles.id, articles.title, count(*) FROM mentions JOIN articles ON articles.id = article_id "
        "WHERE entity_id = ? GROUP BY articles.id ORDER BY articles.published DESC, articles.seq DESC",
        (entity_id,),
    ).fetchall()
