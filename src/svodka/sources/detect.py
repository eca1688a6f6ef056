"""Which reader an input needs: by its name first, then by its first bytes."""
from __future__ import annotations

import gzip
import re

from ..errors import InputError
from .base import Input

SUFFIX_KINDS = (
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".jsonl", ".ndjson"), "jsonl"),
    ((".rss", ".atom"), "feed"),
    ((".html", ".htm", ".xhtml"), "html"),
    ((".txt", ".text"), "text"),
)
FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
HTML_ROOT = re.compile(rb"<(!doctype html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)


def kind_of(source: Input) -> str:
    name = source.source.lower().split("?")[0]
    for suffixes, kind in SUFFIX_KINDS:
        if name.endswith(suffixes):
            return kind
    return _sniff(source)


def _sniff(source: Input) -> str:
    head = _head(source)
    if head.startswith(b"WARC/"):
        return "warc"
    if _content_type_says(source.content_type, ("rss", "atom")) or FEED_ROOT.search(head):
        return "feed"
    if _content_type_says(source.content_type, ("html",)) or HTML_ROOT.search(head):
        return "html"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"


def _head(source: Input) -> bytes:
    if source.path is None and source.data is None:
        return b""  # stdin cannot be peeked without consuming it: read as text
    with source.open(metered=False) as stream:
        head = stream.read(2048)
    if head.startswith(b"\x1f\x8b"):
        try:
            return _gunzip_head(source)
        except (OSError, EOFError) as error:
            raise InputError(source.source, f"broken gzip data: {error}") from None
    return head


def _gunzip_head(source: Input) -> bytes:
    with source.open(metered=False) as raw, gzip.GzipFile(fileobj=raw) as stream:
        return stream.read(2048)


def _content_type_says(content_type: str | None, words: tuple[str, ...]) -> bool:
    return bool(content_type) and any(word in content_type.lower() for word in words)
