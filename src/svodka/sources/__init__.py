"""Readers for every kind of input, behind one entry point: `read_inputs`."""
from __future__ import annotations

import glob
from functools import lru_cache
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..records import Failure
from .base import Input, Item, ReadOptions, Reader, failures_as_items
from .detect import kind_of
from .text import read_text

__all__ = ["read_inputs", "read_input", "expand", "ReadOptions", "Input"]

KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".rss", ".atom",
                  ".xml", ".warc", ".warc.gz", ".arc", ".arc.gz")


@lru_cache(maxsize=1)
def _readers() -> dict[str, Reader]:
    from .feed import read_feed
    from .html import read_html
    from .jsonl import read_jsonl
    from .warc import read_warc

    readers = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "feed": read_feed, "warc": read_warc}
    return {kind: failures_as_items(reader) for kind, reader in readers.items()}


def read_inputs(names: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield a RawDocument, Failure or Skipped notice for everything found behind `names`."""
    options = options or ReadOptions()
    for source in expand(names, options):
        if isinstance(source, Failure):
            yield source
        else:
            yield from read_input(source, options)


def read_input(source: Input, options: ReadOptions) -> Iterator[Item]:
    """Read one input with the reader its name or first bytes call for."""
    try:
        kind = kind_of(source)
    except InputError as error:
        yield Failure(error.source, error.reason)
        return
    try:
        yield from _readers()[kind](source, options)
    except Exception as error:  # a reader's bug or a library's surprise must not end the batch
        yield Failure(source.source, f"cannot read as {kind} ({type(error).__name__}: {error})")


def expand(names: Iterable[str], options: ReadOptions) -> Iterator[Input | Failure]:
    """Turn what the user typed (paths, folders, globs, URLs, `-`) into inputs, in a stable order."""
    for name in names:
        if name == "-":
            yield Input(source="-")
        elif name.startswith(("http://", "https://")):
            yield _fetch_or_fail(name, options)
        elif glob.has_magic(name) and not os.path.exists(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Failure(name, "no files match this pattern")
            yield from expand(matches, options)
        else:
            yield from _expand_path(name)


def _expand_path(name: str) -> Iterator[Input | Failure]:
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _looks_like_input(p))
        if not files:
            yield Failure(name, "folder has no readable inputs (" + ", ".join(KNOWN_SUFFIXES) + ")")
        for file in files:
            yield Input(source=str(file), path=file)
    elif path.is_file():
        if os.access(path, os.R_OK):
            yield Input(source=name, path=path)
        else:
            yield Failure(name, "permission denied")
    elif path.exists():
        yield Failure(name, "not a regular file or folder")
    else:
        yield Failure(name, "no such file or folder")


def _looks_like_input(path: Path) -> bool:
    return not path.name.startswith(".") and path.name.lower().endswith(KNOWN_SUFFIXES)


def _fetch_or_fail(url: str, options: ReadOptions) -> Input | Failure:
    from .fetch import fetch

    try:
        return fetch(url, options)
    except InputError as error:
        return Failure(error.source, error.reason)
