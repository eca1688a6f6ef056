"""JSON Lines dumps: one article per line, streamed, so that a dump of any size reads in little memory."""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from typing import BinaryIO, Iterator

from ..errors import InputError
from ..records import Failure, RawDocument
from .base import Input, Item, ReadOptions, compose_text, too_large
from ..clean.dates import iso_date
from .html import html_to_text

FIELD_KEYS = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "lead": ("lead", "summary", "description", "standfirst", "subtitle", "annotation"),
    "url": ("url", "link"),
    "published": ("published", "date", "pubDate", "published_at", "time"),
    "outlet": ("outlet", "source", "site", "site_name", "publisher"),
    "authors": ("authors", "author"),
}
HTML_TAG = re.compile(r"<(p|br|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|blockquote)[\s/>]", re.IGNORECASE)
AUTHOR_SEPARATOR = re.compile(r"[;,]")
SKIP_CHUNK = 64 * 1024
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false",
              type(None): "null"}


def read_jsonl(source: Input, options: ReadOptions) -> Iterator[Item]:
    keys = _field_keys(source.source, options.jsonl_fields)
    empty = True
    with source.open() as stream:
        for number, line in _lines(stream, options.max_bytes):
            if line is not None and not line.strip():
                continue
            empty = False
            yield _item(f"{source.source}:{number}", line, keys, options)
    if empty:
        raise InputError(source.source, "empty input")


def _field_keys(source: str, mapping: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The keys to look for, per field: the user's mapping where given, else the usual aliases."""
    unknown = sorted(set(mapping) - set(FIELD_KEYS))
    if unknown:
        known = ", ".join(FIELD_KEYS)
        raise InputError(source, f"unknown field {unknown[0]!r} in the JSONL field mapping (known: {known})")
    return {field: (mapping[field],) if field in mapping else aliases for field, aliases in FIELD_KEYS.items()}


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line longer than `limit`, which is skipped without being kept."""
    for number in itertools.count(1):
        line = stream.readline(limit + 2)
        if not line:
            return
        if len(line.rstrip(b"\r\n")) > limit:
            _skip_rest_of_line(stream, line)
            line = None
        yield number, line


def _skip_rest_of_line(stream: BinaryIO, start: bytes) -> None:
    chunk = start
    while chunk and not chunk.endswith(b"\n"):
        chunk = stream.readline(SKIP_CHUNK)


def _item(item_source: str, line: bytes | None, keys: dict, options: ReadOptions) -> RawDocument | Failure:
    try:
        return _document(item_source, _record(item_source, line, options), keys)
    except InputError as error:
        return Failure(error.source, error.reason)


def _record(item_source: str, line: bytes | None, options: ReadOptions) -> dict:
    if line is None:
        raise InputError(item_source, "line " + too_large(None, options.max_bytes))
    try:
        text = line.decode("utf-8", options.encoding_errors).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise InputError(item_source, f"invalid UTF-8 at byte {error.start} of the line") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        cut = "" if line.endswith(b"\n") else "; the input ends inside this line, so it is probably truncated"
        raise InputError(item_source, f"invalid JSON ({error.msg} at column {error.colno}){cut}") from None
    except RecursionError:
        raise InputError(item_source, "JSON nested too deeply to be an article") from None
    if not isinstance(record, dict):
        raise InputError(item_source, f"not a JSON object but {JSON_KINDS.get(type(record), 'something else')}")
    return record


def _document(item_source: str, record: dict, keys: dict[str, tuple[str, ...]]) -> RawDocument:
    body = _text(_field(record, keys["text"]))
    if not body:
        raise InputError(item_source, f"no text (looked for {', '.join(keys['text'])})")
    title = _string(_field(record, keys["title"]))
    lead = _string(_field(record, keys["lead"]))
    return RawDocument(
        source=item_source,
        text=compose_text(title, body, lead),
        title=title,
        lead=lead,
        url=_string(_field(record, keys["url"])),
        published=iso_date(_field(record, keys["published"])),
        outlet=_string(_field(record, keys["outlet"])),
        authors=_authors(_field(record, keys["authors"])),
    )


def _field(record: dict, keys: tuple[str, ...]) -> object:
    """The first non-empty value under `keys`; a key may be a dotted path into nested objects."""
    values = (_lookup(record, key) for key in keys)
    return next((value for value in values if value not in (None, "", [], {})), None)


def _lookup(record: dict, key: str) -> object:
    if key in record:
        return record[key]
    value: object = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _text(value: object) -> str | None:
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        value = "\n\n".join(value)  # a list of paragraphs
    if not isinstance(value, str):
        return None
    text = html_to_text(value) if HTML_TAG.search(value) else value.strip()
    return unicodedata.normalize("NFC", text) or None


def _string(value: object) -> str | None:
    """A one-line string value; an object with a "name" (as in {"source": {"name": …}}) gives that."""
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return None
    return unicodedata.normalize("NFC", " ".join(value.split())) or None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = AUTHOR_SEPARATOR.split(value)
    if not isinstance(value, list):
        return ()
    names = (_string(name) for name in value)
    return tuple(dict.fromkeys(name for name in names if name))
