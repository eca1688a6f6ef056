"""The search resource: words by lemma, entity filters, facets, snippets by character offsets."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ..events.status import STATUSES
from ..listing import hit_dict
from ..search.query import parse
from ..search.resolve import resolved
from ..search.results import Filters
from . import models
from .deps import Store
from .paging import Limit, Offset

router = APIRouter()
Names = Annotated[list[str], Query(max_length=8)]


@router.get("/search", response_model=models.SearchResults,
            responses={400: {"model": models.Error}, 404: {"model": models.Error}},
            summary="Articles by words (lemmas), entities and filters, with facets")
def search(q: Annotated[str | None, Query(max_length=1000, description=(
               'Words (all must match), "a phrase", OR, NOT or -word, prefix*, ~word for its family, '
               'entity:NAME; empty: every article the filters pass, newest first'))] = None,
           entity: Names = [], speaker: Names = [], participant: Names = [],
           type: Annotated[list[str], Query(max_length=8, description="Event types (meeting, call, …)")] = [],
           status: Annotated[list[Literal[STATUSES]], Query()] = [],  # type: ignore[valid-type]
           outlet: Names = [], category: Names = [], language: Names = [],
           story: Annotated[list[Annotated[int, Query(ge=0, lt=2 ** 63)]], Query(max_length=8)] = [],
           since: date | None = None, until: date | None = None,
           sort: Literal["relevance", "date"] = "relevance", latin: bool = True,
           facets: Annotated[int, Query(ge=0, le=50, description="Top values per facet; 0 for none")] = 10,
           limit: Limit = 20, offset: Offset = 0, store=Store):
    query = parse(q, latin=latin) if q and q.strip() else None
    filters = resolved(store.find_entities, query, Filters(
        event_types=type, event_statuses=status, outlets=outlet, categories=category, languages=language,
        stories=story, since=since.isoformat() if since else None, until=until.isoformat() if until else None),
        entities=entity, speakers=speaker, participants=participant)
    results = store.search(query, filters, sort, limit, offset, facets=facets)
    more = offset + limit < results.total
    return {"total": results.total, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "items": [hit_dict(hit) for hit in results.hits], "facets": results.facets}
