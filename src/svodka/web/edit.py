"""Corrections made on the pages (only on a server started with --allow-edit): merging an entity
into another, renaming one, splitting a name off one, taking out a mention that names no one, and
undoing a correction. Each form carries the editor's token, checked here; the
store keeps who made the correction and when (`store.corrections`)."""
from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..search.resolve import UnknownEntity, entity_ids
from ..store.corrections import CorrectionError
from .pages import Store

router = APIRouter(prefix="/edit", include_in_schema=False)
Text = Annotated[str, Form(min_length=1, max_length=200)]


@router.post("/merge")
def merge(request: Request, entity: Text, into: Text, token: Annotated[str, Form(max_length=500)],
          who: Annotated[str, Form(max_length=100)] = "", store=Store):
    """Merge the entity `entity` (an id) into the one `into` names (a name, form or id)."""
    _check(request, token)
    try:
        target = next(id for id in entity_ids(store.find_entities, into) if store.entity(id))
        store.merge_entities(entity, target, who.strip() or "аналитик")
    except (UnknownEntity, StopIteration):
        raise HTTPException(404, f"нет сущности «{into}»")
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))
    return RedirectResponse(f"/entities/{quote(target, safe='')}", status_code=303)


@router.post("/rename")
def rename(request: Request, entity: Text, name: Text, token: Annotated[str, Form(max_length=500)],
           who: Annotated[str, Form(max_length=100)] = "", store=Store):
    _check(request, token)
    try:
        store.rename_entity(entity, name, who.strip() or "аналитик")
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))
    return RedirectResponse(f"/entities/{quote(entity, safe='')}", status_code=303)


@router.post("/split")
def split(request: Request, entity: Text, name: Text, token: Annotated[str, Form(max_length=500)],
          who: Annotated[str, Form(max_length=100)] = "", store=Store):
    _check(request, token)
    try:
        correction = store.split_entity(entity, name, who.strip() or "аналитик")
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))
    return RedirectResponse(f"/entities/{quote(f'{entity}~{correction}', safe='')}", status_code=303)


@router.post("/unmention")
def unmention(request: Request, article: Text, start: Annotated[int, Form(ge=0)], end: Annotated[int, Form(ge=0)],
              token: Annotated[str, Form(max_length=500)], who: Annotated[str, Form(max_length=100)] = "",
              store=Store):
    _check(request, token)
    try:
        store.unmention(article, start, end, who.strip() or "аналитик")
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))
    return RedirectResponse(f"/articles/{quote(article, safe='')}", status_code=303)


@router.post("/undo/{correction_id}")
def undo(request: Request, correction_id: int, token: Annotated[str, Form(max_length=500)],
         who: Annotated[str, Form(max_length=100)] = "", store=Store):
    _check(request, token)
    try:
        store.undo_correction(correction_id, who.strip() or "аналитик")
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))
    return RedirectResponse("/corrections", status_code=303)


def _check(request: Request, token: str) -> None:
    expected = request.app.state.settings.token or ""
    if not expected or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(401, "неверный ключ редактора")
