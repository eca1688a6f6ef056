"""HTML pages: the main text and metadata as trafilatura extracts them; also HTML fragments to text."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import replace
from datetime import date
from typing import Iterator
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from ..clean.authors import is_desk, valid_authors

from ..clean.dates import find_date, iso_date
from ..clean.decode import decode
from ..clean.outlets import canonical_outlet, listed_outlet
from ..errors import InputError
from ..records import RawDocument
from .base import Input, Item, ReadOptions, compose_text
from .page_depth import parse_page
from .page_head import page_head
from .page_meta import PageMeta, page_meta, site_names, standfirst
from .page_prune import prune

NO_ARTICLE = "no article text found in the HTML"
MAX_NODES = 60_000
"""Elements and comments of one page: news pages have a few thousand; many more is a generated page
or an attack, and costs the extractor seconds per ten thousand."""
MIN_WORDS = 5  # fewer words than this, besides the title, is navigation or an error page
CHARSET_SCAN = 16 * 1024
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# The extensive search takes a footer's "© 2024" for the date of the article.
DATE_PARAMS = {"original_date": True, "extensive_search": False}
BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
              "section", "article", "header", "footer", "figure", "figcaption", "h1", "h2", "h3",
              "h4", "h5", "h6", "hr")
BLANK_LINE = re.compile(r"\n\s*\n")
TAG = re.compile(r"<[^>]*>")
UTC_STAMP = re.compile(r"(Z|[+-]00:?00)\s*$")
TITLE_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(19|20)\d{2}\s*$")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(source: Input, options: ReadOptions) -> Iterator[Item]:
    data = source.read_bytes(options.max_bytes)
    url = source.source if source.source.startswith(("http://", "https://")) else None
    yield html_document(data, source.source, url, options, source.content_type)


def html_document(data: bytes, source: str, url: str | None, options: ReadOptions,
                  content_type: str | None = None) -> RawDocument:
    """One article from an HTML page; `url` (where the page came from) wins over the page's own.
    What the page states for machines (JSON-LD, meta tags, microdata) comes first, then what is
    written around its headline, then trafilatura's guesses."""
    root = _parse(decode_html(data, source, options.encoding_errors, content_type), source)
    meta, head, names = page_meta(root), page_head(root), site_names(root)
    lead = standfirst(root, meta.description)
    prune(root)
    extracted = _extract(root, url)
    body = _body(extracted)
    if body is None:
        raise InputError(source, NO_ARTICLE)
    title = _title(meta, root, extracted)
    page_url = url or meta.url or extracted.url
    return RawDocument(
        source=source,
        text=compose_text(title, body, lead),
        title=title,
        url=page_url,
        published=_published(meta, head, extracted),
        outlet=_outlet(meta, extracted, page_url, names),
        authors=_authors_of(valid_authors(meta.authors, handles=True), head.authors),
        lead=lead or "",
    )


def _published(meta: PageMeta, head, extracted) -> str | None:
    """The page's own day: its metadata's date, unless that is given in UTC and the page shows its
    readers the day after or before (a story put up after midnight Moscow time is stamped the day
    before in UTC); then the date shown by the headline, a date in the page's title, trafilatura's."""
    stated = iso_date(meta.published)
    if stated and head.published and UTC_STAMP.search(meta.published or "") and _days_apart(stated, head.published) == 1:
        return head.published
    return stated or head.published or _title_date(meta.title) or iso_date(extracted.date)


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)


def _title_date(title: str | None) -> str | None:
    """"… | DW | 14.03.2018", "… - РИА Новости, 27.04.2021": a date a page's title ends with."""
    tail = (title or "")[-40:]
    return find_date(tail) if TITLE_DATE.search(tail) else None


def _authors_of(stated: tuple[str, ...], shown: tuple[str, ...]) -> tuple[str, ...]:
    """The metadata's authors, unless the byline shows them and more (a page may state one of two)
    or shows people where the metadata names only the outlet's desk."""
    if stated and shown and (set(stated) < set(shown) or all(map(is_desk, stated)) and not any(map(is_desk, shown))):
        return shown
    return stated or shown


def _outlet(meta: PageMeta, extracted, url: str | None, names: list[str]) -> str | None:
    """From the page's metadata, its title or its URL; else from its copyright line or logo."""
    stated = canonical_outlet(meta.outlet or _site_name(meta.title) or _sitename(extracted), url)
    if stated:
        return stated
    listed = next((found for found in map(listed_outlet, names) if found), None)
    return listed or canonical_outlet(names[0]) if names else None


def _parse(page: str, source: str):
    try:
        root = parse_page(XML_DECLARATION.sub("", page, count=1) or " ")
    except (etree.ParserError, ValueError) as error:
        raise InputError(source, f"{NO_ARTICLE} ({error})") from None
    nodes = sum(1 for _ in root.iter())
    if nodes > MAX_NODES:
        raise InputError(source, f"too many HTML elements for one article ({nodes:,}; the limit is {MAX_NODES:,})")
    return root


