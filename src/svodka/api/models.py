"""The API's response models: the same field names as the CLI's `--json` output (built by
`svodka.listing`), typed, so that the OpenAPI schema says what every resource returns."""
from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, Field

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a list; `next_offset` is null on the last page."""

    items: list[Item]
    limit: int
    offset: int
    next_offset: int | None


class Range(BaseModel):
    start: int
    end: int


class Span(Range):
    kind: str


class Mention(Range):
    type: str
    normal: str
    entity: str | None
    kind: str


class Entity(BaseModel):
    id: str
    type: str
    name: str
    aliases: list[str] = []
    wikidata: str | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    url: str | None


class QuoteFields(Range):
    text: str
    kind: str
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    addressee: str | None
    notes: list[Range]


class Quote(QuoteFields):
    article: ArticleRef
    ordinal: int
    speaker_name: str | None


class Participant(BaseModel):
    entity: str
    role: str
    name: str | None = None
    type: str | None = None


class EventFields(BaseModel):
    type: str
    cameo: str | None
    participants: list[Participant]
    evidence: list[Range]
    trigger: str
    place: str | None
    date: str | None
    date_precision: str
    topics: list[str]
    format: str | None
    duration: str | None
    status: str


class Event(EventFields):
    id: str
    article: ArticleRef
    ordinal: int
    place_name: str | None
    evidence_text: str | None


class Article(BaseModel):
    id: str
    source: str
    text: str
    title: str | None
    lead: str | None
    authors: list[str]
    outlet: str | None
    cited: list[str]
    published: str | None
    language: str | None
    url: str | None
    spans: list[Span]
    category: str | None
    mentions: list[Mention]
    entities: list[Entity]
    quotes: list[QuoteFields]
    events: list[EventFields]
    sources: list[str] = Field(description="Every input the article was read from.")
    story: int | None = None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str


class StoryMember(BaseModel):
    article_id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    category: str
    duplicate_of: str | None


class StoryEntity(BaseModel):
    name: str
    articles: int


class Story(BaseModel):
    id: int
    thread: int
    title: str | None
    summary: str
    summary_sources: list[str]
    score: float
    breaking: bool
    category: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]
    members: list[StoryMember]
    entities: list[StoryEntity]
    quote_count: int
    event_count: int


class StoryCard(BaseModel):
    """A story as lists show it; `GET /api/stories/{id}` has its members, entities and quotes."""
    id: int
    thread: int
    title: str | None
    summary: str
    score: float
    breaking: bool
    category: str
    first_seen: str | None
    last_seen: str | None
    articles: int
    copies: int = Field(description="How many of the articles are copies of another.")
    outlet_count: int
    outlets: list[str] = Field(description="Up to five outlets, those with the most of its articles first.")


class ThreadStory(BaseModel):
    id: int
    first_seen: str | None


class DayCount(BaseModel):
    day: str
    count: int


class StoryDetail(Story):
    quotes: list[Quote]
    events: list[Event]
    thread_stories: list[ThreadStory]
    timeline: list[DayCount] = Field(description="Member articles per day of publication.")


class Snippet(BaseModel):
    start: int
    end: int
    text: str
    marks: list[tuple[int, int]] = Field(description="Matches, as offsets into the article's text.")


class Hit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: Snippet | None
    story: int | None


class Count(BaseModel):
    value: str
    count: int
    name: str | None = None
    type: str | None = None


class Facets(BaseModel):
    outlets: list[Count]
    categories: list[Count]
    languages: list[Count]
    entities: dict[str, list[Count]]
    event_types: list[Count]
    days: list[Count]
    sampled: int | None = Field(description="Entities and event types were counted over this many latest matches.")


class SearchResults(BaseModel):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[Hit]
    facets: Facets | None


class Related(BaseModel):
    id: str
    name: str
    type: str
    articles: int


class EntityDetail(Entity):
    mentions: int
    articles: int
    days: list[DayCount] = Field(description="Mentions per day (published, or ingested where undated).")
    cooccurring: list[Related]
    sampled: int | None = Field(description="Co-occurrence was counted over this many latest articles only.")


class EntityRank(Entity):
    mentions: int
    articles: int


class Node(BaseModel):
    id: str
    name: str
    type: str
    articles: int


class Edge(BaseModel):
    source: str
    target: str
    kind: Literal["cooccurrence", "event"]
    event_type: str | None = None
    weight: int


class Graph(BaseModel):
    center: str
    nodes: list[Node]
    edges: list[Edge]
    sampled: int | None = Field(description="Nodes and edges were counted over this many latest articles of "
                                            "the center only.")


class EventItem(Event):
    kind: Literal["event"]
    date: str | None


class StoryItem(StoryCard):
    kind: Literal["story"]
    date: str | None


TimelineItem = Annotated[Union[EventItem, StoryItem], Field(discriminator="kind")]


class Timeline(BaseModel):
    entities: list[str]
    items: list[TimelineItem]


class Stats(BaseModel):
    database: str
    schema_version: int
    articles: int
    sources: int
    outlets: int
    entities: int
    mentions: int
    quotes: int
    events: int
    stories: int
    languages: dict[str, int]
    first_published: str | None
    last_published: str | None


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestSkipped(IngestFailure):
    count: int


class IngestReport(BaseModel):
    read: int
    new: int
    duplicate: int
    failed: int
    failures: list[IngestFailure]
    skipped: list[IngestSkipped]


class Error(BaseModel):
    detail: str
