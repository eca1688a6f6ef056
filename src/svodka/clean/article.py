"""The clean stage: a RawDocument in, an Article with spans and metadata out."""
from __future__ import annotations

import hashlib

from ..errors import InputError
from ..records import Article, RawDocument, Span
from .authors import valid_authors
from .byline import parse_byline
from .cited import cited_sources
from .dates import find_date, iso_date
from .language import detect_language
from .layout import label_lines, merge_spans
from .lines import split_lines
from .outlet import outlet_from_text
from .outlets import canonical_outlet
from .script import analysis_form

CONTENT_KINDS = ("title", "lead", "body")


def clean(raw: RawDocument, default_date: str | None = None) -> Article:
    """Lay out `raw.text` into spans and read the metadata; the text itself is kept as it is."""
    analysed = analysis_form(raw.text)
    lines = split_lines(analysed)
    labelled = merge_spans(lines, label_lines(lines, title_hint=raw.title, lead_hint=raw.lead))
    spans = _headline_only(labelled)
    if not any(span.kind == "body" for span in spans):
        raise InputError(raw.source, "no article text found (everything looks like site chrome)")
    passages = _passages(analysed, spans)
    return Article(
        id=article_id(analysed, spans),
        source=raw.source,
        text=raw.text,
        title=raw.title or _joined(raw.text, labelled, "title", first_only=True),
        lead=_joined(raw.text, spans, "lead"),
        authors=raw.authors or _authors(passages["byline"]),
        outlet=canonical_outlet(raw.outlet or outlet_from_text(passages["body"] + passages["lead"], passages["chrome"]),
                                raw.url),
        cited=cited_sources([p for kind in CONTENT_KINDS for p in passages[kind]]),
        published=iso_date(raw.published) or _dateline(passages["byline"]) or iso_date(default_date),
        language=detect_language("\n".join(passages["body"])),
        url=raw.url,
        spans=spans,
    )


def _headline_only(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """A document with no body but a lead (a teaser: headline and standfirst) has the lead as its
    body; one that is a single headline and nothing else (a bare feed item, a wire flash) has the
    headline as its body too, so the title is still read from it."""
    if any(span.kind == "body" for span in spans):
        return spans
    if any(span.kind == "lead" for span in spans):
        return tuple(Span(span.start, span.end, "body") if span.kind == "lead" else span for span in spans)
    titles = [span for span in spans if span.kind == "title"]
    if len(titles) == 1 and all(span.kind in ("title", "chrome") for span in spans):
        return tuple(Span(span.start, span.end, "body") if span.kind == "title" else span for span in spans)
    return spans


def _passages(analysed: str, spans: tuple[Span, ...]) -> dict[str, list[str]]:
    passages: dict[str, list[str]] = {kind: [] for kind in ("title", "lead", "byline", "body", "chrome")}
    for span in spans:
        passages[span.kind].extend(span.of(analysed).split("\n"))
    return passages


def _joined(text: str, spans: tuple[Span, ...], kind: str, first_only: bool = False) -> str | None:
    parts = [" ".join(span.of(text).split()) for span in spans if span.kind == kind]
    if first_only:
        parts = parts[:1]
    return " ".join(parts) or None


def _authors(bylines: list[str]) -> tuple[str, ...]:
    """From labelled bylines ("Текст: …"; a credit names no author) and names signed alone."""
    names: list[str] = []
    for line in bylines:
        byline = parse_byline(line)
        names.extend(byline.authors if byline else valid_authors([line]))
    return tuple(dict.fromkeys(names))


def _dateline(bylines: list[str]) -> str | None:
    return next((found for found in map(find_date, bylines) if found), None)


def article_id(analysed: str, spans: tuple[Span, ...]) -> str:
    """Derived from the normalised title, lead and body (of the analysis form), so the same article
    scraped with a different sidebar, other line breaks or look-alike Latin letters gets the same id."""
    content = " ".join(span.of(analysed) for span in spans if span.kind in CONTENT_KINDS)
    normal = " ".join(content.casefold().replace("ё", "е").split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
