"""NEREL v1.1 loader (brat standoff ``.txt`` + ``.ann``), reduced to PER / LOC / ORG.

NEREL is nested; the harness scores flat output. Gold (counted for recall) is the outermost
mention of each type: one nested inside another mention of the same type (after mapping, so a
CITY inside a LOCATION too) is *optional*: finding it is right, missing it is not wrong.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from svodka.evaluation.mentions import GoldMention, NerDocument

NEREL_TYPES = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "COUNTRY": "LOC",
    "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "LOCATION": "LOC",
    "DISTRICT": "LOC",
}


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def parse_entity_line(line: str) -> tuple[str, str, int, int]:
    """``T<n>\\t<TYPE> <start> <end>[;<start> <end>...]\\t<surface>`` -> id, type, start, end.

    A discontinuous mention is taken as the range from its first to its last character.
    """
    mention_id, type_and_offsets, _surface = line.split("\t", 2)
    nerel_type, offsets = type_and_offsets.split(" ", 1)
    numbers = [int(number) for number in offsets.replace(";", " ").split()]
    return mention_id, nerel_type, numbers[0], numbers[-1]


def wikidata_links(lines: list[str]) -> dict[str, str]:
    """Mention id -> Wikidata QID from ``N<n>\\tReference T<k> Wikidata:<QID>`` lines."""
    links = {}
    for line in lines:
        if not line.startswith("N"):
            continue
        fields = line.split("\t")[1].split() if "\t" in line else []
        if len(fields) == 3 and fields[2].startswith("Wikidata:Q"):
            links[fields[1]] = fields[2].removeprefix("Wikidata:")
    return links


def read_mentions(ann_path: Path) -> list[GoldMention]:
    lines = read_text(ann_path).split("\n")
    links = wikidata_links(lines)
    mentions = {}
    for line in lines:
        if not line.startswith("T") or line.count("\t") < 2:
            continue
        mention_id, nerel_type, start, end = parse_entity_line(line)
        entity_type = NEREL_TYPES.get(nerel_type)
        if entity_type is not None:
            mention = GoldMention(start, end, entity_type, entity_id=links.get(mention_id))
            mentions.setdefault((start, end, entity_type), mention)
    return list(mentions.values())


def is_nested_in_same_type(mention: GoldMention, others: list[GoldMention]) -> bool:
    return any(
        other.type == mention.type
        and other.start <= mention.start
        and mention.end <= other.end
        and (other.start, other.end) != (mention.start, mention.end)
        for other in others
    )


def load_document(ann_path: Path) -> NerDocument:
    mentions = read_mentions(ann_path)
    nested = [mention for mention in mentions if is_nested_in_same_type(mention, mentions)]
    outermost = [mention for mention in mentions if mention not in nested]
    document_id = ann_path.stem.removesuffix("_text")
    text = read_text(ann_path.with_suffix(".txt"))
    return NerDocument(document_id, text, tuple(outermost), optional=tuple(nested))


def load_nerel(split_dir: Path) -> Iterator[NerDocument]:
    """Documents of one split directory (e.g. ``nerel/NEREL-v1.1/dev``)."""
    for ann_path in sorted(split_dir.glob("*.ann")):
        yield load_document(ann_path)
