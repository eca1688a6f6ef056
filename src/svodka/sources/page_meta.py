"""What an HTML page states about itself for machines: JSON-LD (`NewsArticle` and kin), Open Graph
and other `meta` tags, schema.org microdata (`itemprop`), `rel=author`, `<time datetime>`, the
canonical link and `<html lang>`. Each field takes the first source that gives it, in that order;
the page's text is the fallback, read elsewhere."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterator

from lxml import html as lxml_html

ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting",
    "TechArticle", "ScholarlyArticle", "VideoObject",
})
META_DATES = ("article:published_time", "og:article:published_time", "article:published", "pubdate",
              "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
              "parsely-pub-date", "mediator_published_time", "datepublished", "og:published_time")
META_AUTHORS = ("author", "article:author", "og:article:author", "mediator_author", "sailthru.author",
                "parsely-author", "dc.creator", "twitter:creator")
MAX_JSON_LD = 200_000
"""A JSON-LD block larger than this (characters) is someone's data dump, not the page's description."""


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def page_meta(root: lxml_html.HtmlElement) -> PageMeta:
    linked = _json_ld_article(root)
    micro = _microdata(root)
    meta = _meta_tags(root)
    return PageMeta(
        title=_first(linked.get("headline"), micro.get("headline"), meta.get("og:title"), meta.get("twitter:title"),
                     _document_title(root)),
        description=_first(linked.get("description"), micro.get("description"), meta.get("og:description"),
                           meta.get("description"), meta.get("twitter:description")),
        authors=_first_names(linked.get("authors"), micro.get("authors"), _meta_authors(root), _rel_authors(root)),
        published=_first(linked.get("published"), micro.get("published"), *map(meta.get, META_DATES),
                         _time_element(root)),
        outlet=_first(linked.get("publisher"), micro.get("publisher"), meta.get("og:site_name"),
                      meta.get("application-name")),
        url=_first(_canonical(root), meta.get("og:url"), linked.get("url")),
        language=_first(root.get("lang"), meta.get("content-language"), meta.get("og:locale")),
    )


def _first(*values) -> str | None:
    return next((" ".join(value.split()) for value in values if isinstance(value, str) and value.strip()), None)


def _first_names(*candidates) -> tuple[str, ...]:
    return next((tuple(names) for names in candidates if names), ())


# JSON-LD

def _json_ld_article(root) -> dict:
    for item in _json_ld_items(root):
        types = item.get("@type")
        types = {types} if isinstance(types, str) else set(types or ())
        if types & ARTICLE_TYPES:
            return {
                "headline": _text(item.get("headline")) or _text(item.get("name")),
                "description": _text(item.get("description")),
                "published": _text(item.get("datePublished")) or _text(item.get("dateCreated"))
                or _text(item.get("uploadDate")),
                "authors": _names(item.get("author")),
                "publisher": _names(item.get("publisher"))[0] if _names(item.get("publisher")) else None,
                "url": _text(item.get("url")) or _id_of(item.get("mainEntityOfPage")),
            }
    return {}


def _json_ld_items(root) -> Iterator[dict]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        content = script.text or ""
        if len(content) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(content.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _flattened(data)


def _flattened(data, depth: int = 0) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flattened(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flattened(data["@graph"], depth + 1)


def _names(value) -> list[str]:
    """Names of a JSON-LD author or publisher: a string, an object with a name, or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = _text(value.get("name"))
        return [name] if name else []
    if isinstance(value, list):
        return [name for item in value[:20] for name in _names(item)]
    return []


def _text(value) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, str) and value.strip() else None


def _id_of(value) -> str | None:
    return _text(value.get("@id")) if isinstance(value, dict) else _text(value)


# microdata

def _microdata(root) -> dict:
    scope = next((element for element in root.iter() if isinstance(element.tag, str) and element.get("itemscope") is not None
                  and (element.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1] in ARTICLE_TYPES), None)
    if scope is None:
        return {}
    return {
        "headline": _prop_text(scope, "headline"),
        "description": _prop_text(scope, "description") or _prop_text(scope, "alternativeHeadline"),
        "published": _prop_text(scope, "datePublished") or _prop_text(scope, "dateCreated"),
        "authors": _prop_people(scope, "author"),
        "publisher": next(iter(_prop_people(scope, "publisher")), None),
    }


def _props(scope, name: str) -> list:
    return [element for element in scope.iter() if isinstance(element.tag, str)
            and name in (element.get("itemprop") or "").split()]


def _prop_text(scope, name: str) -> str | None:
    for element in _props(scope, name):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return " ".join(value.split())
    return None


