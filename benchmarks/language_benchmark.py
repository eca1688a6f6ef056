"""Language identification: accuracy per language and per kind of text (short, long, mixed) on the
hand-written sets of ``gold/language`` (``dev.jsonl`` and ``dev-mixed.jsonl`` were read while building
the identifier, ``test.jsonl`` by another writer is held out), and texts per second.

Run from the repository root (a few seconds):

    .venv/bin/python benchmarks/language_benchmark.py [--set dev|test|all] [--show-errors] [--json]

Each text is read as svodka reads an article's body: in its analysis form (Latin look-alike letters
inside Cyrillic words read as Cyrillic), then ``detect_language``. The goal of issue 13 is an
accuracy of at least 0.98 for every language.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from svodka.clean.language import LANGUAGES, detect_language
from svodka.clean.script import analysis_form

GOLD = Path(__file__).resolve().parents[1] / "gold" / "language"


def evaluate(name: str, show_errors: bool) -> dict:
    rows = [json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    detect_language("Прогрев: модели загружаются до замера.")
    right, total, by_kind, errors = Counter(), Counter(), Counter(), []
    started = time.perf_counter()
    for row in rows:
        found = detect_language(analysis_form(row["text"]))
        total[row["lang"]] += 1
        by_kind[(row["kind"], "all")] += 1
        if found == row["lang"]:
            right[row["lang"]] += 1
            by_kind[(row["kind"], "right")] += 1
        else:
            errors.append((row["lang"], found, row["kind"], row["text"][:100]))
    seconds = time.perf_counter() - started
    result = {
        "texts": len(rows), "accuracy": sum(right.values()) / len(rows),
        "per_language": {language: right[language] / total[language] for language in LANGUAGES if total[language]},
        "per_kind": {kind: by_kind[(kind, "right")] / by_kind[(kind, "all")]
                     for kind in sorted({kind for kind, _ in by_kind})},
        "texts_per_second": len(rows) / seconds,
    }
    print(f"{name}: {len(rows)} texts, accuracy {result['accuracy']:.4f}, {result['texts_per_second']:.0f} texts/s")
    print("  " + "  ".join(f"{language} {share:.3f}" for language, share in result["per_language"].items()))
    print("  " + "  ".join(f"{kind} {share:.3f}" for kind, share in result["per_kind"].items()))
    if show_errors:
        for error in errors:
            print(f"    {error}", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("dev", "dev-mixed", "test", "test2", "all"), default="all")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = ("dev", "dev-mixed", "test", "test2") if args.set == "all" else (args.set,)
    results = {name: evaluate(name, args.show_errors) for name in names}
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
