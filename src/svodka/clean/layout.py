"""Which lines of a scraped text are title, lead, byline, body and chrome.

The text is never rewritten: every line gets a kind, and runs of lines become spans.
"""
from __future__ import annotations

import re

from ..records import Span
from .byline import parse_byline
from .authors import author_name, is_desk, valid_authors
from .blocks import mark_blocks
from .chrome import is_chrome_line, is_date_line, is_section_marker
from .lines import Line
from .pieces import Piece, pieces
from .shapes import is_code, is_date, is_embed_furniture, is_notice, is_read_also

COMMENTS = re.compile(r"(?i)^(комментари[иейя]|обсуждение|мнения читателей|отзывы читателей)(\s*\(?\d+\)?)?\s*:?$")
MAX_TITLE_WORDS = 40
SIGNATURE_WORDS = 5
SIGNED_ROLE_WORDS = 16
BYLINE_LABEL_ALONE = re.compile(r"(?i)^(автор|авторы|текст|фото|опубликовал[аи]?|источник)\s*:?$")
"""A byline's label on a line of its own, its names on the next: the label is furniture."""
MAX_LEAD_WORDS = 80
MENU_ITEM_WORDS = 5
MENU_RUN = 3


def label_lines(lines: list[Line], title_hint: str | None = None, lead_hint: str | None = None) -> list[str]:
    """One kind per line: title, lead, byline, body or chrome. Lines broken inside a sentence are
    read as the paragraph they were cut from, and every line of a paragraph gets its kind."""
    groups = pieces(lines)
    kinds = label_paragraphs([_as_line(group, lines) for group in groups], title_hint, lead_hint)
    return [kind for group, kind in zip(groups, kinds) for _ in group.lines()]


def _as_line(group: Piece, lines: list[Line]) -> Line:
    return Line(lines[group.first].start, lines[group.last].end, group.text, lines[group.first].paragraph)


def label_paragraphs(lines: list[Line], title_hint: str | None = None, lead_hint: str | None = None) -> list[str]:
    """One kind per paragraph (a Line each): title, lead, byline, body or chrome. `lead_hint` is the
    lead the source stated ("" where it states there is none); without it the lead is read from the
    shape of the head."""
    kinds: list[str | None] = [None] * len(lines)
    tail = _tail_start(lines)
    kinds[tail:] = ["chrome"] * (len(lines) - tail)
    _label_furniture(lines[:tail], kinds)
    mark_blocks(lines[:tail], kinds)
    _label_menu_runs(lines[: _head_end(lines[:tail], title_hint)], kinds)
    first_body = _label_head(lines[:tail], kinds, title_hint, lead_hint)
    _label_signature(lines[:tail], kinds, first_body)
    for index in range(first_body, tail):
        kinds[index] = kinds[index] or "body"
    return [kind or "chrome" for kind in kinds]


def _label_signature(lines: list[Line], kinds: list[str | None], first_body: int) -> None:
    """The author's name signed under the text ("Анна Волкова", "Ирина Шаповалова, Пермь", "Михаил
    Ветров, кандидат экономических наук, доцент …"): a name alone, or a name and a role after a comma
    with no sentence, right after the last paragraph of running text, nothing of the article after it."""
    rest = [index for index in range(first_body, len(lines)) if kinds[index] is None]
    if len(rest) < 2:
        return
    last, before = rest[-1], rest[-2]
    if lines[before].is_prose and _is_signature(lines[last]):
        kinds[last] = "byline"


def _is_signature(line: Line) -> bool:
    if line.words <= SIGNATURE_WORDS:
        return bool(valid_authors([line.text]))
    name, comma, role = line.text.partition(",")
    return (bool(comma) and line.words <= SIGNED_ROLE_WORDS and not line.ends_sentence
            and author_name(name) is not None and not is_desk(name))


def _tail_start(lines: list[Line]) -> int:
    """Index of the sidebar heading ("Последние новости", "Читайте также") after which the rest is
    chrome; len(lines) when there is none. A heading followed by mostly prose is not a sidebar."""
    for index, line in enumerate(lines):
        if COMMENTS.match(line.text) and index > 0:
            return index  # readers' comments: the article never goes on after them
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
        elif _is_furniture(line.text):
            kinds[index] = "chrome"


def _is_furniture(text: str) -> bool:
    return (is_chrome_line(text) or is_section_marker(text) or is_notice(text) or is_code(text)
            or is_embed_furniture(text) or is_date(text) or is_read_also(text) or bool(BYLINE_LABEL_ALONE.match(text)))


def _head_end(lines: list[Line], title_hint: str | None) -> int:
    """Where the page's head ends: at the title the source named, else at the first running text."""
    if title_hint:
        wanted = _key(title_hint)
        title = next((index for index, line in enumerate(lines) if _key(line.text) == wanted), None)
        if title is not None:
            return title
    return next((index for index, line in enumerate(lines) if line.is_prose), len(lines))


def _label_menu_runs(lines: list[Line], kinds: list[str | None]) -> None:
    """Three or more consecutive one-to-five-word lines in one paragraph, in the page's head, are a
    menu (further down, they are the article's own lists)."""
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


def _label_head(lines: list[Line], kinds: list[str | None], title_hint: str | None,
                lead_hint: str | None = None) -> int:
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
    if lead_hint is not None:
        return _label_stated_head(lines, kinds, free, title, lead_hint)
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


def _label_stated_head(lines: list[Line], kinds: list[str | None], free: list[int], title: int,
                       lead_hint: str) -> int:
    """The head when the source stated its lead: the title (and its repeats) and that lead line,
    whatever its shape made of it (a long lead above a photo credit looks like a caption)."""
    key, lead_key = _key(lines[title].text), _key(lead_hint) if lead_hint else None
    lead = next((index for index in range(title + 1, len(lines))
                 if lead_key and _key(lines[index].text) == lead_key), None)
    head_end = (lead if lead is not None else title) + 1
    for index in free:
        if index < head_end and (index == title or _key(lines[index].text) == key):
            kinds[index] = "title"
    if lead is not None:
        kinds[lead] = "lead"
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
    """Dates in the head are the article's dateline; a word or two beside one is its rubric
    ("Экономика" / "17 июн 2025, 11:20"). Return where the body starts."""
    head_end = max(body_start, next((index for index, line in enumerate(lines) if line.is_prose), len(lines)))
    for index in range(head_end):
        if kinds[index] == "chrome" and is_date_line(lines[index].text):
            kinds[index] = "byline"
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < head_end and kinds[neighbour] is None and _rubric_shaped(lines[neighbour]):
                    kinds[neighbour] = "chrome"
    while body_start < len(lines) and kinds[body_start] is not None:
        body_start += 1
    return body_start


def _rubric_shaped(line: Line) -> bool:
    return line.words <= 3 and not line.ends_sentence


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
