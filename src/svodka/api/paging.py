"""Pagination shared by every list: `limit` and `offset` in, `next_offset` out (null on the last page)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

MAX_LIMIT = 200
MAX_OFFSET = 10_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]


def page(items: list, limit: int, offset: int) -> dict:
    """A page of `items`, fetched one past `limit` to know whether another page follows."""
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
