"""The store interface every backend implements (SQLite now, PostgreSQL later)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence

from ..records import Article


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

    def stats(self) -> dict:
        """Counts for `svodka stats`."""

    def close(self) -> None: ...
