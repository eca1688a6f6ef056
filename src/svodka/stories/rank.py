"""How much a story matters now: distinct outlets weigh most, then articles, all decaying with the
story's age; a story gaining articles fast is breaking."""
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
    articles: int
    outlets: int
    first_day: int
    last_day: int
    on_last_day: int


def score(counts: StoryCounts, today: int) -> float:
    weight = 2 * math.log1p(counts.outlets) + math.log1p(counts.articles)
    decay = 0.5 ** (max(today - counts.last_day, 0) / HALF_LIFE_DAYS)
    return round(weight * decay * (1.5 if is_breaking(counts) else 1.0), 4)


def is_breaking(counts: StoryCounts) -> bool:
    earlier_days = counts.last_day - counts.first_day
    earlier = counts.articles - counts.on_last_day
    rising = earlier_days == 0 or counts.on_last_day >= 2 * earlier / earlier_days
    return counts.on_last_day >= BREAKING_ARTICLES and rising
