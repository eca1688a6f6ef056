"""Ingest throughput: articles per second and peak memory for decode + clean + store, on one core.

Run from the repository root (a full run of the defaults takes a few minutes on two cores):

    .venv/bin/python benchmarks/ingest_throughput.py [--articles N] [--repeats R] [--db-dir DIR] [--json]

The corpus
----------
Nothing is copied into the repository: N articles (0.5-4.5 KB, median about 2.7 KB; 10% in
cp1251 or koi8-r, some with bylines or news-site sidebars) are composed at run time from the shared
data sets in ``<repo>/../shared/data`` by ``corpus.py`` (which describes how) and written as
``.txt`` files to a temporary folder, deleted at the end. The headline is part of the content hash,
so every article is new on the first ingest (checked: ``new`` is printed).

What is measured
----------------
The pipeline is ``default_pipeline(entities=False)`` throughout: the NLP stages (category, Natasha
NER and the rest, tens of milliseconds an article) are left out, and so is story clustering
(``ingest(..., stories=False)``), so that this stays a measure of decode + clean + store;
``entities_speed.py`` measures the NLP stages, and the ``stories`` column here the clustering of the
same articles (``store.cluster`` in batches of 256, after they are stored; ``stories_scale.py``
measures it at scale).

Each repeat runs in a fresh process, so its peak RSS (``ru_maxrss``) is its own. After a warm-up
(one article read, cleaned, stored and clustered, which loads the language models) it times
``ingest(expand([folder]), store, pipeline=default_pipeline(entities=False), stories=False)`` into a
fresh SQLite store (wall and CPU time; the process is single-threaded, so CPU time is what one
core spends, whatever else runs on the machine). The first repeat then ingests the same folder
again, which must add nothing and find N duplicates. Then each stage is timed on its own: read +
decode (every file to a RawDocument), clean (the pipeline on the decoded documents) and store
(``store.add`` of the cleaned articles in batches of 256, into another fresh store). The corpus
files are in the page cache, so reading measures the code path, not the disk. Each repeat records
a hash of ``src/svodka`` so that a change to the code during a run is reported. When the median
end-to-end rate is below the 500 articles/s goal, the read + decode and clean stages are profiled
with cProfile on the first 2,000 articles, and their top functions (by cumulative and by own
time) are printed.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from corpus import DATA, build_corpus, read_all, src_fingerprint
from svodka.ingest import BATCH_SIZE, ingest
from svodka.pipeline import default_pipeline
from svodka.records import Article
from svodka.sources import ReadOptions, expand, read_input
from svodka.store import SQLiteStore

TARGET_PER_S = 500
PROFILE_ARTICLES = 2000
STAGES = (("read_decode", "read+decode"), ("clean", "clean"), ("store", "store"), ("ingest", "ingest (all)"),
          ("stories", "stories"))


# --- one repeat, in a fresh process --------------------------------------------------------------

def run_repeat(folder: str, db_dir: str, recheck: bool) -> dict:
    """Time ingest (and, when `recheck`, a second ingest of the same folder) and each stage on the
    corpus in `folder`; runs in a process of its own, so that its peak RSS is its own."""
    options, pipeline, db = ReadOptions(), default_pipeline(entities=False), Path(db_dir)
    warm_up_s = _timed(lambda: _warm_up(folder, options, pipeline, db / "warm-up.db"))[1]
    result = {"src": src_fingerprint(), "warm_up_s": warm_up_s, "rss_after_warm_up_mib": _max_rss_mib()}
    with SQLiteStore(db / "ingest.db") as store:
        cpu_start = time.process_time()
        first, result["ingest_s"] = _timed(
            lambda: ingest(expand([folder], options), store, options, pipeline=pipeline, stories=False))
        result |= {"ingest_cpu_s": time.process_time() - cpu_start, "rss_peak_mib": _max_rss_mib(),
                   "first": _brief(first)}
        if recheck:
            second, result["reingest_s"] = _timed(
                lambda: ingest(expand([folder], options), store, options, pipeline=pipeline, stories=False))
            result["second"] = _brief(second)
    raws, read_s = _timed(lambda: read_all(list(expand([folder], options)), options))
    articles, clean_s = _timed(lambda: [a for a in pipeline.map(raws) if isinstance(a, Article)])
    with SQLiteStore(db / "stages.db") as store:
        store_s = _timed(lambda: in_batches(store.add, articles))[1]
        stories_s = _timed(lambda: in_batches(store.cluster, articles))[1]
    result["seconds"] = {"read_decode": read_s, "clean": clean_s, "store": store_s, "ingest": result["ingest_s"],
                         "stories": stories_s}
    return result


def _brief(report) -> dict:
    return {"read": report.read, "new": report.new, "duplicate": report.duplicate, "failed": report.failed,
            "failures": [str(failure) for failure in report.failures[:3]]}


def _warm_up(folder: str, options: ReadOptions, pipeline, db_path: Path) -> None:
    first = next(iter(expand([folder], options)))
    with SQLiteStore(db_path) as store:
        articles = [pipeline(raw) for raw in read_input(first, options)]
        store.add(articles)
        store.cluster(articles)  # loads the morphology the stories stage needs


def in_batches(work, articles: list[Article]) -> None:
    """`work` (``store.add`` or ``store.cluster``) on each batch of BATCH_SIZE articles."""
    for start in range(0, len(articles), BATCH_SIZE):
        work(articles[start:start + BATCH_SIZE])


def _timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def repeat_in_fresh_process(folder: Path, db_root: Path, recheck: bool) -> dict:
    db_dir = Path(tempfile.mkdtemp(prefix="svodka-bench-db-", dir=db_root))
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
            return pool.submit(run_repeat, str(folder), str(db_dir), recheck).result()
    finally:
        shutil.rmtree(db_dir)


# --- reporting -----------------------------------------------------------------------------------

def rates(result: dict, count: int) -> dict:
    return {stage: count / seconds for stage, seconds in result["seconds"].items()}


def summary(results: list[dict], count: int) -> dict:
    per_repeat = [rates(result, count) for result in results]
    medians = {f"{stage}_per_s": round(statistics.median(r[stage] for r in per_repeat), 1) for stage, _ in STAGES}
    checked = results[0]
    return {
        "articles": count, "repeats": len(results), **medians,
        "ingest_per_cpu_s": round(statistics.median(count / r["ingest_cpu_s"] for r in results), 1),
        "reingest_per_s": round(count / checked["reingest_s"], 1),
        "peak_rss_mib": round(statistics.median(r["rss_peak_mib"] for r in results), 1),
        "rss_after_warm_up_mib": round(statistics.median(r["rss_after_warm_up_mib"] for r in results), 1),
        "first_ingest_new": [r["first"]["new"] for r in results],
        "failed": [r["first"]["failed"] for r in results],
        "second_ingest_new": checked["second"]["new"], "second_ingest_duplicates": checked["second"]["duplicate"],
        "duplicates_ok": checked["second"]["new"] == 0 and checked["second"]["duplicate"] == count,
        "target_per_s": TARGET_PER_S, "meets_target": medians["ingest_per_s"] >= TARGET_PER_S,
        "src": sorted({r["src"] for r in results}),
    }


def print_corpus(corpus: dict, folder: Path, build_s: float) -> None:
    print(f"corpus: {corpus['articles']} articles built in {build_s:.1f} s in {folder} ({corpus['megabytes']:.1f} MB, "
          f"median {corpus['median_kb']:.1f} KB, {corpus['min_kb']:.1f}-{corpus['max_kb']:.1f} KB), from "
          f"{corpus['source_texts']} source texts and {corpus['headlines']} headlines; encodings {corpus['encodings']}")


def print_repeat(number: int, result: dict, count: int) -> None:
    if number == 1:
        labels = ["repeat", *(label for _, label in STAGES), "ingest/CPU-s", "peak RSS MiB"]
        print("\n" + " ".join(f"{label:>14}" for label in labels))
    figures = rates(result, count)
    print(" ".join([f"{number:>14}", *(f"{figures[stage]:>12.0f}/s" for stage, _ in STAGES),
                    f"{count / result['ingest_cpu_s']:>12.0f}/s", f"{result['rss_peak_mib']:>14.0f}"]))
    first = result["first"]
    print(f"{'':>14} ingest: read {first['read']}, new {first['new']}, failed {first['failed']}; "
          f"warm-up {result['warm_up_s']:.2f} s; src {result['src']}")
    for failure in first["failures"]:
        print(f"{'':>14} failure: {failure}")


def print_summary(figures: dict) -> None:
    print(" ".join([f"{'median':>14}", *(f"{figures[stage + '_per_s']:>12.0f}/s" for stage, _ in STAGES),
                    f"{figures['ingest_per_cpu_s']:>12.0f}/s", f"{figures['peak_rss_mib']:>14.0f}"]))
    verdict = "meets" if figures["meets_target"] else "is BELOW"
    print(f"\nend-to-end ingest (decode + clean + store, one core): {figures['ingest_per_s']:.0f} articles/s, "
          f"which {verdict} the {TARGET_PER_S}/s goal")
    print(f"peak RSS during ingest: {figures['peak_rss_mib']:.0f} MiB "
          f"({figures['rss_after_warm_up_mib']:.0f} MiB after imports and warm-up)")
    print(f"second ingest of the same folder (repeat 1): new {figures['second_ingest_new']}, duplicate "
          f"{figures['second_ingest_duplicates']} of {figures['articles']}, {figures['reingest_per_s']:.0f} articles/s: "
          + ("OK" if figures["duplicates_ok"] else "FAILED"))
    if len(figures["src"]) > 1:
        print("WARNING: src/ changed between repeats, so the repeats measured different code")


def profile_stages(folder: Path, count: int, top: int = 15) -> None:
    """cProfile read + decode and clean on the first `count` articles: top functions by cumulative
    and by own time."""
    options, pipeline = ReadOptions(), default_pipeline(entities=False)
    inputs = list(expand([str(folder)], options))[:count]
    raws = _profiled("read+decode", lambda: read_all(inputs, options), top)
    pipeline(raws[0])  # load the language models outside the profile
    _profiled("clean", lambda: list(pipeline.map(raws)), top)


def _profiled(stage: str, work, top: int):
    profiler = cProfile.Profile()
    result = profiler.runcall(work)
    for order in ("cumulative", "tottime"):
        print(f"\n{stage} stage profile, top {top} by {order} time:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(top)
    return result


# --- entry point ---------------------------------------------------------------------------------

def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (default 3)")
    parser.add_argument("--db-dir", type=Path, help="folder for the SQLite stores (default: a temp folder)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line of medians")
    args = parser.parse_args()
    if args.articles < 1 or args.repeats < 1:
        parser.error("--articles and --repeats must be at least 1")
    return args


def main() -> None:
    args = parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA}: the corpus is built from it at run time")
    with tempfile.TemporaryDirectory(prefix="svodka-bench-") as temp:
        folder, db_root = Path(temp) / "corpus", args.db_dir or Path(temp)
        folder.mkdir()
        db_root.mkdir(parents=True, exist_ok=True)
        corpus, build_s = _timed(lambda: build_corpus(folder, args.articles, DATA))
        if not args.json:
            print_corpus(corpus, folder, build_s)
        results = []
        for number in range(1, args.repeats + 1):
            results.append(repeat_in_fresh_process(folder, db_root, recheck=number == 1))
            if not args.json:
                print_repeat(number, results[-1], args.articles)
        figures = summary(results, args.articles)
        if not args.json:
            print_summary(figures)
            if not figures["meets_target"]:
                profile_stages(folder, PROFILE_ARTICLES)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
