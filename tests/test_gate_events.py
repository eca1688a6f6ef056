"""The events quality gate: svodka's events on factRuEval-2016 Meeting facts and NEREL's EVENT
triggers, pinned. A score below its floor fails.

The floors are pinned by the extraction work: measured when events extraction lands and raised
whenever it improves, less 0.3 points (the pipeline is deterministic; the margin absorbs library
noise). Raise a floor when you beat it; never lower one to turn a run green. Rules in
``svodka.evaluation.meeting_scoring`` and ``svodka.evaluation.trigger_scoring``; run
``benchmarks/events_benchmark.py`` for the full tables.
"""
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from events_benchmark import load_documents, score_system, svodka_system

FLOORS = {
    # dataset: {measure: floor}; F1 and recall ×100
    "factrueval-test": {"participants F1": 75.2, "meetings F1": 75.0},  # measured 75.68, 75.56
    # measured 77.97, 71.19, 63.89 (23 of 36 arguments of found triggers of svodka's kinds)
    "nerel-dev": {"trigger recall kinds": 77.5, "trigger recall typed": 70.7, "argument recall": 63.5},
}


@pytest.fixture(scope="module")
def predict():
    return svodka_system()


def share(found: int, total: int) -> float:
    return 100 * found / total if total else 0.0


def measured(dataset: str, counts) -> dict[str, float]:
    if dataset == "nerel-dev":
        return {
            "trigger recall all": share(*counts.recall("all")),
            "trigger recall kinds": share(*counts.recall("kinds")),
            "trigger recall typed": share(*counts.recall("typed")),
            "argument recall": share(counts.arguments_found, counts.arguments),
        }
    return {"participants F1": 100 * counts.participants().f1, "meetings F1": 100 * counts.events().f1}


@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_event_scores_hold_their_floors(dataset, predict, shared_data):
    score = score_system(predict, dataset, load_documents(dataset, shared_data))
    figures = measured(dataset, score.counts)
    below = {name: f"{figures[name]:.2f} < {floor}" for name, floor in FLOORS[dataset].items()
             if figures[name] < floor}
    assert not below, f"{dataset}: scores fell below their floors: {below}"
