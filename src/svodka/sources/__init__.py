"""Readers for every kind of input, behind one entry point: `read_inputs`."""
from __future__ import annotations

import errno
import glob
from functools import lru_cache
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..records import Failure
from .base import Input, Item, ReadOptions, Reader, failures_as_items
from .detect import kind_of
from .text import read_text
from ..terminal import safe_name

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
                yield Failure(safe_name(name), "no files match this pattern")
            yield from expand(matches, options)
        else:
            yield from _expand_path(name)


def _expand_path(name: str) -> Iterator[Input | Failure]:
    yield from _expand_one(Path(name), safe_name(name), folders=True)


def _expand_folder(folder: Path, shown: str) -> Iterator[Input | Failure]:
    """Every input file under `folder`, in name order; a subfolder that cannot be read is named."""
    if not os.access(folder, os.R_OK | os.X_OK):
        yield Failure(shown, "permission denied (cannot list this folder)")
        return
    unreadable: list[OSError] = []
    files: list[Path] = []
    for parent, folders, names in os.walk(folder, onerror=unreadable.append):
        folders.sort()
        files += (Path(parent, name) for name in names if _looks_like_input(Path(parent, name)))
    for error in unreadable:
        yield Failure(safe_name(error.filename), f"{_reason(error)}: folder skipped")
    if not files and not unreadable:
        yield Failure(shown, "folder has no readable inputs (" + ", ".join(KNOWN_SUFFIXES) + ")")
    for file in sorted(files):
        yield from _expand_one(file, safe_name(file), folders=False)


def _expand_one(path: Path, shown: str, folders: bool) -> Iterator[Input | Failure]:
    """A path named by the user (`folders`: a folder is read whole) or found in a folder (a link to a
    folder is not followed); a link to nothing, a loop of links or an unreadable file is named."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        yield Failure(shown, _unreachable(path, error))
        return
    if stat.S_ISDIR(mode):
        if folders:
            yield from _expand_folder(path, shown)
    elif not stat.S_ISREG(mode):
        yield Failure(shown, "not a regular file or folder")
    elif os.access(path, os.R_OK):
        yield Input(source=shown, path=path)
    else:
        yield Failure(shown, "permission denied")


def _unreachable(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file or folder" + (" (a symbolic link to nothing)" if path.is_symlink() else "")
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    return _reason(error)


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()


def _looks_like_input(path: Path) -> bool:
    return not path.name.startswith(".") and path.name.lower().endswith(KNOWN_SUFFIXES)


def _fetch_or_fail(url: str, options: ReadOptions) -> Input | Failure:
    from .fetch import fetch

    try:
        return fetch(url, options)
    except InputError as error:
        return Failure(error.source, error.reason)
