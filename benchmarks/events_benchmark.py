"""Events benchmark: svodka's events against factRuEval-2016 Meeting facts and NEREL's EVENT triggers.

Run from the repository root:

    .venv/bin/python benchmarks/events_benchmark.py [--dataset factrueval-test|factrueval-dev|nerel-dev|all]
        [--systems svodka,...] [--limit N] [--json] [--data-dir DIR]

Each document's text is given to the system whole. A system is a factory in ``SYSTEMS``
returning ``predict(text) -> list[PredictedEvent] | None`` (type, evidence ranges, each
participant as the ranges of its mentions; ``None``: the text was refused, counted as no events).

* ``factrueval-test`` / ``factrueval-dev``: factRuEval-2016's Meeting facts (51 in 132 test
  documents, 5 in 122 dev documents; tune on dev, report test), each a set of participants found
  by any of their mentions. Predicted events of the types in ``MEETING_TYPES`` (meeting, call,
  negotiations), and hostings of a visit between two people, are paired with gold meetings;
  participant and event precision / recall / F1 by the rules in
  :mod:`svodka.evaluation.meeting_scoring`.
* ``nerel-dev``: NEREL v1.1 dev, 94 Wikinews articles, 707 EVENT triggers of every kind (deaths,
  elections, trials... and the meetings, visits, appointments, protests svodka extracts). Sentence-
  level trigger recall (a predicted event's evidence contains the trigger), over all triggers,
  over the kinds svodka extracts, and with the type right; argument recall for found triggers of
  those kinds;
  the share of predicted events on a gold trigger. Rules in
  :mod:`svodka.evaluation.trigger_scoring`, kinds in :mod:`svodka.evaluation.nerel_events`.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from report import arguments, percent, prf_json, run_by_dataset, table

from svodka.evaluation.meeting_scoring import MeetingCounts
from svodka.evaluation.meetings import MeetingDocument, load_meetings
from svodka.evaluation.nerel_events import EventDocument, load_nerel_events
from svodka.evaluation.predicted import PredictedEvent, events_of
from svodka.evaluation.scoring import Prf
from svodka.evaluation.trigger_scoring import TriggerCounts

Predict = Callable[[str], list[PredictedEvent] | None]
Document = MeetingDocument | EventDocument

DATASETS: dict[str, Callable[[Path], Iterator[Document]]] = {
    "factrueval-test": lambda data: load_meetings(data / "factrueval2016" / "testset"),
    "factrueval-dev": lambda data: load_meetings(data / "factrueval2016" / "devset"),
    "nerel-dev": lambda data: load_nerel_events(data / "nerel" / "NEREL-v1.1" / "dev"),
}
TRIGGER_DATASETS = {"nerel-dev"}


def svodka_system() -> Predict:
    """svodka's whole pipeline; a text it refuses (InputError) has no events."""
    import svodka

    def predict(text: str) -> list[PredictedEvent] | None:
        try:
            return events_of(svodka.process(text))
        except svodka.InputError:
            return None

    return predict


SYSTEMS: dict[str, Callable[[], Predict]] = {"svodka": svodka_system}


@dataclass
class SystemScore:
    counts: MeetingCounts | TriggerCounts
    seconds: float


def load_documents(name: str, data_dir: Path, limit: int | None = None) -> list[Document]:
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")
    return list(islice(DATASETS[name](data_dir), limit))


def new_counts(dataset: str) -> MeetingCounts | TriggerCounts:
    return TriggerCounts() if dataset in TRIGGER_DATASETS else MeetingCounts()


def score_system(predict: Predict, dataset: str, documents: Sequence[Document]) -> SystemScore:
    counts = new_counts(dataset)
    started = time.perf_counter()
    for document in documents:
        counts.add(document, predict(document.text))
    return SystemScore(counts, time.perf_counter() - started)


def ratio(found: int, total: int) -> str:
    return f"{percent(found / total) if total else '-'} ({found}/{total})"


