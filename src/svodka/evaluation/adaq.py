"""ADAQ Russian quotation test set: sentences whose tokens are tagged source / cue / content.

``data/ru_sentences.tsv`` (``sentences``, ``sentence_id``) and ``data/ru_tokens.tsv`` (``lemmas``,
``text``, ``sentence_num``, ``index_of_token_sent``, ``tags``) are tab-separated with CSV quoting:
a token that is one double quote is written as four of them, so both are read with :mod:`csv`,
not split on tabs.

The tokens carry no offsets. Each is placed in its sentence by searching for its text from the end
of the previous token, with only whitespace allowed in between. Quote marks and dashes are
compared folded (``"`` = ``«`` = ``»`` = ``„`` = ``“`` = ``”``, ``-`` = ``–`` = ``—``) in case a
token and its sentence disagree on them. A token that cannot be placed keeps ``start = end =
None`` and is listed by :func:`alignment_failures` (on the shared copy there are none); the next
token is then searched for from the last placed one, gap allowed.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.mentions import Span

TAGS = ("content", "source", "cue")
NO_TAG = "None"

FOLD = str.maketrans({**dict.fromkeys("«»„“”‟″", '"'), **dict.fromkeys("–—‒―−", "-")})


@dataclass(frozen=True)
class AdaqToken:
    index: int
    text: str
    lemma: str
    tag: str
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> Span | None:
        return (self.start, self.end) if self.start is not None else None

    @property
    def is_punctuation(self) -> bool:
        return not any(char.isalnum() for char in self.text)


@dataclass(frozen=True)
class AdaqSentence:
    id: str
    text: str
    tokens: tuple[AdaqToken, ...]

    def tagged(self, tag: str) -> list[AdaqToken]:
        return [token for token in self.tokens if token.tag == tag]

    def runs(self, tag: str) -> list[list[AdaqToken]]:
        """Maximal runs of consecutive tokens tagged ``tag`` (the dataset's spans)."""
        runs: list[list[AdaqToken]] = []
        previous = None
        for token in self.tokens:
            if token.tag == tag:
                if previous is None or previous.tag != tag:
                    runs.append([])
                runs[-1].append(token)
            previous = token
        return runs


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def fold(text: str) -> str:
    return text.translate(FOLD)


def align(text: str, token_texts: list[str]) -> list[Span | None]:
    """Each token's range in ``text``, in order; ``None`` for a token that cannot be placed."""
    folded, position, spans = fold(text), 0, []
    for token_text in token_texts:
        found = folded.find(fold(token_text), position) if token_text else -1
        after_failure = bool(spans) and spans[-1] is None
        if found < 0 or (text[position:found].strip() and not after_failure):
            spans.append(None)
            continue
        spans.append((found, found + len(token_text)))
        position = found + len(token_text)
    return spans


def sentence_tokens(text: str, rows: list[dict[str, str]]) -> tuple[AdaqToken, ...]:
    rows = sorted(rows, key=lambda row: int(row["index_of_token_sent"]))
    spans = align(text, [row["text"] for row in rows])
    return tuple(
        AdaqToken(int(row["index_of_token_sent"]), row["text"], row["lemmas"], row["tags"],
                  *(span or (None, None)))
        for row, span in zip(rows, spans)
    )


def load_adaq(root: Path) -> Iterator[AdaqSentence]:
    """Sentences of ``root`` (``adaq-quotes-ru``) in file order, tokens placed in their text."""
    rows_by_sentence: dict[str, list[dict[str, str]]] = {}
    for row in read_rows(root / "data" / "ru_tokens.tsv"):
        rows_by_sentence.setdefault(row["sentence_num"], []).append(row)
    for row in read_rows(root / "data" / "ru_sentences.tsv"):
        sentence_id, text = row["sentence_id"], row["sentences"]
        yield AdaqSentence(sentence_id, text, sentence_tokens(text, rows_by_sentence.get(sentence_id, [])))


def alignment_failures(sentences: list[AdaqSentence]) -> list[tuple[str, AdaqToken]]:
    """(sentence id, token) for every token that could not be placed in its sentence."""
    return [(s.id, token) for s in sentences for token in s.tokens if token.span is None]
