"""An article's head as a reader sees it on a page that states little for machines: the date and the
byline written around the headline (`<h1>`), before the text begins. Only short texts in the
headline's block and right after it are read, so that a sidebar's dates and names never count."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.authors import is_desk, valid_authors
from ..clean.byline import parse_byline
from ..clean.dates import find_date

MAX_SHORT = 120
"""Characters of a text that may be a date or a byline (longer is the article's text)."""
LONG_TEXT = 200
MAX_SCANNED = 60
AUTHOR_HINT = re.compile(r"(?i)author|autor|byline|avtor|writer")
AUTHOR_PAGE = re.compile(r"(?i)/(authors?|autors?|avtory?|journalists?|people|persons?)/[^/]")
AUTHOR_LABEL = re.compile(r"(?i)^\s*(автор(ы)?|текст|опубликовал[аи]?|подготовил[аи]?|by)\b")
RELATIVE_DAY = re.compile(r"(?i)^(сегодня|вчера)\b")


@dataclass(frozen=True)
class PageHead:
    published: str | None = None
    authors: tuple[str, ...] = ()


def page_head(root) -> PageHead:
    headline = next(iter(root.iter("h1")), None)
    if headline is None:
        return PageHead()
    texts = _texts_around(headline)
    return PageHead(published=_date(texts), authors=_authors(texts))


def _texts_around(headline) -> list[tuple[object, str]]:
    """(element, its own short text) in the headline's block, then after the headline until the
    first long text."""
    block = headline.getparent()
    if block is not None and block.getparent() is not None and len(block) < 4:
        block = block.getparent()
    around = [(element, _own_text(element)) for element in (block if block is not None else headline).iter()
              if isinstance(element.tag, str)]
    after, passed = [], False
    for element in headline.getroottree().getroot().iter():
        if element is headline:
            passed = True
            continue
        if not passed or not isinstance(element.tag, str):
            continue
        text = _own_text(element)
        if len(text) >= LONG_TEXT or len(after) >= MAX_SCANNED:
            break
        after.append((element, text))
    return [(element, text) for element, text in around + after if text and len(text) <= MAX_SHORT]


def _own_text(element) -> str:
    if element.tag in ("script", "style"):
        return ""
    return " ".join(element.text_content().split()) if len(element) == 0 else " ".join((element.text or "").split())


def _date(texts: list[tuple[object, str]]) -> str | None:
    for element, text in texts:
        found = _date_attribute(element) or find_date(text)
        if found:
            return found
    return None


def _date_attribute(element) -> str | None:
    value = element.get("datetime") or (element.get("content") if "date" in (element.get("itemprop") or "").lower() else None)
    return find_date(value) if value else None


def _authors(texts: list[tuple[object, str]]) -> tuple[str, ...]:
    """From a labelled line ("Автор: …", "Опубликовал …"), a label followed by the names in an
    element of their own, or the elements the page marks as its authors (every one of them: a
    page may sign two); people first, an outlet's desk only where no one is named."""
    found: list[str] = []
    for index, (element, text) in enumerate(texts):
        byline = parse_byline(text)
        if byline and byline.authors:
            return valid_authors(byline.authors)
        if _hinted(element) or AUTHOR_LABEL.match(text):
            names = valid_authors([text])
            if not names and AUTHOR_LABEL.fullmatch(text.strip(" :")) and index + 1 < len(texts):
                names = valid_authors([texts[index + 1][1]])
            found.extend(name for name in names if name not in found)
    people = [name for name in found if not is_desk(name)]
    return tuple(people or found[:1])


def _hinted(element) -> bool:
    """The page marks the element as its author's: by class, rel or itemprop, or a link to an author page."""
    marks = f"{element.get('class') or ''} {element.get('rel') or ''} {element.get('itemprop') or ''}"
    return bool(AUTHOR_HINT.search(marks)) or bool(AUTHOR_PAGE.search(element.get("href") or ""))