def prf_cells(label: str, prf: Prf) -> dict[str, str]:
    return {f"{label} P": ratio(prf.correct_predictions, prf.predicted),
            f"{label} R": ratio(prf.found_gold, prf.gold),
            f"{label} F1": percent(prf.f1)}


def meeting_rows(counts: MeetingCounts) -> dict[str, str]:
    return {**prf_cells("participants", counts.participants()), **prf_cells("meetings", counts.events())}


def trigger_rows(counts: TriggerCounts) -> dict[str, str]:
    return {
        "trigger R all": ratio(*counts.recall("all")),
        "trigger R svodka kinds": ratio(*counts.recall("kinds")),
        "trigger R typed": ratio(*counts.recall("typed")),
        "argument R (found, svodka kinds)": ratio(counts.arguments_found, counts.arguments),
        "events on a gold trigger": ratio(counts.events_on_a_trigger, counts.predicted_events),
    }


def metric_rows(score: SystemScore) -> dict[str, str]:
    """Row label -> cell for one system's column."""
    counts = score.counts
    rows = meeting_rows(counts) if isinstance(counts, MeetingCounts) else trigger_rows(counts)
    rows["refused documents"] = str(counts.refused)
    rows["seconds"] = f"{score.seconds:.1f}"
    return rows


def gold_summary(dataset: str, documents: Sequence[Document]) -> str:
    if dataset in TRIGGER_DATASETS:
        triggers = [trigger for document in documents for trigger in document.triggers]
        kinds = sum(trigger.kind is not None for trigger in triggers)
        arguments = sum(len(trigger.arguments) for trigger in triggers)
        return f"{len(documents)} documents, {len(triggers)} EVENT triggers ({kinds} of svodka's kinds), " \
               f"{arguments} arguments"
    meetings = [meeting for document in documents for meeting in document.meetings]
    participants = sum(len(meeting.participants) for meeting in meetings)
    return f"{len(documents)} documents, {len(meetings)} meetings, {participants} participants"


def format_table(dataset: str, documents: Sequence[Document], scores: dict[str, SystemScore]) -> str:
    columns = {name: metric_rows(score) for name, score in scores.items()}
    return table(f"{dataset}: {gold_summary(dataset, documents)}", columns)


def recall_json(found: int, total: int) -> dict:
    return {"recall": found / total if total else 0.0, "found": found, "gold": total}


def score_json(score: SystemScore) -> dict:
    counts = score.counts
    if isinstance(counts, MeetingCounts):
        figures = {"participants": prf_json(counts.participants()), "meetings": prf_json(counts.events())}
    else:
        figures = {
            "triggers": {scope: recall_json(*counts.recall(scope)) for scope in ("all", "kinds", "typed")},
            "per_kind": {str(kind): {"found": counts.found[kind], "typed": counts.found_typed[kind],
                                     "gold": gold} for kind, gold in sorted(counts.gold.items(), key=str)},
            "arguments": recall_json(counts.arguments_found, counts.arguments),
            "events_on_a_trigger": {"share": counts.events_on_a_trigger / counts.predicted_events
                                    if counts.predicted_events else 0.0,
                                    "on_a_trigger": counts.events_on_a_trigger,
                                    "predicted": counts.predicted_events},
        }
    return {**figures, "documents": counts.documents, "refused": counts.refused, "seconds": score.seconds}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return arguments(__doc__, list(SYSTEMS), "svodka", argv, datasets=DATASETS)


def dataset_json(documents: Sequence[Document], scores: dict[str, SystemScore]) -> dict:
    return {"documents": len(documents), "systems": {name: score_json(score) for name, score in scores.items()}}


def main(argv: Sequence[str] | None = None) -> int:
    return run_by_dataset(parse_args(argv), DATASETS, SYSTEMS, load_documents, score_system,
                          dataset_json, format_table)


if __name__ == "__main__":
    sys.exit(main())
