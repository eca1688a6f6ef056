"""The store interface every backend implements (SQLite now, PostgreSQL later)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..records import Article, Entity, Event, Quote, Sighting, Story, StoryCard
from ..search.query import Query
from ..search.results import Filters, Results
from ..search.saved import SavedSearch
from .prepared import Prepared

EntityIds = str | Sequence[str] | None
"""One entity id, several (a name may be several entities), or None for no filter."""


@dataclass(frozen=True)
class AddResult:
    """What one `add` did: ids of articles that were new, and of those already stored."""

    new: tuple[str, ...]
    duplicate: tuple[str, ...]


@dataclass
class Profile:
    """What the store knows of how an entity is mentioned: counts, mentions per day, who appears with it."""

    mentions: int
    articles: int
    days: list[tuple[str, int]]
    cooccurring: list[tuple[str, str, str, int]]  # id, name, type, articles shared
    sampled: int | None


@dataclass
class Graph:
    """The entity graph around one entity: nodes, and co-occurrence and event edges with weights."""

    center: str
    nodes: list[tuple[str, str, str, int]]  # id, name, type, articles (of the sampled ones)
    edges: list[tuple[str, str, str, str | None, int]] = field(default_factory=list)  # source, target, kind, event type, weight
    sampled: int | None = None


@dataclass(frozen=True)
class ArticleRef:
    """Where a quote or event was read: enough of its article to cite it."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    url: str | None


@dataclass(frozen=True)
class FoundQuote:
    """A stored quote, the `ordinal`-th of its article, and its speaker's canonical name."""

    quote: Quote
    ordinal: int
    article: ArticleRef
    speaker_name: str | None


@dataclass(frozen=True)
class FoundEvent:
    """A stored event, the `ordinal`-th of its article; `entities` holds its participants and
    place as the entities table has them; `evidence` is the text of its first evidence range."""

    event: Event
    ordinal: int
    article: ArticleRef
    entities: tuple[Entity, ...]
    evidence: str | None

    @property
    def id(self) -> str:
        """Stable across exports: the article's id and the event's ordinal in it."""
        return f"{self.article.id}-{self.ordinal}"

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((entity for entity in self.entities if entity.id == entity_id), None)

    def name_of(self, entity_id: str | None) -> str | None:
        """The entity's stored name, else its id."""
        found = self.entity(entity_id)
        return found.name if found else entity_id


class Store(Protocol):
    location: str

    def add(self, articles: Sequence[Article | Sighting], read_as: dict[str, str] | None = None,
            prepared: dict[str, Prepared] | None = None) -> AddResult:
        """Store a batch in one transaction; an article whose id is stored already is a duplicate,
        and so is a Sighting of a stored article (only the source it was seen in is added).
        `read_as` maps a record's source to the fingerprint of the document it was read from;
        `prepared` holds, by article id, what storing computes from an article alone, where that
        was computed already (on a worker)."""

    def read_before(self, raw_keys: Sequence[str]) -> dict[str, str]:
        """The article each of these document fingerprints became, for those read before."""

    def stored(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored."""

    def cluster(self, articles: Sequence[Article], prepared: dict[str, Prepared] | None = None) -> int:
        """Put the stored `articles` that are in no story yet into stories (one transaction)."""

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

    def quotes(self, by: EntityIds = None, about: EntityIds = None, limit: int | None = None,
               articles: Sequence[str] | None = None) -> list[FoundQuote]:
        """Quotes said `by` the entity (its speaker) or `about` it (a mention of it inside the
        quote), in these `articles` when given, the latest `limit` ones, oldest first."""

    def events(self, entity: EntityIds = None, with_: EntityIds = None, type: str | None = None,
               limit: int | None = None, articles: Sequence[str] | None = None,
               statuses: Sequence[str] | None = None) -> list[FoundEvent]:
        """Events in which `entity` takes part (or which took place there), `with_` another entity
        taking part, of one `type`, in these `articles`, with one of these `statuses` when given:
        the latest `limit` ones by event date (else publication date), oldest first."""

    def stories(self, limit: int | None = None, since: str | None = None,
                entities: Sequence[str] | None = None) -> list[Story]:
        """The best-ranked `limit` stories seen since `since` (ISO date; default the store's last 30
        days), naming one of `entities` when given."""

    def story(self, story_id: int) -> Story | None: ...

    def story_cards(self, limit: int | None = None, since: str | None = None,
                    entities: Sequence[str] | None = None) -> list[StoryCard]:
        """The stories `stories` would list, as cards: without their members, entities and sources."""

    def latest_story_cards(self, naming: Sequence[str], with_: Sequence[str] | None = None,
                           limit: int | None = None) -> list[StoryCard]:
        """The latest `limit` stories one of whose articles names one of the entities `naming` (and
        one of `with_`), as cards, oldest first."""

    def every_story_card(self) -> Iterator[StoryCard]:
        """Every story's card, in id order (exports)."""

    def story_articles(self, story_id: int) -> list[str]:
        """The ids of a story's articles (none for a story that does not exist)."""

    def thread(self, thread_id: int) -> list[tuple[int, str]]:
        """(story id, first day seen) of the stories of a thread, in date order."""

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, int]:
        """The story id of each clustered article."""

    def cluster_pending(self) -> int:
        """Cluster articles stored but in no story (a store from an older svodka, or an ingest cut
        short); how many there were."""

    def search(self, query: Query | None, filters: Filters = Filters(), sort: str = "relevance", limit: int = 20,
               offset: int = 0, facets: int = 0) -> Results:
        """Articles matching `query` and `filters`, by relevance (BM25) or date, one page of them,
        with the number of all matches; without words to match (no query, or only entity: names),
        every article the filters let through, newest first. With `facets`, the counts of everything
        that matched (`Results.facets`, the top `facets` values of each)."""

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Build the search index anew from every stored article; how many were indexed."""

    def stats(self) -> dict:
        """Counts for `svodka stats`."""

    def entity(self, entity_id: str) -> Entity | None:
        """The stored entity with this id, with its aliases."""

    def entity_profile(self, entity_id: str, top: int = 20) -> Profile:
        """Mention counts (in all, per day) and the `top` entities that appear with it."""

    def entity_graph(self, entity_id: str, top: int = 20) -> Graph:
        """The entity and the `top` entities around it, with co-occurrence and event edges."""

    def save_search(self, search: SavedSearch) -> bool:
        """Keep `search` under its name, replacing a search of that name (then True)."""

    def saved_searches(self, name: str | None = None) -> list[tuple[SavedSearch, str]]:
        """Every saved search (or the one called `name`), by name, with when it was saved."""

    def delete_saved_search(self, name: str) -> bool:
        """Forget the saved search called `name`; whether there was one."""

    def article_refs(self, limit: int, offset: int = 0) -> list:
        """The latest articles' id, title, outlet, published, language, url and source, newest first."""

    def close(self) -> None: ...
