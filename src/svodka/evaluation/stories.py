"""Story clustering gold: same-story article pairs (tgcontest Toloka pools, ParaPhraser headline
pairs) and story topics (SlavicNER), read as raw documents for svodka to ingest."""
from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import RawDocument

TGCONTEST_POOLS = {"tgcontest-exam": "ru_exam_pool.tsv", "tgcontest-train": "ru_train_pool.tsv"}
PARAPHRASE_CLASSES = {"1": True, "0": True, "-1": False}
"""Strict and loose paraphrases tell the same story; non-paraphrases do not."""


@dataclass(frozen=True)
class StoryPair:
    first: RawDocument
    second: RawDocument
    same_story: bool


def tgcontest_pairs(data_dir: Path, pool: str) -> list[StoryPair]:
    """The pool's pairs, each article with its title, full text and URL; GOLDEN:quality OK = same."""
    path = data_dir / "tgcontest-toloka" / "toloka" / "clustering_pairs" / TGCONTEST_POOLS[pool]
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [StoryPair(_tgcontest_article(row, "first"), _tgcontest_article(row, "second"),
                      row["GOLDEN:quality"] == "OK") for row in rows]


def _tgcontest_article(row: dict, side: str) -> RawDocument:
    url = row[f"INPUT:{side}_url"]
    return RawDocument(source=url, text=row[f"INPUT:{side}_text"], title=row[f"INPUT:{side}_title"], url=url)


def paraphraser_pairs(data_dir: Path, limit: int | None = None) -> list[StoryPair]:
    """Headline pairs, each headline an article of its own (a one-sentence body: svodka reads a
    title only when a body follows it); ids as the corpus has them."""
    path = data_dir / "paraphraser" / "paraphraser" / "paraphrases.xml"
    # The declaration says encoding='UTF8', which expat rejects; the bytes are UTF-8.
    raw = path.read_bytes().replace(b"encoding='UTF8'", b"encoding='UTF-8'", 1)
    pairs = []
    for element in ET.fromstring(raw).iter("paraphrase"):
        values = {value.get("name"): value.text or "" for value in element}
        pairs.append(StoryPair(_headline(values["id_1"], values["text_1"]),
                               _headline(values["id_2"], values["text_2"]),
                               PARAPHRASE_CLASSES[values["class"]]))
        if limit and len(pairs) >= limit:
            break
    return pairs


def _headline(headline_id: str, text: str) -> RawDocument:
    return RawDocument(source=f"paraphraser:{headline_id}", text=text)


def slavicner_topics(data_dir: Path, limit: int | None = None) -> Iterator[tuple[str, RawDocument]]:
    """(topic, document) for every raw SlavicNER document; `limit` documents per topic."""
    root = data_dir / "slavicner-bsnlp-ru" / "raw"
    for topic_dir in sorted(path for path in root.iterdir() if path.is_dir()):
        for path in sorted((topic_dir / "ru").glob("*.txt"))[:limit]:
            yield topic_dir.name, RawDocument(source=str(path), text=path.read_text(encoding="utf-8"))
