"""Sentences and tokens of an article's content, addressed by offsets into its text: what quotes and
events read. A sentence never ends inside quotation marks or parentheses ("прим. ВЗГЛЯД)" inside a
quote does not end it), so a quote of several sentences and its attribution are one unit."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from razdel import sentenize

from .entities.words import CONTENT_KINDS
from .records import Span

OPENING = "«“„("
CLOSING = "»”“)"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the content span it is in
    kind: str  # title, lead or body


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def sentences(text: str, spans: tuple[Span, ...]) -> list[Sentence]:
    """The sentences of the title, lead and body, in text order."""
    found = []
    for index, span in enumerate(spans):
        if span.kind in CONTENT_KINDS:
            found.extend(Sentence(span.start + start, span.start + end, index, span.kind)
                         for start, end in _balanced(span.of(text)))
    return found


def _balanced(passage: str) -> Iterator[tuple[int, int]]:
    """razdel's sentences, joined while a quotation or parenthesis opened in them is still open."""
    start = None
    for piece in sentenize(passage):
        start = piece.start if start is None else start
        if _is_closed(passage[start : piece.stop]):
            yield start, piece.stop
            start = None
    if start is not None:
        yield start, len(passage.rstrip())


def _is_closed(text: str) -> bool:
    guillemets = text.count("«") - text.count("»")
    parentheses = text.count("(") - text.count(")")
    straight = text.count('"') % 2
    curly = text.count("“") + text.count("„") - text.count("”") - 2 * _closing_low_quotes(text)
    return guillemets <= 0 and parentheses <= 0 and not straight and curly <= 0


def _closing_low_quotes(text: str) -> int:
    """„…“ closes with “, which otherwise opens: the “ that close a „ (counted once as openers)."""
    return min(text.count("„"), text.count("“"))


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of `text[start:end]`, offsets into `text`."""
    return [Token(start + m.start(), start + m.end(), m.group()) for m in TOKEN.finditer(text[start:end])]
