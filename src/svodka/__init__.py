"""svodka: self-hosted news intelligence for Russian-language news.

    >>> import svodka
    >>> for article in svodka.read("examples/"):
    ...     print(article.title, article.cited)
    >>> svodka.process("Заголовок\\n\\nТекст статьи …", published="2024-06-01")
"""
from __future__ import annotations

import os
from typing import Iterator

from .errors import InputError, StageError
from .pipeline import default_pipeline
from .records import Article, Failure, RawDocument, Span
from .sources import ReadOptions, read_inputs

__all__ = ["read", "process", "Article", "Span", "InputError", "StageError"]
__version__ = "0.1.0"


def read(path: str | os.PathLike, *, date: str | None = None, errors: str = "raise",
         options: ReadOptions | None = None) -> Iterator[Article]:
    """Clean articles from a file, folder, glob, URL or "-"; `errors="skip"` passes over bad inputs,
    the default raises InputError for the first one."""
    pipeline = default_pipeline(date)
    for item in read_inputs([os.fspath(path)], options):
        if isinstance(item, RawDocument):
            item = pipeline.process(item)
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Failure) and errors == "raise":
            raise InputError(item.source, item.reason)


def process(text: str, *, source: str = "<text>", title: str | None = None, url: str | None = None,
            published: str | None = None, outlet: str | None = None, authors: tuple[str, ...] = (),
            date: str | None = None) -> Article:
    """One article from a text already in memory, with whatever metadata you know."""
    raw = RawDocument(source=source, text=text, title=title, url=url, published=published,
                      outlet=outlet, authors=tuple(authors))
    return default_pipeline(date)(raw)
