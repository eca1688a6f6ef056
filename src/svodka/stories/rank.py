"""How much a story matters now: distinct outlets weigh most, then articles, all decaying with the
story's age; a story gaining articles fast is breaking. Age and pace come from dated articles only:
a story of undated articles has no age to tell, so no freshness (score 0), and is never breaking;
such stories rank after every story with a score, by weight among themselves."""
from __future__ import annotations

import math
from dataclasses import dataclass

HALF_LIFE_DAYS = 1.0
"""News ages fast: a day-old story counts half as much as one from today."""
BREAKING_ARTICLES = 3
"""A story is breaking when its latest day brought at least this many articles, and at least twice
its daily average before."""


@dataclass(frozen=True)
class StoryCounts:
    """A story's articles (`dated` of them have a date) and outlets; the first and last days of its
    dated articles (None when none is), and how many articles its last day brought."""

    articles: int
    dated: int
    outlets: int
    first_day: int | None
    last_day: int | None
    on_last_day: int


def score(counts: StoryCounts, today: int | None) -> float:
    """Weight × freshness (× 1.5 while breaking); `today` is the store's latest day (None when no
    story is dated)."""
    return round(weight(counts) * freshness(counts, today) * (1.5 if is_breaking(counts) else 1.0), 4)


def weight(counts: StoryCounts) -> float:
    """What the story's coverage weighs, whatever its age: the sort key among equal scores."""
    return 2 * math.log1p(counts.outlets) + math.log1p(counts.articles)


def freshness(counts: StoryCounts, today: int | None) -> float:
    """1 on the store's latest day, halving with each day before; 0 with no dated article."""
    if counts.last_day is None or today is None:
        return 0.0
    return 0.5 ** (max(today - counts.last_day, 0) / HALF_LIFE_DAYS)


def is_breaking(counts: StoryCounts) -> bool:
    if counts.first_day is None or counts.last_day is None:
        return False
    earlier_days = counts.last_day - counts.first_day
    earlier = counts.dated - counts.on_last_day
    rising = earlier_days == 0 or counts.on_last_day >= 2 * earlier / earlier_days
    return counts.on_last_day >= BREAKING_ARTICLES and rising
