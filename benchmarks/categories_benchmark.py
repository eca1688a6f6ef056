"""Categories benchmark: svodka's article categories against the TGNews contest's Toloka golden pools.

Run from the repository root:

    .venv/bin/python benchmarks/categories_benchmark.py [--dataset exam|training|all] [--limit N]
        [--json] [--data-dir DIR]

Data: ``tgcontest-toloka/toloka/categories/ru_cat_{exam,training}.tsv`` in the shared datasets
(40 articles each, title + text + golden label of society, economy, technology, sports,
entertainment, science, other, not_news). The classifier is zero-shot (a hand-written lexicon),
fitted to neither pool. ``ru_cat_honey.tsv`` is not here: it is kept apart for independent
evaluation.

Reported: accuracy per pool and on both together; precision / recall per category and the most
frequent confusions on both; milliseconds per article (median, mean, max) on warm lemma caches (the
second pass, as in a long-running ingest) and on the first, cold pass.
"""
from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from report import arguments, table

from svodka.evaluation.ner_data import default_data_dir
from svodka.stories.categories import CATEGORIES, category_of

POOLS_DIR = Path("tgcontest-toloka") / "toloka" / "categories"
POOLS = {"exam": "ru_cat_exam.tsv", "training": "ru_cat_training.tsv"}
Predict = Callable[[str | None, str], str]


@dataclass(frozen=True)
class Labelled:
    pool: str
    title: str
    text: str
    gold: str


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    predicted: str
    seconds: float

    @property
    def right(self) -> bool:
        return self.predicted == self.item.gold


def load_pool(data_dir: Path, pool: str, limit: int | None = None) -> list[Labelled]:
    csv.field_size_limit(sys.maxsize)
    with open(data_dir / POOLS_DIR / POOLS[pool], encoding="utf-8", newline="") as file:
        rows = islice(csv.DictReader(file, delimiter="\t"), limit)
        return [Labelled(pool, row["INPUT:title"], row["INPUT:text"], row["GOLDEN:res"]) for row in rows]


def load_pools(data_dir: Path, pools: Sequence[str], limit: int | None = None) -> list[Labelled]:
    return [item for pool in pools for item in load_pool(data_dir, pool, limit)]


def classify(items: Sequence[Labelled], predict: Predict = category_of) -> tuple[list[Outcome], list[Outcome]]:
    """Two passes: the first on cold lemma caches, the second on warm ones (a long-running ingest)."""
    cold = [timed(predict, item) for item in items]
    return cold, [timed(predict, item) for item in items]


def timed(predict: Predict, item: Labelled) -> Outcome:
    started = time.perf_counter()
    predicted = predict(item.title, item.text)
    return Outcome(item, predicted, time.perf_counter() - started)


def accuracy(outcomes: Sequence[Outcome]) -> float:
    return sum(outcome.right for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def per_category(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | int]]:
    gold = Counter(outcome.item.gold for outcome in outcomes)
    predicted = Counter(outcome.predicted for outcome in outcomes)
    right = Counter(outcome.item.gold for outcome in outcomes if outcome.right)
    return {category: {"gold": gold[category], "predicted": predicted[category], "right": right[category],
                       "precision": ratio(right[category], predicted[category]),
                       "recall": ratio(right[category], gold[category])}
            for category in CATEGORIES}


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def confusions(outcomes: Sequence[Outcome]) -> Counter:
    return Counter((outcome.item.gold, outcome.predicted) for outcome in outcomes if not outcome.right)


def by_pool(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    pools: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        pools.setdefault(outcome.item.pool, []).append(outcome)
    if len(pools) > 1:
        pools["both"] = list(outcomes)
    return pools


def milliseconds(outcomes: Sequence[Outcome]) -> dict[str, float]:
    times = [1000 * outcome.seconds for outcome in outcomes]
    return {"median": statistics.median(times), "mean": statistics.fmean(times), "max": max(times)}


def report_json(outcomes: Sequence[Outcome], cold: Sequence[Outcome]) -> dict:
    return {
        "accuracy": {pool: {"accuracy": accuracy(found), "right": sum(o.right for o in found), "total": len(found)}
                     for pool, found in by_pool(outcomes).items()},
        "categories": per_category(outcomes),
        "confusions": [{"gold": gold, "predicted": predicted, "count": count}
                       for (gold, predicted), count in confusions(outcomes).most_common()],
        "ms_per_article": milliseconds(outcomes),
        "ms_per_article_cold": milliseconds(cold),
    }


def format_report(outcomes: Sequence[Outcome], cold: Sequence[Outcome]) -> str:
    pools = {pool: {"accuracy": f"{100 * accuracy(found):.1f}",
                    "right/total": f"{sum(o.right for o in found)}/{len(found)}"}
             for pool, found in by_pool(outcomes).items()}
    categories = {category: {"gold": str(row["gold"]), "predicted": str(row["predicted"]),
                             "P": f"{100 * row['precision']:.0f}", "R": f"{100 * row['recall']:.0f}"}
                  for category, row in per_category(outcomes).items()}
    confused = ", ".join(f"{gold}→{predicted} {count}"
                         for (gold, predicted), count in confusions(outcomes).most_common())
    return "\n\n".join([
        table("tgcontest-toloka categories: accuracy (%)", pools),
        transpose_table("per category (all pools given)", categories),
        f"confusions (gold→predicted): {confused or 'none'}",
        timing("ms/article, warm caches", outcomes),
        timing("ms/article, first pass (cold caches)", cold),
    ])


def timing(label: str, outcomes: Sequence[Outcome]) -> str:
    times = milliseconds(outcomes)
    return f"{label}: median {times['median']:.2f}, mean {times['mean']:.2f}, max {times['max']:.2f}"


def transpose_table(title: str, rows: dict[str, dict[str, str]]) -> str:
    columns = list(next(iter(rows.values())))
    return table(title, {column: {name: cells[column] for name, cells in rows.items()} for column in columns})


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return arguments(__doc__, ["svodka"], "svodka", argv, datasets=list(POOLS), unit="articles")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not (data_dir / POOLS_DIR).is_dir():
        print(f"no {POOLS_DIR} at {data_dir}", file=sys.stderr)
        return 2
    pools = list(POOLS) if args.dataset == "all" else [args.dataset]
    cold, outcomes = classify(load_pools(data_dir, pools, args.limit))
    if args.json:
        print(json.dumps(report_json(outcomes, cold), ensure_ascii=False, indent=2))
    else:
        print(format_report(outcomes, cold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
