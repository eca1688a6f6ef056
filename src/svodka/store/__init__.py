"""Where articles live: one interface (`Store`), SQLite as the embedded default."""
from __future__ import annotations

import os
from pathlib import Path

from .base import AddResult, ArticleRef, FoundEvent, FoundQuote, Store
from .sqlite import SQLiteStore

__all__ = ["AddResult", "ArticleRef", "FoundEvent", "FoundQuote", "SQLiteStore", "Store", "default_db_path", "open_store"]


def default_db_path() -> Path:
    """$SVODKA_DB, else svodka.db in the user's data folder ($XDG_DATA_HOME or ~/.local/share)."""
    if os.environ.get("SVODKA_DB"):
        return Path(os.environ["SVODKA_DB"])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "svodka" / "svodka.db"


def open_store(location: str | os.PathLike | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `location` or the default path."""
    path = Path(location) if location else default_db_path()
    return SQLiteStore(path)
