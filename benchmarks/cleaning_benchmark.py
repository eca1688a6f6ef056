"""Cleaning and metadata on news svodka was not built on: line-level precision and recall of "body"
per outlet, the share of articles with teaser or script text left in the body, and, on the HTML
pages, whether author, date, outlet, lead and title come out right.

Run from the repository root (a few seconds):

    .venv/bin/python benchmarks/cleaning_benchmark.py [--set tune|held-out|all] [--show-errors] [--json]

The gold (``gold/cleaning/GUIDELINE.md``, ``gold/pages/README.md``):

* ``gold/cleaning/realnews-*.jsonl``: every line of 300 scraped articles of
  ``../shared/data/realnews-ru`` labelled by hand, read from the shared data through svodka's own
  JSONL reader. ``realnews-rt-tune``, ``realnews-rt-test`` and ``realnews-ng`` (200 articles) were
  read while building the cleaner; ``realnews-rt-heldout`` and ``realnews-ng-heldout`` (100 articles,
  labelled by another annotator) are held out.
* ``gold/pages/<outlet>/*.html``: HTML pages of 52 outlets written for the benchmark, with their body
  paragraphs, chrome texts and metadata. The outlets of the first five rounds were read while
  building; those of the sixth, by two more writers, are held out (``gold/pages/SETS.md``, which
  also records each round's one held-out run).

``--set tune`` scores what was read while building, ``--set held-out`` only what was held out,
``all`` (the default) both, each row marked.
"""
from __future__ import annotations

import argparse
import functools
import json
import sys
from dataclasses import asdict
from pathlib import Path

from svodka.evaluation.cleaning import Tally, gold_pages, page_metadata, score_labelled_lines, score_page
from svodka.pipeline import default_pipeline
from svodka.records import Article, RawDocument
from svodka.sources import ReadOptions, read_input
from svodka.sources.base import Input

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "realnews-ru"
GOLD = ROOT / "gold"
HELD_OUT_OUTLETS = ("ntv", "vm", "bumaga", "tengri")
GOALS = {"precision": 0.98, "recall": 0.98, "leaks": 0.01, "metadata": 0.95}


def cleaned(source: str, data: bytes) -> Article:
    items = list(read_input(Input(source=source, data=data), ReadOptions()))
    raws = [item for item in items if isinstance(item, RawDocument)]
    if not raws:
        raise ValueError(f"{source}: {items}")
    result = default_pipeline(entities=False).process(raws[0])
    if not isinstance(result, Article):
        raise ValueError(f"{source}: {result}")
    return result


def realnews_sets() -> list[tuple[str, str, Path]]:
    """(outlet, set, gold file) of the JSONL gold."""
    folder = GOLD / "cleaning"
    return [("RT", "tune", folder / "realnews-rt-tune.jsonl"), ("RT", "tune", folder / "realnews-rt-test.jsonl"),
            ("НГ", "tune", folder / "realnews-ng.jsonl"), ("RT", "held-out", folder / "realnews-rt-heldout.jsonl"),
            ("НГ", "held-out", folder / "realnews-ng-heldout.jsonl")]


def score_realnews(wanted: str, errors: bool) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = {}
    rows_of: dict[str, list[bytes]] = {}
    for outlet, part, path in realnews_sets():
        if wanted != "all" and part != wanted or not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            rows = rows_of.setdefault(gold["file"], (DATA / gold["file"]).read_bytes().splitlines())
            row = rows[gold["row"] - 1]
            article = cleaned(f"{gold['file']}:{gold['row']}.jsonl", row)
            content = json.loads(row)["content"]
            tally = score_labelled_lines(article, content, gold["lines"])
            tallies.setdefault((outlet, part), Tally()).add(tally)
            if errors and tally.leaks:
                print(f"  leak in {gold['file']}:{gold['row']}: {tally.leaks[:3]}", file=sys.stderr)
    return tallies


