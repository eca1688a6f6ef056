"""The API application: settings, its routers, JSON errors, and the
guard that answers every write with 405 unless ingest was allowed."""
from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import InputError
from ..search.query import parse
from ..search.resolve import UnknownEntity
from ..store import StoreError
from ..store.errors import sqlite_error
from ..web import edit, pages
from . import feeds, ingest, read, search
from .deps import Stores
from .limits import MAX_REQUEST_BYTES

READING = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Settings:
    """Where the store is, whether articles may be posted and corrections made on the pages, and the
    token both need."""

    store: Path
    allow_ingest: bool = False
    token: str | None = None
    max_request_bytes: int = MAX_REQUEST_BYTES
    allow_edit: bool = False


def create_app(settings: Settings) -> FastAPI:
    if (settings.allow_ingest or settings.allow_edit) and not settings.token:
        raise ValueError("posting articles and making corrections need a token")
    app = FastAPIOffline(title="svodka", version=__version__,
                         description="News intelligence over a svodka store: articles, entities, quotes, "
                                     "events, stories, search with facets, timelines and graphs.")
    app.state.settings = settings
    app.state.stores = Stores(settings.store)
    _answer_errors_as_json(app)
    _guard_writes(app, settings)
    app.include_router(read.router, prefix="/api")
    app.include_router(search.router, prefix="/api")
    app.include_router(feeds.router)
    app.include_router(pages.router)
    if settings.allow_edit:
        app.include_router(edit.router)
    app.mount("/static", StaticFiles(directory=pages.HERE / "static"), name="static")
    if settings.allow_ingest:
        app.include_router(ingest.router, prefix="/api")
    return app


def settle(app: FastAPI) -> None:
    """Load what the first requests would (morphology, knowledge base, the store's counted columns),
    then freeze the objects alive now out of the garbage collector's sight: they live as long as the
    server, and scanning them in every full collection paused requests by 40 ms (p95 at 100,000
    articles)."""
    store = app.state.stores()
    if store.stats()["articles"]:
        store.search(parse("новости"), facets=1)
        store.find_entities("Москва")
    gc.collect()
    gc.freeze()


def _answer_errors_as_json(app: FastAPI) -> None:
    @app.exception_handler(UnknownEntity)
    async def unknown_entity(request: Request, error: UnknownEntity):
        return JSONResponse({"detail": str(error)}, status_code=404)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError):
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if _is_page(request):
            return pages.error_page(error.status_code, str(error.detail))
        return JSONResponse({"detail": str(error.detail)}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(StoreError)
    async def unusable_store(request: Request, error: StoreError):
        return _store_failed(request, error)

    @app.exception_handler(sqlite3.Error)
    async def store_failed(request: Request, error: sqlite3.Error):
        return _store_failed(request, sqlite_error(app.state.settings.store, error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
                             for problem in error.errors())
        return JSONResponse({"detail": problems}, status_code=422)


def _store_failed(request: Request, error: StoreError):
    """503: the store cannot answer now (full disk, read-only, damaged); nothing committed is lost."""
    if _is_page(request):
        return pages.error_page(503, str(error))
    return JSONResponse({"detail": str(error)}, status_code=503)


def _is_page(request: Request) -> bool:
    """Whether the request is for a web page (answered in HTML), not the API, a feed or the docs."""
    path = request.url.path
    return not path.startswith(("/api/", "/feeds/", "/docs", "/openapi", "/redoc", "/static/"))


def _guard_writes(app: FastAPI, settings: Settings) -> None:
    """Every write is 405 on a read-only server; posting articles (checked for its token and size in
    `ingest`) and corrections (their token checked in `web.edit`) only when the server allows them."""

    @app.middleware("http")
    async def read_only(request: Request, call_next):
        path = request.url.path
        if request.method not in READING and not (settings.allow_ingest and path == "/api/articles") \
                and not (settings.allow_edit and path.startswith("/edit/")):
            return JSONResponse({"detail": f"{request.method} is not allowed: this server is read-only"
                                           + ("" if settings.allow_ingest else " (start it with --allow-ingest to post articles)")},
                                status_code=405, headers={"Allow": ", ".join(sorted(READING))})
        return await call_next(request)
