"""What a search asks besides its words (filters) and what it answers: a page of hits, each with
its snippet (matches as character offsets into the article's text, no markup) and its story."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Filters:
    """What results must also be: mention one of each group of entity ids, be of an outlet, a
    category or a language, published (or, undated, ingested) within [since, until]."""

    entities: Sequence[Sequence[str]] = ()
    outlets: Sequence[str] = ()
    categories: Sequence[str] = ()
    languages: Sequence[str] = ()
    since: str | None = None
    until: str | None = None


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
