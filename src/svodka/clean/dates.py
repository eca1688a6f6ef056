"""Publication dates written in the article's head ("5 октября 2020, 14:35", "05.10.2020")."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
WORDY = re.compile(r"(?i)\b(?P<day>\d{1,2})\s+(?P<month>[а-я]+)\s+(?P<year>(19|20)\d{2})\b")
DOTTED = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(19|20)\d{2})\b")
ISO = re.compile(r"\b(?P<year>(19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")


def find_date(text: str) -> str | None:
    """The first full date (day, month, year) written in `text`, as YYYY-MM-DD."""
    for pattern in (ISO, DOTTED, WORDY):
        for match in pattern.finditer(text):
            found = _date_of(match)
            if found:
                return found.isoformat()
    return None


def _date_of(match: re.Match) -> date | None:
    month = _month_number(match.group("month"))
    try:
        return date(int(match.group("year")), month, int(match.group("day"))) if month else None
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    word = word.casefold()
    stem = next((stem for stem in sorted(MONTHS, key=len, reverse=True) if word.startswith(stem)), None)
    if stem == "ма" and word not in ("мая", "май"):
        return None
    return MONTHS.get(stem) if stem else None


def iso_date(value: str | None) -> str | None:
    """Accept a user's or a field's date in any of the written forms; None when there is none."""
    return find_date(value) if value else None
