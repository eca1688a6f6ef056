"""One person across the store: a surname alone ("Скрипаля", "Мишустин") that the knowledge base
does not know joins the one person of that surname the store already holds by full name. Two or
more such people ("Сергей Скрипаль", "Юлия Скрипаль") are namesakes the surname cannot tell apart:
it is left as it is."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..records import Article, Entity
from .lookup import name_matches

DERIVED = "per:"  # ids svodka derives for people the knowledge base does not know
KEY_LETTERS = 3  # letters every form of a surname shares with it ("Ким", "Кима"; "Скрипаля", "Мишустиным")


class KnownPeople:
    """The store's people with a full name, by the first letters of their surname: read from the
    store once, then kept up to date by the articles stored through it (no query per article)."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._by_key: dict[str, dict[str, Entity]] | None = None

    def note(self, entities: tuple[Entity, ...]) -> None:
        if self._by_key is not None:
            for entity in entities:
                self._add(entity)

    def the_person(self, surname: Entity) -> Entity | None:
        """The one stored person whose surname `surname` is (in any case); None for none or namesakes."""
        if self._by_key is None:
            self._by_key = {}
            for id, name, wikidata in self._db.execute("SELECT id, name, wikidata FROM entities WHERE type = 'PER'"):
                self._add(Entity(id, "PER", name, (), wikidata))
        bucket = self._by_key.get(_key(surname.name), {})
        people = [person for person in bucket.values() if person.id != surname.id and name_matches(surname.name, person.name)]
        return people[0] if len(people) == 1 else None

    def _add(self, entity: Entity) -> None:
        words = entity.name.split()
        if entity.type == "PER" and len(words) > 1:
            self._by_key.setdefault(_key(words[-1]), {}).setdefault(entity.id, replace(entity, aliases=()))


def _key(surname: str) -> str:
    return surname.casefold().replace("ё", "е")[:KEY_LETTERS]


def joined_to_known_people(known: KnownPeople, article: Article) -> Article:
    """`article` with each lone surname's entity replaced by the stored person it names, if one."""
    joins = {entity.id: person for entity in article.entities if _lone_surname(entity)
             if (person := known.the_person(entity))}
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


def _with_alias(person: Entity, surname: Entity) -> Entity:
    return replace(person, aliases=tuple(dict.fromkeys((*person.aliases, surname.name, *surname.aliases))))
