"""Scoring predicted meetings against factRuEval's Meeting facts: participants and whole events.

Predicted events of the types in ``MEETING_TYPES`` count as meetings, and so does the hosting of
a visit between two or more people ("он принял в Цетинье президента Австрии Хайнца Фишера": a
Meeting in factRuEval) unless a meeting of the article already has all its people (the hosting is
that meeting told again). A visit does not: those who travel together do not meet each other. A predicted participant
*matches* a gold one when any range that mentions it overlaps any span of any mention of the gold
participant. Two events share as many participants as a one-to-one pairing of matching
participants can pair. In each document, predicted and gold meetings are paired one-to-one,
greedily, the pairs sharing the most participants first (ties: document order).

Participants: precision = shared participants of the pairs / participants of all predicted
meetings, recall = the same / participants of all gold meetings (an unpaired meeting adds all its
participants to its side's denominator). Events: a pair is a match when it shares at least two
participants, or every gold participant when the gold meeting has fewer than two; precision =
matches / predicted meetings, recall = matches / gold meetings.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from svodka.evaluation.meetings import GoldMeeting, MeetingDocument
from svodka.evaluation.predicted import PredictedEvent, any_overlap
from svodka.evaluation.scoring import Prf, maximum_pairs

MEETING_TYPES = frozenset({"meeting", "call", "negotiations"})
HOSTING_TYPES = frozenset({"host"})


def meetings_among(events: Sequence[PredictedEvent]) -> list[PredictedEvent]:
    meetings = [event for event in events if event.type in MEETING_TYPES]
    hostings = [event for event in events if event.type in HOSTING_TYPES and (event.people or 0) >= 2
                and not any(set(event.participants) <= set(meeting.participants) for meeting in meetings)]
    return meetings + hostings


def shared_participants(predicted: PredictedEvent, gold: GoldMeeting) -> int:
    candidates = [
        [g for g, participant in enumerate(gold.participants) if any_overlap(spans, participant.spans)]
        for spans in predicted.participants
    ]
    return len(maximum_pairs(candidates))


def pair_meetings(
    predicted: Sequence[PredictedEvent], gold: Sequence[GoldMeeting]
) -> list[tuple[int, int, int]]:
    """(predicted index, gold index, shared participants) for the greedy one-to-one pairing."""
    scored = [
        (shared, p, g)
        for p, event in enumerate(predicted)
        for g, meeting in enumerate(gold)
        if (shared := shared_participants(event, meeting)) > 0
    ]
    pairs, used_predicted, used_gold = [], set(), set()
    for shared, p, g in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if p not in used_predicted and g not in used_gold:
            pairs.append((p, g, shared))
            used_predicted.add(p)
            used_gold.add(g)
    return pairs


def is_event_match(gold: GoldMeeting, shared: int) -> bool:
    return shared >= min(2, len(gold.participants))


@dataclass
class MeetingCounts:
    documents: int = 0
    refused: int = 0
    shared_participants: int = 0
    predicted_participants: int = 0
    gold_participants: int = 0
    matched_events: int = 0
    predicted_events: int = 0
    gold_events: int = 0

    def add(self, document: MeetingDocument, events: Sequence[PredictedEvent] | None) -> None:
        """Count one document; ``events`` (all types) is ``None`` when the system refused it."""
        self.documents += 1
        self.refused += events is None
        predicted = meetings_among(events or [])
        pairs = pair_meetings(predicted, document.meetings)
        self.shared_participants += sum(shared for _p, _g, shared in pairs)
        self.predicted_participants += sum(len(event.participants) for event in predicted)
        self.gold_participants += sum(len(meeting.participants) for meeting in document.meetings)
        self.matched_events += sum(is_event_match(document.meetings[g], shared) for _p, g, shared in pairs)
        self.predicted_events += len(predicted)
        self.gold_events += len(document.meetings)

    def participants(self) -> Prf:
        shared = self.shared_participants
        return Prf(shared, self.predicted_participants, shared, self.gold_participants)

    def events(self) -> Prf:
        return Prf(self.matched_events, self.predicted_events, self.matched_events, self.gold_events)
