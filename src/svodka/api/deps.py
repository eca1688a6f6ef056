"""What every resource depends on: the store, one connection per worker thread."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Depends, Request

from ..store import SQLiteStore


class Stores:
    """One connection per thread: SQLite connections are not shared between threads."""

    def __init__(self, location: Path):
        self.location = location
        self._local = threading.local()

    def __call__(self) -> SQLiteStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = SQLiteStore(self.location)
        return store


def store(request: Request) -> SQLiteStore:
    return request.app.state.stores()


Store = Depends(store)
