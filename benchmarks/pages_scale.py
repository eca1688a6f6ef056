"""Web page speed and weight on a large store: each page of `svodka serve` rendered through the
application in-process (server time, templates included), p50 / p95 ms, and its size in bytes
(HTML and the stylesheet; pages carry no images or scripts).

    .venv/bin/python benchmarks/pages_scale.py --db /tmp/svodka-listings-100000.db [--repeat 20] [--json]

The store is any svodka store with stories; `benchmarks/listings_scale.py` builds one of 100,000
articles (its default path is the one above)."""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from urllib.parse import quote


def page_urls(store) -> dict[str, list[str]]:
    person = store.top_entities(1, "PER")[0][0]
    place = store.top_entities(1, "LOC")[0][0]
    story = store.stories(1)[0]
    article = story.members[0].article_id
    outlet = store.outlets()[0][0]
    return {
        "front page": ["/"],
        "front page, a day": [f"/?day={story.first_seen}"] if story.first_seen else [],
        "story": [f"/stories/{story.id}"],
        "article": [f"/articles/{article}"],
        "entity": [f"/entities/{quote(person.id, safe='')}", f"/entities/{quote(place.id, safe='')}"],
        "pair": [f"/pair?a={quote(person.name)}&b={quote(place.name)}"],
        "search": [f"/search?q={quote(person.name)}", "/search?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&sort=date"],
        "outlets": ["/outlets", f"/outlets/{quote(outlet, safe='')}"],
    }


def measure(db: Path, repeat: int) -> dict:
    from fastapi.testclient import TestClient

    from svodka.api.app import Settings, create_app, settle
    from svodka.store import SQLiteStore

    app = create_app(Settings(db))
    settle(app)
    client = TestClient(app)
    with SQLiteStore(db) as store:
        urls = page_urls(store)
    css = len(client.get("/static/style.css").content)
    result = {"stylesheet_bytes": css}
    for name, pages in urls.items():
        samples, sizes, statuses = [], [], set()
        for url in pages:
            client.get(url)
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(url)
                samples.append(time.perf_counter() - started)
                statuses.add(response.status_code)
                sizes.append(len(response.content))
        if samples:
            ordered = sorted(samples)
            result[name] = {"p50_ms": round(statistics.median(ordered) * 1000, 1),
                            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 1),
                            "bytes_max": max(sizes) + css, "statuses": sorted(statuses)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/svodka-listings-100000.db"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"no store at {args.db}: build one with benchmarks/listings_scale.py")
    result = measure(args.db, args.repeat)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
