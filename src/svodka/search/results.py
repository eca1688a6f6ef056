"""What a search asks besides its words (filters) and what it answers: a page of hits, each with
its snippet (matches as character offsets into the article's text, no markup) and its story, and
the counts (facets) of everything that matched."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Filters:
    """What results must also be: mention one of each group of entity ids (and none of
    `without_entities`), quote one of each group of `speakers`; have one event that is of one of
    `event_types` and `event_statuses` and has one of each group of `participants` among its
    participants; be of an outlet, a category, a language or a story; published (or, undated,
    ingested) within [since, until]. An empty filter is no filter."""

    entities: Sequence[Sequence[str]] = ()
    without_entities: Sequence[str] = ()
    speakers: Sequence[Sequence[str]] = ()
    participants: Sequence[Sequence[str]] = ()
    event_types: Sequence[str] = ()
    event_statuses: Sequence[str] = ()
    outlets: Sequence[str] = ()
    categories: Sequence[str] = ()
    languages: Sequence[str] = ()
    stories: Sequence[int] = ()
    since: str | None = None
    until: str | None = None

    def asks_for_events(self) -> bool:
        return bool(self.participants or self.event_types or self.event_statuses)


@dataclass(frozen=True)
class Snippet:
    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...]  # offsets into the article's text


@dataclass
class Hit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: Snippet | None = None
    story: int | None = None


@dataclass
class Results:
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: Facets | None = None


@dataclass(frozen=True)
class Count:
    """One value of a facet and how many matching articles have it; an entity's also its name and type."""

    value: str
    count: int
    name: str | None = None
    type: str | None = None


@dataclass
class Facets:
    """Counts over the articles that matched (not only the page shown): per outlet, category,
    language and day (most frequent first; days in date order), entity (the top ones of each type)
    and event type."""

    outlets: list[Count] = field(default_factory=list)
    categories: list[Count] = field(default_factory=list)
    languages: list[Count] = field(default_factory=list)
    entities: dict[str, list[Count]] = field(default_factory=dict)
    event_types: list[Count] = field(default_factory=list)
    days: list[Count] = field(default_factory=list)
    sampled: int | None = None  # entities and event types counted over this many first matches only
