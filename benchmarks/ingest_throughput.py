"""Ingest throughput: articles per second and peak memory for decode + clean + store, on one core.

Run from the repository root (a full run of the defaults takes a few minutes on two cores):

    .venv/bin/python benchmarks/ingest_throughput.py [--articles N] [--repeats R] [--db-dir DIR] [--json]

How the corpus is built
-----------------------
Nothing is copied into the repository: the corpus is composed at run time from the shared data sets
in ``<repo>/../shared/data`` and written as ``.txt`` files to a temporary folder, deleted at the end.

* Source texts: FactRuEval-2016 ``devset``/``testset`` ``book_*.txt`` (no reliable headline),
  NEREL v1.1 ``train``/``dev`` ``*.txt`` and SlavicNER ``raw/*/ru/*.txt`` (first line = headline),
  and the texts and titles of the tgcontest-toloka exam/train pools. Every non-blank line is a
  paragraph; a line over 1,200 bytes (the tgcontest texts are one line each) is cut into
  paragraphs of three sentences. Texts with under 500 bytes of body are left out, and a body
  that repeats another (ignoring case and spacing) is kept once: 1,924 of 1,960 texts remain.
* Headlines: the distinct headlines of the ParaPhraser corpus (about 12,000), final full stop removed.
* Article ``i`` uses source text ``i mod S`` and headline ``i mod H`` (S texts, H headlines); the
  first use of a text that has its own headline keeps that headline. The headline is part of the
  content hash (``article_id``), so every article is new on the first ingest (checked: ``new``
  is printed); sidebars and bylines alone would not make ids differ, by design.
* Layout: headline, blank line, then for every third article (``i % 3 == 1``) a byline
  ``Текст: Имя Фамилия``, then body paragraphs separated by blank lines, as many as fit in 3,000
  bytes (at least one). Every second article (``i % 2 == 0``) ends with a sidebar like a scraped
  news site's: ``Последние новости`` and 3-6 teasers (rubric, another headline, a date such as
  ``14 сентября 2025``, ``Читать новость``). Files are 0.5-4.5 KB, median about 2.7 KB.
* Encodings: 5% are written as cp1251 (``i % 20 == 9``) and 5% as koi8-r (``i % 20 == 19``), the
  rest as UTF-8; typography koi8-r lacks (« » “ ” „ — – … №) becomes ASCII, as on legacy sites,
  and anything else a code page cannot encode becomes "?".

What is measured
----------------
Each repeat runs in a fresh process, so its peak RSS (``ru_maxrss``) is its own. After a warm-up
(one article read, cleaned and stored, which loads the language models) it times
``ingest(expand([folder]), store, workers=1)`` into a fresh SQLite store (wall and CPU time; the
process is single-threaded, so CPU time is what one core spends, whatever else runs on the
machine). The first repeat then ingests the same folder again, which must add nothing and find N
duplicates. Then each stage is timed on its own: read + decode (every file to a RawDocument),
clean (the default pipeline on the decoded documents) and store (``store.add`` of the cleaned
articles in batches of 256, into another fresh store). The corpus files are in the page cache, so
reading measures the code path, not the disk. Each repeat records a hash of ``src/svodka`` so
that a change to the code during a run is reported. When the median end-to-end rate is below the
500 articles/s goal, the read + decode and clean stages are profiled with cProfile on the first
2,000 articles, and their top functions (by cumulative and by own time) are printed.
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import json
import pstats
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from svodka.ingest import BATCH_SIZE, ingest
from svodka.pipeline import default_pipeline
from svodka.records import Article, RawDocument
from svodka.sources import ReadOptions, expand, read_input
from svodka.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TARGET_PER_S = 500
PROFILE_ARTICLES = 2000
MIN_BODY_BYTES = 500
MAX_BODY_BYTES = 3000
LONG_LINE_BYTES = 1200
AUTHORS = ("Дарья Григоренко", "Иван Петров", "Анна Смирнова", "Олег Кузнецов", "Мария Волкова",
           "Сергей Морозов", "Елена Лебедева", "Дмитрий Соколов", "Ольга Новикова", "Павел Федоров")
RUBRICS = ("Досуг", "Общество", "Экономика", "Спорт", "В мире", "Происшествия", "Культура")
KOI8_TYPOGRAPHY = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "—": "-", "–": "-",
                                 "…": "...", "№": "N"})
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ–—-])")
STAGES = (("read_decode", "read+decode"), ("clean", "clean"), ("store", "store"), ("ingest", "ingest (all)"))


@dataclass(frozen=True)
class Source:
    """One real news text: its headline when it has one, and its paragraphs."""

    headline: str | None
    paragraphs: tuple[str, ...]


# --- the corpus ---------------------------------------------------------------------------------

def load_sources(data: Path) -> list[Source]:
    """The real texts with at least MIN_BODY_BYTES of body, one per body (compared ignoring case
    and spacing)."""
    sources = [*_factrueval(data), *_headed_files(data / "nerel" / "NEREL-v1.1", "[td]*/*.txt"),
               *_headed_files(data / "slavicner-bsnlp-ru" / "raw", "*/ru/*.txt"), *_tgcontest(data)]
    unique = {}
    for source in sources:
        body = " ".join(_body(source.paragraphs))
        if len(body.encode("utf-8")) >= MIN_BODY_BYTES:
            unique.setdefault(" ".join(body.casefold().split()), source)
    return list(unique.values())


def _paragraphs(text: str) -> tuple[str, ...]:
    """Non-blank lines; a line longer than LONG_LINE_BYTES is cut into three-sentence paragraphs."""
    paragraphs: list[str] = []
    for line in map(str.strip, text.splitlines()):
        if len(line.encode("utf-8")) > LONG_LINE_BYTES:
            sentences = SENTENCE_BREAK.split(line)
            paragraphs += (" ".join(sentences[start:start + 3]) for start in range(0, len(sentences), 3))
        elif line:
            paragraphs.append(line)
    return tuple(paragraphs)


def _factrueval(data: Path) -> list[Source]:
    files = sorted((data / "factrueval2016").glob("*set/book_*.txt"))
    return [Source(None, _paragraphs(file.read_text(encoding="utf-8"))) for file in files]


def _headed_files(folder: Path, pattern: str) -> list[Source]:
    sources = []
    for file in sorted(folder.glob(pattern)):
        headline, _, body = file.read_text(encoding="utf-8").partition("\n")
        sources.append(Source(headline.strip() or None, _paragraphs(body)))
    return sources


def _tgcontest(data: Path) -> list[Source]:
    csv.field_size_limit(sys.maxsize)
    sources = []
    for file in sorted((data / "tgcontest-toloka" / "toloka").glob("*/*.tsv")):
        with file.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
                for prefix in ("INPUT:", "INPUT:first_", "INPUT:second_"):
                    if row.get(prefix + "text"):
                        sources.append(Source(row[prefix + "title"].strip(), _paragraphs(row[prefix + "text"])))
    return sources


def load_headlines(data: Path) -> list[str]:
    xml = (data / "paraphraser" / "paraphraser" / "paraphrases.xml").read_bytes()
    root = ElementTree.fromstring(xml.replace(b"encoding='UTF8'", b"encoding='UTF-8'", 1))
    texts = (value.text or "" for value in root.iter("value") if value.get("name") in ("text_1", "text_2"))
    return list(dict.fromkeys(text.strip().removesuffix(".") for text in texts if text.strip()))


def compose(index: int, sources: list[Source], headlines: list[str]) -> str:
    """Article `index` of the corpus, as text (see the module docstring)."""
    source = sources[index % len(sources)]
    first_use = index < len(sources)
    parts = [source.headline if first_use and source.headline else headlines[index % len(headlines)]]
    if index % 3 == 1:
        parts.append("Текст: " + AUTHORS[index % len(AUTHORS)])
    parts.extend(_body(source.paragraphs))
    if index % 2 == 0:
        parts.append(_sidebar(index, headlines))
    return "\n\n".join(parts) + "\n"


def _body(paragraphs: tuple[str, ...]) -> list[str]:
    body, size = [], 0
    for paragraph in paragraphs:
        size += len(paragraph.encode("utf-8"))
        if body and size > MAX_BODY_BYTES:
            break
        body.append(paragraph)
    return body


def _sidebar(index: int, headlines: list[str]) -> str:
    teasers = []
    for item in range(3 + index % 4):
        rubric = RUBRICS[(index + item) % len(RUBRICS)]
        headline = headlines[(index * 7 + item + 1) % len(headlines)]
        teasers.append(f"{rubric}\n\n{headline}\n\n{1 + (index + item) % 28} сентября 2025\nЧитать новость")
    return "Последние новости\n\n" + "\n".join(teasers)


def encoding_of(index: int) -> str:
    return {9: "cp1251", 19: "koi8-r"}.get(index % 20, "utf-8")


def encode(text: str, encoding: str) -> bytes:
    if encoding == "koi8-r":
        text = text.translate(KOI8_TYPOGRAPHY)
    return text.encode(encoding, errors="replace")


def build_corpus(folder: Path, count: int, data: Path) -> dict:
    """Write `count` articles to `folder`; return what the corpus is made of."""
    sources, headlines = load_sources(data), load_headlines(data)
    width = max(5, len(str(count - 1)))
    sizes, encodings = [], {}
    for index in range(count):
        encoding = encoding_of(index)
        data_bytes = encode(compose(index, sources, headlines), encoding)
        (folder / f"{index:0{width}d}.txt").write_bytes(data_bytes)
        sizes.append(len(data_bytes))
        encodings[encoding] = encodings.get(encoding, 0) + 1
    return {"articles": count, "source_texts": len(sources), "headlines": len(headlines),
            "encodings": encodings, "megabytes": sum(sizes) / 1e6,
            "median_kb": statistics.median(sizes) / 1024, "min_kb": min(sizes) / 1024, "max_kb": max(sizes) / 1024}


# --- one repeat, in a fresh process --------------------------------------------------------------

def run_repeat(folder: str, db_dir: str, recheck: bool) -> dict:
    """Time ingest (and, when `recheck`, a second ingest of the same folder) and each stage on the
    corpus in `folder`; runs in a process of its own, so that its peak RSS is its own."""
    options, pipeline, db = ReadOptions(), default_pipeline(), Path(db_dir)
    warm_up_s = _timed(lambda: _warm_up(folder, options, pipeline, db / "warm-up.db"))[1]
    result = {"src": src_fingerprint(), "warm_up_s": warm_up_s, "rss_after_warm_up_mib": _max_rss_mib()}
    with SQLiteStore(db / "ingest.db") as store:
        cpu_start = time.process_time()
        first, result["ingest_s"] = _timed(lambda: ingest(expand([folder], options), store, options, pipeline))
        result |= {"ingest_cpu_s": time.process_time() - cpu_start, "rss_peak_mib": _max_rss_mib(),
                   "first": _brief(first)}
        if recheck:
            second, result["reingest_s"] = _timed(lambda: ingest(expand([folder], options), store, options, pipeline))
            result["second"] = _brief(second)
    raws, read_s = _timed(lambda: read_all(list(expand([folder], options)), options))
    articles, clean_s = _timed(lambda: [a for a in pipeline.map(raws) if isinstance(a, Article)])
    with SQLiteStore(db / "stages.db") as store:
        store_s = _timed(lambda: store_in_batches(store, articles))[1]
    result["seconds"] = {"read_decode": read_s, "clean": clean_s, "store": store_s, "ingest": result["ingest_s"]}
    return result


def src_fingerprint() -> str:
    """A hash of svodka's source files, to tell whether every repeat ran the same code."""
    digest = hashlib.sha256()
    for file in sorted((ROOT / "src" / "svodka").rglob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _brief(report) -> dict:
    return {"read": report.read, "new": report.new, "duplicate": report.duplicate, "failed": report.failed,
            "failures": [str(failure) for failure in report.failures[:3]]}


def _warm_up(folder: str, options: ReadOptions, pipeline, db_path: Path) -> None:
    first = next(iter(expand([folder], options)))
    with SQLiteStore(db_path) as store:
        store.add([pipeline(raw) for raw in read_input(first, options)])


def read_all(inputs: list, options: ReadOptions) -> list[RawDocument]:
    items = [item for source in inputs for item in read_input(source, options)]
    return [item for item in items if isinstance(item, RawDocument)]


def store_in_batches(store: SQLiteStore, articles: list[Article]) -> None:
    for start in range(0, len(articles), BATCH_SIZE):
        store.add(articles[start:start + BATCH_SIZE])


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
    options, pipeline = ReadOptions(), default_pipeline()
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
