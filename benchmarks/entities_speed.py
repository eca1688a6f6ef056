"""Entities stage speed: articles per second, latency and peak memory of the entities stage on ~3 KB
news articles, alone and inside the full pipeline (clean + entities) on one process and on every core.

Run from the repository root (the defaults take about four minutes on two cores):

    .venv/bin/python benchmarks/entities_speed.py [--articles N] [--repeats R] [--json]

The corpus
----------
The first N + 1 articles of the corpus of ``ingest_throughput.py``, composed at run time from the
shared data sets by ``corpus.py`` (nothing is copied into the repository) and written to a
temporary folder, deleted at the end. For N up to about 1,900 every article has a text of its own;
cleaned, the texts are 0.6-4 KB, median about 2.8 KB. Article N + 1 is only used to warm up.

What is measured
----------------
Every measurement runs in a fresh (spawned) process that reads and decodes the corpus itself, so
that its peak RSS (``ru_maxrss``) is its own; a repeat runs the three in turn, and the figures
printed at the end are medians over the repeats. A hash of ``src/svodka`` taken before each repeat
tells whether the code changed during the run.

"One process" is not quite "one core": NumPy's BLAS (under the NER model) starts a thread per core,
which spins while it waits. So each single-process figure comes as wall time and per CPU-second
(all the process's threads), and the per-core goal is checked on the latter. To measure with one
BLAS thread, run with ``OPENBLAS_NUM_THREADS=1`` (the processes inherit it).

* entities: the articles are cleaned with ``default_pipeline(entities=False)``, the models are
  loaded by annotating the warm-up article, then ``annotate_entities`` is timed article by
  article: articles/s (N over the sum of wall times) and per CPU-second, median and p90
  milliseconds per article, peak RSS. Right after each article, its NER step alone
  (``ner_mentions``: Natasha's NER tagger on the content spans, with svodka's corrections) is
  timed too, which gives the NER share without a profiler's overhead.
* pipeline, one process: ``default_pipeline()`` (clean + entities) after the same warm-up (its
  time, mostly loading models, is reported), over the decoded documents with
  ``Pipeline.map(workers=1)``: articles/s, per CPU-second, peak RSS.
* pipeline, every core: ``Pipeline.map(workers=os.cpu_count())`` in a process that has not loaded
  the models, as ``svodka ingest`` runs it. Articles/s over the whole run, which includes starting
  the pool and loading the models in every worker (the time to the first result is reported), and
  over the second half of the chunks (``Pipeline.map`` sends CHUNK articles at a time and returns
  them chunk by chunk), when every worker is warm (what a large ingest sees); the speed-up of each
  over one process, on the same articles (the one-process run is timed over the same second half
  too, as the articles differ in cost); how busy the cores were (the workers' CPU time over wall
  time x workers); the peak RSS of the largest worker (``RUSAGE_CHILDREN``).

Then, in one more fresh process, ``annotate_entities`` is profiled with cProfile on the first
PROFILE_ARTICLES articles after the warm-up: the share of Natasha's NER tagger
(``NewsNERTagger.map``), the share of each step that ``annotate_entities`` calls (under 0.1% left
out), and the top functions by cumulative time. cProfile slows pure-Python code (pymorphy3's
dictionary lookups) far more than NumPy (the NER model), so its NER share is lower than the
unprofiled one.

The goals of the entities issue: at least 10 articles/s per core, a peak RSS under 600 MB per
worker, and every core used for a large ingest. Other work on the machine slows the wall-time
figures, so the share of the machine's CPU that other processes (and the hypervisor's steal) used
during the run is reported (``/proc/stat`` less this benchmark's own CPU time; Linux only, as
``ru_maxrss`` in KiB is).
"""
from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import os
import pstats
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from corpus import DATA, build_corpus, read_all, src_fingerprint
from svodka.clean.script import analysis_form
from svodka.entities import annotate_entities
from svodka.entities.ner import ner_mentions
from svodka.pipeline import Pipeline, default_pipeline
from svodka.records import Article, RawDocument
from svodka.sources import ReadOptions, expand

