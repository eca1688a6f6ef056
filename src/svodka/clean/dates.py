"""Publication dates as ISO `YYYY-MM-DD`: written in an article's head ("5 октября 2020, 14:35",
"05.10.2020") or given by a dump, a feed or a user (ISO, RFC 2822, unix timestamps)."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
SHORT_MONTHS = {"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
                "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12}
"""Months cut short ("3 окт 2023", "14 мар. 2024")."""
WORDY = re.compile(r"(?i)\b(?P<day>\d{1,2})\s+(?P<month>[а-я]+)\.?\s+(?P<year>(19|20)\d{2})\b")
DOTTED = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(19|20)\d{2})\b")
NUMBER = re.compile(r"^\d{9,13}(\.\d+)?$")
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
    if word in SHORT_MONTHS:
        return SHORT_MONTHS[word]
    stem = next((stem for stem in sorted(MONTHS, key=len, reverse=True) if word.startswith(stem)), None)
    if stem == "ма" and word not in ("мая", "май"):
        return None
    return MONTHS.get(stem) if stem else None


def iso_date(value: object) -> str | None:
    """The date part of `value` (the day as written where a time zone is given;
    unix timestamps in UTC), or None when it cannot be read as a date."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    if not isinstance(value, str):
        return None
    return _from_string(value.strip())


def _from_string(text: str) -> str | None:
    if NUMBER.match(text):
        return _from_timestamp(float(text))
    return find_date(text) or _from_rfc2822(text)


def _from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    if seconds < 1e8:  # before 1973: a year or a count, not a timestamp of news
        return None
    try:
        return datetime.fromtimestamp(seconds, timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _from_rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
