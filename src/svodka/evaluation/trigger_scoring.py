"""Scoring predicted events against NEREL's EVENT triggers, at the level of sentences.

svodka's events point at the sentences that tell them (``evidence``), not at a trigger word, so a
gold trigger is *found* when some predicted event has an evidence range containing the trigger's
span, whatever the event's type. Recall is reported over every trigger, over the triggers of the
kinds svodka extracts (``kind`` not ``None``, see :mod:`.nerel_events`), and *typed*: a trigger of
a kind found by an event of that same type.

Arguments: for each found trigger of the kinds svodka extracts (as the issue asks: "recall of EVENT
triggers of the kinds you extract and of their AGENT/PARTICIPANT arguments"), its gold arguments
overlapped by a mention of a participant of any event that found it, over all arguments of those
triggers. A trigger of another kind found by accident (a sentence telling of a death and a visit)
says nothing of svodka's arguments.

Precision-like: the share of predicted events whose evidence contains at least one gold EVENT
trigger (NEREL annotates far more than svodka extracts, so an event without one is not
necessarily wrong, and one with one not necessarily right).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from svodka.evaluation.mentions import Span
from svodka.evaluation.nerel_events import EventDocument, GoldTrigger
from svodka.evaluation.predicted import PredictedEvent, any_overlap, contains


def finds(event: PredictedEvent, trigger: GoldTrigger) -> bool:
    return any(contains(evidence, (trigger.start, trigger.end)) for evidence in event.evidence)


def participant_spans(events: Sequence[PredictedEvent]) -> list[Span]:
    return [span for event in events for spans in event.participants for span in spans]


def found_arguments(trigger: GoldTrigger, events: Sequence[PredictedEvent]) -> int:
    spans = participant_spans(events)
    return sum(any_overlap([(argument.start, argument.end)], spans) for argument in trigger.arguments)


@dataclass
class TriggerCounts:
    """Running counts over documents; per-kind counters are keyed by kind (``None``: other)."""

    documents: int = 0
    refused: int = 0
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    found_typed: Counter = field(default_factory=Counter)
    arguments: int = 0
    arguments_found: int = 0
    predicted_events: int = 0
    events_on_a_trigger: int = 0

    def add(self, document: EventDocument, events: Sequence[PredictedEvent] | None) -> None:
        """Count one document; ``events`` is ``None`` when the system refused it."""
        self.documents += 1
        self.refused += events is None
        events = events or []
        for trigger in document.triggers:
            self.add_trigger(trigger, [event for event in events if finds(event, trigger)])
        self.predicted_events += len(events)
        self.events_on_a_trigger += sum(
            any(finds(event, trigger) for trigger in document.triggers) for event in events
        )

    def add_trigger(self, trigger: GoldTrigger, finders: list[PredictedEvent]) -> None:
        self.gold[trigger.kind] += 1
        if not finders:
            return
        self.found[trigger.kind] += 1
        self.found_typed[trigger.kind] += any(event.type == trigger.kind for event in finders)
        if trigger.kind is not None:
            self.arguments += len(trigger.arguments)
            self.arguments_found += found_arguments(trigger, finders)

    def recall(self, scope: str = "all") -> tuple[int, int]:
        """(found, gold) for ``scope``: ``all`` triggers, ``kinds`` svodka extracts, ``typed``."""
        kinds = [kind for kind in self.gold if kind is not None]
        if scope == "all":
            return sum(self.found.values()), sum(self.gold.values())
        found = self.found_typed if scope == "typed" else self.found
        return sum(found[kind] for kind in kinds), sum(self.gold[kind] for kind in kinds)