GOAL_PER_S = 10
GOAL_RSS_MB = 600
PROFILE_ARTICLES = 100
PROFILE_TOP = 15
CHUNK = inspect.signature(Pipeline.map).parameters["chunksize"].default
ANNOTATE = ("svodka/entities/__init__.py", "annotate_entities")
NATASHA_NER = ("natasha/ner.py", "map")
COLUMNS = (("entities_per_s", "ent/s", ".1f"), ("entities_per_cpu_s", "ent/CPU-s", ".1f"),
           ("entities_median_ms", "med ms", ".0f"), ("entities_p90_ms", "p90 ms", ".0f"),
           ("ner_share", "NER share", ".2f"), ("one_core_per_s", "1 core/s", ".1f"),
           ("one_core_per_cpu_s", "1c/CPU-s", ".1f"), ("every_core_per_s", "all/s", ".1f"),
           ("every_core_warm_per_s", "all warm/s", ".1f"), ("warm_speed_up", "speed-up", ".2f"),
           ("one_core_rss_mb", "1 core MB", ".0f"), ("worker_rss_mb", "worker MB", ".0f"))


# --- measurements, each in a fresh process -------------------------------------------------------

def measure_entities(folder: str) -> dict:
    """annotate_entities alone, timed article by article on pre-cleaned articles."""
    *raws, warm_up = documents(folder)
    clean = default_pipeline(entities=False)
    articles = [article for article in clean.map(raws) if isinstance(article, Article)]
    annotate_entities(clean(warm_up))
    seconds, cpu_seconds, ner_seconds = [], [], []
    for article in articles:
        wall, cpu = clocked(lambda: annotate_entities(article))
        analysed = analysis_form(article.text)
        seconds.append(wall)
        cpu_seconds.append(cpu)
        ner_seconds.append(clocked(lambda: ner_mentions(analysed, article.spans))[0])
    return {"entities_articles": len(articles), "entities_per_s": len(seconds) / sum(seconds),
            "entities_per_cpu_s": len(seconds) / sum(cpu_seconds),
            "entities_median_ms": 1000 * statistics.median(seconds),
            "entities_p90_ms": 1000 * statistics.quantiles(seconds, n=10)[-1],
            "ner_share": sum(ner_seconds) / sum(seconds),
            "text_kb": statistics.median(len(article.text.encode("utf-8")) for article in articles) / 1024,
            "entities_rss_mb": peak_rss_mb(resource.RUSAGE_SELF)}


def measure_one_core(folder: str) -> dict:
    """The full pipeline in this process, after a warm-up that loads the models."""
    *raws, warm_up = documents(folder)
    pipeline = default_pipeline()
    warm_up_s = clocked(lambda: pipeline(warm_up))[0]
    results, arrived, cpu_seconds = streamed(pipeline, raws, workers=1)
    return {"one_core_per_s": len(raws) / arrived[-1], "one_core_per_cpu_s": len(raws) / cpu_seconds,
            "one_core_warm_per_s": second_half_rate(arrived), "warm_up_s": warm_up_s,
            "one_core_failed": failures(results), "one_core_rss_mb": peak_rss_mb(resource.RUSAGE_SELF)}


def measure_every_core(folder: str) -> dict:
    """The full pipeline on a pool of os.cpu_count() workers, cold, as `svodka ingest` runs it."""
    raws = documents(folder)[:-1]
    workers = os.cpu_count() or 1
    results, arrived, _ = streamed(default_pipeline(), raws, workers)
    seconds = arrived[-1]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"workers": workers, "every_core_per_s": len(raws) / seconds,
            "every_core_warm_per_s": second_half_rate(arrived),
            "first_result_s": arrived[0], "every_core_failed": failures(results),
            "cores_busy": (usage.ru_utime + usage.ru_stime) / (seconds * workers),
            "worker_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN), "parent_rss_mb": peak_rss_mb(resource.RUSAGE_SELF)}


def streamed(pipeline: Pipeline, raws: list[RawDocument], workers: int) -> tuple[list, list[float], float]:
    """Run `pipeline.map`: the results, when each arrived (seconds from the start), and the CPU
    seconds this process spent."""
    start, cpu_start, results, arrived = time.perf_counter(), time.process_time(), [], []
    for result in pipeline.map(raws, workers=workers):
        results.append(result)
        arrived.append(time.perf_counter() - start)
    return results, arrived, time.process_time() - cpu_start


