"""A page's furniture taken out of its tree before the article text is extracted: code and forms,
navigation, asides, footers and figures, blocks whose class or id says what they are (related
articles, sharing, subscriptions, cookies, advertising, comments, media), and blocks that are mostly
links. What holds the headline or most of the page's text is never taken out. One pass over the tree
measures every element (bottom-up), so pruning is linear in the page's size."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.shapes import ends_sentence, is_related_heading

CODE_AND_FORMS = ("script", "style", "noscript", "iframe", "svg", "form", "button", "input", "select",
                  "textarea", "template", "object", "embed", "canvas", "dialog")
FURNITURE_TAGS = ("nav", "aside", "footer", "figure", "figcaption")
CHROME_WORDS = frozenset(
    "related relap teaser teasers recommend recommended recommendations readmore read also more similar "
    "sidebar share sharing social socials subscribe subscription newsletter cookie cookies consent banner "
    "advert advertisement ad ads adv adfox adsense promo sponsor sponsored partner partners comment comments "
    "breadcrumb breadcrumbs tags tag menu nav navigation toolbar counter counters rating poll popup modal "
    "login auth signin signup widget lenta feed popular trending footer copyright disclaimer caption credit "
    "incut media photo photos gallery image img picture video player embed tweet twitter telegram instagram "
    "pro paywall donate donation donations crowdfunding vk".split()
)
CLASS_WORD = re.compile(r"[a-z]+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
BLOCKS = ("div", "section", "ul", "ol", "table", "aside", "dl", "header")
LINK_SHARE = 0.6
MIN_LINKS = 3
MAX_CARD = 300
"""A block of fewer links than MIN_LINKS counts as links only when its text is as short as a card's."""
MIN_CARD_TEXT = 40
MAX_CAPTION = 200
MAX_RELATED = 2000
"""Characters of a block headed as related articles: a few teasers, not the article itself."""
KEEP_SHARE = 0.4
"""A block holding this share of the page's paragraph text (or of all its text) is the article."""
MIN_KEPT_TEXT = 400
"""...and it holds at least this many characters: on a page whose article is written in `<div>`s, an
embedded post's one paragraph is no article."""


@dataclass
class _Size:
    """What one element holds: characters of text (spaces left out), of link text and of paragraph
    text, its links, and whether the headline is inside."""

    text: int = 0
    linked: int = 0
    paragraphs: int = 0
    links: int = 0
    headline: bool = False


def prune(root) -> None:
    """Take the furniture out of `root` (an lxml HTML tree), in place."""
    for element in list(root.iter(*CODE_AND_FORMS)):
        _drop(element)
    _unwrap_layout_tables(root)
    _drop_kickers(root)
    for heading in root.iter("h2", "h3", "h4", "h5", "h6"):
        heading.tag = "p"  # trafilatura drops some headings inside the text; the cleaner tells an intertitle by its shape
    sizes = _sizes(root)
    whole = sizes[root]
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None or element not in sizes:
            continue
        if _holds_the_article(element, sizes[element], whole):
            continue
        if element.tag in FURNITURE_TAGS or named_as_chrome(element) or _mostly_links(element, sizes[element]) \
                or _headed_as_related(element, sizes[element]) or _card_link(element, sizes[element]) \
                or _picture_box(element, sizes[element]):
            _drop(element)


MAX_KICKER_WORDS = 4


def _drop_kickers(root) -> None:
    """The labels set right above the headline, beside it in its block: its rubric ("Интервью"),
    a kicker, a date. Read before pruning (the date) or never (the rubric); left in, they would open
    the article's text."""
    headlines = list(root.iter("h1"))
    if len(headlines) != 1:
        return
    for element in list(headlines[0].itersiblings(preceding=True)):
        if not isinstance(element.tag, str) or next(element.iter("p", "h2", "img"), None) is not None:
            continue
        text = " ".join(element.text_content().split())
        if len(text.split()) <= MAX_KICKER_WORDS and not ends_sentence(text):
            _drop(element)


