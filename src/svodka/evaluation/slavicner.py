"""SlavicNER (BSNLP 2017-2023) Russian loader: ``raw/<topic>/ru/*.txt`` + ``ner/<topic>/ru/*.tsv``."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.mentions import ENTITY_TYPES, GoldMention, NerDocument


@dataclass(frozen=True)
class Annotation:
    """One ``.tsv`` line: ``start end surface base_form TYPE cross-lingual-id``."""

    start: int
    end: int
    surface: str
    base_form: str
    type: str
    entity_id: str


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def read_annotations(tsv_path: Path) -> list[Annotation]:
    annotations = []
    for line in read_text(tsv_path).split("\n"):
        if not line.strip():
            continue
        start, end, surface, base_form, entity_type, entity_id = line.split("\t")
        annotations.append(Annotation(int(start), int(end), surface, base_form, entity_type, entity_id))
    return annotations


def mention_from_annotation(annotation: Annotation) -> GoldMention:
    return GoldMention(
        annotation.start,
        annotation.end,
        annotation.type,
        normal=annotation.base_form,
        entity_id=annotation.entity_id,
    )


def occurrences(form: str, text: str) -> Iterator[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def mentions_at_every_occurrence(annotations: list[Annotation], text: str) -> list[GoldMention]:
    mentions = {}
    for annotation in annotations:
        for start, end in occurrences(annotation.surface, text):
            mention = GoldMention(start, end, annotation.type, normal=annotation.base_form, entity_id=annotation.entity_id)
            mentions.setdefault((start, end, annotation.type), mention)
    return list(mentions.values())


def load_document(tsv_path: Path, raw_path: Path, topic: str, gold_from: str) -> NerDocument:
    text = read_text(raw_path)
    annotations = [a for a in read_annotations(tsv_path) if a.type in ENTITY_TYPES]
    if gold_from == "offsets":
        gold = [mention_from_annotation(a) for a in annotations]
    else:
        gold = mentions_at_every_occurrence(annotations, text)
    return NerDocument(raw_path.stem, text, tuple(gold), topic)


def topics(root: Path) -> list[str]:
    return sorted(path.parent.name for path in root.glob("ner/*/ru"))


def load_slavicner(root: Path, gold_from: str = "offsets") -> Iterator[NerDocument]:
    for topic in topics(root):
        for tsv_path in sorted((root / "ner" / topic / "ru").glob("*.tsv")):
            raw_path = root / "raw" / topic / "ru" / (tsv_path.stem + ".txt")
            yield load_document(tsv_path, raw_path, topic, gold_from)
