"""Where articles live: one interface (`Store`), SQLite as the embedded default."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .base import AddResult, ArticleRef, FoundEvent, FoundQuote, Store
from .sqlite import SQLiteStore

__all__ = ["AddResult", "ArticleRef", "FoundEvent", "FoundQuote", "NoStore", "NotAStore", "SQLiteStore", "Store",
           "default_db_path", "open_store"]


class NoStore(FileNotFoundError):
    """There is no store at `path`, and the caller only reads (a read never creates one)."""

    def __init__(self, path: Path):
        super().__init__(f"no store at {path}")
        self.path = path


class NotAStore(ValueError):
    """The file at `path` is not a store (not an SQLite database)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path} is not a svodka store ({reason})")
        self.path = path


def default_db_path() -> Path:
    """$SVODKA_DB, else svodka.db in the user's data folder ($XDG_DATA_HOME or ~/.local/share)."""
    if os.environ.get("SVODKA_DB"):
        return Path(os.environ["SVODKA_DB"])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "svodka" / "svodka.db"


def open_store(location: str | os.PathLike | None = None, create: bool = True) -> Store:
    """Open the store at `location` or the default path, migrating it as needed. With `create`,
    a missing store is created; without, `NoStore` is raised and nothing is written."""
    path = Path(location) if location else default_db_path()
    if not create and not path.exists():
        raise NoStore(path)
    try:
        return SQLiteStore(path)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_NOTADB:
            raise
        raise NotAStore(path, str(error)) from error