def _holds_the_article(element, size: _Size, whole: _Size) -> bool:
    """The headline's block, or a block with most of the page's paragraphs or text, whatever it is
    called."""
    if element.tag in ("html", "body", "main", "article") or size.headline:
        return True
    paragraphs = size.paragraphs >= KEEP_SHARE * whole.paragraphs and size.paragraphs >= MIN_KEPT_TEXT
    return paragraphs or size.text >= KEEP_SHARE * whole.text


TABLE_PARTS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th")
LAYOUT_CONTENT = ("p", "div", "h1", "h2", "h3", "ul", "ol", "article", "section", "table")


def _unwrap_layout_tables(root) -> None:
    """A table whose cells hold paragraphs, headings or other tables lays out the page (as older
    sites do); read as data it would run the whole article into one row. Its parts become blocks."""
    layouts = [table for table in root.iter("table")
               if any(next(cell.iter(*LAYOUT_CONTENT), None) is not None for cell in _own(table, ("td", "th")))]
    for table in layouts:
        for part in [*_own(table, TABLE_PARTS[1:]), table]:
            part.tag = "div"


def _own(table, tags) -> list:
    """The parts of `table` itself, not of a table inside one of its cells."""
    return [part for part in table.iter(*tags) if next(part.iterancestors("table"), None) is table]


def _sizes(root) -> dict:
    """Every element's _Size, children first (reversed document order), in one pass."""
    sizes: dict = {}
    for element in reversed(list(root.iter())):
        if not isinstance(element.tag, str):
            continue
        size = _Size(text=_chars(element.text), headline=element.tag == "h1", links=int(element.tag == "a"))
        for child in element:
            inner = sizes.get(child)
            if inner is not None:
                size.text += inner.text
                size.linked += inner.linked
                size.paragraphs += inner.paragraphs
                size.links += inner.links
                size.headline = size.headline or inner.headline
            size.text += _chars(child.tail)
        if element.tag == "a":
            size.linked = size.text
        if element.tag == "p":
            size.paragraphs = size.text
        sizes[element] = size
    return sizes


def _chars(text: str | None) -> int:
    return len(text) - sum(map(text.count, " \n\t\r")) if text else 0


def _drop(element) -> None:
    """Remove `element` but keep the text that follows it (lxml keeps a tail with its element)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


NAMING_ATTRIBUTES = ("class", "id", "role", "aria-labelledby", "aria-label", "data-component", "data-type",
                     "data-testid", "data-block")


TEASER_WORDS = frozenset(
    "related relap teaser teasers recommend recommended recommendations readmore more similar popular trending "
    "lenta feed".split())
"""The words of CHROME_WORDS that name a block of other articles."""


def named_as_chrome(element, chrome_words: frozenset = CHROME_WORDS) -> bool:
    """Whether the element's class, id, role or label has one of `chrome_words`."""
    name = " ".join(element.get(attribute) or "" for attribute in NAMING_ATTRIBUTES)[:400]
    words = {word for token in CAMEL.sub(" ", name).lower().replace("_", "-").split()
             for word in CLASS_WORD.findall(token)}
    return bool(words & chrome_words)


def _picture_box(element, size: _Size) -> bool:
    """A block holding a picture and a line or two about it (its caption, its credit)."""
    return element.tag in ("div", "span") and size.text <= MAX_CAPTION and next(element.iter("img"), None) is not None


def _card_link(element, size: _Size) -> bool:
    """A link that is a whole teaser card (a headline, a blurb, a date, each in an element of its
    own); a link in running text is a few words."""
    return element.tag == "a" and len(element) >= 2 and size.text >= MIN_CARD_TEXT


def _headed_as_related(element, size: _Size) -> bool:
    """A block of links headed "Читайте также", "По теме", …: its first text is the heading."""
    if element.tag not in BLOCKS or not size.links or size.text > MAX_RELATED:
        return False
    first = next((text.strip() for text in element.itertext() if text.strip()), "")
    return is_related_heading(first)


def _mostly_links(element, size: _Size) -> bool:
    """A block whose text is mostly links: a list of them, or one teaser card ("Читайте также" and
    a linked headline)."""
    if element.tag not in BLOCKS or not size.links or not size.text:
        return False
    if size.links < MIN_LINKS and size.text > MAX_CARD:
        return False
    return size.linked >= LINK_SHARE * size.text
