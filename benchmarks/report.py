"""What the quality benchmarks share: their command line, their tables and their JSON for a score."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from svodka.evaluation.ner_data import default_data_dir
from svodka.evaluation.scoring import Prf


def arguments(doc: str, systems: Sequence[str], default: str, argv: Sequence[str] | None,
              datasets: Sequence[str] = (), unit: str = "documents") -> argparse.Namespace:
    """`[--dataset D|all] --systems A,B --limit N --json --data-dir DIR`; `systems` becomes a list of
    known system names (an unknown one is a usage error)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    if datasets:
        parser.add_argument("--dataset", choices=[*datasets, "all"], default="all")
    parser.add_argument("--systems", default=default, help=f"comma-separated, of: {', '.join(systems)}")
    parser.add_argument("--limit", type=int, default=None, help=f"first N {unit} of each dataset")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--data-dir", default=None, help=f"shared datasets (default {default_data_dir()})")
    args = parser.parse_args(argv)
    args.systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in args.systems if name not in systems]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; known: {', '.join(systems)}")
    return args


def table(title: str, columns: dict[str, dict[str, str]]) -> str:
    """A title line, then one row per measure and one right-aligned column per system."""
    labels = list(next(iter(columns.values())))
    widths = [max(len(name), *(len(cells[label]) for label in labels)) for name, cells in columns.items()]
    label_width = max(len(label) for label in labels)
    header = " " * label_width + "".join(f"  {name:>{w}}" for name, w in zip(columns, widths))
    lines = [title, header]
    for label in labels:
        cells = "".join(f"  {cells[label]:>{w}}" for cells, w in zip(columns.values(), widths))
        lines.append(f"{label:<{label_width}}{cells}")
    return "\n".join(lines)


def percent(value: float) -> str:
    """A share as a table cell: 0.8627 → "86.27"."""
    return f"{100 * value:.2f}"


def prf_json(prf: Prf) -> dict:
    return {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "correct_predictions": prf.correct_predictions,
        "predicted": prf.predicted,
        "found_gold": prf.found_gold,
        "gold": prf.gold,
    }


def run_by_dataset(args: argparse.Namespace, datasets: Sequence[str], systems: dict[str, Callable],
                   load: Callable[[str, Path, int | None], Sequence],
                   score: Callable[[Callable, str, Sequence], object],
                   as_json: Callable[[Sequence, dict], dict],
                   as_table: Callable[[str, Sequence, dict], str]) -> int:
    """Load each chosen system once, then for each chosen dataset score every system on its
    documents and print a table (or, with --json, one JSON report at the end). 2: no shared data."""
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not data_dir.is_dir():
        print(f"no shared datasets at {data_dir}", file=sys.stderr)
        return 2
    loaded = {name: systems[name]() for name in args.systems}
    report = {}
    for dataset in list(datasets) if args.dataset == "all" else [args.dataset]:
        documents = load(dataset, data_dir, args.limit)
        scores = {name: score(predict, dataset, documents) for name, predict in loaded.items()}
        if args.json:
            report[dataset] = as_json(documents, scores)
        else:
            print(as_table(dataset, documents, scores), end="\n\n", flush=True)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0