def second_half_rate(arrived: list[float]) -> float:
    """Articles/s from the end of the middle chunk to the end of the last, given the time each
    result arrived (on a pool, a chunk's results arrive together, when the chunk is done)."""
    middle = (len(arrived) // CHUNK // 2) * CHUNK - 1
    return (len(arrived) - 1 - middle) / (arrived[-1] - arrived[middle])


def profile_entities(folder: str, count: int) -> dict:
    """cProfile annotate_entities on the first `count` articles, after the warm-up."""
    *raws, warm_up = documents(folder)
    clean = default_pipeline(entities=False)
    articles = [article for article in clean.map(raws[:count]) if isinstance(article, Article)]
    annotate_entities(clean(warm_up))
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        annotate_entities(article)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    return {"articles": len(articles), "ner_share": cumulative(stats, NATASHA_NER) / cumulative(stats, ANNOTATE),
            "steps": steps(stats, ANNOTATE), "top": top_functions(stats, PROFILE_TOP)}


def documents(folder: str) -> list[RawDocument]:
    options = ReadOptions()
    return read_all(list(expand([folder], options)), options)


def failures(results: list) -> int:
    return sum(not isinstance(result, Article) for result in results)


def clocked(work) -> tuple[float, float]:
    """Wall and CPU seconds (of this process, all its threads) that `work()` takes."""
    start, cpu_start = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - start, time.process_time() - cpu_start


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss * 1024 / 1e6  # KiB on Linux


def cpu_seconds() -> tuple[float, float, float]:
    """Now: wall time, the CPU time the whole machine has spent busy, and this process's and its
    finished children's CPU time."""
    user, nice, system, _, _, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    own = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return (time.perf_counter(), (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK"),
            sum(usage.ru_utime + usage.ru_stime for usage in own))


def others_share(start: tuple[float, float, float]) -> float:
    """The share of the machine's CPU capacity that other processes (and the hypervisor's steal) used
    since `start`."""
    wall, busy, own = (now - then for now, then in zip(cpu_seconds(), start))
    return max(0.0, busy - own) / (wall * (os.cpu_count() or 1))


def in_fresh_process(function, *args):
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


# --- reading a profile ---------------------------------------------------------------------------

def matches(key: tuple, wanted: tuple[str, str]) -> bool:
    file, _, function = key
    return file.endswith(wanted[0]) and function == wanted[1]


def cumulative(stats: dict, wanted: tuple[str, str]) -> float:
    """Cumulative seconds of the function `wanted` (a file suffix and a name)."""
    return sum(ct for key, (_, _, _, ct, _) in stats.items() if matches(key, wanted))


def steps(stats: dict, parent: tuple[str, str]) -> dict[str, float]:
    """The share of `parent`'s time in each function it calls directly (and in its own lines),
    largest first; shares under 0.1% are left out."""
    spent = {label(key): edge[3] for key, (_, _, _, _, callers) in stats.items()
             for caller, edge in callers.items() if matches(caller, parent)}
    spent["(own lines)"] = sum(tt for key, (_, _, tt, _, _) in stats.items() if matches(key, parent))
    total = cumulative(stats, parent)
    shares = sorted(((function, s / total) for function, s in spent.items()), key=lambda item: -item[1])
    return {function: share for function, share in shares if share >= 0.001}


def top_functions(stats: dict, count: int) -> list[dict]:
    ordered = sorted(stats.items(), key=lambda item: -item[1][3])[:count]
    return [{"function": label(key), "calls": calls, "cum_s": ct, "own_s": tt}
            for key, (_, calls, tt, ct, _) in ordered]


def label(key: tuple) -> str:
    file, line, function = key
    for marker in ("site-packages/", "src/"):
        file = file.split(marker, 1)[-1]
    return f"{file}:{line}({function})" if line else function


# --- repeats and reporting -----------------------------------------------------------------------

def repeat(folder: Path) -> dict:
    result = {}
    for measure in (measure_entities, measure_one_core, measure_every_core):
        result |= in_fresh_process(measure, str(folder))
    return result | {"speed_up": result["every_core_per_s"] / result["one_core_per_s"],
                     "warm_speed_up": result["every_core_warm_per_s"] / result["one_core_warm_per_s"]}


def summary(results: list[dict], profile: dict, articles: int) -> dict:
    medians = {key: statistics.median(result[key] for result in results) for key in results[0]}
    worst_rss = max(medians["entities_rss_mb"], medians["one_core_rss_mb"], medians["worker_rss_mb"])
    return {"articles": articles, "repeats": len(results),
            **{key: round(value, 3) for key, value in medians.items()},
            "goal_per_s": GOAL_PER_S, "meets_speed": medians["entities_per_cpu_s"] >= GOAL_PER_S,
            "goal_rss_mb": GOAL_RSS_MB, "meets_memory": worst_rss < GOAL_RSS_MB,
            "profile_articles": profile["articles"], "profiled_ner_share": round(profile["ner_share"], 3),
            "profiled_steps": {function: round(share, 3) for function, share in profile["steps"].items()},
            "top": [{**row, "cum_s": round(row["cum_s"], 3), "own_s": round(row["own_s"], 3)}
                    for row in profile["top"]]}


def print_row(name: str, figures: dict) -> None:
    print(f"{name:>6} " + " ".join(f"{figures[key]:>10{spec}}" for key, _, spec in COLUMNS))


def print_summary(figures: dict) -> None:
    print_row("median", figures)
    verdict = "meets" if figures["meets_speed"] else "is BELOW"
    print(f"\nentities stage alone, one process, {figures['text_kb']:.1f} KB articles (median): "
          f"{figures['entities_per_s']:.1f} articles/s ({figures['entities_median_ms']:.0f} ms median, "
          f"{figures['entities_p90_ms']:.0f} ms p90), {figures['entities_per_cpu_s']:.1f} per CPU-second, which "
          f"{verdict} the {GOAL_PER_S}/s per core goal; Natasha NER {figures['ner_share']:.0%} of it, the rest "
          f"{1 - figures['ner_share']:.0%}")
    workers = figures["workers"]
    print(f"full pipeline (clean + entities), one process: {figures['one_core_per_s']:.1f} articles/s, "
          f"{figures['one_core_per_cpu_s']:.1f} per CPU-second (warm-up {figures['warm_up_s']:.1f} s), "
          f"{figures['one_core_failed']:.0f} failed")
    print(f"full pipeline, {workers:.0f} workers: {figures['every_core_per_s']:.1f} articles/s with start-up "
          f"(first result after {figures['first_result_s']:.1f} s), speed-up {figures['speed_up']:.2f} "
          f"({figures['speed_up'] / workers:.0%} of linear); second half, warm: {figures['every_core_warm_per_s']:.1f} "
          f"articles/s against {figures['one_core_warm_per_s']:.1f} in one process, speed-up "
          f"{figures['warm_speed_up']:.2f} ({figures['warm_speed_up'] / workers:.0%} of linear); cores "
          f"{figures['cores_busy']:.0%} busy; {figures['every_core_failed']:.0f} failed")
    verdict = "meets" if figures["meets_memory"] else "is ABOVE"
    print(f"peak RSS: {figures['entities_rss_mb']:.0f} MB (entities alone), {figures['one_core_rss_mb']:.0f} MB "
          f"(pipeline, one process), {figures['worker_rss_mb']:.0f} MB (largest pool worker; pool parent "
          f"{figures['parent_rss_mb']:.0f} MB), which {verdict} the {GOAL_RSS_MB} MB per worker goal")
    print(f"other processes (and hypervisor steal) used {figures['others_cpu_share']:.0%} of the machine's CPU "
          "during the run")
    if len(figures["src"]) > 1:
        print("WARNING: src/ changed during the run, so the repeats measured different code")


def print_profile(figures: dict) -> None:
    print(f"\nentities stage under cProfile ({figures['profile_articles']} articles): Natasha NER "
          f"{figures['profiled_ner_share']:.0%}; time in each step of annotate_entities:")
    for function, share in figures["profiled_steps"].items():
        print(f"{share:>8.1%}  {function}")
    print(f"top {PROFILE_TOP} by cumulative time:\n{'cum s':>8} {'own s':>8} {'calls':>8}  function")
    for row in figures["top"]:
        print(f"{row['cum_s']:>8.2f} {row['own_s']:>8.2f} {row['calls']:>8}  {row['function']}")


# --- entry point ---------------------------------------------------------------------------------

def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="articles measured (default 500)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (default 3)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line of medians")
    args = parser.parse_args()
    if args.articles < 4 * CHUNK or args.repeats < 1:
        parser.error(f"--articles must be at least {4 * CHUNK} and --repeats at least 1")
    return args


def main() -> None:
    args = parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA}: the corpus is built from it at run time")
    machine_at_start = cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="svodka-entities-bench-") as folder:
        corpus = build_corpus(Path(folder), args.articles + 1, DATA)
        if not args.json:
            print(f"corpus: {args.articles} articles + 1 for warm-up, files {corpus['min_kb']:.1f}-"
                  f"{corpus['max_kb']:.1f} KB, median {corpus['median_kb']:.1f} KB; {os.cpu_count()} cores\n")
            print(f"{'repeat':>6} " + " ".join(f"{title:>10}" for _, title, _ in COLUMNS))
        results, sources = [], set()
        for number in range(1, args.repeats + 1):
            sources.add(src_fingerprint())
            results.append(repeat(Path(folder)))
            if not args.json:
                print_row(str(number), results[-1])
        sources.add(src_fingerprint())
        profile = in_fresh_process(profile_entities, folder, PROFILE_ARTICLES)
    figures = summary(results, profile, args.articles) | {
        "others_cpu_share": round(others_share(machine_at_start), 3), "src": sorted(sources)}
    if not args.json:
        print_summary(figures)
        print_profile(figures)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
