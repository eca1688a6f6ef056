"""Listing speed at scale: every store call behind a CLI listing, timed on a store of N articles
(100,000 by default) that has entities, quotes, events and stories.

    .venv/bin/python benchmarks/listings_scale.py [--articles N] [--db PATH] [--repeat R] [--json]

The store (built once at PATH, default /tmp/svodka-listings-N.db, and reused when it is there):

* Seeds: SEEDS real articles of ``../shared/data/realnews-ru`` (every k-th of its 2,999) ingested by
  the real pipeline (cleaning, entities, quotes, events) into a store of their own, kept next to the
  big one (``…-seeds.db``) and reused.
* Articles: ``stories_scale.synthetic_articles`` gives N articles with the story structure of a year of
  news (about 70 stories a day, copies and reprints) from the shared texts. Each is prefixed with the
  head of one seed (its text up to HEAD_CHARS, at a paragraph end), and takes the seed's mentions,
  entities, quotes and events that lie inside that head, so the same people, places and
  organisations recur across the store as they do in news. The synthetic body is the larger part,
  so stories are formed by it, not by the shared head.
* Stored through ``store.add`` and ``store.cluster`` in batches of 1,000 (no NLP at this stage).

Then each listing is called REPEAT times (after one warm-up call) and p50 / p95 milliseconds are
reported: the store calls made by ``svodka stories --top 20``, ``story``, ``entity NAME``,
``entities``, ``quotes --by/--about``, ``events --entity/--with/--type``, ``timeline A B``, ``stats``,
``show ID`` / ``show PREFIX`` and ``latest``. Nothing is copied into the repository.

Building the 100,000-article store takes about 20 minutes on two shared cores (seeds: 40 s); it
holds 8,590 stories, 1,499 entities, 1.86 M mentions, 146 k quotes and 65 k events (1.4 GB).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import DATA, load_sources
from stories_scale import synthetic_articles

from svodka.records import Article, Span
from svodka.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "data" / "realnews-ru"
REALNEWS_FILES = ("ng_0.jsonl", "russia_today_1.jsonl", "russia_today_2.jsonl")
SEEDS = 300
HEAD_CHARS = 1500
BATCH = 1000
HAPPENED = ("happened",)  # the CLI's default --status
PAIR = ("Путин", "Трамп")  # the timeline pair; the benchmark falls back to the two most mentioned people


# --- building the store -----------------------------------------------------------------------

def seed_store(path: Path, count: int) -> Path:
    """A store of `count` real articles read by the whole pipeline (built once)."""
    if path.exists():
        return path
    from svodka.ingest import ingest
    from svodka.pipeline import default_pipeline
    from svodka.sources import ReadOptions, expand

    lines = [line for name in REALNEWS_FILES
             for line in (REALNEWS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(lines) // count)
    with tempfile.TemporaryDirectory(prefix="svodka-seeds-") as folder:
        corpus = Path(folder) / "seeds.jsonl"
        corpus.write_text("\n".join(lines[::step][:count]) + "\n", encoding="utf-8")
        building = path.with_suffix(".building")
        with SQLiteStore(building) as store:
            ingest(expand([str(corpus)], ReadOptions()), store, ReadOptions(), default_pipeline(), 1)
        building.rename(path)
    return path


def seed_heads(path: Path) -> list[Article]:
    """Each seed cut to its head, with the analysis that lies inside it; seeds with no entity left out."""
    with SQLiteStore(path) as store:
        heads = [head_of(article) for article in store.articles()]
    return [head for head in heads if head.mentions]


def head_of(article: Article) -> Article:
    cut = _head_end(article.text)
    inside = lambda start, end: start is None or end is not None and end <= cut
    mentions = tuple(m for m in article.mentions if m.end <= cut)
    quotes = tuple(q for q in article.quotes if inside(q.start, q.end) and inside(q.speaker_start, q.speaker_end)
                   and inside(q.cue_start, q.cue_end))
    events = tuple(e for e in article.events if all(r.end <= cut for r in e.evidence))
    named = {m.entity for m in mentions} | {q.speaker for q in quotes} | {q.addressee for q in quotes} | {
        id for e in events for id in (e.place, *(p.entity for p in e.participants))}
    return article.with_(text=article.text[:cut], mentions=mentions, quotes=quotes, events=events,
                         entities=tuple(e for e in article.entities if e.id in named))


def _head_end(text: str) -> int:
    if len(text) <= HEAD_CHARS:
        return len(text)
    end = text.rfind("\n", 0, HEAD_CHARS)
    return end if end > 0 else HEAD_CHARS


def grafted(body: Article, head: Article) -> Article:
    """`body` (a synthetic article) with `head` and its analysis in front of its text."""
    text = head.text + "\n\n" + body.text
    return body.with_(
        id=hashlib.sha256(f"{body.id}\n{head.id}".encode()).hexdigest()[:16], text=text, language="ru",
        spans=(Span(0, len(text), "body"),), lead=None,
        mentions=head.mentions, entities=head.entities, quotes=head.quotes, events=head.events)


def build_store(path: Path, articles: int, seeds: Path, progress: Callable[[str], None]) -> None:
    heads = seed_heads(seeds)
    rng = random.Random(11)
    sources = load_sources(DATA)
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    started = time.perf_counter()
    with SQLiteStore(building) as store:
        batch: list[Article] = []
        for done, article in enumerate(synthetic_articles(articles, sources), start=1):
            batch.append(grafted(article, rng.choice(heads)))
            if len(batch) == BATCH or done == articles:
                store.add(batch)
                store.cluster(batch)
                batch = []
                if done % 10_000 == 0 or done == articles:
                    progress(f"{done} articles stored and clustered in {time.perf_counter() - started:.0f} s")
    building.rename(path)


# --- the listings ---------------------------------------------------------------------------------

def listings(store: SQLiteStore) -> dict[str, Callable[[], object]]:
    """Name → a call making the store requests of one CLI listing (as cli.py makes them)."""
    first, second = _pair(store)
    latest = store.latest(1)[0]
    top_story = store.stories(1)[0]
    biggest = store._db.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 1").fetchone()[0]
    one = lambda name: [entity.id for entity in store.find_entities(name)]
    some_type = store.events(limit=1)[0].event.type

    def story():
        found = store.story(top_story.id)
        ids = [member.article_id for member in found.members]
        store.quotes(articles=ids, limit=50), store.events(articles=ids, statuses=HAPPENED, limit=50)
        store.thread(found.thread)

    def entity():
        for item in store.find_entities(first):
            store.articles_mentioning(item.id)

    def timeline():
        store.cluster_pending()
        ids, other_ids = one(first), one(second)
        store.events(ids, other_ids, limit=50, statuses=HAPPENED), store.latest_story_cards(ids, other_ids, 50)

    return {
        "stories --top 20": lambda: (store.cluster_pending(), store.story_cards(20)),
        "stories --top 20 --members": lambda: store.stories(20),
        f"stories --entity {first}": lambda: store.story_cards(10, None, one(first)),
        "story ID": story,
        "quotes --story ID (the biggest story)": lambda: store.quotes(limit=20, articles=store.story_articles(biggest)),
        f"entity {first}": entity,
        f"find_entities {first}а (inflected)": lambda: store.find_entities(first + "а"),
        "entities --top 20": lambda: store.top_entities(20),
        "entities --type PER": lambda: store.top_entities(20, "PER"),
        f"quotes --by {first}": lambda: store.quotes(one(first), None, 20),
        f"quotes --about {first}": lambda: store.quotes(None, one(first), 20),
        "quotes (latest)": lambda: store.quotes(limit=20),
        f"events --entity {first}": lambda: store.events(one(first), None, None, 20, statuses=HAPPENED),
        f"events --entity {first} --with {second}": lambda: store.events(one(first), one(second), None, 20,
                                                                         statuses=HAPPENED),
        f"events --type {some_type}": lambda: store.events(type=some_type, limit=20, statuses=HAPPENED),
        "events (latest)": lambda: store.events(limit=20, statuses=HAPPENED),
        f"timeline {first} {second}": timeline,
        "stats": store.stats,
        "show ID": lambda: store.get(latest.id),
        "show PREFIX": lambda: store.get(latest.id[:8]),
        "show --latest 10": lambda: store.latest(10),
        "sources_of ID": lambda: store.sources_of(latest.id),
        "thread": lambda: store.thread(top_story.thread),
    }


def _pair(store: SQLiteStore) -> tuple[str, str]:
    if all(store.find_entities(name) for name in PAIR):
        return PAIR
    people = [entity.name for entity, _, _ in store.top_entities(2, "PER")]
    return people[0], people[1]


def timed(call: Callable[[], object], repeat: int) -> dict:
    call()  # warm-up: the first call reads pages from disk
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 2),
            "max_ms": round(times[-1], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="the store to build or reuse (default /tmp/svodka-listings-N.db)")
    parser.add_argument("--seeds", type=int, default=SEEDS)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", action="append", help="time only listings whose name starts with this")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    say = lambda line: print(line, file=sys.stderr, flush=True)
    path = args.db or Path(f"/tmp/svodka-listings-{args.articles}.db")
    if not path.exists():
        seeds = seed_store(Path(f"/tmp/svodka-listings-seeds-{args.seeds}.db"), args.seeds)
        build_store(path, args.articles, seeds, say)
    results = {}
    with SQLiteStore(path) as store:
        for name, call in listings(store).items():
            if args.only and not any(name.startswith(prefix) for prefix in args.only):
                continue
            results[name] = timed(call, args.repeat)
            say(f"{name:<45} p50 {results[name]['p50_ms']:>9.2f} ms  p95 {results[name]['p95_ms']:>9.2f} ms")
        stats = store.stats()
    report = {"store": str(path), "articles": stats["articles"], "stories": stats["stories"],
              "entities": stats["entities"], "mentions": stats["mentions"], "quotes": stats["quotes"],
              "events": stats["events"], "repeat": args.repeat, "listings": results,
              "slowest_p95_ms": max((r["p95_ms"] for r in results.values()), default=None)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key, value in report.items():
            if key != "listings":
                print(f"{key}: {value}")


if __name__ == "__main__":
    main()
