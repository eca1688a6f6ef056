"""Saved searches: a query with its filters, or an entity watchlist, kept under a name in the store
and read back as a feed of its newest matches. Names (of entities, speakers, participants) are kept
as the user gave them and resolved at each run, so that an entity's new aliases count."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields

from ..errors import InputError
from .query import Query, parse
from .resolve import Find, entity_ids, resolved
from .results import Filters

NAME = re.compile(r"[^\W_][\w-]{0,63}")  # letters, digits, _ and -: a name that fits in a feed's URL


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str | None = None
    entities: tuple[str, ...] = ()  # each must be mentioned
    watch: tuple[str, ...] = ()  # a watchlist: any one of them mentioned
    speakers: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    event_statuses: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    latin: bool = True

    def __post_init__(self):
        if not NAME.fullmatch(self.name):
            raise InputError(f"saved search name {self.name[:80]!r}",
                             "use 1 to 64 letters, digits, '_' or '-', starting with a letter or digit")
        if not (self.query or self.entities or self.watch or self.speakers or self.participants
                or self.event_types or self.outlets or self.categories or self.languages):
            raise InputError(f"saved search {self.name!r}", "it has neither a query nor a filter: it would match everything")
        if self.query:
            parse(self.query, self.latin)  # refuse a query that cannot be read now, not at every run

    def to_json(self) -> str:
        return json.dumps({key: value for key, value in asdict(self).items() if key != "name" and value not in ((), None)},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, name: str, text: str) -> SavedSearch:
        data = json.loads(text)
        known = {field.name for field in fields(cls)}
        return cls(name, **{key: tuple(value) if isinstance(value, list) else value
                            for key, value in data.items() if key in known})

    def parsed(self) -> Query | None:
        return parse(self.query, self.latin) if self.query else None

    def filters(self, find: Find) -> Filters:
        watched = [entity_id for name in self.watch for entity_id in entity_ids(find, name)]
        given = Filters(entities=[watched] if watched else [], event_types=self.event_types,
                        event_statuses=self.event_statuses, outlets=self.outlets, categories=self.categories,
                        languages=self.languages)
        return resolved(find, self.parsed(), given, self.entities, self.speakers, self.participants)

    def describe(self) -> str:
        """One line: the query and every filter, as a user would type them."""
        parts = [repr(self.query)] if self.query else []
        for label, values in (("entity", self.entities), ("watch", self.watch), ("speaker", self.speakers),
                              ("participant", self.participants), ("type", self.event_types),
                              ("status", self.event_statuses), ("outlet", self.outlets),
                              ("category", self.categories), ("language", self.languages)):
            parts += [f"{label}:{value}" for value in values]
        return " ".join(parts) + ("" if self.latin else " (no Latin spellings)")
