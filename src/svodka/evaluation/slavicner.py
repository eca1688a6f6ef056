"""SlavicNER (BSNLP shared tasks 2017-2023), Russian part: ``raw/<topic>/ru/*.txt`` + ``ner/<topic>/ru/*.tsv``.

Each ``.tsv`` line is ``start  end  surface  base form  TYPE  cross-lingual id``; PRO and EVT lines
are left out. The original BSNLP releases gave only forms per document; the SlavicNER release adds
character offsets for every mention, flat (a name inside a longer name, "Пакистана" in "Верховный
суд Пакистана", is not annotated). Gold is therefore, by default, the annotated mentions at their
offsets, scored like any other dataset except that a prediction nested inside a correct one is not
judged (the document is ``flat``): the gold cannot say whether "Пакистана" there is right.
``gold="every_occurrence"`` instead builds gold the
BSNLP way, from forms: every whole-word occurrence of an annotated surface form; an occurrence
inside another one is optional, since BSNLP annotates flat.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.mentions import ENTITY_TYPES, GoldMention, NerDocument

GOLD_CHOICES = ("offsets", "every_occurrence")


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    surface: str
    base_form: str
    type: str
    entity_id: str

    def mention_at(self, start: int, end: int) -> GoldMention:
        # Base forms are kept verbatim, stray spaces included (8 have one): the published
        # normalisation figures were computed on them as they are.
        return GoldMention(start, end, self.type, normal=self.base_form, entity_id=self.entity_id)


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


def whole_word_occurrences(form: str, text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
        yield match.start(), match.end()


def is_inside_another(mention: GoldMention, mentions: list[GoldMention]) -> bool:
    return any(
        other.start <= mention.start
        and mention.end <= other.end
        and (other.start, other.end) != (mention.start, mention.end)
        for other in mentions
    )


def every_occurrence(annotations: list[Annotation], text: str) -> tuple[list[GoldMention], list[GoldMention]]:
    """(gold, optional): each annotated form at each of its occurrences, nested ones optional."""
    mentions: dict[tuple[int, int, str], GoldMention] = {}
    for annotation in annotations:
        for start, end in whole_word_occurrences(annotation.surface, text):
            mentions.setdefault((start, end, annotation.type), annotation.mention_at(start, end))
    found = list(mentions.values())
    nested = [mention for mention in found if is_inside_another(mention, found)]
    return [mention for mention in found if mention not in nested], nested


def load_document(tsv_path: Path, raw_path: Path, topic: str, gold: str) -> NerDocument:
    text = read_text(raw_path)
    annotations = [a for a in read_annotations(tsv_path) if a.type in ENTITY_TYPES]
    if gold == "offsets":
        mentions, optional = [a.mention_at(a.start, a.end) for a in annotations], []
    else:
        mentions, optional = every_occurrence(annotations, text)
    return NerDocument(raw_path.stem, text, tuple(mentions), topic, tuple(optional), flat=gold == "offsets")


def topics(root: Path) -> list[str]:
    """The topics present (``us_election_2020`` is held out of the shared copy)."""
    return sorted(path.parent.name for path in root.glob("ner/*/ru"))


def load_slavicner(root: Path, gold: str = "offsets") -> Iterator[NerDocument]:
    """Documents of every topic under ``root`` (``slavicner-bsnlp-ru``), topic by topic."""
    if gold not in GOLD_CHOICES:
        raise ValueError(f"gold must be one of {GOLD_CHOICES}, not {gold!r}")
    for topic in topics(root):
        for tsv_path in sorted((root / "ner" / topic / "ru").glob("*.tsv")):
            raw_path = root / "raw" / topic / "ru" / (tsv_path.stem + ".txt")
            yield load_document(tsv_path, raw_path, topic, gold)
