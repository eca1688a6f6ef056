"""Story clustering quality: same-story pairs and topic purity, from the stories svodka forms.

Every article of every pair (tgcontest Toloka pools: exam and train, full texts; ParaPhraser headline
pairs: strict + loose paraphrases = same story, non-paraphrases = not) is read through the whole
pipeline and stored, as `svodka ingest` would, in batches of 1,000; a pair is predicted "same
story" when both articles land in one story. Two ways: "one store" ingests every article of the
dataset into one store (each article competes with every other for its story: 12,000 ParaPhraser
headlines about 2013's news, all undated); "each pair" ingests each pair alone into a fresh store
(the pairwise decision the annotators made). SlavicNER's raw documents are ingested likewise and the stories scored by B-cubed against the
dataset's topics (stories should be finer than topics: precision near 1, recall as it comes).
None of these documents carry a date; each is stored as of one same day (ONE_DAY, set after the
pipeline has read it), so all fall into one time window: harder than real use. With --undated they
are stored undated, as they came: then only copies and near-paraphrases (UNDATED_SIMILARITY) join.

    .venv/bin/python benchmarks/stories_benchmark.py [--dataset D|all] [--limit N] [--undated] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.ner_data import default_data_dir
from svodka.evaluation.scoring import bcubed
from svodka.evaluation.stories import (
    TGCONTEST_POOLS,
    StoryPair,
    paraphraser_pairs,
    slavicner_topics,
    tgcontest_pairs,
)
from svodka.pipeline import default_pipeline
from svodka.progress import IngestProgress
from svodka.records import Article, Failure, RawDocument
from svodka.store.sqlite import SQLiteStore

ONE_DAY = "2020-01-01"
PAIR_DATASETS = (*TGCONTEST_POOLS, "paraphraser")
DATASETS = (*PAIR_DATASETS, "slavicner")
BATCH = 1000


@dataclass(frozen=True)
class PairScores:
    pairs: int
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.true_positive + self.true_negative) / self.pairs if self.pairs else 0.0

    def as_dict(self) -> dict:
        return {"pairs": self.pairs, "precision": round(100 * self.precision, 2),
                "recall": round(100 * self.recall, 2), "f1": round(100 * self.f1, 2),
                "accuracy": round(100 * self.accuracy, 2)}


def process(documents: Sequence[RawDocument], label: str = "", undated: bool = False) -> dict[str, Article | None]:
    """Each distinct document through svodka's pipeline (entities, quotes, events included), then
    dated ONE_DAY unless `undated`; None for one svodka refuses (it will be a story alone)."""
    pipeline = default_pipeline()
    unique = list({document.source: document for document in documents}.values())
    processed: dict[str, Article | None] = {}
    with IngestProgress(None, f"reading {label}") as progress:
        for document, article in zip(unique, pipeline.map(unique)):
            processed[document.source] = None if isinstance(article, Failure) else _dated(article, undated)
            progress.article_done()
    refused = [source for source, article in processed.items() if article is None]
    if refused:
        print(f"{label}: {len(refused)} of {len(unique)} documents refused, e.g. {refused[0]}", file=sys.stderr)
    return processed


def _dated(article: Article, undated: bool) -> Article:
    return article if undated or article.published else article.with_(published=ONE_DAY)


def cluster(processed: dict[str, Article | None], path: str = ":memory:") -> dict[str, int]:
    """Store the articles in batches into a fresh store; each source → the story it landed in (a
    refused document: a story of its own, numbered below zero)."""
    articles = [article for article in processed.values() if article]
    with SQLiteStore(Path(path)) as store:
        for start in range(0, len(articles), BATCH):
            store.add(articles[start : start + BATCH])
            store.cluster(articles[start : start + BATCH])
        story_of = store.stories_of([article.id for article in articles])
    return {source: story_of[article.id] if article else -n
            for n, (source, article) in enumerate(processed.items(), start=1)}


def cluster_each_pair(pairs: Sequence[StoryPair], processed: dict[str, Article | None]) -> dict[tuple, bool]:
    """Each pair alone in a fresh store: whether its two articles form one story."""
    same = {}
    for pair in pairs:
        both = {source: processed[source] for source in (pair.first.source, pair.second.source)}
        story_of = cluster(both)
        same[(pair.first.source, pair.second.source)] = story_of[pair.first.source] == story_of[pair.second.source]
    return same


def score_pairs(pairs: Sequence[StoryPair], predicted_same: dict[tuple, bool]) -> PairScores:
    counts = {(True, True): 0, (False, True): 0, (True, False): 0, (False, False): 0}
    for pair in pairs:
        counts[(predicted_same[(pair.first.source, pair.second.source)], pair.same_story)] += 1
    return PairScores(len(pairs), counts[(True, True)], counts[(True, False)], counts[(False, True)],
                      counts[(False, False)])


def pair_dataset(name: str, data_dir: Path, limit: int | None) -> list[StoryPair]:
    if name == "paraphraser":
        return paraphraser_pairs(data_dir, limit)
    return tgcontest_pairs(data_dir, name)[:limit]


def run_pairs(name: str, data_dir: Path, limit: int | None, undated: bool = False) -> dict[str, PairScores]:
    """Scores with every article in one store (`one store`) and with each pair alone (`each pair`)."""
    pairs = pair_dataset(name, data_dir, limit)
    processed = process([document for pair in pairs for document in (pair.first, pair.second)], name, undated)
    story_of = cluster(processed)
    together = {(p.first.source, p.second.source): story_of[p.first.source] == story_of[p.second.source]
                for p in pairs}
    return {"one store": score_pairs(pairs, together),
            "each pair": score_pairs(pairs, cluster_each_pair(pairs, processed))}


def run_topics(data_dir: Path, limit: int | None, undated: bool = False) -> dict:
    labelled = list(slavicner_topics(data_dir, limit))
    story_of = cluster(process([document for _topic, document in labelled], "slavicner", undated))
    gold = [topic for topic, _document in labelled]
    predicted = [str(story_of[document.source]) for _topic, document in labelled]
    precision, recall, f1 = bcubed(gold, predicted)
    return {"documents": len(labelled), "topics": len(set(gold)), "stories": len(set(predicted)),
            "bcubed_precision": round(100 * precision, 2), "bcubed_recall": round(100 * recall, 2),
            "bcubed_f1": round(100 * f1, 2)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "pairs", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N pairs (documents per topic)")
    parser.add_argument("--undated", action="store_true", help="store the documents undated, as they came")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--data-dir", default=None, help=f"shared datasets (default {default_data_dir()})")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    chosen = {"all": DATASETS, "pairs": PAIR_DATASETS}.get(args.dataset, (args.dataset,))
    started = time.perf_counter()
    results = {}
    for name in chosen:
        if name == "slavicner":
            results[name] = run_topics(data_dir, args.limit, args.undated)
            continue
        for mode, scores in run_pairs(name, data_dir, args.limit, args.undated).items():
            results[f"{name} ({mode})"] = scores.as_dict()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, figures in results.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in figures.items()))
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
