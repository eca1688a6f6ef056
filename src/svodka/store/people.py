"""One person across the store: a person the knowledge base does not know, written by surname alone
("Скрипаля", "Мишустин"), with initials ("И.В. Сталина") or with more or fewer given names
("Владимир Ильич Ленин"), joins the one person of that surname the store already holds by full name
whose given names agree. Two or more such people who disagree ("Сергей Скрипаль", "Юлия Скрипаль")
are namesakes the writing cannot tell apart: it is left as it is."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..records import Article, Entity
from ..entities.names import given_agrees, same_surname, spells_a_given_name, split_name

DERIVED = "per:"  # ids svodka derives for people the knowledge base does not know
KEY_LETTERS = 3  # letters every form of a surname shares with it ("Ким", "Кима"; "Скрипаля", "Мишустиным")


class KnownPeople:
    """The store's people by the first letters of their surname, those with a given name written out
    apart from those stored by surname or initials alone: read from the store once, then kept up to
    date by the articles stored through it (no query per article)."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._by_key: dict[str, dict[str, Entity]] | None = None
        self._unnamed: dict[str, dict[str, Entity]] = {}  # derived people with no given name written out

    def note(self, entities: tuple[Entity, ...]) -> list[tuple[Entity, Entity]]:
        """Remember the people an article names. Returns (earlier, person) for each person stored
        earlier by surname or initials alone ("Сталина" in an article that named no one in full)
        whom a person of this article is now the one stored person to fit."""
        self._load()
        for entity in entities:
            self._add(entity)
        return [(earlier, person) for entity in entities if entity.type == "PER"
                for earlier, person in self._earlier_writings(entity)]

    def the_person(self, written: Entity) -> Entity | None:
        """The one stored person `written` names (in any case, initials, a given name more or less);
        None for none or for namesakes who disagree."""
        self._load()
        given, surname = split_name(written.name)
        bucket = self._by_key.get(_key(surname.split()[-1]) if surname else "", {})
        people = [person for person in bucket.values() if person.id != written.id and _names(given, surname, person)]
        if people and all(_same_person(people[0], other) for other in people[1:]):
            return people[0]
        return None

    def _earlier_writings(self, person: Entity) -> list[tuple[Entity, Entity]]:
        given, surname = split_name(person.name)
        if not spells_a_given_name(given):
            return []
        bucket = self._unnamed.get(_key(surname.split()[-1]), {})
        found = [(earlier, target) for earlier in list(bucket.values())
                 if (target := self.the_person(earlier)) and _same_person(target, person)]
        for earlier, _ in found:
            del bucket[earlier.id]
        return found

    def _load(self) -> None:
        if self._by_key is None:
            self._by_key = {}
            for id, name, wikidata in self._db.execute("SELECT id, name, wikidata FROM entities WHERE type = 'PER'"):
                self._add(Entity(id, "PER", name, (), wikidata))

    def _add(self, entity: Entity) -> None:
        if entity.type != "PER":
            return
        given, surname = split_name(entity.name)
        if not surname:
            return
        if spells_a_given_name(given):
            self._by_key.setdefault(_key(surname.split()[-1]), {}).setdefault(entity.id, replace(entity, aliases=()))
        elif _derived_person(entity):
            self._unnamed.setdefault(_key(surname.split()[-1]), {}).setdefault(entity.id, replace(entity, aliases=()))


def _names(given: list[str], surname: str, person: Entity) -> bool:
    known_given, known_surname = split_name(person.name)
    return same_surname(surname, known_surname) and (not given or given_agrees(given, known_given))


def _same_person(one: Entity, other: Entity) -> bool:
    """"Владимир Ленин" and "Владимир Ильич Ленин": each one's given names fit the other's."""
    (given, surname), (other_given, other_surname) = split_name(one.name), split_name(other.name)
    return same_surname(surname, other_surname) and given_agrees(given, other_given) and given_agrees(other_given, given)


def _key(surname: str) -> str:
    return surname.casefold().replace("ё", "е")[:KEY_LETTERS]


def joined_to_known_people(known: KnownPeople, article: Article) -> Article:
    """`article` with each derived person's entity replaced by the stored person it names, if one."""
    joins = {entity.id: person for entity in article.entities if _derived_person(entity)
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


def _derived_person(entity: Entity) -> bool:
    return entity.type == "PER" and entity.id.startswith(DERIVED)


def _with_alias(person: Entity, surname: Entity) -> Entity:
    return replace(person, aliases=tuple(dict.fromkeys((*person.aliases, surname.name, *surname.aliases))))
