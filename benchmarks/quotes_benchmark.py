"""Quotes benchmark: who said what, scored token by token on the ADAQ Russian quotation test set.

Run from the repository root:

    .venv/bin/python benchmarks/quotes_benchmark.py [--systems svodka,...] [--limit N] [--json]
        [--data-dir DIR]

Data: ``adaq-quotes-ru`` in the shared datasets, 94 sentences (news, interviews, memoirs, some
fiction), each token tagged ``content`` (the quoted or reported words), ``source`` (the speaker),
``cue`` (the speech verb: "заявил", "говорит") or nothing; direct and indirect speech. Tokens are
placed in their sentence by :mod:`svodka.evaluation.adaq`, which reports any it cannot place.

Each sentence is given to the system on its own, as a whole text. A system is a factory in
``SYSTEMS`` returning ``predict(text) -> list[PredictedQuote] | None`` (``None``: the text was
refused, counted as no quotes). The rules are in :mod:`svodka.evaluation.quote_scoring`: a token
is predicted ``content`` / ``source`` / ``cue`` when it overlaps a predicted quote / speaker range
/ cue range; precision, recall and F1 per tag over tokens, punctuation tokens included ("F1 words"
leaves them out); speaker accuracy over the sentences whose gold has both a quote and a speaker.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from report import arguments, percent, prf_json, table

from svodka.evaluation.adaq import TAGS, AdaqSentence, alignment_failures, load_adaq
from svodka.evaluation.ner_data import default_data_dir
from svodka.evaluation.predicted import PredictedQuote, quotes_of
from svodka.evaluation.quote_scoring import QuoteCounts

Predict = Callable[[str], list[PredictedQuote] | None]
DATASET = "adaq-quotes-ru"


def svodka_system() -> Predict:
    """svodka's entities and quotes stages on the sentence as an article's body. Cleaning is left
    out: it would take a lone short sentence ("Государь улыбнулся и сказал: …") for a headline or
    site chrome, and this benchmark measures quotes, not cleaning."""
    from svodka.entities import annotate_entities
    from svodka.quotes import annotate_quotes
    from svodka.records import Article, Span

    def predict(text: str) -> list[PredictedQuote] | None:
        article = Article(id="adaq", source="adaq", text=text, spans=(Span(0, len(text), "body"),))
        return quotes_of(annotate_quotes(annotate_entities(article)), with_marks=True)

    return predict


SYSTEMS: dict[str, Callable[[], Predict]] = {"svodka": svodka_system}


@dataclass
class SystemScore:
    counts: QuoteCounts
    seconds: float


def load_sentences(data_dir: Path, limit: int | None = None) -> list[AdaqSentence]:
    return list(islice(load_adaq(data_dir / DATASET), limit))


def score_system(predict: Predict, sentences: Sequence[AdaqSentence]) -> SystemScore:
    counts = QuoteCounts()
    started = time.perf_counter()
    for sentence in sentences:
        counts.add(sentence, predict(sentence.text))
    return SystemScore(counts, time.perf_counter() - started)


def metric_rows(score: SystemScore) -> dict[str, str]:
    """Row label -> cell for one system's column."""
    counts, rows = score.counts, {}
    for tag in TAGS:
        prf = counts.prf(tag)
        rows[f"{tag} P"] = percent(prf.precision)
        rows[f"{tag} R"] = percent(prf.recall)
        rows[f"{tag} F1"] = percent(prf.f1)
        rows[f"{tag} F1 words"] = percent(counts.prf(tag, words_only=True).f1)
    rows["speaker accuracy"] = f"{percent(counts.speaker_accuracy)} ({counts.speaker_right}/{counts.attributable})"
    rows["sentences with quotes gold/pred/both"] = (
        f"{counts.gold_with_quote}/{counts.predicted_with_quote}/{counts.both_with_quote}"
    )
    rows["refused sentences"] = str(counts.refused)
    rows["seconds"] = f"{score.seconds:.1f}"
    return rows


def gold_summary(sentences: Sequence[AdaqSentence]) -> str:
    tokens = [token for sentence in sentences for token in sentence.tokens]
    per_tag = ", ".join(f"{tag} {sum(t.tag == tag for t in tokens):,}" for tag in TAGS)
    failures = len(alignment_failures(list(sentences)))
    return f"{len(sentences)} sentences, {len(tokens):,} tokens ({per_tag}), {failures} not placed"


def format_table(sentences: Sequence[AdaqSentence], scores: dict[str, SystemScore]) -> str:
    columns = {name: metric_rows(score) for name, score in scores.items()}
    return table(f"{DATASET}: {gold_summary(sentences)}", columns)


def score_json(score: SystemScore) -> dict:
    counts = score.counts
    return {
        "tokens": {tag: prf_json(counts.prf(tag)) for tag in TAGS},
        "words": {tag: prf_json(counts.prf(tag, words_only=True)) for tag in TAGS},
        "speaker": {"right": counts.speaker_right, "total": counts.attributable,
                    "accuracy": counts.speaker_accuracy},
        "sentences": {"total": counts.sentences, "refused": counts.refused,
                      "gold_with_quote": counts.gold_with_quote,
                      "predicted_with_quote": counts.predicted_with_quote,
                      "both_with_quote": counts.both_with_quote},
        "seconds": score.seconds,
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return arguments(__doc__, list(SYSTEMS), "svodka", argv, unit="sentences")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not (data_dir / DATASET).is_dir():
        print(f"no {DATASET} at {data_dir}", file=sys.stderr)
        return 2
    sentences = load_sentences(data_dir, args.limit)
    for sentence_id, token in alignment_failures(sentences):
        print(f"{sentence_id}: token {token.index} {token.text!r} not found in the sentence", file=sys.stderr)
    scores = {name: score_system(SYSTEMS[name](), sentences) for name in args.systems}
    if args.json:
        report = {"sentences": len(sentences), "not_placed": len(alignment_failures(sentences)),
                  "systems": {name: score_json(score) for name, score in scores.items()}}
        print(json.dumps({DATASET: report}, ensure_ascii=False, indent=2))
    else:
        print(format_table(sentences, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
