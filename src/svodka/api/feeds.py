"""Saved searches over HTTP: the list, one run as search results, and each as an Atom feed of its
newest matches (/feeds/NAME.atom) for any feed reader or newsroom tool."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response
from pydantic import BaseModel

from ..listing import hit_dict
from . import models
from .deps import Store
from .atom import feed
from .paging import Limit, Offset

router = APIRouter()
FEED_SIZE = 50
Name = Annotated[str, Path(max_length=64)]


class Saved(BaseModel):
    name: str
    search: str
    saved_at: str
    feed: str


@router.get("/api/saved", response_model=list[Saved], summary="Saved searches and their feeds")
def saved(request: Request, store=Store):
    return [{"name": search.name, "search": search.describe(), "saved_at": when,
             "feed": str(request.url_for("saved_feed", name=search.name))} for search, when in store.saved_searches()]


@router.get("/api/saved/{name}", response_model=models.SearchResults, responses={404: {"model": models.Error}},
            summary="A saved search's matches, newest first")
def run_saved(name: Name, limit: Limit = 20, offset: Offset = 0, store=Store):
    search = _saved(store, name)
    results = store.search(search.parsed(), search.filters(store.find_entities), "date", limit, offset)
    more = offset + limit < results.total
    return {"total": results.total, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "items": [hit_dict(hit) for hit in results.hits], "facets": None}


@router.get("/feeds/{name}.atom", name="saved_feed", response_class=Response, responses={
    200: {"content": {"application/atom+xml": {}}, "description": "An Atom feed"}, 404: {"model": models.Error}},
    summary="A saved search's newest matches as an Atom feed")
def saved_feed(name: Name, request: Request, store=Store):
    search = _saved(store, name)
    results = store.search(search.parsed(), search.filters(store.find_entities), "date", FEED_SIZE)
    entries = []
    for hit in results.hits:
        article = store.get(hit.id)
        entries.append({"id": f"urn:svodka:article:{hit.id}", "title": hit.title, "url": article.url,
                        "updated": hit.published or article.published, "author": hit.outlet,
                        "summary": article.lead or (hit.snippet.text if hit.snippet else article.body()[:300])})
    body = feed(f"urn:svodka:saved:{name}", f"svodka: {search.describe()}", str(request.url), entries)
    return Response(body, media_type="application/atom+xml")


def _saved(store, name: str):
    found = store.saved_searches(name)
    if not found:
        raise HTTPException(404, f"no saved search {name!r} (svodka search … --save NAME keeps one)")
    return found[0][0]
