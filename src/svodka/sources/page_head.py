"""An article's head as a reader sees it on a page that states little for machines: the date and the
byline written around the headline (`<h1>`), before the text begins. Only short texts in the
headline's block and right after it are read, so that a sidebar's dates and names never count."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.authors import is_desk, valid_authors
from ..clean.byline import parse_byline
from ..clean.dates import find_date
from .page_prune import TEASER_WORDS
from .page_prune import named_as_chrome as _named_as_chrome

MAX_SHORT = 120
"""Characters of a text that may be a date or a byline (longer is the article's text)."""
LONG_TEXT = 200
MAX_SCANNED = 60
AUTHOR_HINT = re.compile(r"(?i)author|autor|byline|avtor|writer|signature")
AUTHOR_PAGE = re.compile(r"(?i)/(authors?|autors?|avtory?|journalists?|people|persons?)/[^/]")
AUTHOR_LABEL = re.compile(r"(?i)^\s*(автор(ы)?|текст|опубликовал[аи]?|подготовил[аи]?|by)\b")
RELATIVE_DAY = re.compile(r"(?i)^(сегодня|вчера)\b")
FIELD_LABELS = {"дата": "date", "опубликовано": "date", "дата публикации": "date", "автор": "authors",
                "авторы": "authors", "текст": "authors"}
MAX_SIGNED = 4
EMBED_MARK = re.compile(r"(?i)tweet|twitter|telegram|instagram|embed|social|vk-post|comment")


@dataclass(frozen=True)
class PageHead:
    published: str | None = None
    authors: tuple[str, ...] = ()


def page_head(root) -> PageHead:
    """The date and byline around the headline; else the page's labelled fields ("Дата 14.03.2018",
    "Автор …" in a list of the article's details) and the people it marks as authors outside its
    furniture (an author card under the text)."""
    labelled = _labelled_fields(root)
    headline = next(iter(root.iter("h1")), None)
    texts = _texts_around(headline) if headline is not None else []
    return PageHead(published=_date(texts) or labelled.get("date"),
                    authors=_authors(texts) or labelled.get("authors") or _signed_authors(root))


def _labelled_fields(root) -> dict:
    """Fields written as a label and its value ("<strong>Дата</strong> 14.03.2018")."""
    found: dict = {}
    for label in root.iter("strong", "b", "dt", "th", "span"):
        name = " ".join((label.text or "").split()).rstrip(":").lower()
        field = FIELD_LABELS.get(name)
        if field is None or field in found or _in_furniture(label):
            continue
        value = " ".join((label.tail or "").split()) or _next_text(label)
        if field == "date" and (date := find_date(value)):
            found["date"] = date
        elif field == "authors" and (names := valid_authors([value])):
            found["authors"] = names
    return found


def _next_text(label) -> str:
    following = label.getnext()
    return " ".join(following.text_content().split()) if following is not None else ""


def _signed_authors(root) -> tuple[str, ...]:
    """People the page marks as its authors anywhere but in its furniture (comments, sidebars); the
    innermost mark only (a card of two authors is not a third)."""
    names: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not _hinted(element) or _in_furniture(element):
            continue
        if not any(_hinted(inner) for inner in element.iterdescendants() if isinstance(inner.tag, str)):
            text = " ".join(element.text_content().split())
            if len(text) <= MAX_SHORT:
                names.extend(name for name in valid_authors([text], handles=True) if name not in names and not is_desk(name))
    return tuple(names[:MAX_SIGNED])


def _in_furniture(element) -> bool:
    return any(ancestor.tag in ("aside", "footer", "nav", "form") or _named_as_chrome(ancestor)
               for ancestor in element.iterancestors())


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
    holding = set(headline.iterancestors())
    return [(element, text) for element, text in around + after
            if text and len(text) <= MAX_SHORT and not _embedded(element) and not _in_teasers(element, holding)]


def _in_teasers(element, holding: set) -> bool:
    """Inside a block of other articles (their headlines, authors, dates) below the block that holds
    the headline."""
    for node in element.iterancestors():
        if node in holding:
            return False
        if _named_as_chrome(node, TEASER_WORDS):
            return True
    return False


def _embedded(element) -> bool:
    """Inside an embedded post or a quotation block: its date and names are someone else's."""
    return any(node.tag == "blockquote" or EMBED_MARK.search(f"{node.get('class') or ''} {node.get('id') or ''}")
               for node in [element, *element.iterancestors()])


def _own_text(element) -> str:
    if element.tag in ("script", "style"):
        return ""
    return " ".join(element.text_content().split()) if len(element) == 0 else " ".join((element.text or "").split())


def _date(texts: list[tuple[object, str]]) -> str | None:
    """The first date shown by the headline: as its readers see it, else as its markup gives it."""
    for element, text in texts:
        found = find_date(text) or _date_attribute(element)
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
            names = valid_authors([text], handles=_hinted(element))
            if not names and AUTHOR_LABEL.fullmatch(text.strip(" :")):
                names = _names_after(texts, index)
            found.extend(name for name in names if name not in found)
    people = [name for name in found if not is_desk(name)]
    return tuple(people or found[:1])


def _names_after(texts: list[tuple[object, str]], label: int) -> list[str]:
    """The names following a label alone ("Авторы:" / "Константин Рыжов" / "," / "Алина Фатеева")."""
    names: list[str] = []
    for _, text in texts[label + 1 : label + 1 + MAX_SIGNED * 2]:
        if text.strip(" ,;и") == "":
            continue
        found = valid_authors([text])
        if not found:
            break
        names.extend(found)
    return names


def _hinted(element) -> bool:
    """The page marks the element as its author's: by class, rel or itemprop, or a link to an author page."""
    marks = f"{element.get('class') or ''} {element.get('rel') or ''} {element.get('itemprop') or ''}"
    return bool(AUTHOR_HINT.search(marks)) or bool(AUTHOR_PAGE.search(element.get("href") or ""))
