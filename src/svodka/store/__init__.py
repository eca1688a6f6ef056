"""Where articles live: one interface (`Store`), SQLite as the embedded default."""
from __future__ import annotations

import os
from pathlib import Path

from .base import AddResult, ArticleRef, FoundEvent, FoundQuote, Store
from .errors import NewerStore, NoStore, NotAStore, StoreError
from .sqlite import SQLiteStore

__all__ = ["AddResult", "ArticleRef", "FoundEvent", "FoundQuote", "NewerStore", "NoStore", "NotAStore", "SQLiteStore",
           "Store", "StoreError", "default_db_path", "open_store"]


def default_db_path() -> Path:
    """$SVODKA_DB, else svodka.db in the user's data folder ($XDG_DATA_HOME or ~/.local/share)."""
    if os.environ.get("SVODKA_DB"):
        return Path(os.environ["SVODKA_DB"])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "svodka" / "svodka.db"


def open_store(location: str | os.PathLike | None = None, create: bool = True) -> Store:
    """Open the store at `location` (a file path for SQLite) or the default path, migrating it as
    needed. With `create`, a missing store is created; without, `NoStore` is raised and nothing is
    written. A store that cannot be used raises `StoreError` naming it and the reason."""
    text = os.fspath(location) if location else ""
    scheme = _url_scheme(text)
    if scheme is not None:
        raise StoreError(text, f"{scheme}:// stores are not supported; give a file path (an SQLite store)")
    path = Path(text) if text else default_db_path()
    if not create and not path.exists():
        raise NoStore(path)
    return SQLiteStore(path)


def _url_scheme(location: str) -> str | None:
    """The scheme of a URL such as postgresql://host/db; None for a file path."""
    scheme, separator, _ = location.partition("://")
    return scheme.lower() if separator and scheme.isascii() and scheme.replace("+", "").isalnum() else None
