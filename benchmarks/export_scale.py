"""Export speed and memory: `svodka export --format parquet` and `--format graphml` on a store.

    .venv/bin/python benchmarks/export_scale.py --db STORE [--db STORE2 ...] [--format parquet|graphml]

For each store: articles per second, the files' size, and the peak resident memory of a fresh
process running the export (its growth over the memory after opening the store), so that stores
of 10,000 and 100,000 articles show whether memory stays flat as the store grows. Each export runs
in a child process of its own (peak memory is per process)."""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from svodka.store import open_store
store = open_store(sys.argv[1], create=False)
fmt, out = sys.argv[2], Path(sys.argv[3])
articles = store.stats()["articles"]
opened = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
if fmt == "parquet":
    from svodka.export.parquet import export_parquet
    counts = export_parquet(store, out)
else:
    from svodka.export.graph import entity_graph, write_graph
    graph = entity_graph(store.articles())
    write_graph(graph, out, fmt)
    counts = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"articles": articles, "seconds": round(seconds, 1), "articles_per_s": round(articles / seconds, 1),
                  "rss_after_open_mb": round(opened / 1024), "peak_rss_mb": round(peak / 1024),
                  "growth_mb": round((peak - opened) / 1024), "rows": counts}))
"""


def measure(db: Path, fmt: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / ("tables" if fmt == "parquet" else f"graph.{fmt}")
        done = subprocess.run([sys.executable, "-c", CHILD, str(db), fmt, str(out)], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stderr[-2000:])
        report = json.loads(done.stdout)
        files = out.iterdir() if out.is_dir() else [out]
        report["bytes"] = sum(path.stat().st_size for path in files)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", required=True)
    parser.add_argument("--format", default="parquet", choices=["parquet", "gexf", "graphml"])
    args = parser.parse_args()
    results = {}
    for db in args.db:
        started = time.perf_counter()
        results[str(db)] = measure(db, args.format)
        print(f"{db}: {results[str(db)]} ({time.perf_counter() - started:.0f} s in all)", file=sys.stderr)
    print(json.dumps({"format": args.format, "stores": results,
                      "self_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
