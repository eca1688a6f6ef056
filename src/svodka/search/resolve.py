"""Names a user gives (in `--entity`, `entity:NAME`, a speaker or participant filter) resolved to
the entities they may mean: any name, alias, form or id a stored entity has, or a name the
knowledge base gives an entity ("Белоруссия" is the entity articles wrote as "Беларусь" or "РБ");
a name may be several entities (namesakes), all of which are searched for."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..entities.kb import knowledge_base
from ..errors import InputError
from .query import Query
from .results import Filters

Find = Callable[[str], Sequence]  # a store's find_entities


class UnknownEntity(InputError):
    """A name no stored entity has."""

    def __init__(self, name: str):
        super().__init__(f"entity {name!r}", "no stored entity has this name, alias, form or id")
        self.name = name


def entity_ids(find: Find, name: str) -> list[str]:
    found = [entity.id for entity in find(name)]
    known = knowledge_base().by_name(name)
    if known and known.key not in found:
        found.append(known.key)
    if not found:
        raise UnknownEntity(name)
    return found


def resolved(find: Find, query: Query | None, filters: Filters = Filters(), entities: Sequence[str] = (),
             speakers: Sequence[str] = (), participants: Sequence[str] = ()) -> Filters:
    """`filters` with the entities named in the query and in the other arguments added as id groups."""
    names = [*(query.entities if query else ()), *entities]
    without = [entity_id for name in (query.without_entities if query else ()) for entity_id in entity_ids(find, name)]
    return replace(
        filters,
        entities=[*filters.entities, *(entity_ids(find, name) for name in names)],
        without_entities=[*filters.without_entities, *without],
        speakers=[*filters.speakers, *(entity_ids(find, name) for name in speakers)],
        participants=[*filters.participants, *(entity_ids(find, name) for name in participants)])