def score_pages(wanted: str, errors: bool) -> tuple[dict[tuple[str, str], Tally], dict[tuple[str, str], list]]:
    tallies: dict[tuple[str, str], Tally] = {}
    metadata: dict[tuple[str, str], list] = {}
    for outlet, page, gold in gold_pages(GOLD / "pages"):
        part = "held-out" if outlet in HELD_OUT_OUTLETS else "tune"
        if wanted != "all" and part != wanted:
            continue
        article = cleaned(str(page), page.read_bytes())
        tally = score_page(article, gold)
        tallies.setdefault((outlet, part), Tally()).add(tally)
        fields = page_metadata(article, gold)
        metadata.setdefault((outlet, part), []).append(fields)
        if errors:
            _print_page_errors(page, article, gold, tally, fields)
    return tallies, metadata


def _print_page_errors(page: Path, article: Article, gold: dict, tally: Tally, fields) -> None:
    wrong = [name for name, right in asdict(fields).items() if not right]
    if not (wrong or tally.fp or tally.fn or tally.leaks):
        return
    print(f"  {page}: body fp {tally.fp} fn {tally.fn}; leaks {tally.leaks[:2]}", file=sys.stderr)
    for name in wrong:
        got = {"authors": article.authors, "date": article.published, "outlet": article.outlet,
               "lead": article.lead, "title": article.title}[name]
        want = gold["date" if name == "date" else name]
        print(f"    {name}: got {got!r:.120} want {want!r:.120}", file=sys.stderr)


def report(lines: dict, pages: dict, metadata: dict, out=sys.stdout) -> dict:
    """Print the scores to `out` and return them."""
    say = functools.partial(print, file=out)
    result = {"realnews": {}, "pages": {}, "metadata": {}}
    say("Body lines (precision / recall; goal 0.98 / 0.98) and articles with teaser or script text "
          "left in the body (goal ≤ 1%)")
    for (outlet, part), tally in sorted(lines.items()) + sorted(pages.items()):
        unmatched = f"  ({tally.unmatched} gold lines not found)" if tally.unmatched else ""
        say(f"  {outlet:<11} {part:<5} {tally.articles:3d} articles  P {tally.precision:.4f}  R {tally.recall:.4f}"
              f"  leaks {tally.leaking}/{tally.articles} ({100 * tally.leak_share:.1f}%){unmatched}")
        kind = "realnews" if (outlet, part) in lines else "pages"
        result[kind][f"{outlet}/{part}"] = {"precision": tally.precision, "recall": tally.recall,
                                            "articles": tally.articles, "leaking": tally.leaking}
    for part in sorted({part for _, part in pages}):
        tally = Tally()
        for (_, each), outlet_tally in pages.items():
            if each == part:
                tally.add(outlet_tally)
        say(f"  all pages   {part:<5} {tally.articles:3d} articles  P {tally.precision:.4f}  R {tally.recall:.4f}"
              f"  leaks {tally.leaking}/{tally.articles} ({100 * tally.leak_share:.1f}%)")
        result["pages"][f"all/{part}"] = {"precision": tally.precision, "recall": tally.recall,
                                          "articles": tally.articles, "leaking": tally.leaking}
    say("Metadata right on HTML pages (goal ≥ 95% each): author, date, outlet, lead, title")
    totals: dict[str, list[bool]] = {}
    for (outlet, part), fields in sorted(metadata.items()):
        shares = {name: sum(asdict(f)[name] for f in fields) / len(fields) for name in asdict(fields[0])}
        for name in shares:
            totals.setdefault(f"{part}:{name}", []).extend(asdict(f)[name] for f in fields)
        say(f"  {outlet:<11} {part:<5} " + "  ".join(f"{name} {share:.0%}" for name, share in shares.items()))
        result["metadata"][f"{outlet}/{part}"] = shares
    for key, values in sorted(totals.items()):
        result["metadata"][f"all/{key}"] = sum(values) / len(values)
    say("  all pages: " + "  ".join(f"{key} {sum(v) / len(v):.1%}" for key, v in sorted(totals.items())))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--show-errors", action="store_true", help="Print each leak and wrong field.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    lines = score_realnews(args.set, args.show_errors) if DATA.exists() else {}
    if not DATA.exists():
        print(f"(no {DATA}: the JSONL gold is skipped)", file=sys.stderr)
    pages, metadata = score_pages(args.set, args.show_errors)
    result = report(lines, pages, metadata, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
