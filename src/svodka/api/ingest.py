"""Posting articles to ingest (only on a server started with --allow-ingest): a bearer token, a size
limit per request, the same reading, cleaning, language stages, dedup and story clustering as
`svodka ingest`; one ingest at a time."""
from __future__ import annotations

import hashlib
import hmac
import threading
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from ..ingest import ingest
from ..sources.base import Input
from . import models

router = APIRouter()
WRITING = threading.Lock()


@router.post("/articles", response_model=models.IngestReport, status_code=200,
             responses={401: {"model": models.Error}, 413: {"model": models.Error}},
             summary="Ingest the posted document(s): JSONL, HTML, RSS/Atom, WARC or plain text")
async def post_articles(request: Request, authorization: Annotated[str | None, Header()] = None,
                        source: Annotated[str | None, Query(max_length=500, description="What to record as its source")] = None,
                        content_type: Annotated[str | None, Header()] = None):
    settings = request.app.state.settings
    _check_token(authorization, settings.token)
    body = await _body(request, settings.max_request_bytes)
    if not body:
        raise HTTPException(400, "the request has no body: post the document(s) to ingest")
    name = source or f"api:{hashlib.sha256(body).hexdigest()[:16]}"
    report = await run_in_threadpool(_ingest, Input(name, data=body, content_type=content_type), request.app.state.stores)
    return report.as_dict()


def _ingest(document: Input, stores):
    with WRITING:
        return ingest([document], stores())


def _check_token(authorization: str | None, token: str) -> None:
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is needed to post articles",
                            headers={"WWW-Authenticate": "Bearer"})


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the request is {int(declared):,} bytes, at most {limit:,}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the request is over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
