"""NEREL v1.1 events: EVENT triggers, their PERSON / ORGANIZATION / COUNTRY arguments, a kind.

NEREL has no brat ``E`` lines: an event is an ``EVENT`` entity, its span usually the trigger
("встречи", "скончался", "назначен"), tied to its participants by relations whose ``Arg2`` is the
event. Arguments here are the ``Arg1`` of ``ARGUMENT_RELATIONS`` whose type is in
``ARGUMENT_TYPES``. A discontinuous span is taken from its first to its last character (as
:mod:`.nerel` does).

``kind`` is the svodka event type a trigger is an instance of, or ``None`` for kinds svodka does
not extract (deaths, births, elections, trials...): the first word of the trigger whose
pymorphy3 lemma is in ``KIND_BY_LEMMA``. It is decided by lemma alone, so it is approximate: the
boxing "пропустил много ударов" is ``military``, the historical "встреча на Эльбе" a ``meeting``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.entities.morph import WORD, lemma
from svodka.evaluation.nerel import parse_entity_line, read_text

ARGUMENT_RELATIONS = frozenset({"AGENT", "PARTICIPANT_IN"})
ARGUMENT_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY"})

KINDS = {
    "meeting": "встреча встретиться встречаться саммит совещание",
    "call": "разговор позвонить созвониться звонок",
    "visit": "визит посетить посещать посещение прибыть приехать прилететь",
    "statement": "заявить заявление заявлять объявить",
    "congratulation": "поздравить поздравление поздравлять",
    "agreement": "соглашение договор договориться договорённость подписать подписание меморандум",
    "negotiations": "переговоры",
    "accusation": "обвинить обвинять обвинение критиковать раскритиковать критика",
    "sanctions": "санкция",
    "appointment": "назначить назначение назначать",
    "military": "удар авиаудар атака атаковать обстрел обстрелять бомбардировка",
    "protest": "протест протестовать митинг демонстрация забастовка пикет",
}
KIND_BY_LEMMA = {word.replace("ё", "е"): kind for kind, words in KINDS.items() for word in words.split()}


@dataclass(frozen=True)
class GoldArgument:
    start: int
    end: int
    type: str
    relation: str


@dataclass(frozen=True)
class GoldTrigger:
    id: str
    start: int
    end: int
    text: str
    kind: str | None
    arguments: tuple[GoldArgument, ...] = ()


@dataclass(frozen=True)
class EventDocument:
    id: str
    text: str
    triggers: tuple[GoldTrigger, ...]


def trigger_kind(text: str) -> str | None:
    """The svodka event type of a trigger, by the lemma of its first word that has one."""
    for word in WORD.findall(text):
        kind = KIND_BY_LEMMA.get(lemma(word))
        if kind is not None:
            return kind
    return None


def parse_relation_line(line: str) -> tuple[str, str, str]:
    """``R<n>\\t<REL> Arg1:T<a> Arg2:T<b>\\t`` -> relation, first argument id, second argument id."""
    relation, arg1, arg2 = line.split("\t")[1].split()
    return relation, arg1.removeprefix("Arg1:"), arg2.removeprefix("Arg2:")


def read_annotations(ann_path: Path) -> tuple[dict[str, tuple[str, int, int]], list[tuple[str, str, str]]]:
    """Entities (id -> type, start, end) and relations (relation, arg1, arg2) of one ``.ann``."""
    entities, relations = {}, []
    for line in read_text(ann_path).split("\n"):
        if line.startswith("T") and line.count("\t") >= 2:
            entity_id, entity_type, start, end = parse_entity_line(line)
            entities[entity_id] = (entity_type, start, end)
        elif line.startswith("R") and "\t" in line:
            relations.append(parse_relation_line(line))
    return entities, relations


def arguments_by_event(entities, relations) -> dict[str, list[GoldArgument]]:
    arguments: dict[str, list[GoldArgument]] = {}
    for relation, arg1, arg2 in relations:
        if relation not in ARGUMENT_RELATIONS or arg1 not in entities:
            continue
        arg_type, start, end = entities[arg1]
        if arg_type in ARGUMENT_TYPES:
            arguments.setdefault(arg2, []).append(GoldArgument(start, end, arg_type, relation))
    return arguments


def load_document(ann_path: Path) -> EventDocument:
    text = read_text(ann_path.with_suffix(".txt"))
    entities, relations = read_annotations(ann_path)
    arguments = arguments_by_event(entities, relations)
    triggers = tuple(
        GoldTrigger(entity_id, start, end, text[start:end], trigger_kind(text[start:end]),
                    tuple(arguments.get(entity_id, ())))
        for entity_id, (entity_type, start, end) in entities.items()
        if entity_type == "EVENT"
    )
    return EventDocument(ann_path.stem.removesuffix("_text"), text, triggers)


def load_nerel_events(split_dir: Path) -> Iterator[EventDocument]:
    """Documents of one split directory (e.g. ``nerel/NEREL-v1.1/dev``)."""
    for ann_path in sorted(split_dir.glob("*.ann")):
        yield load_document(ann_path)
