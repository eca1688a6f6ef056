"""The records that flow between stages: frozen, offset-addressed, JSON round-trippable."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache

SPAN_KINDS = ("title", "lead", "byline", "body", "chrome")
ENTITY_TYPES = ("PER", "LOC", "ORG")
MENTION_KINDS = ("name", "descriptor", "adjective", "byline")
QUOTE_KINDS = ("direct", "indirect", "mixed")
DATE_PRECISIONS = ("day", "month", "year", "unknown")


def shallow_dict(record) -> dict:
    """A dataclass's fields as a dict, one level deep: what `asdict` gives for a record whose fields
    are plain values, without its deep copy of each (a story's thousand quotes pay for that)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(kind))


@dataclass(frozen=True, slots=True)
class Span:
    """A character range `[start, end)` of an article's text and what it is."""

    start: int
    end: int
    kind: str

    def __post_init__(self):
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if self.kind not in SPAN_KINDS:
            raise ValueError(f"unknown span kind {self.kind!r}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a source read it: decoded text plus whatever metadata came with it. `lead`
    is the standfirst the source stated (it is in `text`), "" where the source shows there is none,
    None where it says nothing (the cleaner then reads it from the text's shape)."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input (or one item inside a container) that could not be read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sighting:
    """An article already stored (or earlier in the same ingest) seen again in another input: only
    where it was seen is recorded, and the language stages never run on it again."""

    article_id: str
    source: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """Items a container held that are not articles (e.g. WARC request records), counted by reason."""

    source: str
    reason: str
    count: int

    def __str__(self) -> str:
        return f"{self.source}: skipped {self.count} ({self.reason})"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named: `[start, end)` of the article's text, its nominative `normal`,
    and the entity it refers to. `kind`: name, descriptor ("российский лидер"), adjective
    ("белорусский"), or byline (the article's author)."""

    start: int
    end: int
    type: str
    normal: str
    entity: str | None = None
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """Someone or something the news is about, with one canonical name."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """A character range `[start, end)` of an article's text: evidence, an editor's note."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Words someone said: `[start, end)` is the quoted words (for indirect speech, the reported
    clause). `speaker` is an entity id, or None with `speaker_text` saying who ("эксперты");
    `speaker_start`/`speaker_end` is the mention that names the speaker. `notes` are ranges inside
    the quote that are part of its text but not the speaker's words: editor's notes ("– прим.
    ВЗГЛЯД") and the attribution that interrupts it ("Из-за этого, отметил он, страдают …")."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: str | None = None
    notes: tuple[Range, ...] = ()

    def said(self) -> str:
        """The speaker's words: `text` without its notes."""
        pieces, position = [], self.start
        for note in sorted(self.notes, key=lambda note: note.start):
            pieces.append(self.text[position - self.start : note.start - self.start])
            position = max(position, note.end)
        pieces.append(self.text[position - self.start :])
        return " ".join(piece.strip() for piece in pieces if piece.strip())

    def to_dict(self) -> dict:
        data = shallow_dict(self)
        data["notes"] = [shallow_dict(note) for note in self.notes]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Quote:
        return cls(**{**data, "notes": tuple(Range(**note) for note in data.get("notes") or ())})


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event, and its role: initiator, counterpart, host, visitor,
    participant (no side stated), target (of criticism, sanctions), appointee."""

    entity: str
    role: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, as one article tells it: one event per happening, however many
    sentences describe it (`evidence`). `date` is ISO (YYYY, YYYY-MM or YYYY-MM-DD as
    `date_precision` says); `place` an entity id."""

    type: str
    cameo: str | None  # None where no CAMEO code fits (appointments)
    participants: tuple[Participant, ...]
    evidence: tuple[Range, ...]
    trigger: str = ""
    place: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    topics: tuple[str, ...] = ()
    format: str | None = None
    duration: str | None = None
    status: str = "happened"  # happened, planned, negated or hypothetical (events.status)

    def to_dict(self) -> dict:
        data = shallow_dict(self)
        data["participants"] = [shallow_dict(p) for p in self.participants]
        data["evidence"] = [shallow_dict(r) for r in self.evidence]
        data["topics"] = list(self.topics)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Event:
        return cls(**{
            **data,
            "participants": tuple(Participant(**p) for p in data.get("participants") or ()),
            "evidence": tuple(Range(**r) for r in data.get("evidence") or ()),
            "topics": tuple(data.get("topics") or ()),
        })


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. `text` is never rewritten; `spans` say which ranges are what."""

    id: str
    source: str
    text: str
    title: str | None = None
    lead: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    cited: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    url: str | None = None
    spans: tuple[Span, ...] = field(default=())
    category: str | None = None
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def spans_of(self, kind: str) -> tuple[Span, ...]:
        return tuple(span for span in self.spans if span.kind == kind)

    def body(self) -> str:
        return "\n\n".join(span.of(self.text) for span in self.spans_of("body"))

    def to_dict(self) -> dict:
        data = shallow_dict(self)
        data["authors"] = list(self.authors)
        data["cited"] = list(self.cited)
        data["spans"] = [shallow_dict(span) for span in self.spans]
        data["mentions"] = [shallow_dict(mention) for mention in self.mentions]
        data["entities"] = [{**shallow_dict(entity), "aliases": list(entity.aliases)} for entity in self.entities]
        data["quotes"] = [quote.to_dict() for quote in self.quotes]
        data["events"] = [event.to_dict() for event in self.events]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["authors"] = tuple(values.get("authors") or ())
        values["cited"] = tuple(values.get("cited") or ())
        values["spans"] = tuple(Span(**span) for span in values.get("spans") or ())
        values["mentions"] = tuple(Mention(**mention) for mention in values.get("mentions") or ())
        values["entities"] = tuple(
            Entity(**{**entity, "aliases": tuple(entity.get("aliases") or ())})
            for entity in values.get("entities") or ()
        )
        values["quotes"] = tuple(Quote.from_dict(quote) for quote in values.get("quotes") or ())
        values["events"] = tuple(Event.from_dict(event) for event in values.get("events") or ())
        return cls(**values)

    def with_(self, **changes) -> Article:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One article of a story: where it came from, and the stored article it copies, if it is a copy."""

    article_id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    category: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoryCard:
    """What a list of stories shows of one: its thread, headline and summary, its category, first and
    last day seen, whether it is breaking, how many articles (`copies` of them reprints of another)
    and outlets, and the outlets with the most articles (up to five, in `outlets`). `Story` has the
    rest: every member, the entities, the summary's sources."""

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
    copies: int
    outlet_count: int
    outlets: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "thread": self.thread, "title": self.title, "summary": self.summary,
                "score": self.score, "breaking": self.breaking, "category": self.category,
                "first_seen": self.first_seen, "last_seen": self.last_seen, "articles": self.articles,
                "copies": self.copies, "outlet_count": self.outlet_count, "outlets": list(self.outlets)}


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one happening, from however many outlets. `summary` is extractive: its
    sentences come from the members named in `summary_sources`; `entities` are canonical names
    with the number of member articles naming them; `thread` is the id of the first story of the
    thread this one continues (its own id when it starts one); `first_seen` and `last_seen` are the
    days of its earliest and latest dated members, None when none is dated; `outlets` are its
    members' outlets (a member without one adds none)."""

    id: int
    thread: int
    title: str | None
    summary: str
    summary_sources: tuple[str, ...]
    score: float
    breaking: bool
    category: str
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]
    members: tuple[StoryMember, ...]
    entities: tuple[tuple[str, int], ...] = ()
    quote_count: int = 0
    event_count: int = 0

    def to_dict(self) -> dict:
        data = shallow_dict(self)
        data["members"] = [shallow_dict(member) for member in self.members]
        data["entities"] = [{"name": name, "articles": count} for name, count in self.entities]
        data["outlets"] = list(self.outlets)
        data["summary_sources"] = list(self.summary_sources)
        return data
