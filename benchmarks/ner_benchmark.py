"""NER benchmark: systems side by side on the shared Russian NER datasets, with one scorer.

Run from the repository root:

    .venv/bin/python benchmarks/ner_benchmark.py [--dataset factrueval-test|factrueval-dev|slavicner|nerel-dev|all]
        [--systems natasha,...] [--limit N] [--json] [--data-dir DIR]

A system is a factory in ``SYSTEMS`` that loads its models and returns ``predict(text) ->
list[Prediction]`` (PER / LOC / ORG, Python character offsets, base form in ``normal``). To add
one, add ``SYSTEMS["name"] = factory``.

For each dataset it prints the gold counts (and how many gold mentions are written only in lower
case, which no name mention can find: they bound recall), per-type precision / recall / F1 and micro-F1 (rules in
``svodka.evaluation.scoring``); where the gold has base forms (SlavicNER), normalisation accuracy;
where it has cross-document entity ids (SlavicNER, NEREL Wikidata links), B-cubed over the found
mentions, a system's clusters being its mentions grouped by type and base form.

Reference figures, stock Natasha 1.6 (F1 x 100): factRuEval testset PER 92.38, LOC 86.22,
ORG 70.99, micro 82.14; SlavicNER micro 78.77, normalisation accuracy 94.71.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from report import arguments, percent, prf_json, run_by_dataset, table

from svodka.evaluation.mentions import ENTITY_TYPES, GoldMention, NerDocument, Prediction
from svodka.evaluation.ner_data import DATASETS, load_dataset
from svodka.evaluation.scoring import (
    TypeCounts,
    bcubed,
    match_document,
    normal_key,
    normalisation_accuracy,
)

Predict = Callable[[str], list[Prediction]]


def natasha_system() -> Predict:
    """Stock Natasha: news embeddings, morphology and NER tagger; base forms by ``span.normalize``."""
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    segmenter = Segmenter()
    embedding = NewsEmbedding()
    morph_tagger = NewsMorphTagger(embedding)
    ner_tagger = NewsNERTagger(embedding)
    morph_vocab = MorphVocab()

    def predict(text: str) -> list[Prediction]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        predictions = []
        for span in doc.spans:
            span.normalize(morph_vocab)
            predictions.append(Prediction(span.start, span.stop, span.type, span.normal))
        return predictions

    return predict


def svodka_system() -> Predict:
    """svodka's whole pipeline (cleaning, then the entities stage); name mentions only."""
    import svodka

    def predict(text: str) -> list[Prediction]:
        try:
            article = svodka.process(text)
        except svodka.InputError:
            return []
        return [Prediction(m.start, m.end, m.type, m.normal, m.entity)
                for m in article.mentions if m.kind == "name"]

    return predict


SYSTEMS: dict[str, Callable[[], Predict]] = {
    "natasha": natasha_system,
    "svodka": svodka_system,
}

NORMALISED_DATASETS = {"slavicner"}
CROSS_DOCUMENT_ID_DATASETS = {"slavicner", "nerel-dev"}


@dataclass
class SystemScore:
    counts: TypeCounts
    normalised: tuple[int, int]
    bcubed: tuple[float, float, float]
    seconds: float


def predicted_cluster(prediction: Prediction) -> str:
    """The system's entity id where it links entities, else "same type and base form"."""
    return prediction.entity or f"{prediction.type}:{normal_key(prediction.normal or '')}"


def score_system(predict: Predict, documents: Sequence[NerDocument]) -> SystemScore:
    counts = TypeCounts()
    found = []
    started = time.perf_counter()
    for document in documents:
        match = match_document(document, predict(document.text))
        counts.add(match)
        found.extend(match.found)
    seconds = time.perf_counter() - started
    linked = [(mention, prediction) for mention, prediction in found if mention.entity_id]
    identity = bcubed(
        [mention.entity_id for mention, _ in linked],
        [predicted_cluster(prediction) for _, prediction in linked],
    )
    return SystemScore(counts, normalisation_accuracy(found), identity, seconds)


def metric_rows(dataset: str, score: SystemScore) -> dict[str, str]:
    """Row label -> cell for one system's column."""
    rows = {}
    for label, prf in [*((t, score.counts.prf(t)) for t in ENTITY_TYPES), ("micro", score.counts.micro())]:
        rows[f"{label} P"] = percent(prf.precision)
        rows[f"{label} R"] = percent(prf.recall)
        rows[f"{label} F1"] = percent(prf.f1)
    if dataset in NORMALISED_DATASETS:
        right, total = score.normalised
        rows["normalisation acc."] = percent(right / total) if total else "-"
    if dataset in CROSS_DOCUMENT_ID_DATASETS:
        rows["B3 P/R/F1 (by normal)"] = "/".join(percent(value) for value in score.bcubed)
    rows["seconds"] = f"{score.seconds:.1f}"
    return rows


def gold_summary(documents: Sequence[NerDocument]) -> str:
    """Gold counts per type, and how many of them no name mention can find: gold written only in
    lower case ("российского", "компании": factRuEval marks adjectives and descriptors)."""
    per_type = {t: sum(m.type == t for d in documents for m in d.gold) for t in ENTITY_TYPES}
    unnamed = {t: sum(m.type == t and _lower_case_only(d.text, m) for d in documents for m in d.gold)
               for t in ENTITY_TYPES}
    total = sum(per_type.values())
    types = ", ".join(f"{t} {n:,}" for t, n in per_type.items())
    summary = f"{len(documents):,} documents, {total:,} gold mentions ({types})"
    if any(unnamed.values()):
        summary += "; in lower case only, no name to find: " + ", ".join(f"{t} {n:,}" for t, n in unnamed.items())
    return summary


def _lower_case_only(text: str, mention: GoldMention) -> bool:
    return not any(letter.isupper() for start, end in mention.spans for letter in text[start:end])


def format_table(dataset: str, documents: Sequence[NerDocument], scores: dict[str, SystemScore]) -> str:
    columns = {name: metric_rows(dataset, score) for name, score in scores.items()}
    return table(f"{dataset}: {gold_summary(documents)}", columns)


def score_json(score: SystemScore) -> dict:
    right, total = score.normalised
    return {
        "per_type": {t: prf_json(score.counts.prf(t)) for t in ENTITY_TYPES},
        "micro": prf_json(score.counts.micro()),
        "normalisation": {"right": right, "total": total, "accuracy": right / total if total else None},
        "bcubed_by_normal": dict(zip(("precision", "recall", "f1"), score.bcubed)),
        "seconds": score.seconds,
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return arguments(__doc__, list(SYSTEMS), "natasha", argv, datasets=DATASETS)


def dataset_json(documents: Sequence[NerDocument], scores: dict[str, SystemScore]) -> dict:
    return {
        "documents": len(documents),
        "gold": sum(len(document.gold) for document in documents),
        "systems": {name: score_json(score) for name, score in scores.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    return run_by_dataset(parse_args(argv), DATASETS, SYSTEMS, load_dataset,
                          lambda predict, _dataset, documents: score_system(predict, documents),
                          dataset_json, format_table)


if __name__ == "__main__":
    sys.exit(main())
