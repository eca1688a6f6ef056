"""What every resource depends on: the store, one connection per worker thread."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Depends, Request

from ..store import Store as StoreInterface
from ..store import open_store


class Stores:
    """One connection per thread: SQLite connections are not shared between threads."""

    def __init__(self, location: Path):
        self.location = location
        self._local = threading.local()

    def __call__(self) -> StoreInterface:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.location)
        return store


def store(request: Request) -> StoreInterface:
    return request.app.state.stores()


Store = Depends(store)
