"""HTML pages: the main text and metadata as trafilatura extracts them; also HTML fragments to text."""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Iterator
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from ..clean.decode import decode
from ..errors import InputError
from ..records import RawDocument
from .base import Input, Item, ReadOptions, compose_text
from ..clean.dates import iso_date

NO_ARTICLE = "no article text found in the HTML"
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


def read_html(source: Input, options: ReadOptions) -> Iterator[Item]:
    data = source.read_bytes(options.max_bytes)
    url = source.source if source.source.startswith(("http://", "https://")) else None
    yield html_document(data, source.source, url, options, source.content_type)


def html_document(data: bytes, source: str, url: str | None, options: ReadOptions,
                  content_type: str | None = None) -> RawDocument:
    """One article from an HTML page; `url` (where the page came from) wins over the page's own."""
    page = decode_html(data, source, options.encoding_errors, content_type)
    extracted = _extract(page, url)
    body = _body(extracted)
    if body is None:
        raise InputError(source, NO_ARTICLE)
    title = _single_line(extracted.title)
    return RawDocument(
        source=source,
        text=compose_text(title, body),
        title=title,
        url=url or extracted.url,
        published=iso_date(extracted.date),
        outlet=_single_line(extracted.sitename) or _host(url),
        authors=_authors(extracted.author),
    )


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


def _extract(page: str, url: str | None) -> trafilatura.settings.Document | None:
    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
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
