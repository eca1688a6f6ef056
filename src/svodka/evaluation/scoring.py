"""Scoring a NER system against gold: P/R/F1 per type, micro-F1, normalisation, B-cubed.

A prediction *hits* a gold mention when its ``(start, end, type)`` equals the mention's main span
or one of its alternatives. Each gold mention is matched at most once: predictions are paired with
gold by a maximum one-to-one matching, and an unpaired prediction (a second prediction of the same
mention) is a false positive. See :func:`match_document` for why recall counts hits instead.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from svodka.evaluation.mentions import (
    ENTITY_TYPES,
    GoldMention,
    NerDocument,
    Prediction,
)


@dataclass(frozen=True)
class Prf:
    """Counts behind precision and recall; the two numerators differ (see :func:`match_document`)."""

    correct_predictions: int
    predicted: int
    found_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def harmonic_mean(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class DocumentMatch:
    """The outcome for one document.

    ``correct`` and ``wrong`` partition the predictions (less those that only hit optional gold);
    ``found`` pairs every gold mention some prediction hits with one such prediction; ``missed``
    is the rest of the gold.
    """

    correct: tuple[Prediction, ...]
    wrong: tuple[Prediction, ...]
    found: tuple[tuple[GoldMention, Prediction], ...]
    missed: tuple[GoldMention, ...]


def hits(prediction: Prediction, mention: GoldMention) -> bool:
    return prediction.type == mention.type and (prediction.start, prediction.end) in mention.spans


def maximum_matching(predictions: Sequence[Prediction], gold: Sequence[GoldMention]) -> dict[int, int]:
    """Gold index -> prediction index, as many pairs as possible (Kuhn's augmenting paths).

    Main-span candidates are tried before alternatives, so ties resolve to the main span.
    """
    candidates = [
        sorted(
            (g for g, mention in enumerate(gold) if hits(prediction, mention)),
            key=lambda g: (prediction.start, prediction.end) != (gold[g].start, gold[g].end),
        )
        for prediction in predictions
    ]
    return maximum_pairs(candidates)


def maximum_pairs(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Right index -> left index for a largest one-to-one pairing (Kuhn's augmenting paths);
    ``candidates[left]`` lists the right indices ``left`` may pair with, preferred first."""
    owner: dict[int, int] = {}

    def augment(left: int, visited: set[int]) -> bool:
        for right in candidates[left]:
            if right not in visited:
                visited.add(right)
                if right not in owner or augment(owner[right], visited):
                    owner[right] = left
                    return True
        return False

    for left in range(len(candidates)):
        augment(left, set())
    return owner


def hitting_prediction(
    g: int, mention: GoldMention, owner: dict[int, int], predictions: Sequence[Prediction]
) -> Prediction | None:
    if g in owner:
        return predictions[owner[g]]
    return next((prediction for prediction in predictions if hits(prediction, mention)), None)


def match_document(document: NerDocument, predictions: Sequence[Prediction]) -> DocumentMatch:
    """Score one document's predictions.

    Precision: a prediction is correct when a one-to-one matching pairs it with a gold mention, so
    each gold mention absorbs at most one prediction and a repeated prediction is wrong.
    Recall: a gold mention is found when any prediction hits it. One prediction can so find two
    gold mentions that share a span: factRuEval's "востоке Украины" (found by its name part
    "Украины") and the "Украины" annotated inside it. Predictions that hit only optional gold
    count neither way, and so, where the gold is flat, do predictions nested inside a correct one.
    """
    owner = maximum_matching(predictions, document.gold)
    matched = set(owner.values())
    leftover = [prediction for p, prediction in enumerate(predictions) if p not in matched]
    if document.flat:
        correct = [predictions[m] for m in matched]
        leftover = [p for p in leftover if not _nested_in_any(p, correct)]
    on_optional = set(maximum_matching(leftover, document.optional).values())
    found, missed = [], []
    for g, mention in enumerate(document.gold):
        prediction = hitting_prediction(g, mention, owner, predictions)
        if prediction is None:
            missed.append(mention)
        else:
            found.append((mention, prediction))
    return DocumentMatch(
        correct=tuple(predictions[p] for p in sorted(matched)),
        wrong=tuple(prediction for p, prediction in enumerate(leftover) if p not in on_optional),
        found=tuple(found),
        missed=tuple(missed),
    )


def _nested_in_any(prediction: Prediction, outer: Sequence[Prediction]) -> bool:
    return any(
        other.start <= prediction.start and prediction.end <= other.end
        and (other.start, other.end) != (prediction.start, prediction.end)
        for other in outer
    )


@dataclass
class TypeCounts:
    """Running counts per entity type over the documents of a dataset."""

    correct_predictions: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    found_gold: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, match: DocumentMatch) -> None:
        self.correct_predictions.update(prediction.type for prediction in match.correct)
        self.predicted.update(prediction.type for prediction in match.correct + match.wrong)
        self.found_gold.update(mention.type for mention, _prediction in match.found)
        self.gold.update(mention.type for mention, _prediction in match.found)
        self.gold.update(mention.type for mention in match.missed)

    def prf(self, entity_type: str) -> Prf:
        return self.micro([entity_type])

    def micro(self, types: Iterable[str] = ENTITY_TYPES) -> Prf:
        types = list(types)
        return Prf(
            sum(self.correct_predictions[t] for t in types),
            sum(self.predicted[t] for t in types),
            sum(self.found_gold[t] for t in types),
            sum(self.gold[t] for t in types),
        )


WHITESPACE_RUN = re.compile(r"\s+")


def normal_key(normal: str) -> str:
    """What counts as the same base form: case, ё/е and runs of whitespace do not matter.

    Runs are collapsed, not trimmed: the published baselines compared SlavicNER's base forms as
    annotated, and 8 of them carry a stray leading or trailing space ("Мэй ").
    """
    return WHITESPACE_RUN.sub(" ", normal.casefold().replace("ё", "е"))


def normalisation_accuracy(found: Iterable[tuple[GoldMention, Prediction]]) -> tuple[int, int]:
    """(right, total) over found gold mentions that have a base form: is the prediction's the same?"""
    with_gold = [(prediction, mention) for mention, prediction in found if mention.normal is not None]
    correct = sum(
        prediction.normal is not None and normal_key(prediction.normal) == normal_key(mention.normal)
        for prediction, mention in with_gold
    )
    return correct, len(with_gold)


def bcubed(gold_ids: Sequence[str], predicted_ids: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering of mentions against the gold clustering.

    Item ``i`` is in gold cluster ``gold_ids[i]`` and predicted cluster ``predicted_ids[i]``.
    """
    if len(gold_ids) != len(predicted_ids):
        raise ValueError("gold_ids and predicted_ids must label the same mentions")
    if not gold_ids:
        return 0.0, 0.0, 0.0
    pair_counts = Counter(zip(gold_ids, predicted_ids))
    gold_sizes = Counter(gold_ids)
    predicted_sizes = Counter(predicted_ids)
    # Every item of a (gold, predicted) cell shares that cell's overlap, so sum per cell.
    precision = sum(n * n / predicted_sizes[p] for (_g, p), n in pair_counts.items()) / len(gold_ids)
    recall = sum(n * n / gold_sizes[g] for (g, _p), n in pair_counts.items()) / len(gold_ids)
    return precision, recall, harmonic_mean(precision, recall)
