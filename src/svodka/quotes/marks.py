"""Quotation marks: the outermost «…», “…”, „…“ and "…" of a passage, and the editor's notes inside
a quote ("(России и Белоруссии – прим. ВЗГЛЯД)")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Range

PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
ATTRIBUTION = re.compile(r"[,.!?…]*\s*[–—]")
PARENTHESIS = re.compile(r"\([^()]*\)")
NOTE = re.compile(r"\((?:[^()]*?[–—-]\s*)?(?:прим\.|примеч\.|ред\.)[^()]*\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quoted:
    """The words between a pair of quotation marks: `[start, end)`, offsets into the article."""

    start: int
    end: int

    @property
    def open(self) -> int:
        return self.start - 1

    @property
    def close(self) -> int:
        return self.end


def quoted(text: str, start: int, end: int) -> list[Quoted]:
    """The outermost quotations of `text[start:end]`; an unclosed mark quotes nothing."""
    found, at = [], start
    while at < end:
        mark = text[at]
        closing = PAIRS.get(mark)
        if closing is None:
            at += 1
            continue
        close = _matching(text, at, end, mark, closing)
        if close is None:
            at += 1
            continue
        found.append(Quoted(at + 1, close))
        at = close + 1
    return found


def _matching(text: str, at: int, end: int, mark: str, closing: str) -> int | None:
    """Where the quotation opened at `at` closes. A quotation that ends with a quotation inside it
    often closes both with one mark ("«… «Джебхат ан-Нусра» (запрещены в РФ)."): where one mark is
    left open and the passage ends with an inner quotation, it closes with that one."""
    if mark == closing:  # straight quotes do not nest
        close = text.find(closing, at + 1, end)
        return close if close > at + 1 else None
    depth, shared = 0, None
    for index in range(at, end):
        if text[index] == mark:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index
            shared = index if depth == 1 else shared
    return shared if depth == 1 and shared is not None and _ends_passage(text, shared + 1, end) else None


def _ends_passage(text: str, at: int, end: int) -> bool:
    """Nothing but punctuation and a parenthesis ("(запрещены в РФ).") left before `end`, or the
    attribution after a dash ("», — сказал он.")."""
    rest = PARENTHESIS.sub("", text[at:end])
    return not any(char.isalnum() for char in rest) or ATTRIBUTION.match(rest) is not None


def notes(text: str, start: int, end: int) -> tuple[Range, ...]:
    """Editor's notes inside `text[start:end]`."""
    return tuple(Range(start + m.start(), start + m.end()) for m in NOTE.finditer(text[start:end]))
