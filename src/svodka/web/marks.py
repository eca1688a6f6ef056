"""An article's text as it is shown: its paragraphs, each of the span it lies in (title, lead,
byline, body, chrome), cut into runs at every edge of a mention, a quote or an event's evidence, so
that each run carries the marks over it and the page nests no element across another."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Article, Span


@dataclass
class Run:
    text: str
    entity: str | None = None  # the entity a mention names
    entity_name: str | None = None
    quote: int | None = None  # the index of the quote it is in
    evidence: bool = False  # in the evidence of an event


@dataclass
class Block:
    kind: str  # the span's kind: title, lead, byline, body, chrome
    runs: list[Run] = field(default_factory=list)


def blocks(article: Article) -> list[Block]:
    """The article's paragraphs in order, each with its runs."""
    names = {entity.id: entity.name for entity in article.entities}
    edges = {0, len(article.text)}
    mentions = [(m.start, m.end, m.entity) for m in article.mentions if m.entity]
    quotes = [(q.start, q.end, index) for index, q in enumerate(article.quotes)]
    evidence = [(r.start, r.end) for event in article.events for r in event.evidence]
    for start, end, *_ in (*mentions, *quotes, *evidence):
        edges.update((start, end))
    spans = sorted(article.spans, key=lambda span: span.start)
    found: list[Block] = []
    for span in spans or [_whole(article)]:
        for start, end in _paragraphs(article.text, span.start, span.end):
            cuts = sorted(edge for edge in edges if start < edge < end)
            block = Block(span.kind)
            for left, right in zip([start, *cuts], [*cuts, end]):
                block.runs.append(_run(article.text, left, right, mentions, quotes, evidence, names))
            found.append(block)
    return found


def _whole(article: Article) -> Span:
    return Span(0, len(article.text), "body")


def _paragraphs(text: str, start: int, end: int):
    """The non-blank lines of text[start:end] as (start, end)."""
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop == -1 else stop
        if text[at:stop].strip():
            yield at, stop
        at = stop + 1


def _run(text, left, right, mentions, quotes, evidence, names) -> Run:
    run = Run(text[left:right])
    for start, end, entity in mentions:
        if start <= left and right <= end:
            run.entity, run.entity_name = entity, names.get(entity, entity)
    for start, end, index in quotes:
        if start <= left and right <= end:
            run.quote = index
    run.evidence = any(start <= left and right <= end for start, end in evidence)
    return run
