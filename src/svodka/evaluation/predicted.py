"""What the quote and event scorers see of a system's output: character ranges, nothing else.

A system under test is a callable ``predict(text)`` returning a list of :class:`PredictedQuote` or
:class:`PredictedEvent`, or ``None`` when it refused the text (svodka raises ``InputError`` for a
text it reads as all site chrome): no predictions, counted apart. :func:`quotes_of` and
:func:`events_of` read them off a svodka :class:`~svodka.records.Article`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from svodka.evaluation.mentions import Span


@dataclass(frozen=True)
class PredictedQuote:
    """The quoted words, and where the speaker and the speech verb ("заявил") are, if anywhere."""

    content: Span
    source: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class PredictedEvent:
    """An event's type, its evidence ranges, and each participant as the ranges that mention it.

    A participant the article never mentions by a range (an entity known only by id) has no
    ranges: it still counts as predicted, and can match nothing. ``people`` says how many
    participants are persons (``None``: not told).
    """

    type: str
    evidence: tuple[Span, ...]
    participants: tuple[tuple[Span, ...], ...] = ()
    people: int | None = None


def overlaps(a: Span, b: Span) -> bool:
    """Whether ``[a)`` and ``[b)`` share a character."""
    return a[0] < b[1] and b[0] < a[1]


def contains(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def any_overlap(spans: Iterable[Span], others: Iterable[Span]) -> bool:
    others = tuple(others)
    return any(overlaps(span, other) for span in spans for other in others)


def optional_span(start: int | None, end: int | None) -> Span | None:
    return (start, end) if start is not None and end is not None else None


QUOTE_MARKS = "«»“”„\""


def quotes_of(article, with_marks: bool = False) -> list[PredictedQuote]:
    """An article's quotes; a speaker or cue given without offsets is no range. `with_marks`: a
    direct quote's range takes in its quotation marks (ADAQ's content spans include them; svodka's
    quote is the words between them)."""
    return [
        PredictedQuote(
            _marked(article.text, quote) if with_marks else (quote.start, quote.end),
            optional_span(quote.speaker_start, quote.speaker_end),
            optional_span(quote.cue_start, quote.cue_end),
        )
        for quote in getattr(article, "quotes", ())
    ]


def _marked(text: str, quote) -> Span:
    opened = quote.start > 0 and text[quote.start - 1] in QUOTE_MARKS
    closed = quote.end < len(text) and text[quote.end] in QUOTE_MARKS
    if quote.kind == "indirect" or not (opened and closed):
        return (quote.start, quote.end)
    return (quote.start - 1, quote.end + 1)


def mention_ranges(article) -> dict[str, tuple[Span, ...]]:
    """Entity id -> the ranges of its mentions in the article."""
    ranges: dict[str, list[Span]] = {}
    for mention in article.mentions:
        if mention.entity is not None:
            ranges.setdefault(mention.entity, []).append((mention.start, mention.end))
    return {entity: tuple(spans) for entity, spans in ranges.items()}


def events_of(article) -> list[PredictedEvent]:
    """An article's events, each participant located by the mentions of its entity."""
    ranges = mention_ranges(article)
    people = {entity.id for entity in getattr(article, "entities", ()) if entity.type == "PER"}
    return [
        PredictedEvent(
            event.type,
            tuple((evidence.start, evidence.end) for evidence in event.evidence),
            tuple(ranges.get(participant.entity, ()) for participant in event.participants),
            sum(participant.entity in people for participant in event.participants),
        )
        for event in getattr(article, "events", ())
    ]
