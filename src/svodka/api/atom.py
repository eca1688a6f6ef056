"""An Atom feed (RFC 4287) of a saved search's newest matches. Every string is scraped text: it is
escaped by the XML writer, and characters XML cannot hold are dropped; links are only http(s)."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, SubElement, tostring

ATOM = "http://www.w3.org/2005/Atom"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def feed(feed_id: str, title: str, self_url: str, entries: list[dict]) -> bytes:
    """`entries`: dicts with id, title, url, updated (ISO date or time), summary, author."""
    root = Element("feed", xmlns=ATOM)
    _text(root, "id", feed_id)
    _text(root, "title", title)
    SubElement(root, "link", rel="self", href=self_url)
    _text(root, "updated", max((_when(entry["updated"]) for entry in entries), default=_now()))
    _text(SubElement(root, "author"), "name", "svodka")
    for entry in entries:
        element = SubElement(root, "entry")
        _text(element, "id", entry["id"])
        _text(element, "title", entry["title"] or "(no title)")
        _text(element, "updated", _when(entry["updated"]))
        if _web(entry.get("url")):
            SubElement(element, "link", rel="alternate", href=_clean(entry["url"]))
        if entry.get("author"):
            _text(SubElement(element, "author"), "name", entry["author"])
        if entry.get("summary"):
            _text(element, "summary", entry["summary"])
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8")


def _text(parent: Element, tag: str, value: str) -> Element:
    element = SubElement(parent, tag)
    element.text = _clean(value)
    return element


def _clean(value: str) -> str:
    return NOT_XML.sub("", value)


def _web(url: str | None) -> bool:
    return bool(url) and re.match(r"https?://", url, re.IGNORECASE) is not None


def _when(value: str | None) -> str:
    """An RFC 3339 time: a bare date is taken as midnight UTC; what cannot be read is now."""
    if not value:
        return _now()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _now()
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