def _prop_people(scope, name: str) -> list[str]:
    people = []
    for element in _props(scope, name):
        inner = _prop_text(element, "name") if element.get("itemscope") is not None else None
        value = inner or element.get("content") or element.text_content()
        if value and value.strip():
            people.append(" ".join(value.split()))
    return people


# meta tags, links, time

def _meta_tags(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "")
        content = meta.get("content")
        if key and content and key.strip().lower() not in found:
            found[key.strip().lower()] = content
    return found


def _meta_authors(root) -> list[str]:
    """Every author meta tag's value (a page may give several), links and handles left out."""
    values = [meta.get("content") or "" for meta in root.iter("meta")
              if (meta.get("property") or meta.get("name") or "").strip().lower() in META_AUTHORS]
    return [value for value in dict.fromkeys(values) if value.strip() and not value.startswith(("http", "@"))]


def _rel_authors(root) -> list[str]:
    return [" ".join(link.text_content().split()) for link in root.iter("a")
            if "author" in (link.get("rel") or "").split() and link.text_content().strip()]


def _time_element(root) -> str | None:
    """The `datetime` of the first `<time>` in an `<article>` (else anywhere), outside asides and footers."""
    times = [element for element in root.iter("time") if element.get("datetime") and not _in_furniture(element)]
    in_article = [element for element in times if any(a.tag == "article" for a in element.iterancestors())]
    chosen = (in_article or times)[:1]
    return chosen[0].get("datetime") if chosen else None


def _in_furniture(element) -> bool:
    return any(ancestor.tag in ("aside", "footer", "nav") for ancestor in element.iterancestors())


def _canonical(root) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href")
    return None


def _document_title(root) -> str | None:
    title = next(iter(root.iter("title")), None)
    return title.text_content() if title is not None else None


LEAD_WORDS = frozenset(
    "lead lede announce anons subtitle standfirst intro summary description excerpt overview subheader subhead "
    "subheadline alternativeheadline deck dek second".split()
)
CLASS_WORD = re.compile(r"[a-z]+")


def standfirst(root, description: str | None) -> str | None:
    """The page's standfirst: its description where the page shows it as a text of its own, marked
    as a lead, subtitle or summary by its class or `itemprop`, or standing apart from the article's
    paragraphs; not the first paragraph of the text, which the description often repeats. A page
    with no usable description may still mark its standfirst under the headline."""
    if not description or len(description.split()) < 5 or description.rstrip().endswith(("...", "…")):
        return _marked_lead_under_headline(root)
    shown = _showing(root, description)
    if not shown:
        return _marked_lead_under_headline(root)
    if any(_marked_as_lead(element) or _in_headline(element) for element in shown) \
            or _lone_paragraph_after_headline(root) in shown:
        return " ".join(description.split())
    if any(element.tag == "p" or _marked_as_text(element) for element in shown) or _in_article_body(shown[0]):
        return None  # the text's first paragraph, which the description repeats
    return " ".join(description.split())


def _showing(root, text: str) -> list:
    """The elements whose whole text is `text`, innermost last: found from the text node where it
    starts, and up while the element holds no more than it."""
    wanted, start = _key(text), _key(text)[:30]
    for node in root.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"):
        if not _key(str(node)).startswith(start):
            continue
        found, element = [], node.getparent()
        while element is not None and element.tag not in ("body", "html"):
            content = element.text_content()
            if len(content) > 2 * len(text) + 40:
                break
            if _key(content) == wanted:
                found.append(element)
            element = element.getparent()
        if found:
            return list(reversed(found))
    return []


def _marked_as_lead(element) -> bool:
    for node in (element, element.getparent()):
        if node is None:
            continue
        name = f"{node.get('class') or ''} {node.get('id') or ''} {node.get('itemprop') or ''}".lower()
        if set(CLASS_WORD.findall(name)) & LEAD_WORDS:
            return True
    return False


TEXT_WORDS = frozenset("text body paragraph para".split())


def _marked_as_text(element) -> bool:
    """A block the page marks as a paragraph of the article's text ("article__text", data-type="text")."""
    name = f"{element.get('class') or ''} {element.get('data-type') or ''}".lower()
    return bool(set(CLASS_WORD.findall(name)) & TEXT_WORDS)


def _in_headline(element) -> bool:
    """A subtitle the `<h1>` holds beside the headline."""
    return any(ancestor.tag == "h1" for ancestor in element.iterancestors())


def _in_article_body(element) -> bool:
    return any("articlebody" in (ancestor.get("itemprop") or "").lower() for ancestor in element.iterancestors())


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


