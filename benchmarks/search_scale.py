"""Search and API speed on a large store, and what the search index costs at ingest.

    .venv/bin/python benchmarks/search_scale.py build --db /tmp/s100k.db [--articles 100000] [--seed-articles 600]
    .venv/bin/python benchmarks/search_scale.py queries --db /tmp/s100k.db [--repeat 20] [--json]
    .venv/bin/python benchmarks/search_scale.py load --db /tmp/s100k.db [--seconds 20] [--clients 8] [--workers 1]
    .venv/bin/python benchmarks/search_scale.py ingest-cost [--articles 300]

``build``: the real articles of ../shared/data/realnews-ru (Независимая газета and RT; never copied
into the repository), `--seed-articles` of them spread over the three dumps, analysed once by the
full pipeline; then copies of them stored under new ids, dates spread over a year (newest last) and
120 outlets until the store holds `--articles`, in batches of 1,000 through ``store.add`` (the search
index, entities, quotes and events kept as in any ingest). No stories are formed (the story stage
has its own scale benchmark); each text recurs about articles/seed times, so its words' posting lists
grow as a real archive's do.

``queries``: a fixed mix of searches through ``store.search``: one word, a phrase, an entity filter
with words, an entity with a date range and facets, a search without words (an outlet, newest
first); each run `--repeat` times; p50 and p95 in ms per kind, and over the fixed mix of the first
four kinds together; then every API resource through the
application in-process (server time, JSON encoding included); and the index's size per article
(``dbstat``).

``load``: ``svodka serve`` in a subprocess on 127.0.0.1, `--clients` threads of keep-alive HTTP
requests for `--seconds` (search and article pages in turn): requests per second and latency
percentiles as the client saw them.

``ingest-cost``: the share of the ingest that the search index costs, on real articles: the
pipeline's time per article, then ``store.add`` of the same articles into a fresh store with the
index and into one whose indexing is switched off.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "realnews-ru"
FILES = ("ng_0.jsonl", "russia_today_1.jsonl", "russia_today_2.jsonl")
OUTLETS = tuple(f"outlet{n}.ru" for n in range(120))
BATCH = 1000
MIX = ("word", "phrase", "entity + words", "entity + dates + facets")  # the goal's fixed mix


def real_articles(count: int) -> list:
    """`count` real articles, analysed, spread evenly over the three dumps."""
    from svodka.pipeline import default_pipeline
    from svodka.records import Article
    from svodka.sources import ReadOptions, read_input
    from svodka.sources.base import Input

    lines = [line for name in FILES for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(lines) // count)
    chosen = "\n".join(lines[::step][:count]).encode("utf-8")
    raws = [item for item in read_input(Input("realnews.jsonl", data=chosen), ReadOptions())
            if type(item).__name__ == "RawDocument"]
    return [article for article in default_pipeline().process_all(raws) if isinstance(article, Article)]


def build(db: Path, articles: int, seeds: int) -> dict:
    from svodka.store import SQLiteStore

    started = time.perf_counter()
    analysed = real_articles(seeds)
    analysing = time.perf_counter() - started
    rng = random.Random(7)
    store = SQLiteStore(db)
    have = store.stats()["articles"]
    adding = time.perf_counter()
    for start in range(have, articles, BATCH):
        batch = []
        for index in range(start, min(articles, start + BATCH)):
            seed = analysed[index % len(analysed)]
            day = 1 + (index * 365) // articles
            batch.append(replace(seed, id=f"{index:08x}{seed.id[8:]}", source=f"bench/{index}.json",
                                 outlet=rng.choice(OUTLETS), published=f"2025-{_month_day(day)}"))
        store.add(batch)
        print(f"\r{min(articles, start + BATCH):,} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    store.close()
    return {"seed_articles": len(analysed), "analysing_s": round(analysing, 1),
            "adding_s": round(time.perf_counter() - adding, 1), "articles": articles}


def _month_day(day: int) -> str:
    from datetime import date, timedelta
    return (date(2025, 1, 1) + timedelta(days=day - 1)).isoformat()[5:]


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 1), "runs": len(ordered)}


def query_mix(store) -> dict[str, list[tuple]]:
    """Kind → (query text or None, Filters, sort, facets) searches, picked from what the store holds."""
    from svodka.search.query import parse
    from svodka.search.resolve import resolved
    from svodka.search.results import Filters

    people = [entity.name for entity, _, _ in store.top_entities(3, "PER")]
    places = [entity.name for entity, _, _ in store.top_entities(3, "LOC")]
    last = (store.stats()["last_published"] or "2025-12-31")[:10]

    def search(text, sort="relevance", facets=0, **filters):
        query = parse(text) if text else None
        return (query, resolved(store.find_entities, query, Filters(**filters)), sort, facets)

    return {
        "word": [search(word) for word in ("санкции", "Путин", "экономика", "выборы")],
        "phrase": [search(text) for text in ('"министр иностранных дел"', '"Государственная дума"', '"по словам"')],
        "entity + words": [search(f'entity:"{name}" заявил') for name in people],
        "entity + dates + facets": [search(f'entity:"{name}"', "date", 10, since=f"{last[:4]}-06-01", until=last)
                                    for name in people + places],
        "no words (outlet, newest)": [search(None, "date", 0, outlets=[outlet]) for outlet in OUTLETS[:3]],
        "word + facets": [search(word, "relevance", 10) for word in ("санкции", "Путин")],
    }


def queries(db: Path, repeat: int) -> dict:
    from svodka.store import SQLiteStore

    store = SQLiteStore(db)
    result = {"articles": store.stats()["articles"], "index_bytes_per_article": _index_size(store) // max(1, store.stats()["articles"])}
    mixed = []  # the kinds the mix names: one word, phrase, entity filter, entity + dates + facets
    for kind, searches in query_mix(store).items():
        samples, totals = [], []
        for query, filters, sort, facets in searches:
            store.search(query, filters, sort, 20, 0, facets=facets)  # warm
            for _ in range(repeat):
                started = time.perf_counter()
                found = store.search(query, filters, sort, 20, 0, facets=facets)
                samples.append(time.perf_counter() - started)
            totals.append(found.total)
        result[f"search: {kind}"] = {**percentiles(samples), "matches": totals}
        if kind in MIX:
            mixed += samples
    result["search: the mix (" + ", ".join(MIX) + ")"] = percentiles(mixed)
    result.update(api_times(db, store, repeat))
    return result


def _index_size(store) -> int:
    return store._db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'").fetchone()[0] or 0


def api_urls(store) -> dict[str, list[str]]:
    person = store.top_entities(1, "PER")[0][0]
    article = store.latest(1)[0].id
    stories = store.stories(1)
    return {
        "GET /api/search (word, facets)": ["/api/search?q=санкции", "/api/search?q=Путин&sort=date"],
        "GET /api/search (entity, dates)": [f"/api/search?entity={person.id}&since=2025-06-01&until=2025-12-31"],
        "GET /api/articles/{id}": [f"/api/articles/{article}"],
        "GET /api/articles": ["/api/articles?limit=50", "/api/articles?offset=5000"],
        "GET /api/entities": ["/api/entities?limit=20", "/api/entities?type=LOC"],
        "GET /api/entities/{id}": [f"/api/entities/{person.id}"],
        "GET /api/entities/{id}/graph": [f"/api/entities/{person.id}/graph"],
        "GET /api/entities/lookup": [f"/api/entities/lookup?name={person.name}"],
        "GET /api/quotes": [f"/api/quotes?by={person.id}", "/api/quotes"],
        "GET /api/events": [f"/api/events?entity={person.id}", "/api/events?type=meeting"],
        "GET /api/stories": ["/api/stories"],
        "GET /api/stories/{id}": [f"/api/stories/{id}" for id in {stories[0].id, _biggest_story(store)}] if stories else [],
        "GET /api/quotes?story=": [f"/api/quotes?story={_biggest_story(store)}&offset=100"] if stories else [],
        "GET /api/timeline": [f"/api/timeline?entity={person.id}"],
        "GET /api/stats": ["/api/stats"],
    }


def _biggest_story(store) -> int:
    return store._db.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 1").fetchone()[0]


def api_times(db: Path, store, repeat: int) -> dict:
    from fastapi.testclient import TestClient

    from svodka.api.app import Settings, create_app, settle

    app = create_app(Settings(db))
    settle(app)  # as `svodka serve` does before it listens
    client = TestClient(app)
    result = {}
    for resource, urls in api_urls(store).items():
        samples, statuses = [], set()
        for url in urls:
            client.get(url)
            for _ in range(repeat):
                started = time.perf_counter()
                statuses.add(client.get(url).status_code)
                samples.append(time.perf_counter() - started)
        if samples:
            result[resource] = {**percentiles(samples), "statuses": sorted(statuses)}
    return result


def load(db: Path, seconds: float, clients: int, workers: int = 1) -> dict:
    import socket

    import httpx

    from svodka.store import SQLiteStore

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with SQLiteStore(db) as store:
        article = store.latest(1)[0].id
    urls = ["/api/search?q=санкции", "/api/search?q=Путин&facets=0", f"/api/articles/{article}"]
    server = subprocess.Popen([sys.executable, "-m", "svodka", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        latencies: dict[str, list[float]] = {url: [] for url in urls}
        lock, stop = threading.Lock(), time.monotonic() + seconds

        def client(offset: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                turn = offset
                while time.monotonic() < stop:
                    url = urls[turn % len(urls)]
                    started = time.perf_counter()
                    http.get(url).raise_for_status()
                    with lock:
                        latencies[url].append(time.perf_counter() - started)
                    turn += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(samples) for samples in latencies.values())
    return {"clients": clients, "workers": workers, "seconds": round(elapsed, 1), "requests": done,
            "requests_per_s": round(done / elapsed, 1),
            **{url: percentiles(samples) for url, samples in latencies.items() if samples}}


def _wait(base: str) -> None:
    import httpx
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/stats", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def ingest_cost(count: int) -> dict:
    from svodka.store import SQLiteStore, sqlite as sqlite_module

    started = time.perf_counter()
    analysed = real_articles(count)
    per_article = (time.perf_counter() - started) / len(analysed)
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        for label in ("with index", "without index", "with index again"):
            indexing = sqlite_module.index_article
            if label == "without index":
                sqlite_module.index_article = lambda *args: None
            try:
                with SQLiteStore(Path(folder) / f"{label}.db") as store:
                    started = time.perf_counter()
                    for start in range(0, len(analysed), 100):
                        store.add(analysed[start:start + 100])
                    times[label] = (time.perf_counter() - started) / len(analysed)
            finally:
                sqlite_module.index_article = indexing
    with_index = min(times["with index"], times["with index again"])
    indexing = max(0.0, with_index - times["without index"])
    return {"articles": len(analysed), "pipeline_ms": round(per_article * 1000, 2),
            "store_add_ms_with_index": round(with_index * 1000, 2),
            "store_add_ms_without_index": round(times["without index"] * 1000, 2),
            "indexing_ms": round(indexing * 1000, 2),
            "indexing_share_of_ingest_pct": round(100 * indexing / (per_article + with_index), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["build", "queries", "load", "ingest-cost"])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--articles", type=int)
    parser.add_argument("--seed-articles", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="svodka serve --workers (load)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"no data at {DATA}: this benchmark reads the shared realnews-ru dumps")
    if args.what != "ingest-cost" and args.db is None:
        parser.error(f"{args.what} needs --db")
    if args.what == "build":
        result = build(args.db, args.articles or 100_000, args.seed_articles)
    elif args.what == "queries":
        result = queries(args.db, args.repeat)
    elif args.what == "load":
        result = load(args.db, args.seconds, args.clients, args.workers)
    else:
        result = ingest_cost(args.articles or 300)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
