"""The curated knowledge base that ships in `kb/`: entities with aliases and adjectives, offices and
who held them when. Names are matched on lemma keys, so every inflected form finds its entity."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from .morph import lemma, lemma_key

ISO_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True, slots=True)
class KbEntity:
    key: str
    type: str
    name: str
    wikidata: str | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str | None
    capital_of: str | None

    @property
    def surname(self) -> str | None:
        return lemma(self.name.split()[-1]) if self.type == "PER" else None


@dataclass(frozen=True, slots=True)
class Term:
    office: str
    country: str
    person: str
    start: str
    end: str | None


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    country: str
    title: str
    descriptors: tuple[str, ...]


class KnowledgeBase:
    def __init__(self, entities: list[KbEntity], offices: list[Office], terms: list[Term]):
        self.entities = {entity.key: entity for entity in entities}
        self.offices = offices
        self.terms = terms
        self._by_alias: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self._by_adjective: dict[str, str] = {}
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        self._alias_spelling: dict[tuple[tuple[str, ...], bool], str] = {}
        for entity in entities:
            self._index(entity)

    def _index(self, entity: KbEntity) -> None:
        for alias in (entity.name, *entity.aliases):
            self._alias_spelling.setdefault((lemma_key(alias), entity.type == "PER"), alias)
            keys = self._by_alias[lemma_key(alias)]
            if entity.key not in keys:
                keys.append(entity.key)
        for adjective in entity.adjectives:
            self._by_adjective.setdefault(lemma(adjective), entity.key)
        if entity.surname:
            self._by_surname[entity.surname].append(entity.key)

    def by_name(self, text: str, type: str | None = None) -> KbEntity | None:
        """The entity one of whose names `text` is, in any inflection."""
        keys = self._by_alias.get(lemma_key(text), [])
        matching = [self.entities[key] for key in keys if type is None or self.entities[key].type == type]
        return matching[0] if matching else None

    def spells(self, word: str) -> bool:
        """Whether some entity has `word` as a name, written just so ("Кремль"; not "Штат", whose
        lemma only matches "Штаты")."""
        folded = word.casefold().replace("ё", "е")
        return any(alias.casefold().replace("ё", "е") == folded
                   for key in self._by_alias.get(lemma_key(word), []) for alias in self.entities[key].aliases)

    def nominative(self, text: str, type: str) -> str | None:
        """The base's own spelling of `text` when `text` is one of its names, inflected or not
        ("Джо Байдена" → "Джо Байден", "Белоруссии" → "Белоруссия"); a bare surname of a known
        person gives that person's surname ("Байдена" → "Байден")."""
        key = lemma_key(text)
        spelling = self._alias_spelling.get((key, type == "PER"))  # "Бориса" is never the town Борисов
        if spelling:
            return spelling
        if type == "PER" and len(key) == 1 and self._by_surname.get(key[0]):
            return self.entities[self._by_surname[key[0]][0]].name.split()[-1]
        return None

    def by_adjective(self, word: str) -> KbEntity | None:
        key = self._by_adjective.get(lemma(word))
        return self.entities[key] if key else None

    def by_surname(self, surname: str) -> list[KbEntity]:
        return [self.entities[key] for key in self._by_surname.get(lemma(surname), [])]

    def holder(self, office: str, country: str, day: str) -> KbEntity | None:
        """Who held `office` of `country` on `day` (ISO date)."""
        for term in self.terms:
            if term.office == office and term.country == country and term.start <= day \
                    and (term.end is None or day < term.end):
                return self.entities.get(term.person)
        return None

    def holders(self, office: str, country: str) -> list[KbEntity]:
        keys = dict.fromkeys(t.person for t in self.terms if t.office == office and t.country == country)
        return [self.entities[key] for key in keys if key in self.entities]

    def alias_keys(self) -> dict[tuple[str, ...], list[str]]:
        return self._by_alias

    def country_of(self, entity_id: str | None) -> str | None:
        """ISO alpha-2 of a country ("country:RU" → RU), of the country the base places an entity in,
        or of the country whose office a person held (the latest term)."""
        if not entity_id:
            return None
        if entity_id.startswith("country:"):
            return entity_id.removeprefix("country:")
        return self._countries.get(entity_id)

    @cached_property
    def _countries(self) -> dict[str, str]:
        countries = {term.person: term.country for term in reversed(self.terms) if ISO_COUNTRY.fullmatch(term.country)}
        countries.update({key: entity.country for key, entity in self.entities.items()
                          if entity.country and ISO_COUNTRY.fullmatch(entity.country)})
        return countries


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(
        [_entity(row) for row in kb_rows("entities.tsv")],
        [_office(row) for row in kb_rows("offices.tsv")],
        [_term(row) for row in kb_rows("terms.tsv")],
    )


def kb_rows(name: str) -> list[dict[str, str]]:
    """The rows of one of the base's tables (`kb/<name>`), comment lines left out."""
    text = resources.files("svodka.entities").joinpath("kb", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def kb_values(field: str | None) -> tuple[str, ...]:
    """A field's "|"-separated values."""
    return tuple(value.strip() for value in (field or "").split("|") if value.strip())


def _entity(row: dict[str, str]) -> KbEntity:
    return KbEntity(row["key"], row["type"], row["name"], row.get("wikidata") or None,
                    kb_values(row.get("aliases")), kb_values(row.get("adjectives")),
                    row.get("country") or None, row.get("capital_of") or None)


def _office(row: dict[str, str]) -> Office:
    return Office(row["office"], row["country"], row["title"], kb_values(row.get("descriptors")))


def _term(row: dict[str, str]) -> Term:
    return Term(row["office"], row["country"], row["person"], row["start"], row.get("end") or None)