LEAD_WORDS_RANGE = (5, 80)
LEAD_LOOKAHEAD = 40


def _marked_lead_under_headline(root) -> str | None:
    """The first element after the `<h1>` that the page marks as a lead (class, id or `itemprop`)
    and that reads like one (a sentence or two); else the one paragraph the headline's own block
    holds after it (the article's paragraphs stand in a block of their own)."""
    headline = next(iter(root.iter("h1")), None)
    if headline is None:
        return None
    found = _marked_lead_after(headline) or _subtitle_inside(headline) or _marked_lead_below(headline)
    if found:
        return found
    paragraph = _lone_paragraph_after_headline(root)
    text = " ".join(paragraph.text_content().split()) if paragraph is not None else ""
    return text if LEAD_WORDS_RANGE[0] <= len(text.split()) <= LEAD_WORDS_RANGE[1] else None


def _subtitle_inside(headline) -> str | None:
    """A subtitle the `<h1>` holds after the headline, each in an element of its own."""
    parts = [" ".join(child.text_content().split()) for child in headline]
    text = " ".join(parts[1:]) if len(parts) > 1 else ""
    return text if LEAD_WORDS_RANGE[0] <= len(text.split()) <= LEAD_WORDS_RANGE[1] else None


def _lone_paragraph_after_headline(root):
    """The headline block's one paragraph, where the article's text stands in paragraphs elsewhere,
    after it (a note under the text, such as a disclaimer, is no standfirst)."""
    headline = next(iter(root.iter("h1")), None)
    if headline is None:
        return None
    siblings = list(headline.itersiblings())
    paragraphs = [sibling for sibling in siblings if sibling.tag == "p"]
    if len(paragraphs) != 1 or not _only_text(paragraphs[0]):
        return None
    text_block = next((at for at, sibling in enumerate(siblings) if next(sibling.iter("p"), None) is not None
                       and sibling.tag != "p"), len(siblings))
    if siblings.index(paragraphs[0]) > text_block:
        return None
    elsewhere = sum(1 for paragraph in root.iter("p") if paragraph.getparent() is not headline.getparent())
    return paragraphs[0] if elsewhere >= 2 else None


def _marked_lead_after(headline) -> str | None:
    for seen, element in enumerate(headline.itersiblings()):
        for candidate in element.iter():
            if isinstance(candidate.tag, str) and _marked_as_lead(candidate) and _only_text(candidate):
                text = " ".join(candidate.text_content().split())
                if LEAD_WORDS_RANGE[0] <= len(text.split()) <= LEAD_WORDS_RANGE[1]:
                    return text
        if seen >= LEAD_LOOKAHEAD:
            break
    return None


def _marked_lead_below(headline) -> str | None:
    """A lead the page marks in a block of its own below the headline's block (the headline and its
    rubric in one column, the byline and date in another, then the standfirst): the first marked
    element after the headline, before any unmarked paragraph (the text has begun by then)."""
    for seen, element in enumerate(headline.xpath("following::*")):
        if seen >= LEAD_LOOKAHEAD or element.tag == "p" and not _marked_as_lead(element):
            return None
        if _marked_as_lead(element) and _only_text(element):
            text = " ".join(element.text_content().split())
            if LEAD_WORDS_RANGE[0] <= len(text.split()) <= LEAD_WORDS_RANGE[1]:
                return text
    return None


def _only_text(element) -> bool:
    """Text, not a picture with its caption and credit."""
    media = next(element.iter("img", "picture", "figure", "video", "iframe"), None)
    return media is None and "©" not in element.text_content()


QUOTED = re.compile(r"[«„“\"]([^«»„“”\"]{2,40})[»“”\"]")
COPYRIGHT = re.compile(r"©\s*(\d{4}(\s*[-–—]\s*\d{4})?)?[\s,.]*(?P<owner>[^.,|©\n]{2,60})")


def site_names(root) -> list[str]:
    """Names the page gives its site apart from its metadata: the owner in its copyright line, the
    title or alternative text of its logo."""
    names = []
    for node in root.xpath("//body//text()[contains(., '©')]")[:5]:
        match = COPYRIGHT.search(str(node))
        if match:
            owner = " ".join(match.group("owner").split())
            names.extend([*QUOTED.findall(owner), owner])
    for element in root.xpath("//*[contains(@class, 'logo') or contains(@id, 'logo')]")[:5]:
        for image in [element, *element.iter("img")]:
            names.extend(value for value in (image.get("title"), image.get("alt")) if value and value.strip())
        text = " ".join(element.text_content().split())
        if 0 < len(text) <= 40:
            names.append(text)
    return names
