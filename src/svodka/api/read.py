"""The read resources: articles, entities (profile, graph), quotes, events, stories, timelines, stats."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from ..entities.kb import knowledge_base
from ..events.status import STATUSES
from ..listing import (
    article_dict,
    entity_count_dict,
    entity_dict,
    event_dict,
    quote_dict,
    story_detail_dict,
    story_dict,
    timeline_date,
    timeline_dict,
)
from ..search.resolve import entity_ids
from . import models
from .deps import Store
from .paging import Limit, Offset, page

router = APIRouter()
NOT_FOUND = {404: {"model": models.Error}}
Status = Literal[STATUSES]  # type: ignore[valid-type]
StoryFilter = Annotated[int | None, Query(ge=1, lt=2 ** 63, description="Only those of this story's articles")]


@router.get("/stats", response_model=models.Stats, summary="What the store holds")
def stats(store=Store):
    return store.stats()


@router.get("/articles", response_model=models.Page[models.ArticleSummary], summary="The latest articles")
def articles(limit: Limit = 20, offset: Offset = 0, store=Store):
    rows = store.article_refs(limit + 1, offset)
    return page([dict(row) for row in rows], limit, offset)


@router.get("/articles/{article_id}", response_model=models.Article, responses=NOT_FOUND,
            summary="One article with its spans, mentions, entities, quotes, events and sources")
def article(article_id: str, store=Store):
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} (an id or a unique prefix of one)")
    return {**article_dict(found), "sources": store.sources_of(found.id),
            "story": store.stories_of([found.id]).get(found.id)}


@router.get("/entities", response_model=models.Page[models.EntityRank], summary="The most mentioned entities")
def entities(type: Annotated[str | None, Query(max_length=20, description="PER, ORG, LOC, …")] = None,
             limit: Limit = 20, offset: Offset = 0, store=Store):
    ranked = store.top_entities(offset + limit + 1, type)[offset:]
    return page([entity_count_dict(*ranked_entity) for ranked_entity in ranked], limit, offset)


@router.get("/entities/lookup", response_model=list[models.Entity], responses=NOT_FOUND,
            summary="Entities one of whose names, aliases or forms is NAME")
def lookup(name: Annotated[str, Query(min_length=1, max_length=200)], store=Store):
    return [_fields_of(store, entity_id) for entity_id in entity_ids(store.find_entities, name)]


@router.get("/entities/{entity_id}", response_model=models.EntityDetail, responses=NOT_FOUND,
            summary="An entity: aliases, mentions per day, the entities that appear with it")
def entity(entity_id: str, top: Annotated[int, Query(ge=1, le=100)] = 20, store=Store):
    found = _stored_entity(store, entity_id)
    profile = store.entity_profile(found.id, top)
    return {**entity_dict(found), "mentions": profile.mentions, "articles": profile.articles,
            "days": [{"day": day, "count": count} for day, count in profile.days],
            "cooccurring": [{"id": id, "name": name, "type": type, "articles": count}
                            for id, name, type, count in profile.cooccurring],
            "sampled": profile.sampled}


@router.get("/entities/{entity_id}/graph", response_model=models.Graph, responses=NOT_FOUND,
            summary="The entity graph around an entity: co-occurrence and event edges, weighted")
def graph(entity_id: str, top: Annotated[int, Query(ge=1, le=100)] = 20, store=Store):
    found = store.entity_graph(_stored_entity(store, entity_id).id, top)
    return {"center": found.center, "sampled": found.sampled,
            "nodes": [{"id": id, "name": name, "type": type, "articles": count} for id, name, type, count in found.nodes],
            "edges": [{"source": a, "target": b, "kind": kind, "event_type": type, "weight": weight}
                      for a, b, kind, type, weight in found.edges]}


@router.get("/quotes", response_model=models.Page[models.Quote], responses=NOT_FOUND,
            summary="Who said what, newest first")
def quotes(by: Annotated[str | None, Query(max_length=200, description="The speaker: a name, alias, form or id")] = None,
           about: Annotated[str | None, Query(max_length=200, description="An entity the quote's words mention")] = None,
           story: StoryFilter = None, limit: Limit = 20, offset: Offset = 0, store=Store):
    found = store.quotes(_ids(store, by), _ids(store, about), offset + limit + 1,
                         _story_articles(store, story))[::-1][offset:]
    return page([quote_dict(item) for item in found], limit, offset)


@router.get("/events", response_model=models.Page[models.Event], responses=NOT_FOUND,
            summary="What happened, newest first")
def events(entity: Annotated[str | None, Query(max_length=200, description="A participant (or the place)")] = None,
           with_: Annotated[str | None, Query(alias="with", max_length=200, description="Another participant")] = None,
           type: Annotated[str | None, Query(max_length=40, description="meeting, call, visit, …")] = None,
           status: Annotated[list[Status], Query(description="Default: happened")] = ["happened"],
           story: StoryFilter = None, limit: Limit = 20, offset: Offset = 0, store=Store):
    found = store.events(_ids(store, entity), _ids(store, with_), type, offset + limit + 1,
                         _story_articles(store, story), status)[::-1][offset:]
    return page([event_dict(item) for item in found], limit, offset)


@router.get("/stories", response_model=models.Page[models.StoryCard], responses=NOT_FOUND,
            summary="Stories, best ranked first")
def stories(since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$",
                                                 description="Seen on or after (default: the store's last 30 days)")] = None,
            entity: Annotated[str | None, Query(max_length=200, description="Naming this entity")] = None,
            limit: Limit = 20, offset: Offset = 0, store=Store):
    found = store.story_cards(offset + limit + 1, _checked_day(since), _ids(store, entity))[offset:]
    return page([story_dict(item) for item in found], limit, offset)


@router.get("/stories/{story_id}", response_model=models.StoryDetail, responses=NOT_FOUND,
            summary="One story: members, summary, the latest quotes and events, thread and timeline")
def story(story_id: int, status: Annotated[list[Status], Query()] = ["happened"],
          limit: Annotated[int, Query(ge=1, le=500, description="How many of the latest quotes, and of the latest "
                                      "events, to include (/api/quotes?story=ID and /api/events?story=ID page "
                                      "through all of them)")] = 50,
          store=Store):
    found = store.story(story_id) if 0 < story_id < 2 ** 63 else None
    if found is None:
        raise HTTPException(404, f"no story #{story_id}")
    ids = [member.article_id for member in found.members]
    thread = store.thread(found.thread) if found.first_seen else [(found.id, None)]
    days: dict[str, int] = {}
    for member in found.members:
        if member.published:
            days[member.published[:10]] = days.get(member.published[:10], 0) + 1
    said, happened = store.quotes(articles=ids, limit=limit), store.events(articles=ids, limit=limit, statuses=status)
    return {**story_detail_dict(found, said, happened, thread),
            "timeline": [{"day": day, "count": count} for day, count in sorted(days.items())]}


@router.get("/timeline", response_model=models.Timeline, responses=NOT_FOUND,
            summary="The events and stories of one entity, or of two together, in date order")
def timeline(entity: Annotated[list[str], Query(min_length=1, max_length=2, description="One or two names or ids")],
             status: Annotated[list[Status], Query()] = ["happened"],
             limit: Annotated[int, Query(ge=1, le=500)] = 50, store=Store):
    groups = [entity_ids(store.find_entities, name) for name in entity]
    first, other = groups[0], groups[1] if len(groups) > 1 else None
    items = [*store.events(first, other, limit=limit, statuses=status), *store.latest_story_cards(first, other, limit)]
    return {"entities": entity, "items": [timeline_dict(item) for item in sorted(items, key=timeline_date)[-limit:]]}


def _stored_entity(store, entity_id: str):
    found = store.entity(entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r} (look names up at /api/entities/lookup)")
    return found


def _fields_of(store, entity_id: str) -> dict:
    """A stored entity's fields, or the knowledge base's for one no stored article mentions."""
    stored = store.entity(entity_id)
    if stored is not None:
        return entity_dict(stored)
    known = knowledge_base().entities[entity_id]
    return {"id": known.key, "type": known.type, "name": known.name, "aliases": list(known.aliases),
            "wikidata": known.wikidata}


def _ids(store, name: str | None) -> list[str] | None:
    return None if name is None else entity_ids(store.find_entities, name)


def _story_articles(store, story_id: int | None) -> list[str] | None:
    if story_id is None:
        return None
    found = store.story_articles(story_id)
    if not found:
        raise HTTPException(404, f"no story #{story_id}")
    return found


def _checked_day(day: str | None) -> str | None:
    if day is None:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        raise HTTPException(422, f"since: {day!r} is not a date (YYYY-MM-DD)") from None
