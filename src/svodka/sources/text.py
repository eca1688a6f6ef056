"""Plain-text articles: the decoded file is the article text."""
from __future__ import annotations

from typing import Iterator

from ..clean.decode import decode
from ..records import RawDocument
from .base import Input, Item, ReadOptions


def read_text(source: Input, options: ReadOptions) -> Iterator[Item]:
    data = source.read_bytes(options.max_bytes)
    yield RawDocument(source=source.source, text=decode(data, source.source, options.encoding_errors))
