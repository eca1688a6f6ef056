"""Gate: language identification on the hand-written sets (benchmarks/language_benchmark.py) stays
at or above the pinned floors (measured figures less a margin; raise them when beaten)."""
import json
from collections import Counter
from pathlib import Path

import pytest

from svodka.clean.language import detect_language
from svodka.clean.script import analysis_form

GOLD = Path(__file__).resolve().parents[1] / "gold" / "language"
FLOORS = {"dev": (1.0, 1.0), "dev-mixed": (1.0, 1.0), "test": (0.995, 0.97), "test2": (0.995, 0.97)}
"""(overall accuracy, lowest accuracy of a language) per set."""


@pytest.mark.parametrize("name", FLOORS)
def test_language_identification(name):
    rows = [json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    right, total = Counter(), Counter()
    for row in rows:
        total[row["lang"]] += 1
        right[row["lang"]] += detect_language(analysis_form(row["text"])) == row["lang"]
    overall, lowest = FLOORS[name]
    assert sum(right.values()) / len(rows) >= overall
    worst = min(total, key=lambda language: right[language] / total[language])
    assert right[worst] / total[worst] >= lowest, worst
