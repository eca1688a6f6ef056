"""Ingest on Dask: the real articles of ``../shared/data/realnews-ru`` (as one JSONL, as
``realnews_ingest.py`` writes it) ingested into a new SQLite store three ways, each in a fresh
process: serially in one process (``workers=1``), and with the language stages on a local Dask
cluster of one and of two worker processes (``svodka ingest --dask local --workers N``).

    .venv/bin/python benchmarks/dask_ingest.py [--articles 3000] [--json]

Reported for each: wall seconds, articles/s, the speed-up of two workers over one, and the share
of the wall time the ingesting process spent writing the store (``store.add`` and story
clustering, timed around the calls). Run it on an otherwise idle machine: the two-worker run needs
every core of a two-core machine."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from realnews_ingest import write_corpus

ROOT = Path(__file__).resolve().parents[1]
RUNS = (("serial, one process", "", 1), ("dask local, 1 worker", "local", 1), ("dask local, 2 workers", "local", 2))


def child(corpus: str, db: str, dask: str, workers: int) -> dict:
    from svodka.ingest import ingest
    from svodka.pipeline import default_pipeline
    from svodka.sources import ReadOptions, expand
    from svodka.store import open_store

    writing = {"s": 0.0}

    def timed(call):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                writing["s"] += time.perf_counter() - started
        return wrapper

    started = time.perf_counter()
    with open_store(db) as store:
        store.add, store.cluster = timed(store.add), timed(store.cluster)
        if dask:
            from svodka.scale.dask_pool import DaskPool
            with DaskPool(dask, workers) as pool:
                report = ingest(expand([corpus], ReadOptions()), store, ReadOptions(), default_pipeline(), 1, pool=pool)
        else:
            report = ingest(expand([corpus], ReadOptions()), store, ReadOptions(), default_pipeline(), workers)
    wall = time.perf_counter() - started
    return {"wall_s": round(wall, 1), "new": report.new, "failed": report.failed,
            "articles_per_s": round(report.read / wall, 2), "store_write_s": round(writing["s"], 1),
            "store_write_share": round(writing["s"] / wall, 3)}


def run_child(corpus: Path, db: Path, dask: str, workers: int) -> dict:
    output = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(db), dask, str(workers)],
                            check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-serial", action="store_true", help="Only the two Dask runs.")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        corpus, db, dask, workers = args.child
        print(json.dumps(child(corpus, db, dask, int(workers))))
        return
    results = {}
    with tempfile.TemporaryDirectory(prefix="svodka-dask-") as folder:
        corpus = write_corpus(Path(folder), args.articles)
        for name, dask, workers in RUNS:
            if args.skip_serial and not dask:
                continue
            results[name] = run_child(corpus, Path(folder) / f"{dask or 'serial'}-{workers}.db", dask, workers)
            print(f"{name:<24} {results[name]}", file=sys.stderr, flush=True)
    one, two = results["dask local, 1 worker"], results["dask local, 2 workers"]
    results["two workers over one"] = round(one["wall_s"] / two["wall_s"], 2)
    if "serial, one process" in results:
        results["dask 1 worker over serial"] = round(results["serial, one process"]["wall_s"] / one["wall_s"], 2)
    print(json.dumps(results, ensure_ascii=False, indent=2) if args.json else
          f"2 workers / 1 worker: {results['two workers over one']}x (goal 1.8x)")


if __name__ == "__main__":
    main()
