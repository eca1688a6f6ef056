"""One person across the store: a surname alone ("Скрипаля", "Мишустин") that the knowledge base
does not know joins the one person of that surname the store already holds by full name. Two or
more such people ("Сергей Скрипаль", "Юлия Скрипаль") are namesakes the surname cannot tell apart:
it is left as it is."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..records import Article, Entity
from .lookup import SOFT_FINALS, name_matches

DERIVED = "per:"  # ids svodka derives for people the knowledge base does not know


def joined_to_known_people(db: sqlite3.Connection, article: Article) -> Article:
    """`article` with each lone surname's entity replaced by the stored person it names, if one."""
    joins = {entity.id: person for entity in article.entities if _lone_surname(entity)
             if (person := _the_person(db, entity))}
    if not joins:
        return article
    ids = {old: person.id for old, person in joins.items()}
    entities = [_with_alias(joins[e.id], e) if e.id in joins else e for e in article.entities]
    return article.with_(
        entities=tuple({entity.id: entity for entity in entities}.values()),
        mentions=tuple(replace(m, entity=ids.get(m.entity, m.entity)) for m in article.mentions),
        quotes=tuple(replace(q, speaker=ids.get(q.speaker, q.speaker), addressee=ids.get(q.addressee, q.addressee))
                     for q in article.quotes),
        events=tuple(replace(e, place=ids.get(e.place, e.place), participants=tuple(
            replace(p, entity=ids.get(p.entity, p.entity)) for p in e.participants)) for e in article.events),
    )


def _lone_surname(entity: Entity) -> bool:
    return entity.type == "PER" and entity.id.startswith(DERIVED) and len(entity.name.split()) == 1


def _the_person(db: sqlite3.Connection, entity: Entity) -> Entity | None:
    word = entity.name
    stem = word[:-1] if word[-1:].lower() in SOFT_FINALS and len(word) > 3 else word
    rows = db.execute("SELECT id, name, wikidata FROM entities WHERE type = 'PER' AND id != ? AND name LIKE ?",
                      (entity.id, f"% {stem}%")).fetchall()
    people = {row[0]: row for row in rows if len(row[1].split()) > 1 and name_matches(word, row[1])}
    if len(people) != 1:
        return None
    id, name, wikidata = next(iter(people.values()))
    return Entity(id, "PER", name, (), wikidata)


def _with_alias(person: Entity, surname: Entity) -> Entity:
    return replace(person, aliases=tuple(dict.fromkeys((*person.aliases, surname.name, *surname.aliases))))
