"""Scoring the cleaner against the hand-labelled cleaning gold (``gold/cleaning``, ``gold/pages``).

Two kinds of gold:

* lines of scraped JSONL articles (``realnews-*.jsonl``), each labelled body or a kind of chrome
  (``gold/cleaning/GUIDELINE.md``): every gold line is found in the article's text and takes the
  kind of the span that covers most of it;
* HTML pages written for the benchmark (``gold/pages/<outlet>/<n>.html`` and ``.json``): the page's
  body paragraphs and the visible chrome texts; svodka's content lines are matched to them.

"Body" is the article's content: svodka's title, lead and body spans; the gold's `body` lines
(and for pages its title and lead). Gold `meta` lines (bylines, datelines) are left out of the body
scores.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article

CONTENT = ("title", "lead", "body")
LEAKING = ("teaser", "script")
"""Chrome whose presence in the body the issue counts per article."""
MIN_CHROME_WORDS = 4
"""Chrome strings of a page shorter than this ("Мир", "12") may occur inside body words; only longer
ones count as a leak when found in the body."""


@dataclass
class Tally:
    """Line counts for one outlet: true/false positives and false negatives of "body"."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    articles: int = 0
    leaking: int = 0
    unmatched: int = 0
    leaks: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def leak_share(self) -> float:
        return self.leaking / self.articles if self.articles else 0.0

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "articles", "leaking", "unmatched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.leaks += other.leaks


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:10]


def content_lines(content: str) -> list[str]:
    return [line.strip() for line in content.split("\n") if line.strip()]


def score_labelled_lines(article: Article, content: str, labels: list[list[str]]) -> Tally:
    """Tally of one JSONL article: `labels` are [label, hash] per non-empty line of `content`."""
    tally = Tally(articles=1)
    lines = content_lines(content)
    cursor, leaked = 0, False
    for line, (label, digest) in zip(lines, labels, strict=True):
        if line_hash(line) != digest:
            raise ValueError(f"{article.source}: the gold line {line[:40]!r} is not the line labelled")
        at = article.text.find(line, cursor)
        if at < 0:
            tally.unmatched += 1
            continue
        cursor = at + len(line)
        if label == "meta":
            continue
        predicted = _kind_at(article, at, at + len(line)) in CONTENT
        gold = label == "body"
        tally.tp += predicted and gold
        tally.fp += predicted and not gold
        tally.fn += gold and not predicted
        if predicted and label in LEAKING:
            leaked = True
            tally.leaks.append(f"{label}: {line[:80]}")
    tally.leaking = int(leaked)
    return tally


def _kind_at(article: Article, start: int, end: int) -> str:
    """The kind of the spans covering most of [start, end)."""
    covered: dict[str, int] = {}
    for span in article.spans:
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0:
            covered[span.kind] = covered.get(span.kind, 0) + overlap
    return max(covered, key=covered.get) if covered else "chrome"


def normal(text: str) -> str:
    return " ".join(re.sub(r"[\u00a0\u202f]", " ", text).split()).casefold().replace("ё", "е")


def score_page(article: Article, gold: dict) -> Tally:
    """Tally of one HTML page against its gold paragraphs and chrome texts."""
    tally = Tally(articles=1)
    wanted = [normal(text) for text in [gold.get("title"), gold.get("lead"), *gold["body"]] if text]
    lines = [normal(line) for span in article.spans if span.kind in CONTENT
             for line in span.of(article.text).split("\n") if line.strip()]
    for line in lines:
        if any(_same_paragraph(line, paragraph) for paragraph in wanted):
            tally.tp += 1
        else:
            tally.fp += 1
    found = " \n ".join(lines)
    tally.fn = sum(1 for paragraph in wanted if not any(_same_paragraph(line, paragraph) for line in lines))
    body = " ".join(wanted)
    for chrome in gold["chrome"]:
        text = normal(chrome)
        if len(text.split()) >= MIN_CHROME_WORDS and text in found and text not in body:
            tally.leaks.append(chrome[:80])
    tally.leaking = int(bool(tally.leaks))
    return tally


def _same_paragraph(line: str, paragraph: str) -> bool:
    """A line of svodka's content is a gold paragraph when one holds the other and the shorter is
    most of the longer (a dateline glued to a paragraph, a paragraph split in two lines)."""
    if line == paragraph:
        return True
    short, long = sorted((line, paragraph), key=len)
    return len(short) >= 0.5 * len(long) and short in long


@dataclass(frozen=True)
class PageMetadata:
    """Whether each metadata field of a page came out right."""

    authors: bool
    date: bool
    outlet: bool
    lead: bool
    title: bool


def page_metadata(article: Article, gold: dict) -> PageMetadata:
    return PageMetadata(
        authors={normal(a) for a in article.authors} == {normal(a) for a in gold["authors"]},
        date=(article.published or None) == gold["date"],
        outlet=normal(article.outlet or "") == normal(gold["outlet"] or ""),
        lead=normal(article.lead or "") == normal(gold["lead"] or ""),
        title=normal(article.title or "") == normal(gold["title"] or ""),
    )


def gold_pages(folder: Path) -> list[tuple[str, Path, dict]]:
    """(outlet slug, page path, gold) of every page under `folder`, in a stable order."""
    pages = []
    for gold_path in sorted(folder.glob("*/*.json")):
        pages.append((gold_path.parent.name, gold_path.with_suffix(".html"),
                      json.loads(gold_path.read_text(encoding="utf-8"))))
    return pages
