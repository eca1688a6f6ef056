"""Exports of stored articles: JSONL (every field) and CSV (one row per article)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..records import Article

CSV_COLUMNS = ("id", "source", "url", "published", "outlet", "language", "title", "lead", "authors",
               "cited", "body")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    count = 0
    for count, article in enumerate(articles, start=1):
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    return count


def export_csv(articles: Iterable[Article], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for count, article in enumerate(articles, start=1):
        writer.writerow([spreadsheet_safe(value) for value in _csv_row(article)])
    return count


def _csv_row(article: Article) -> list:
    return [article.id, article.source, article.url, article.published, article.outlet, article.language,
            article.title, article.lead, "; ".join(article.authors), "; ".join(article.cited), article.body()]


def spreadsheet_safe(value) -> str:
    """Scraped text must not become a spreadsheet formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


EXPORTERS = {"jsonl": export_jsonl, "csv": export_csv}
