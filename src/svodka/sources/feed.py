"""RSS and Atom feeds: one article per entry, its HTML summary or content made plain text."""
from __future__ import annotations

import time
import unicodedata
from xml.sax import SAXParseException
from typing import Iterator

import feedparser

from ..errors import InputError
from ..records import Failure, RawDocument
from .base import Input, Item, ReadOptions, compose_text, too_large
from ..clean.dates import iso_date
from .html import html_to_text

FEED_SIZE_FACTOR = 20  # a feed holds many articles: it may be this many times an article's limit
# Bozo reasons that say only that the declared encoding or content type was off; the feed parsed.
HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_feed(source: Input, options: ReadOptions) -> Iterator[Item]:
    parsed = feedparser.parse(source.read_bytes(options.max_bytes * FEED_SIZE_FACTOR))
    problem = _problem(parsed)
    entries = [entry for entry in parsed.entries if entry]  # junk parsed loosely gives empty entries
    if not entries:
        raise InputError(source.source, f"not a valid feed: {problem}" if problem else "feed has no entries")
    outlet = _plain(parsed.feed.get("title_detail"))
    for index, entry in enumerate(entries, start=1):
        yield _item(f"{source.source}#{index}", entry, outlet, options.max_bytes)
    if problem:
        yield Failure(source.source, f"feed is malformed or truncated, entries after #{len(entries)} "
                                     f"may be missing ({problem})")


def _problem(parsed: feedparser.FeedParserDict) -> str | None:
    error = parsed.get("bozo_exception")
    if not parsed.get("bozo") or isinstance(error, HARMLESS_BOZO):
        return None
    if isinstance(error, SAXParseException):
        return f"{error.getMessage()} at line {error.getLineNumber()}, column {error.getColumnNumber()}"
    return str(error) or type(error).__name__


def _item(item_source: str, entry: feedparser.FeedParserDict, outlet: str | None,
          max_bytes: int) -> RawDocument | Failure:
    size = _size(entry)
    if size > max_bytes:
        return Failure(item_source, too_large(size, max_bytes))
    body = _body(entry)
    if not body:
        return Failure(item_source, "entry has no text (no content, summary or description)")
    title = _plain(entry.get("title_detail"))
    return RawDocument(
        source=item_source,
        text=compose_text(title, body),
        title=title,
        url=entry.get("link"),
        published=_published(entry),
        outlet=outlet,
        authors=_authors(entry),
    )


def _size(entry: feedparser.FeedParserDict) -> int:
    """Bytes of the entry's largest text (its title, summary or a content), as the feed held it."""
    details = [*entry.get("content", ()), entry.get("summary_detail"), entry.get("title_detail")]
    return max((len(detail.get("value", "").encode("utf-8", "replace")) for detail in details if detail), default=0)


def _body(entry: feedparser.FeedParserDict) -> str | None:
    details = [*entry.get("content", ()), entry.get("summary_detail")]
    texts = (_plain(detail, keep_paragraphs=True) for detail in details if detail)
    return next((text for text in texts if text), None)


def _plain(detail: dict | None, keep_paragraphs: bool = False) -> str | None:
    """The text of a feedparser text construct, HTML or not; on one line unless `keep_paragraphs`."""
    if not detail or not detail.get("value"):
        return None
    value = detail["value"]
    text = html_to_text(value) if "html" in (detail.get("type") or "") else value.strip()
    if not keep_paragraphs:
        text = " ".join(text.split())
    return unicodedata.normalize("NFC", text) or None


def _published(entry: feedparser.FeedParserDict) -> str | None:
    """The day as the feed wrote it; feedparser's parsed times are in UTC, which can shift the day."""
    for key in ("published", "updated"):
        if day := iso_date(entry.get(key)):
            return day
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _authors(entry: feedparser.FeedParserDict) -> tuple[str, ...]:
    names = [author.get("name") for author in entry.get("authors", ())] or [entry.get("author")]
    names = (" ".join(name.split()) for name in names if name)
    return tuple(dict.fromkeys(name for name in names if name))
