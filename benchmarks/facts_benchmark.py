"""Facts benchmark: events with their status, and quotes with their speakers, on real news, scored
against the hand-made gold of ``gold/facts/`` (annotated from the text alone; see its GUIDELINE.md).

Run from the repository root:

    .venv/bin/python benchmarks/facts_benchmark.py [--set NAME|all] [--show-errors] [--json]

``--set`` is a gold file's name without ``.jsonl`` (``ng-A``: Независимая газета, annotator A;
``rt-B``: RT, annotator B); each set is scored on its own and all together. Every article is read
from ``../shared/data/realnews-ru`` as svodka's JSONL reader reads a row (title, summary as the
lead, content), cleaned and run through the whole pipeline. Matching and measures are in
:mod:`svodka.evaluation.facts`:

* happened P / R: svodka's events told as happened that match a gold event that happened (same type
  family, and the same sentence; for the events left, participants with an overlapping sentence),
  over svodka's and over the gold's happened events; statements are left out on both sides.
* participants P / R: over matched events, svodka's participants that the gold names (agent or
  patient), over svodka's and over the gold's; role side accuracy: of those in a directed event
  (criticism, accusation, sanctions, appointment, military, protest), the share svodka puts on the
  gold's side (target or appointee = patient).
* not happened as happened: svodka's happened events matching a gold planned, negated or
  hypothetical one (goal: none). Status accuracy: over all matched events.
* quotes P / R: quotes matched by their words (half of the shorter one's words shared); content
  P / R / F1 by words over all quotes; speaker accuracy over matched quotes whose gold names a
  speaker; author lines given to someone: the author's own words ("Напомним, …") that svodka gives
  to a speaker (goal: none)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from svodka.errors import InputError
from svodka.evaluation.facts import FactCounts, GoldArticle, load_gold, score_article
from svodka.evaluation.ner_data import default_data_dir
from svodka.pipeline import default_pipeline
from svodka.records import Failure, RawDocument
from svodka.sources import Input, ReadOptions, read_input

GOLD = Path(__file__).resolve().parents[1] / "gold" / "facts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="all", help="a gold file's name without .jsonl, or all")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data-dir", default=None, help=f"shared datasets (default {default_data_dir()})")
    args = parser.parse_args(argv)
    data = Path(args.data_dir or default_data_dir()) / "realnews-ru"
    if not data.is_dir():
        print(f"facts benchmark: no {data}; nothing to score", file=sys.stderr)
        return 1
    results = {path.stem: score_set(path, data) for path in sorted(GOLD.glob("*.jsonl"))
               if args.set in ("all", path.stem)}
    if len(results) > 1:
        total = FactCounts()
        for counts in results.values():
            total.add(counts)
        results["all"] = total
    report(results, args)
    return 0


def score_set(path: Path, data: Path) -> FactCounts:
    """svodka's counts on one gold file, each article read and run through the whole pipeline."""
    pipeline = default_pipeline()
    counts = FactCounts()
    for gold in load_gold([path], data):
        counts.add(score_article(gold, svodka_article(pipeline, gold)))
    return counts


def svodka_article(pipeline, gold: GoldArticle):
    line = json.dumps(gold.record, ensure_ascii=False).encode("utf-8")
    items = list(read_input(Input(source=f"{gold.file}:{gold.row + 1}.jsonl", data=line), ReadOptions()))
    raw = next((item for item in items if isinstance(item, RawDocument)), None)
    if raw is None:
        return None
    try:
        result = pipeline.process(raw)
    except InputError:
        return None
    return None if isinstance(result, Failure) else result


def report(results: dict[str, FactCounts], args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({name: counts.scores() for name, counts in results.items()}, ensure_ascii=False, indent=2))
        return
    for name, counts in results.items():
        print(f"{name}: gold happened events {counts.gold_happened}, gold quotes {counts.gold_quotes}, "
              f"author lines {counts.author_lines}")
        for measure, value in counts.scores().items():
            shown = f"{value * 100:6.2f}" if isinstance(value, float) else f"{value:6d}"
            print(f"  {measure:<30} {shown}")
        print(f"  status pairs (gold, svodka): {dict(counts.status_pairs)}")
        if args.show_errors and name != "all":
            print("\n".join("    " + error for error in counts.errors))
        print()


if __name__ == "__main__":
    sys.exit(main())
