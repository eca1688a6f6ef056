"""Lines joined back into the paragraphs they were cut from. Scrapers break a sentence onto lines of
its own at every hyperlink ("Напомним, миграционный кризис в Европе" / "начался в 2015 году" /
"из-за увеличения числа беженцев"); read one by one, such lines look like menu items and headings.
A line continues the one before when the break falls inside a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line
from .shapes import is_code, is_credit, stands_alone

FUNCTION_WORDS = frozenset(
    "в во на с со к ко по о об обо от ото из изо за для до при про без над под перед через между у "
    "и а но или либо что чтобы как когда где куда откуда который которая которое которые которого "
    "которой которых если то же ли не ни ещё еще уже даже только лишь наш наша наше наши ваш ваша ваше "
    "ваши его её ее их этот эта это эти тот та те свой своя своё свои этого этой этих также тоже так "
    "около почти более менее".split()
)
OPENS_SENTENCE_GAP = re.compile(r"[,;(«„“\"—–-]$")
CONTINUATION_START = re.compile(r"^[,.;:)»”\]…]|^[a-zа-яё]")
LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
MAX_PIECE_LINES = 40
UNCLOSED_WINDOW = 400
"""How far back an opened parenthesis or quotation mark is looked for."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Lines `first`..`last` (inclusive) of one paragraph, and their text joined by spaces."""

    first: int
    last: int
    text: str

    def lines(self) -> range:
        return range(self.first, self.last + 1)


def pieces(lines: list[Line]) -> list[Piece]:
    found: list[Piece] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if found and _continues(lines[index - 1], line, following, found[-1]):
            previous = found[-1]
            found[-1] = Piece(previous.first, index, f"{previous.text} {line.text}")
        else:
            found.append(Piece(index, index, line.text))
    return found


def _continues(previous: Line, line: Line, following: Line | None, piece: Piece) -> bool:
    """`line` goes on with the sentence of `previous` (same paragraph, no sentence end between).
    A line shaped like a credit or a date ("Forbes", "RT") continues only from inside a sentence
    that goes on after it ("Как пишет журнал" / "Forbes" / ", администрация …")."""
    if previous.paragraph != line.paragraph or piece.last - piece.first >= MAX_PIECE_LINES:
        return False
    if stands_alone(piece.text) and not CONTINUATION_START.match(line.text):
        return False
    if is_code(previous.text) or is_code(line.text):
        return False
    if _unclosed(piece.text[-UNCLOSED_WINDOW:]) and (line.words <= 6 or CONTINUATION_START.match(line.text)):
        return True
    before = previous.text[-60:].rstrip()
    if re.search(r"[.!?…:]['»”\")\]]*$", before):
        return False
    if stands_alone(line.text):
        return is_credit(line.text) and _goes_on(line, following)
    if OPENS_SENTENCE_GAP.search(before) or _ends_with_function_word(before):
        return True
    return bool(CONTINUATION_START.match(line.text))


def _goes_on(line: Line, following: Line | None) -> bool:
    return following is not None and following.paragraph == line.paragraph and bool(
        CONTINUATION_START.match(following.text)) and not is_code(following.text)


def _ends_with_function_word(text: str) -> bool:
    match = LAST_WORD.search(text)
    return bool(match) and match.group(1).lower() in FUNCTION_WORDS and not re.search(r"[»”\"]$", text)


def _unclosed(text: str) -> bool:
    """A parenthesis or a guillemet opened and not closed yet: "(около $130 млн." / "— RT" / ")"."""
    return text.count("(") > text.count(")") or text.count("«") > text.count("»")
