"""factRuEval-2016 Meeting facts: who met whom, each participant located by all its mentions.

A ``.facts`` record ``<doc>-<n> Meeting`` lists ``Participant obj<N> <name>`` lines; ``obj<N>`` is
record ``N`` of ``.coref`` (an object: the mentions of one entity), each mention (``.objects``) is
a list of spans (``.spans``), each span a run of tokens (``.tokens``, offsets into the ``.txt``
read as UTF-8 with ``newline=''``). So a participant is found wherever any of its mentions is.
A ``span<N>`` participant is that span; alternatives (``obj1 X | obj2 Y``, not used in Meeting
facts) make one participant found by either. ``Модальность`` (future, possible, negated...) is
kept but does not filter: a meeting the article says will happen is still gold.

Every document of a split is loaded, with or without meetings: a meeting predicted in a document
without any is a false one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.factrueval import (
    SpanRecord,
    data_lines,
    document_stems,
    mismatched_tokens,
    read_spans,
    read_text,
    read_tokens,
)
from svodka.evaluation.mentions import Span

REFERENCE = re.compile(r"\b(obj|span)(\d+)\b")


@dataclass(frozen=True)
class GoldParticipant:
    """One participant: its name as the fact gives it, and the spans of every mention of it."""

    name: str
    mentions: tuple[tuple[Span, ...], ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(span for mention in self.mentions for span in mention)


@dataclass(frozen=True)
class GoldMeeting:
    id: str
    participants: tuple[GoldParticipant, ...]
    modality: str | None = None


@dataclass(frozen=True)
class MeetingDocument:
    id: str
    text: str
    meetings: tuple[GoldMeeting, ...]


def read_mention_spans(path: Path, spans: dict[str, SpanRecord]) -> dict[str, tuple[Span, ...]]:
    """Mention id -> the ranges of its spans, for mentions of every type."""
    mentions = {}
    for line in data_lines(path):
        mention_id, _type, *span_ids = line.split()
        mentions[mention_id] = tuple((spans[s].start, spans[s].end) for s in span_ids)
    return mentions


def read_coref_objects(path: Path) -> dict[str, list[str]]:
    """Object id -> its mention ids, from each record's first line."""
    objects = {}
    for record in read_text(path).split("\n\n"):
        first_line = record.strip().partition("\n")[0]
        if first_line:
            object_id, *mention_ids = first_line.split()
            objects[object_id] = mention_ids
    return objects


def fact_records(path: Path) -> Iterator[list[str]]:
    for record in read_text(path).split("\n\n"):
        record_lines = [line.strip() for line in record.split("\n") if line.strip()]
        if record_lines:
            yield record_lines


class Resolver:
    """Turns ``obj<N>`` / ``span<N>`` references of one document into mention ranges."""

    def __init__(self, stem: Path, spans: dict[str, SpanRecord]):
        self.spans = spans
        self.mentions = read_mention_spans(stem.with_suffix(".objects"), spans)
        self.objects = read_coref_objects(stem.with_suffix(".coref"))
        self.stem = stem

    def participant(self, value: str) -> GoldParticipant:
        references = REFERENCE.findall(value)
        if not references:
            raise ValueError(f"{self.stem}: participant {value!r} names no object or span")
        mentions = tuple(mention for kind, number in references for mention in self.resolve(kind, number))
        name = REFERENCE.sub("", value.split("|")[0]).strip()
        return GoldParticipant(name, mentions)

    def resolve(self, kind: str, number: str) -> list[tuple[Span, ...]]:
        if kind == "span":
            span = self.spans[number]
            return [((span.start, span.end),)]
        if number not in self.objects:
            raise ValueError(f"{self.stem}: fact refers to unknown object {number}")
        return [self.mentions[mention_id] for mention_id in self.objects[number]]


def meeting_from_record(record: list[str], resolver: Resolver) -> GoldMeeting | None:
    fact_id, _, fact_type = record[0].partition(" ")
    if fact_type.strip() != "Meeting":
        return None
    participants, modality = [], None
    for line in record[1:]:
        role, _, value = line.partition(" ")
        if role == "Participant":
            participants.append(resolver.participant(value))
        elif role == "Модальность":
            modality = value.strip()
    return GoldMeeting(fact_id, tuple(participants), modality)


def load_document(stem: Path) -> MeetingDocument:
    text = read_text(stem.with_suffix(".txt"))
    tokens = read_tokens(stem.with_suffix(".tokens"))
    if mismatched := mismatched_tokens(text, tokens):
        raise ValueError(f"{stem}: {len(mismatched)} token offsets do not match the text")
    resolver = Resolver(stem, read_spans(stem.with_suffix(".spans"), tokens))
    facts_path = stem.with_suffix(".facts")
    records = fact_records(facts_path) if facts_path.exists() else iter(())
    meetings = [meeting_from_record(record, resolver) for record in records]
    return MeetingDocument(stem.name, text, tuple(m for m in meetings if m is not None))


def load_meetings(split_dir: Path) -> Iterator[MeetingDocument]:
    """Documents of one split directory (``factrueval2016/devset`` or ``testset``)."""
    for stem in document_stems(split_dir):
        yield load_document(stem)
