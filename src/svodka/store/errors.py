"""What can go wrong with a store, said in one line that names the store and the reason.

Every backend raises `StoreError` (or one of its kinds) for a store it cannot open, read or write;
the CLI prints it and exits with 1, the API answers 503. What a transaction had not committed is
all that is lost: a batch is stored whole or not at all."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """The store at `location` cannot be used, for `reason`."""

    def __init__(self, location: str | os.PathLike, reason: str):
        super().__init__(f"store {location}: {reason}")
        self.location = str(location)
        self.reason = reason


class NoStore(StoreError, FileNotFoundError):
    """There is no store at `path`, and the caller only reads (a read never creates one)."""

    def __init__(self, path: Path):
        super().__init__(path, "there is no store there")
        self.path = path


class NotAStore(StoreError):
    """The file at `path` is not a svodka store."""

    def __init__(self, path: Path, reason: str):
        super().__init__(path, f"not a svodka store ({reason})")
        self.path = path


class NewerStore(StoreError):
    """A store written by a newer svodka, whose schema this one does not know."""

    def __init__(self, location: str, version: int, known: int):
        super().__init__(location, f"written by a newer svodka (schema {version}; this svodka knows up to "
                                   f"{known}): upgrade svodka to read it")


SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_READONLY: "it is read-only (the file, its folder, or the disk)",
    sqlite3.SQLITE_CORRUPT: "the file is damaged",
    sqlite3.SQLITE_IOERR: "the disk failed to read or write it",
    sqlite3.SQLITE_BUSY: "another process is writing it and did not finish in time",
    sqlite3.SQLITE_LOCKED: "another connection holds a lock on it",
    sqlite3.SQLITE_PERM: "permission denied",
    sqlite3.SQLITE_NOMEM: "out of memory",
}


def sqlite_error(path: Path, error: sqlite3.Error) -> StoreError:
    """The StoreError an sqlite3 error on the store at `path` means."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    if primary == sqlite3.SQLITE_NOTADB:
        return NotAStore(path, "not an SQLite database")
    if primary == sqlite3.SQLITE_CANTOPEN:
        return StoreError(path, f"cannot be opened: {_why_unopenable(path)}")
    reason = SQLITE_REASONS.get(primary)
    return StoreError(path, f"{reason} ({error})" if reason else str(error))


def _why_unopenable(path: Path) -> str:
    """Why SQLite could not open `path`, from what the file system says of it and its folder."""
    folder = path.parent
    if path.is_dir():
        return "it is a folder"
    if not folder.exists():
        return f"its folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if path.exists() and not os.access(path, os.R_OK):
        return "permission denied (the file cannot be read)"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"permission denied (its folder {folder} cannot be written)"
    return "SQLite could not open it"
