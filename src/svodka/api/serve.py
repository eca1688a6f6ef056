"""`svodka serve`: the API on uvicorn, bound to 127.0.0.1 unless told otherwise, read-only unless
started with --allow-ingest (then posting articles needs the bearer token from $SVODKA_TOKEN or a file);
--workers N serves a read-only store from N processes (one process answers one request at a time
while it holds Python's lock)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..store import default_db_path
from ..terminal import say
from .limits import MAX_REQUEST_BYTES, MIN_TOKEN

TOKEN_ENV = "SVODKA_TOKEN"
WORKER_ENV = "SVODKA_SERVE_STORE"  # how the store reaches worker processes, which import the app anew


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), envvar="SVODKA_DB",
              help="SQLite database file (default: $SVODKA_DB or the user data folder).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1 lets other machines read the store.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True,
              help=f"Accept POST /api/articles, with the bearer token in ${TOKEN_ENV} or --token-file.")
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False), help="A file holding the bearer token.")
@click.option("--max-request-mb", type=click.FloatRange(0.001, 1024), default=MAX_REQUEST_BYTES / 2 ** 20,
              show_default=True, help="Largest POST body accepted, in megabytes.")
@click.option("--allow-edit", is_flag=True,
              help=f"Let analysts correct entities on the pages (merge, undo), with the token in ${TOKEN_ENV} or --token-file.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes answering requests (read-only stores only).")
def serve(db, host, port, allow_ingest, token_file, max_request_mb, allow_edit, workers):
    """Serve the store over HTTP: the API at /api, its OpenAPI schema at /openapi.json and
    interactive docs at /docs (offline). Ctrl-C stops it."""
    import uvicorn

    from .app import Settings, create_app, settle

    location = Path(db) if db else default_db_path()
    if not location.exists() and not allow_ingest:
        say(f"svodka: there is no store at {location} (make one with: svodka ingest FILES... --db {location})", err=True)
        sys.exit(3)  # as every read of a missing store
    if workers > 1 and (allow_ingest or allow_edit):
        say("svodka: --workers serves a read-only store; --allow-ingest and --allow-edit need one worker", err=True)
        sys.exit(2)
    token = _token(token_file) if allow_ingest or allow_edit else None
    say(f"svodka: serving {location} — open http://{host}:{port}/ (pages /, API /api, docs /docs"
        f"{', ingest allowed' if allow_ingest else ''}{', corrections allowed' if allow_edit else ''}"
        f"{'' if allow_ingest or allow_edit else ', read-only'}"
        f"{f', {workers} workers' if workers > 1 else ''}); Ctrl-C stops it", err=True)
    if workers > 1:
        os.environ[WORKER_ENV] = json.dumps({"store": str(location), "max_request_bytes": int(max_request_mb * 2 ** 20)})
        uvicorn.run(f"{__name__}:worker_app", factory=True, host=host, port=port, workers=workers, log_level="warning")
        return
    app = create_app(Settings(location, allow_ingest, token, int(max_request_mb * 2 ** 20), allow_edit))
    settle(app)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def worker_app():
    """The read-only application of one worker process, for the store `serve` named in the environment."""
    from .app import Settings, create_app, settle

    given = json.loads(os.environ[WORKER_ENV])
    app = create_app(Settings(Path(given["store"]), max_request_bytes=given["max_request_bytes"]))
    settle(app)
    return app


def _token(token_file: str | None) -> str:
    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else os.environ.get(TOKEN_ENV, "").strip()
    if len(token) < MIN_TOKEN:
        say(f"svodka: --allow-ingest and --allow-edit need a token of at least {MIN_TOKEN} characters "
            f"in ${TOKEN_ENV} or --token-file", err=True)
        sys.exit(2)
    return token
