"""Story stage speed and scale: grow a store to N articles (100,000 by default) in batches of 1,000
and time each batch's `store.add` and `store.cluster` (insert, near-duplicate lookup, clustering,
ranking counts; the NLP stages are excluded: articles are composed already cleaned, without
entities).

    .venv/bin/python benchmarks/stories_scale.py [--articles N] [--batch B] [--json]

The corpus: real news texts from ../shared/data (``corpus.load_sources``), never copied into the
repository. Day by day over a year, STORIES_PER_DAY stories begin, each on one real text; a story's
articles (geometric, mean about 4) appear over its first three days, each keeping 60-100% of the
text's paragraphs in order under the text's headline or its first sentence, and one in five is a
reprint of an earlier member with a different closing line (a near-duplicate). A real text seeds
many stories over the year, so the store fills with look-alikes that the time window must keep apart.

Reported: per-batch seconds (median of the first and of the last ten batches, of each tenth of the
run, and the slowest),
their ratio, the growth against log(store size), articles per second, peak RSS (ru_maxrss), and the
store's size on disk. The goal of the stories issue: at most 30 s a batch, growing no faster than
logarithmically with the store.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from corpus import DATA, Source, load_sources

from svodka.records import Article, Span
from svodka.store import SQLiteStore

STORIES_PER_DAY = 70
MEAN_STORY_SIZE = 4
REPRINT_SHARE = 0.2
OUTLETS = tuple(f"outlet{n}.ru" for n in range(120))
START = date(2025, 1, 1)


def synthetic_articles(count: int, sources: list[Source], seed: int = 7):
    """`count` articles in publication order (see the module docstring)."""
    rng = random.Random(seed)
    made, day, pending = 0, 0, []
    while made < count:
        for _ in range(STORIES_PER_DAY):
            source = rng.choice(sources)
            size = 1 + int(rng.expovariate(1 / (MEAN_STORY_SIZE - 1)))
            pending.extend((day + rng.randrange(3), source, rng.random()) for _ in range(size))
        today = sorted((item for item in pending if item[0] == day), key=lambda item: item[2])
        pending = [item for item in pending if item[0] != day]
        members: dict[int, Article] = {}
        for _day, source, draw in today:
            earlier = members.get(id(source))
            if earlier and draw < REPRINT_SHARE:
                article = _reprint(earlier, made)
            else:
                article = _version(source, START + timedelta(days=day), rng, made)
            members.setdefault(id(source), article)
            yield article
            made += 1
            if made >= count:
                return
        day += 1


def _version(source: Source, published: date, rng: random.Random, index: int) -> Article:
    kept = [p for p in source.paragraphs if rng.random() < 0.8] or list(source.paragraphs[:1])
    title = source.headline if source.headline and rng.random() < 0.7 else kept[0].split(". ")[0][:120]
    return _article(title, "\n\n".join(kept), published.isoformat(), rng.choice(OUTLETS), index)


def _reprint(original: Article, index: int) -> Article:
    body = original.text + f"\n\nИсточник: {OUTLETS[index % len(OUTLETS)]}, материал {index}."
    return _article(original.title, body, original.published, OUTLETS[index % len(OUTLETS)], index)


def _article(title: str, body: str, published: str, outlet: str, index: int) -> Article:
    return Article(id=hashlib.sha256(f"{index}\n{title}\n{body}".encode()).hexdigest()[:16],
                   source=f"synthetic:{index}", text=body, title=title, outlet=outlet,
                   published=published, spans=(Span(0, len(body), "body"),))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sources = load_sources(DATA)
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        with SQLiteStore(path) as store:
            batch: list[Article] = []
            for article in synthetic_articles(args.articles, sources):
                batch.append(article)
                if len(batch) == args.batch:
                    timings.append(_timed_batch(store, batch))
                    batch = []
                    if len(timings) % 10 == 0:
                        print(f"{len(timings) * args.batch} articles: last batch {timings[-1]:.2f} s", flush=True)
            if batch:
                timings.append(_timed_batch(store, batch))
            stories = store.stats()["stories"]
        size_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
    first, last = statistics.median(timings[:10]), statistics.median(timings[-10:])
    parts = min(10, len(timings))
    deciles = [round(statistics.median(timings[len(timings) * i // parts : len(timings) * (i + 1) // parts]), 2)
               for i in range(parts)]
    log_growth = math.log(args.articles) / math.log(10 * args.batch)
    result = {
        "articles": args.articles, "batch": args.batch, "stories": stories,
        "first_10_median_s": round(first, 3), "last_10_median_s": round(last, 3),
        "slowest_s": round(max(timings), 3), "last_over_first": round(last / first, 2),
        "median_s_by_tenth": deciles,
        "log_size_ratio": round(log_growth, 2),
        "articles_per_s": round(args.articles / sum(timings), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "store_mb": round(size_mb, 1), "sources": len(sources),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


def _timed_batch(store: SQLiteStore, batch: list[Article]) -> float:
    started = time.perf_counter()
    store.add(batch)
    store.cluster(batch)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
