"""Tools for the hand-labelled cleaning gold on ../shared/data/realnews-ru (see gold/cleaning/GUIDELINE.md).

    python benchmarks/cleaning_gold.py sample russia_today_2.jsonl --n 60 --seed 13
    python benchmarks/cleaning_gold.py show russia_today_2.jsonl 17 230
    python benchmarks/cleaning_gold.py pack russia_today_2.jsonl labels.tsv --out gold/cleaning/x.jsonl

`labels.tsv` has one row per line: ROW <tab> INDEX <tab> LABEL [<tab> NOTE], ROW being the 1-based
line of the JSONL file and INDEX the 0-based number of the non-empty line in its `content`. The gold
keeps no text of the dataset: each line is kept as its label and a hash of its stripped text, so
that the benchmark can check it reads the same line.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "realnews-ru"
LABELS = ("body", "teaser", "script", "caption", "embed", "notice", "nav", "meta")


def content_lines(content: str) -> list[str]:
    """The unit of the gold: non-empty lines of `content`, stripped."""
    return [line.strip() for line in content.split("\n") if line.strip()]


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:10]


def read_rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def sample(name: str, n: int, seed: int) -> list[int]:
    rows = read_rows(name)
    return sorted(random.Random(seed).sample(range(1, len(rows) + 1), n))


def show(name: str, numbers: list[int]) -> None:
    rows = read_rows(name)
    for number in numbers:
        row = rows[number - 1]
        print(f"=== row {number}  {row.get('url')}")
        print(f"# title: {row.get('title')}")
        print(f"# summary: {(row.get('summary') or '')[:300]}")
        for index, line in enumerate(content_lines(row.get("content") or "")):
            print(f"{index:4d} | {line}")


def pack(name: str, labels_path: str, out: str) -> None:
    rows = read_rows(name)
    labelled: dict[int, dict[int, tuple[str, str]]] = {}
    for number, line in enumerate(Path(labels_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        row, index, label = int(parts[0]), int(parts[1]), parts[2].strip()
        if label not in LABELS:
            sys.exit(f"{labels_path}:{number}: unknown label {label!r}")
        labelled.setdefault(row, {})[index] = (label, parts[3].strip() if len(parts) > 3 else "")
    with open(out, "w", encoding="utf-8") as stream:
        for row, by_index in sorted(labelled.items()):
            lines = content_lines(rows[row - 1].get("content") or "")
            missing = sorted(set(range(len(lines))) - set(by_index))
            if missing or max(by_index) >= len(lines):
                sys.exit(f"row {row}: {len(lines)} lines, labels for {sorted(by_index)[:5]}…; missing {missing[:10]}")
            record = {
                "file": name, "row": row, "url": rows[row - 1].get("url"),
                "lines": [[by_index[i][0], line_hash(line)] for i, line in enumerate(lines)],
                "notes": {str(i): note for i, (_, note) in by_index.items() if note},
            }
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(labelled)} articles to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample")
    sampling.add_argument("file")
    sampling.add_argument("--n", type=int, required=True)
    sampling.add_argument("--seed", type=int, default=13)
    showing = commands.add_parser("show")
    showing.add_argument("file")
    showing.add_argument("rows", type=int, nargs="+")
    packing = commands.add_parser("pack")
    packing.add_argument("file")
    packing.add_argument("labels")
    packing.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.command == "sample":
        print(" ".join(map(str, sample(args.file, args.n, args.seed))))
    elif args.command == "show":
        show(args.file, args.rows)
    else:
        pack(args.file, args.labels, args.out)


if __name__ == "__main__":
    main()