def _title(meta: PageMeta, root, extracted) -> str | None:
    """The headline as the page shows it: its one `<h1>` where the page's metadata agrees or says
    nothing, else the metadata's headline without the site's name after it. A `<title>` that only
    names the site ("RTVI", "Медиазона") says nothing."""
    meta = replace(meta, title=None) if _only_site_name(meta.title) else meta
    headlines = [" ".join(h1.text_content().split()) for h1 in root.iter("h1")]
    headlines = [text for text in headlines if text]
    if len(headlines) == 1 and (not meta.title or _key(headlines[0]) in _key(meta.title)):
        return headlines[0]
    if len(headlines) == 1 and _key(headlines[0]).startswith(_key(meta.title)):
        return _headline_without_subtitle(root, meta.title) or headlines[0]
    return _without_site_name(meta.title) or (headlines[0] if headlines else None) or _single_line(extracted.title)


TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " / ")


def _only_site_name(title: str | None) -> bool:
    parts = [title or ""]
    for separator in TITLE_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return bool(title) and all(listed_outlet(part.strip()) for part in parts)


def _headline_without_subtitle(root, title: str) -> str | None:
    """The `<h1>`'s first part where it holds the headline the metadata states and a subtitle after
    it, each in an element of its own (the subtitle is the standfirst)."""
    headline = next(iter(root.iter("h1")))
    parts = [" ".join(child.text_content().split()) for child in headline]
    return parts[0] if len(parts) > 1 and _key(parts[0]) == _key(title) else None


def _without_site_name(title: str | None) -> str | None:
    """"Заголовок - РИА Новости, 27.04.2021" → "Заголовок": a part after the last separator that
    names an outlet goes."""
    if not title:
        return None
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and (_site_name(title) or len(tail.split()) <= 3 and len(head) > len(tail)):
            return head.strip()
    return title


def _site_name(title: str | None) -> str | None:
    """The outlet a page's `<title>` names beside its headline ("… - Культура - ТАСС",
    "… - 27.02.2024, Sputnik", "ВЗГЛЯД / …")."""
    for separator in TITLE_SEPARATORS:
        parts = (title or "").split(separator)
        if len(parts) < 2:
            continue
        named = [listed_outlet(piece.strip()) for part in [*parts[1:], parts[0]] for piece in part.split(",")]
        found = next((name for name in named if name), None)
        if found:
            return found
    return None


def _sitename(extracted) -> str | None:
    """trafilatura's guess at the site's name, where it names a listed outlet (its guesses are often
    a piece of the headline or a date)."""
    return listed_outlet(_single_line(extracted.sitename) or "")


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def decode_html(data: bytes, source: str, errors: str, content_type: str | None = None) -> str:
    """The page as text: in its declared charset, unless a BOM or valid UTF-8 says otherwise."""
    charset = _declared_charset(data, content_type)
    if charset and not _is_utf8(data):
        try:
            return unicodedata.normalize("NFC", data.decode(charset)).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong declaration: guess instead
    return decode(data, source, errors)


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    if content_type and (match := HEADER_CHARSET.search(content_type)):
        return match[1]
    match = META_CHARSET.search(data[:CHARSET_SCAN])
    return match[1].decode("ascii") if match else None


def _is_utf8(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True  # a BOM wins over any declaration; decode() reads it
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _extract(root, url: str | None) -> trafilatura.settings.Document | None:
    return trafilatura.bare_extraction(
        root,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_recall=True,
        date_extraction_params=dict(DATE_PARAMS),
    )


def _body(extracted: trafilatura.settings.Document | None) -> str | None:
    """The extracted text, one paragraph per line made blank-line separated; None if too little."""
    if extracted is None or not extracted.text:
        return None
    paragraphs = [" ".join(line.split()) for line in extracted.text.splitlines()]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    content = [p for p in paragraphs if p != _single_line(extracted.title)]
    if sum(len(p.split()) for p in content) < MIN_WORDS:
        return None
    return "\n\n".join(paragraphs)


def _single_line(value: str | None) -> str | None:
    joined = " ".join((value or "").split())
    return joined or None


def _authors(author: str | None) -> tuple[str, ...]:
    names = (" ".join(name.split()) for name in (author or "").split(";"))
    return tuple(dict.fromkeys(name for name in names if name))


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed summary), one paragraph per block, blank-line separated."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.ParserError):
        return paragraphs(TAG.sub(" ", fragment))
    _mark_breaks(root)
    return paragraphs(root.text_content())


def _mark_breaks(root: lxml.html.HtmlElement) -> None:
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")


def paragraphs(text: str) -> str:
    """`text` with spaces collapsed, lines kept, and paragraphs separated by one blank line."""
    blocks = ("\n".join(_lines(block)) for block in BLANK_LINE.split(text))
    return "\n\n".join(block for block in blocks if block)


def _lines(block: str) -> list[str]:
    lines = (" ".join(line.split()) for line in block.split("\n"))
    return [line for line in lines if line]
