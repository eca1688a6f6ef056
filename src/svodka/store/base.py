"""The store interface every backend implements (SQLite now, PostgreSQL later)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence

from ..records import Article, Entity


@dataclass(frozen=True)
class AddResult:
    """What one `add` did: ids of articles that were new, and of those already stored."""

    new: tuple[str, ...]
    duplicate: tuple[str, ...]


class Store(Protocol):
    location: str

    def add(self, articles: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction; an article whose id is stored already is a duplicate."""

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or with this unique id prefix."""

    def latest(self, limit: int) -> list[Article]:
        """The last `limit` articles ingested, newest first."""

    def articles(self) -> Iterator[Article]:
        """Every article, in ingest order."""

    def sources_of(self, article_id: str) -> list[str]:
        """Every input the article was seen in."""

    def top_entities(self, limit: int, type: str | None = None) -> list[tuple[Entity, int, int]]:
        """The most mentioned entities, with their mention and article counts."""

    def find_entities(self, name: str) -> list[Entity]:
        """Entities one of whose names (or whose id) is `name`."""

    def articles_mentioning(self, entity_id: str) -> list[tuple[str, str | None, int]]:
        """(article id, title, mentions) of every article that mentions the entity."""

    def stats(self) -> dict:
        """Counts for `svodka stats`."""

    def close(self) -> None: ...
