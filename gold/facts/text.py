"""The annotation text of a realnews-ru article, and a checker for facts gold files.

    python gold/facts/text.py show FILE ROW        print the article's text with line offsets
    python gold/facts/text.py find FILE ROW PASSAGE   print start, end and sha of PASSAGE
    python gold/facts/text.py check GOLD.jsonl     check every offset, sha, type and field

FILE is a file name in ../shared/data/realnews-ru (or $SVODKA_REALNEWS)."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

DATA = Path(os.environ.get("SVODKA_REALNEWS", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
                           / "realnews-ru"))
EVENT_TYPES = {"meeting", "call", "negotiations", "visit", "host", "congratulation", "agreement", "criticism",
               "accusation", "sanctions", "appointment", "military", "protest"}
STATUSES = {"happened", "planned", "negated", "hypothetical"}


def row_of(file: str, row: int) -> dict:
    with open(DATA / file, encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number == row:
                return json.loads(line)
    raise IndexError(f"{file} has no row {row}")


def article_text(record: dict) -> str:
    """title + blank line + summary (when not blank) + blank line + content."""
    parts = [record.get("title") or ""]
    if (record.get("summary") or "").strip():
        parts.append(record["summary"])
    parts.append(record.get("content") or "")
    return "\n\n".join(parts)


def sha(passage: str) -> str:
    return hashlib.sha1(passage.encode("utf-8")).hexdigest()[:12]


def check(path: Path) -> list[str]:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        item = json.loads(line)
        text = article_text(row_of(item["file"], item["row"]))
        where = f"{path.name}:{number} ({item['file']}#{item['row']})"
        for event in item.get("events", []):
            if event.get("type") not in EVENT_TYPES:
                problems.append(f"{where}: event type {event.get('type')!r}")
            if event.get("status") not in STATUSES:
                problems.append(f"{where}: status {event.get('status')!r}")
            for field in ("agents", "patients"):
                if not isinstance(event.get(field), list):
                    problems.append(f"{where}: {field} must be a list")
            problems += _range_problems(text, event.get("sentence"), where)
        for quote in item.get("quotes", []):
            if quote.get("kind") not in ("direct", "indirect"):
                problems.append(f"{where}: quote kind {quote.get('kind')!r}")
            if not isinstance(quote.get("author"), bool):
                problems.append(f"{where}: quote author must be true or false")
            for part in [quote.get("content"), *quote.get("more", [])]:
                problems += _range_problems(text, part, where)
    return problems


def _range_problems(text: str, part: dict | None, where: str) -> list[str]:
    if not part or not isinstance(part.get("start"), int) or not isinstance(part.get("end"), int):
        return [f"{where}: a range needs integer start and end"]
    passage = text[part["start"]:part["end"]]
    if not passage.strip() or sha(passage) != part.get("sha"):
        return [f"{where}: range {part['start']}-{part['end']} does not match its sha ({passage[:40]!r})"]
    return []


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] in ("show", "find"):
        text = article_text(row_of(argv[1], int(argv[2])))
        if argv[0] == "show":
            offset = 0
            for line in text.split("\n"):
                print(f"{offset:>6}  {line}")
                offset += len(line) + 1
            return 0
        passage = " ".join(argv[3:])
        start = text.find(passage)
        if start < 0:
            print("not found", file=sys.stderr)
            return 1
        print(json.dumps({"start": start, "end": start + len(passage), "sha": sha(passage)}))
        return 0
    if len(argv) == 2 and argv[0] == "check":
        problems = check(Path(argv[1]))
        print("\n".join(problems) or "ok")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
