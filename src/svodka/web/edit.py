"""Corrections made on the pages (only on a server started with --allow-edit): merging an entity
into another, renaming one, splitting a name off one, taking out a mention that names no one, and
undoing a correction. Each form carries the editor's token, checked here; the
store keeps who made the correction and when (`store.corrections`)."""
from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..search.resolve import UnknownEntity, entity_ids
from ..store.corrections import CorrectionError, split_off
from .pages import Store

T = TypeVar("T")

router = APIRouter(prefix="/edit", include_in_schema=False)
Text = Annotated[str, Form(min_length=1, max_length=200)]
Token = Annotated[str, Form(max_length=500)]
Who = Annotated[str, Form(max_length=100)]


@router.post("/merge")
def merge(request: Request, entity: Text, into: Text, token: Token, who: Who = "", store=Store):
    """Merge the entity `entity` (an id) into the one `into` names (a name, form or id)."""
    def merged() -> str:
        try:
            target = next(id for id in entity_ids(store.find_entities, into) if store.entity(id))
        except (UnknownEntity, StopIteration):
            raise HTTPException(404, f"нет сущности «{into}»")
        store.merge_entities(entity, target, _who(who))
        return target

    return _back(f"/entities/{quote(_correct(request, token, merged), safe='')}")


@router.post("/rename")
def rename(request: Request, entity: Text, name: Text, token: Token, who: Who = "", store=Store):
    _correct(request, token, lambda: store.rename_entity(entity, name, _who(who)))
    return _back(f"/entities/{quote(entity, safe='')}")


@router.post("/split")
def split(request: Request, entity: Text, name: Text, token: Token, who: Who = "", store=Store):
    correction = _correct(request, token, lambda: store.split_entity(entity, name, _who(who)))
    return _back(f"/entities/{quote(split_off(entity, correction), safe='')}")


@router.post("/unmention")
def unmention(request: Request, article: Text, start: Annotated[int, Form(ge=0)], end: Annotated[int, Form(ge=0)],
              token: Token, who: Who = "", store=Store):
    _correct(request, token, lambda: store.unmention(article, start, end, _who(who)))
    return _back(f"/articles/{quote(article, safe='')}")


@router.post("/undo/{correction_id}")
def undo(request: Request, correction_id: int, token: Token, who: Who = "", store=Store):
    _correct(request, token, lambda: store.undo_correction(correction_id, _who(who)))
    return _back("/corrections")


def _correct(request: Request, token: str, make: Callable[[], T]) -> T:
    """Make the correction if the token is the editor's (401 if not); one the store refuses is 400."""
    expected = request.app.state.settings.token or ""
    if not expected or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(401, "неверный ключ редактора")
    try:
        return make()
    except CorrectionError as problem:
        raise HTTPException(400, str(problem))


def _who(who: str) -> str:
    return who.strip() or "аналитик"


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
