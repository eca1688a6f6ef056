"""Sentences and tokens of an article's content, addressed by offsets into its text: what quotes and
events read. A sentence never ends inside quotation marks or parentheses ("прим. ВЗГЛЯД)" inside a
quote does not end it), so a quote of several sentences and its attribution are one unit. A paragraph
ends a sentence whatever is open in it, except direct speech that opened a paragraph or followed a
colon and goes on over the next ("«…\n…», — сказал он"); a heading line ends its own."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator
from dataclasses import dataclass

from razdel import sentenize

from .entities.words import CONTENT_KINDS
from .records import Span

OPENING = "«“„("
CLOSING = "»”“)"
MAX_JOINED = 12
MAX_SENTENCE_CHARS = 3000
# A line of its own with no closing punctuation ("Цепная реакция"), before a capitalised line.
HEADING = re.compile(r"[A-ZА-ЯЁ][^\n.!?…:;,]{0,118}[^\s.!?…:;,–—-]([ \t\xa0]*\n\s*)(?=[A-ZА-ЯЁ«])")
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


@lru_cache(maxsize=8)
def sentences(text: str, spans: tuple[Span, ...]) -> tuple[Sentence, ...]:
    """The sentences of the title, lead and body, in text order (read once for the quotes and the
    events stage)."""
    found = []
    for index, span in enumerate(spans):
        if span.kind in CONTENT_KINDS:
            passage = span.of(text)
            found.extend(Sentence(span.start + start, span.start + end, index, span.kind)
                         for sentence in _balanced(passage) for start, end in _cut(passage, *sentence))
    return tuple(found)


def _balanced(passage: str) -> Iterator[tuple[int, int]]:
    """razdel's sentences, joined while a quotation or parenthesis opened in them is still open."""
    start, stop, joined = None, 0, 0
    for piece_start, piece_stop in _pieces(passage):
        if start is not None and _new_paragraph(passage, stop, piece_start) and not _speech_open(passage[start:stop]):
            yield start, stop
            start, joined = None, 0
        start = piece_start if start is None else start
        stop, joined = piece_stop, joined + 1
        if _is_closed(passage[start:stop]) or _too_long(passage, start, stop, joined):
            yield start, stop
            start, joined = None, 0
    if start is not None:
        yield start, len(passage.rstrip())


def _pieces(passage: str) -> Iterator[tuple[int, int]]:
    """razdel's sentences, a heading line that razdel ran into the next sentence cut off (a line of
    its own at the start of a sentence)."""
    for piece in sentenize(passage):
        heading = HEADING.match(passage, piece.start, piece.stop)
        if heading is not None and _starts_line(passage, piece.start):
            yield piece.start, heading.start(1)
            yield heading.end(1), piece.stop
        else:
            yield piece.start, piece.stop


def _new_paragraph(passage: str, stop: int, start: int) -> bool:
    """Whether the next sentence opens a paragraph: a line break before it, and it starts as a
    sentence does (not "— RT)", an editor's note an HTML element put on a line of its own)."""
    return "\n" in passage[stop:start] and (passage[start].isalnum() or passage[start] in "«“„\"")


def _starts_line(passage: str, at: int) -> bool:
    while at > 0 and passage[at - 1] in " \t\xa0":
        at -= 1
    return at == 0 or passage[at - 1] == "\n"


def _speech_open(unit: str) -> bool:
    """Whether the first quotation still open at the end of `unit` is direct speech that goes on:
    opened at the unit's start ("«Мы …", "– «Мы …") or after a colon ("заявил: «…"), and no mark
    after it closes anything (in "«Мы … «Джабхат ан-Нусры», — сказал он" one mark closed both)."""
    opened = _unclosed_opening(unit)
    if opened is None or any(char in "»”" for char in unit[opened:]):
        return False
    before = unit[:opened].rstrip(" \t\xa0–—-")
    return not before or before.endswith(":")


def _unclosed_opening(unit: str) -> int | None:
    """Offset of the outermost quotation mark (not parenthesis) left open in `unit`."""
    stack = []
    for index, char in enumerate(unit):
        if char in "«„" or char == "“" and not (stack and unit[stack[-1]] == "„"):
            stack.append(index)
        elif char in "»”“" and stack:
            stack.pop()
        elif char == "(":
            stack.append(index)
        elif char == ")" and stack and unit[stack[-1]] == "(":
            stack.pop()
    quotations = [index for index in stack if unit[index] != "("]
    return quotations[0] if quotations and not any(unit[i] == "(" for i in stack) else None


def _cut(passage: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A "sentence" longer than MAX_SENTENCE_CHARS (a page's run of words with no full stop) in
    pieces of at most that length, cut at spaces."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = passage.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut + 1 if passage[cut : cut + 1] == " " else cut
    yield start, end


def _too_long(passage: str, start: int, end: int, joined: int) -> bool:
    """A mark opened and never closed (a typo, a cut) joins no more than this: a quotation of a few
    sentences is one unit, the rest of the article is not (and the stages reading sentences stay
    linear in the article's length)."""
    return joined >= MAX_JOINED or end - start >= MAX_SENTENCE_CHARS


def _is_closed(text: str) -> bool:
    guillemets = text.count("«") - text.count("»")
    parentheses = text.count("(") - text.count(")")
    straight = text.count('"') % 2
    curly = text.count("“") + text.count("„") - text.count("”") - 2 * _closing_low_quotes(text)
    return guillemets <= 0 and parentheses <= 0 and not straight and curly <= 0


def _closing_low_quotes(text: str) -> int:
    """„…“ closes with “, which otherwise opens: the “ that close a „ (counted once as openers)."""
    return min(text.count("„"), text.count("“"))


@lru_cache(maxsize=4096)
def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Words and punctuation marks of `text[start:end]`, offsets into `text` (read once for the
    quotes and the events stage)."""
    return tuple(Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end))
