"""Numbers and dates as Russian speakers write them: "1 статья", "3 статьи", "11 статей";
"4 декабря 2026"."""
from __future__ import annotations

from datetime import date

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")


def plural(number: int, one: str, few: str, many: str) -> str:
    """`number` with the form of the noun Russian grammar asks for after it."""
    tens, units = number % 100, number % 10
    if 11 <= tens <= 14:
        form = many
    elif units == 1:
        form = one
    elif 2 <= units <= 4:
        form = few
    else:
        form = many
    return f"{number:,}".replace(",", "\u00a0") + f"\u00a0{form}"


def day(value: str | None) -> str:
    """An ISO date (or the date of an ISO timestamp) as "4 декабря 2026"; "без даты" when there is none."""
    found = _date(value)
    if found is None:
        return value or "без даты"
    return f"{found.day} {MONTHS[found.month - 1]} {found.year}"


def short_day(value: str | None) -> str:
    """An ISO date as "4 дек."; for chart labels."""
    found = _date(value)
    if found is None:
        return value or ""
    return f"{found.day} {MONTHS[found.month - 1][:3]}."


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
