"""The NER quality gate: svodka's scores on real data, pinned. A score below its floor fails.

Floors are the figures measured when they were last raised, less 0.3 points (the pipeline is
deterministic; the margin absorbs library noise). Raise a floor when you beat it; never lower one
to turn a run green. Stock Natasha's figures, for comparison, are in the comments.
"""
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from ner_benchmark import score_system, svodka_system  # noqa: E402

from svodka.evaluation.ner_data import load_dataset  # noqa: E402

FLOORS = {
    # dataset: {measure: floor}; F1 and accuracy ×100
    "factrueval-test": {"PER": 94.0, "LOC": 88.6, "ORG": 78.1, "micro": 86.1},  # Natasha 92.38 86.22 70.99 82.14
    "slavicner": {"PER": 90.6, "LOC": 94.6, "ORG": 79.3, "micro": 88.4,  # Natasha 88.96 87.54 57.61 78.77
                  "normalisation": 97.4, "bcubed": 93.8},  # Natasha 94.71, 85.08 (same normal form)
    "nerel-dev": {"PER": 92.8, "LOC": 81.2, "ORG": 71.9, "micro": 84.2, "bcubed": 94.9},  # 88.51 80.19 60.96 79.38
}


@pytest.fixture(scope="module")
def predict():
    return svodka_system()


def measured(score) -> dict[str, float]:
    figures = {kind: 100 * score.counts.prf(kind).f1 for kind in ("PER", "LOC", "ORG")}
    figures["micro"] = 100 * score.counts.micro().f1
    right, total = score.normalised
    if total:
        figures["normalisation"] = 100 * right / total
    figures["bcubed"] = 100 * score.bcubed[2]
    return figures


@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_ner_scores_hold_their_floors(dataset, predict, shared_data):
    figures = measured(score_system(predict, load_dataset(dataset, shared_data)))
    below = {name: f"{figures[name]:.2f} < {floor}" for name, floor in FLOORS[dataset].items()
             if figures[name] < floor}
    assert not below, f"{dataset}: scores fell below their floors: {below}"
