"""Which lines of a scraped text are title, lead, byline, body and chrome.

The text is never rewritten: every line gets a kind, and runs of lines become spans.
"""
from __future__ import annotations

import re

from ..records import Span
from .byline import parse_byline
from .chrome import is_chrome_line, is_date_line, is_section_marker
from .lines import Line

MAX_TITLE_WORDS = 40
MAX_LEAD_WORDS = 80
MENU_ITEM_WORDS = 5
MENU_RUN = 3


def label_lines(lines: list[Line], title_hint: str | None = None) -> list[str]:
    """One kind per line: title, lead, byline, body or chrome."""
    kinds: list[str | None] = [None] * len(lines)
    tail = _tail_start(lines)
    kinds[tail:] = ["chrome"] * (len(lines) - tail)
    _label_furniture(lines[:tail], kinds)
    _label_menu_runs(lines[:tail], kinds)
    first_body = _label_head(lines[:tail], kinds, title_hint)
    for index in range(first_body, tail):
        kinds[index] = kinds[index] or "body"
    return [kind or "chrome" for kind in kinds]


def _tail_start(lines: list[Line]) -> int:
    """Index of the sidebar heading ("Последние новости", "Читайте также") after which the rest is
    chrome; len(lines) when there is none. A heading followed by mostly prose is not a sidebar."""
    for index, line in enumerate(lines):
        if is_section_marker(line.text) and _mostly_not_prose(lines[index + 1 :]):
            return index
    return len(lines)


def _mostly_not_prose(lines: list[Line]) -> bool:
    content = [line for line in lines if not is_chrome_line(line.text)]
    prose = sum(1 for line in content if line.is_prose)
    return prose < 0.5 * len(content) or not content


def _label_furniture(lines: list[Line], kinds: list[str | None]) -> None:
    for index, line in enumerate(lines):
        if parse_byline(line.text):
            kinds[index] = "byline"
        elif is_chrome_line(line.text) or is_section_marker(line.text):
            kinds[index] = "chrome"


def _label_menu_runs(lines: list[Line], kinds: list[str | None]) -> None:
    """Three or more consecutive one-to-five-word lines in one paragraph are a menu."""
    for run in _menu_runs(lines, kinds):
        if len(run) >= MENU_RUN:
            for index in run:
                kinds[index] = "chrome"


def _menu_runs(lines: list[Line], kinds: list[str | None]) -> list[list[int]]:
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if not _menu_item(line, kinds[index]):
            runs.append([])
        elif runs[-1] and lines[runs[-1][-1]].paragraph != line.paragraph:
            runs.append([index])
        else:
            runs[-1].append(index)
    return runs


def _menu_item(line: Line, kind: str | None) -> bool:
    return kind in (None, "chrome") and line.words <= MENU_ITEM_WORDS and not line.ends_sentence


def _label_head(lines: list[Line], kinds: list[str | None], title_hint: str | None) -> int:
    """Label title, repeated titles, lead and datelines; return the index where the body starts."""
    free = [index for index, kind in enumerate(kinds[: len(lines)]) if kind is None]
    if not free:
        return len(lines)
    first_prose = next((index for index in free if lines[index].is_prose), len(lines))
    title = _title_index(lines, free, first_prose, title_hint)
    if title is None:
        return _label_datelines(lines, kinds, first_prose)
    for index in free:
        if index < title:
            kinds[index] = "chrome"
    key = _key(lines[title].text)
    head_end = _lead_absorbs_first_prose(lines, kinds, first_prose)
    for index in free:
        if index >= head_end:
            break
        if index == title or _key(lines[index].text) == key:
            kinds[index] = "title"
        elif index > title and lines[index].words <= MAX_LEAD_WORDS:
            kinds[index] = "lead"
    return _label_datelines(lines, kinds, head_end)


def _title_index(lines: list[Line], free: list[int], first_prose: int, hint: str | None) -> int | None:
    if hint:
        wanted = _key(hint)
        return next((index for index in free if _key(lines[index].text) == wanted), None)
    candidate = free[0]
    if _is_rubric(lines, free, first_prose):
        candidate = free[1]
    if candidate < first_prose and lines[candidate].words <= MAX_TITLE_WORDS:
        return candidate
    return None


def _is_rubric(lines: list[Line], free: list[int], first_prose: int) -> bool:
    """"Европа" above "Коронавирус: ЕС заказал еще 300 млн доз вакцины": a one- or two-word section
    name right above a longer headline is the site's rubric, not the title."""
    if len(free) < 2 or free[1] >= first_prose:
        return False
    rubric, headline = lines[free[0]], lines[free[1]]
    return rubric.words <= 2 and not rubric.ends_sentence and headline.words >= 2 * rubric.words + 3


def _lead_absorbs_first_prose(lines: list[Line], kinds: list[str | None], first_prose: int) -> int:
    """A one-sentence paragraph right before a byline is the lead, even when it ends in a full stop."""
    after = first_prose + 1
    if after < len(lines) and kinds[after] == "byline" and lines[first_prose].words <= MAX_LEAD_WORDS:
        return after
    return first_prose


def _label_datelines(lines: list[Line], kinds: list[str | None], body_start: int) -> int:
    for index in range(body_start):
        if kinds[index] == "chrome" and is_date_line(lines[index].text):
            kinds[index] = "byline"
    while body_start < len(lines) and kinds[body_start] is not None:
        body_start += 1
    return body_start


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def merge_spans(lines: list[Line], kinds: list[str]) -> tuple[Span, ...]:
    """Runs of same-kind lines become one span; runs other than chrome stop at paragraph breaks."""
    spans: list[Span] = []
    previous: Line | None = None
    for line, kind in zip(lines, kinds):
        if spans and spans[-1].kind == kind and (kind == "chrome" or previous.paragraph == line.paragraph):
            spans[-1] = Span(spans[-1].start, line.end, kind)
        else:
            spans.append(Span(line.start, line.end, kind))
        previous = line
    return tuple(spans)
