"""NER leave-one-topic-out on the SlavicNER topics: does svodka hold on a topic its knowledge never saw?

Run from the repository root (about 4 minutes):

    .venv/bin/python benchmarks/ner_topics.py [--json] [--data-dir DIR]

svodka has no weights trained per topic; what it knows of a topic is its knowledge base (people,
organisations, places by name). So each fold takes one topic T out:

* ``tuned``: svodka with its whole knowledge base on the other topics' documents (what the rules
  and the base were developed on);
* ``held out``: svodka on T's documents with every base entry that T's gold names and no other
  topic's gold names taken out of the base (what a curator who had never read about T would not
  have written: "Асия Биби", "Ryanair", "Северный поток-2"); entries every topic names (Россия,
  Путин, ЕС) stay;
* ``held out, geography kept``: the same, but countries, regions and cities stay in the base
  (the base lists every UN member, Russia's regions and the world's large cities from standard
  lists, not from any topic); only topic-only people and organisations are taken out;
* ``natasha``: stock Natasha on T, for the per-type comparison.

Printed per fold and per variant: micro-F1 tuned and held out and their gap, and per type (PER, LOC,
ORG) the held-out F1 beside Natasha's. The summary gives the mean gap and the folds where the held-out
figure is more than 3 points under the tuned one or under Natasha on some type. What this cannot
take out: the hand-written rules (suffix lists, descriptor words) were written with all six topics
in view; the gap measured here is a floor on the true one.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from ner_benchmark import natasha_system, svodka_system

from svodka.entities import kb as kb_module
from svodka.evaluation.mentions import ENTITY_TYPES, NerDocument, Prediction
from svodka.evaluation.ner_data import default_data_dir, load_dataset
from svodka.evaluation.scoring import TypeCounts, match_document

Predict = Callable[[str], list[Prediction]]
GAP_GOAL = 3.0
GEOGRAPHY = ("country:", "region:", "city:")
VARIANTS = {"held_out": "held out: this topic's own KB entries removed",
            "held_out_geography_kept": "held out: this topic's own people and organisations removed, geography kept"}


def predictions(predict: Predict, documents: Iterable[NerDocument]) -> dict[str, list[Prediction]]:
    return {document.id: predict(document.text) for document in documents}


def counts(documents: Iterable[NerDocument], predicted: dict[str, list[Prediction]]) -> TypeCounts:
    total = TypeCounts()
    for document in documents:
        total.add(match_document(document, predicted[document.id]))
    return total


def f1s(total: TypeCounts) -> dict[str, float]:
    figures = {kind: 100 * total.prf(kind).f1 for kind in ENTITY_TYPES}
    figures["micro"] = 100 * total.micro().f1
    return figures


def kb_keys_named(documents: Iterable[NerDocument]) -> set[str]:
    """The base entries the gold of `documents` names (by base form, then by surface)."""
    kb = kb_module.knowledge_base()
    keys = set()
    for document in documents:
        for mention in document.gold:
            for text in (mention.normal, document.text[mention.start:mention.end]):
                entity = kb.by_name(text, mention.type) if text else None
                if entity:
                    keys.add(entity.key)
    return keys


@contextmanager
def knowledge_base_without(keys: set[str]):
    """svodka's base with `keys` taken out, for the time of the block (the base is built once and
    cached; the cache is emptied before and after)."""
    read_rows = kb_module.kb_rows

    def rows_without(name: str) -> list[dict[str, str]]:
        rows = read_rows(name)
        if name == "entities.tsv":
            return [row for row in rows if row["key"] not in keys]
        if name == "terms.tsv":
            return [row for row in rows if row["person"] not in keys]
        return rows

    kb_module.knowledge_base.cache_clear()
    kb_module.kb_rows = rows_without
    try:
        kb_module.knowledge_base()
    finally:
        kb_module.kb_rows = read_rows
    try:
        yield
    finally:
        kb_module.knowledge_base.cache_clear()


def by_topic(documents: Sequence[NerDocument]) -> dict[str, list[NerDocument]]:
    topics: dict[str, list[NerDocument]] = {}
    for document in documents:
        topics.setdefault(document.topic or "?", []).append(document)
    return topics


def run_folds(documents: Sequence[NerDocument]) -> dict:
    svodka, natasha = svodka_system(), natasha_system()
    topics = by_topic(documents)
    named = {topic: kb_keys_named(docs) for topic, docs in topics.items()}
    full = predictions(svodka, documents)
    stock = predictions(natasha, documents)
    folds = {}
    for topic, held in topics.items():
        others = [document for document in documents if document.topic != topic]
        only_here = named[topic] - set().union(*(keys for other, keys in named.items() if other != topic))
        not_geography = {key for key in only_here if not key.startswith(GEOGRAPHY)}
        folds[topic] = {
            "documents": len(held),
            "kb_entries_removed": {"held_out": len(only_here), "held_out_geography_kept": len(not_geography)},
            "tuned": f1s(counts(others, full)),
            "held_out_full_kb": f1s(counts(held, full)),
            "natasha": f1s(counts(held, stock)),
        }
        for variant, removed in (("held_out", only_here), ("held_out_geography_kept", not_geography)):
            with knowledge_base_without(removed):
                folds[topic][variant] = f1s(counts(held, predictions(svodka, held)))
    return {"folds": folds, "all_topics": {"svodka": f1s(counts(documents, full)),
                                           "natasha": f1s(counts(documents, stock))}}


def shortfalls(fold: dict, variant: str) -> list[str]:
    notes = []
    gap = fold["tuned"]["micro"] - fold[variant]["micro"]
    if gap > GAP_GOAL:
        notes.append(f"gap {gap:.2f} > {GAP_GOAL}")
    notes.extend(f"{kind} under Natasha" for kind in ENTITY_TYPES
                 if fold[variant][kind] < fold["natasha"][kind])
    return notes


def variant_table(report: dict, variant: str) -> list[str]:
    header = (f"{'held-out topic':<22}{'docs':>5}{'KB-':>5}{'tuned':>8}{'held':>8}{'gap':>7}{'full KB':>9}"
              + "".join(f"{kind + ' svodka/natasha':>22}" for kind in ENTITY_TYPES))
    lines = [f"{VARIANTS[variant]} (F1 x 100; tuned: the other topics, whole KB)", header]
    gaps = []
    for topic, fold in report["folds"].items():
        gap = fold["tuned"]["micro"] - fold[variant]["micro"]
        gaps.append(gap)
        per_type = "".join(f"{fold[variant][kind]:>12.2f} / {fold['natasha'][kind]:>6.2f}" for kind in ENTITY_TYPES)
        lines.append(f"{topic:<22}{fold['documents']:>5}{fold['kb_entries_removed'][variant]:>5}"
                     f"{fold['tuned']['micro']:>8.2f}{fold[variant]['micro']:>8.2f}{gap:>7.2f}"
                     f"{fold['held_out_full_kb']['micro']:>9.2f}{per_type}")
    lines.append(f"mean gap {sum(gaps) / len(gaps):.2f}; largest {max(gaps):.2f}")
    for topic, fold in report["folds"].items():
        lines.extend(f"short of the goal: {topic}: {note}" for note in shortfalls(fold, variant))
    return lines


def format_report(report: dict) -> str:
    lines = ["SlavicNER leave-one-topic-out"]
    for variant in VARIANTS:
        lines.extend(["", *variant_table(report, variant)])
    every = report["all_topics"]
    lines.append("")
    lines.append("all six topics, whole KB: svodka micro {:.2f} (PER {:.2f}, LOC {:.2f}, ORG {:.2f}); "
                 "natasha micro {:.2f}".format(every["svodka"]["micro"], *(every["svodka"][k] for k in ENTITY_TYPES),
                                               every["natasha"]["micro"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data-dir", default=None)
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not (data_dir / "slavicner-bsnlp-ru").is_dir():
        print(f"no SlavicNER data at {data_dir / 'slavicner-bsnlp-ru'}", file=sys.stderr)
        return 2
    report = run_folds(list(load_dataset("slavicner", data_dir)))
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
