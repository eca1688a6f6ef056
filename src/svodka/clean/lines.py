"""Lines of a text with their offsets, and what each one looks like."""
from __future__ import annotations

import re
from dataclasses import dataclass

LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+")
COUNTED_CHARS = 4000
SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*$")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: `start`/`end` bound its stripped content; `text` is the analysis form."""

    start: int
    end: int
    text: str
    paragraph: int

    @property
    def words(self) -> int:
        """Words of the line, counted in its first COUNTED_CHARS characters (enough for every
        threshold the layout uses, and cheap on a page's one endless line)."""
        return len(WORD.findall(self.text[:COUNTED_CHARS]))

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text[-12:]))

    @property
    def is_prose(self) -> bool:
        """Looks like running text, not a heading, menu item or teaser."""
        return (self.words >= 8 and self.ends_sentence) or self.words >= 25


def split_lines(analysed: str) -> list[Line]:
    """Non-blank lines of `analysed`; a blank line between two lines starts a new paragraph."""
    lines: list[Line] = []
    paragraph, previous_end = 0, 0
    for match in LINE.finditer(analysed):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        if lines and analysed.count("\n", previous_end, match.start()) >= 2:
            paragraph += 1
        start = match.start() + len(raw) - len(raw.lstrip())
        lines.append(Line(start, start + len(stripped), stripped, paragraph))
        previous_end = match.end()
    return lines
