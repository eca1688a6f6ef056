"""Pages nested deeper than any person writes them: parsed whole, and made shallow enough for the
extractor, in time linear in the page.

libxml2 stops building the tree at 255 levels (2,047 with `huge_tree`) and silently drops what lies
below, so a page wrapped in thousands of `<div>`s loses its text. Such a page is first stripped of
the tags below `MAX_TAG_DEPTH` (their text stays), then parsed; every tree has the tags below
`MAX_DEPTH` stripped but for paragraphs, headings, breaks and links."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

PARSER = lxml.html.HTMLParser(huge_tree=True)
PARSER_DEPTH_LIMIT = 2047
"""The depth at which libxml2 (with `huge_tree`) stops adding elements."""
MAX_TAG_DEPTH = 1000
MAX_DEPTH = 200
KEPT_DEEP = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "br", "a"})
TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>")
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
CLOSE_SEARCH = 64
"""How far down the open tags a closing tag looks for its opening one (mis-nested pages)."""


def parse_page(page: str):
    """The page's tree, whole however deep it is, at most about MAX_DEPTH levels deep."""
    root = lxml.html.document_fromstring(page, parser=PARSER)
    if _deepest(root) >= PARSER_DEPTH_LIMIT:
        root = lxml.html.document_fromstring(_without_deep_tags(page), parser=PARSER)
    _flatten_deep(root)
    return root


def _deepest(root) -> int:
    return max(_depths(root).values())


def _depths(root) -> dict:
    depths = {root: 0}
    for element in root.iterdescendants():
        depths[element] = depths[element.getparent()] + 1
    return depths


def _flatten_deep(root) -> None:
    """Strip the tags below MAX_DEPTH but KEPT_DEEP, each deep subtree in one pass of lxml's."""
    deepest = [element for element, depth in _depths(root).items() if depth == MAX_DEPTH]
    for element in deepest:
        tags = {child.tag for child in element.iterdescendants() if isinstance(child.tag, str)}
        etree.strip_tags(element, *(tags - KEPT_DEEP))


def _without_deep_tags(page: str) -> str:
    """`page` without the opening and closing tags of elements below MAX_TAG_DEPTH, but KEPT_DEEP."""
    kept: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # (name, kept)
    start = 0
    for match in TAG_TOKEN.finditer(page):
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID or match.group(0).endswith("/>"):
            continue
        keep = _open(open_tags, name) if not closing else _close(open_tags, name)
        if not keep:
            kept.append(page[start:match.start()])
            start = match.end()
    kept.append(page[start:])
    return "".join(kept)


def _open(open_tags: list[tuple[str, bool]], name: str) -> bool:
    keep = len(open_tags) < MAX_TAG_DEPTH or name in KEPT_DEEP
    open_tags.append((name, keep))
    return keep


def _close(open_tags: list[tuple[str, bool]], name: str) -> bool:
    for back in range(1, min(CLOSE_SEARCH, len(open_tags)) + 1):
        if open_tags[-back][0] == name:
            keep = open_tags[-back][1]
            del open_tags[-back:]
            return keep
    return True  # a stray closing tag: the parser ignores it
