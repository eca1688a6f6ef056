"""The records that flow between stages: frozen, offset-addressed, JSON round-trippable."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

SPAN_KINDS = ("title", "lead", "byline", "body", "chrome")


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
    """One document as a source read it: decoded text plus whatever metadata came with it."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input (or one item inside a container) that could not be read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """Items a container held that are not articles (e.g. WARC request records), counted by reason."""

    source: str
    reason: str
    count: int

    def __str__(self) -> str:
        return f"{self.source}: skipped {self.count} ({self.reason})"


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

    def spans_of(self, kind: str) -> tuple[Span, ...]:
        return tuple(span for span in self.spans if span.kind == kind)

    def body(self) -> str:
        return "\n\n".join(span.of(self.text) for span in self.spans_of("body"))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["cited"] = list(self.cited)
        data["spans"] = [asdict(span) for span in self.spans]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["authors"] = tuple(values.get("authors") or ())
        values["cited"] = tuple(values.get("cited") or ())
        values["spans"] = tuple(Span(**span) for span in values.get("spans") or ())
        return cls(**values)

    def with_(self, **changes) -> Article:
        return replace(self, **changes)
