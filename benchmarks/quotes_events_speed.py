"""Quotes and events stages speed: what they add to the cost of the entities stage.

Run from the repository root:

    .venv/bin/python benchmarks/quotes_events_speed.py [--articles N] [--repeats R]

The first N + 1 articles of the benchmark corpus (``corpus.py``: ~3 KB Russian news articles composed
at run time from ../shared/data, nothing copied into the repository) are cleaned, then each is run
through ``annotate_entities``, ``annotate_quotes`` and ``annotate_events`` in turn, each timed in CPU
seconds of this process (``time.process_time``) with one BLAS thread; article N + 1 only warms up.
Printed: per stage the median milliseconds per article and articles per CPU-second, the quotes and
events found, and the cost of quotes + events as a share of the entities stage — the issue's budget
is 30%. With ``--repeats`` the figures are medians over repeats.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
from corpus import DATA, build_corpus, read_all

from svodka.entities import annotate_entities
from svodka.events import annotate_events
from svodka.pipeline import default_pipeline
from svodka.quotes import annotate_quotes
from svodka.sources import ReadOptions, expand

STAGES = (("entities", annotate_entities), ("quotes", annotate_quotes), ("events", annotate_events))


def cleaned(count: int) -> list:
    folder = tempfile.mkdtemp(prefix="svodka-qe-")
    build_corpus(Path(folder), count, DATA)
    options = ReadOptions()
    clean = default_pipeline(entities=False)
    return [clean(raw) for raw in read_all(list(expand([folder], options)), options)]


def run_once(articles: list) -> dict:
    seconds = {name: [] for name, _ in STAGES}
    found = {"quotes": 0, "events": 0}
    for article in articles:
        for name, stage in STAGES:
            start = time.process_time()
            article = stage(article)
            seconds[name].append(time.process_time() - start)
        found["quotes"] += len(article.quotes)
        found["events"] += len(article.events)
    totals = {name: sum(values) for name, values in seconds.items()}
    return {
        "median_ms": {name: 1000 * statistics.median(values) for name, values in seconds.items()},
        "per_cpu_second": {name: len(articles) / total for name, total in totals.items()},
        "share_of_entities": (totals["quotes"] + totals["events"]) / totals["entities"],
        **found,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    articles = cleaned(args.articles + 1)
    with threadpool_limits(1):
        warm = articles[0]
        for _, stage in STAGES:
            warm = stage(warm)
        runs = [run_once(articles[1:]) for _ in range(args.repeats)]
    for name, _ in STAGES:
        ms = statistics.median(run["median_ms"][name] for run in runs)
        rate = statistics.median(run["per_cpu_second"][name] for run in runs)
        print(f"{name:9} median {ms:6.2f} ms/article   {rate:7.1f} articles per CPU-second")
    share = statistics.median(run["share_of_entities"] for run in runs)
    print(f"found: {runs[0]['quotes']} quotes, {runs[0]['events']} events in {len(articles) - 1} articles")
    print(f"quotes + events cost {100 * share:.1f}% of the entities stage (budget: 30%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
