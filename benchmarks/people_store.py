"""People across a store: is each of the 30 most mentioned real people of realnews-ru one entity, with
the right canonical name on every mention?

Run from the repository root:

    .venv/bin/python benchmarks/people_store.py [--db STORE] [--json]

Without ``--db`` it ingests all 2,999 articles of ``../shared/data/realnews-ru`` into a temporary
store first (about 5 minutes on two cores); with ``--db`` it reads a store that already holds them.
The 30 people and the rules that decide which of svodka's mentions are theirs are in
``gold/people/`` (``realnews-top30.tsv``, ``GUIDELINE.md``). Printed per person: their mentions, the
entities those are linked to (the largest first, with its canonical name and share), and the share
of mentions whose entity has a right canonical name; then the means the issue sets goals for
(entities per person ≤ 1.05; canonical name right ≥ 0.98 of all their mentions).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "people" / "realnews-top30.tsv"
DATA = ROOT.parent / "shared" / "data" / "realnews-ru"
FILES = ("ng_0.jsonl", "russia_today_1.jsonl", "russia_today_2.jsonl")
WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*\.?")
# the endings a surname or given name takes in the six cases, both genders and both numbers
CASE_ENDING = re.compile(r"|ь|й|а|я|у|ю|ом|ем|ым|им|е|и|ы|ой|ей|ою|ою|ых|их|ым|ыми|ими|ам|ами|ах")
ADJECTIVE_ENDING = re.compile(r"ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ых|их|ыми|ими")
GOALS = {"entities_per_person": 1.05, "canonical_right": 0.98}


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


@dataclass(frozen=True)
class Person:
    surname: tuple[str, ...]
    given: tuple[str, ...]
    canonical: frozenset[str]
    namesakes: bool

    @property
    def name(self) -> str:
        return " ".join(self.surname)


def read_gold(path: Path = GOLD) -> list[Person]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [Person(tuple(row["surname"].split()), tuple(row["given"].split("|")),
                   frozenset(fold(name) for name in row["canonical"].split("|")), row["namesakes"] == "yes")
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def inflects(word: str, name: str, surname: bool = False) -> bool:
    """Whether `word` is `name` in some case form ("Загитовой" of "Загитова", "Путиным" of "Путин",
    "Навального" of "Навальный"; "Порошенко" and "Манчини" do not decline)."""
    word, name = fold(word.rstrip(".")), fold(name)
    if surname and name.endswith(("ый", "ий", "ой")) and len(name) > 4:
        return word.startswith(name[:-2]) and ADJECTIVE_ENDING.fullmatch(word[len(name) - 2:]) is not None
    if name.endswith(("о", "и", "у", "е", "э")):
        return word == name
    stem = name[:-1] if name[-1] in "аяьй" and len(name) > 3 else name
    return word.startswith(stem) and CASE_ENDING.fullmatch(word[len(stem):]) is not None


MORPH = pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    return any("Name" in parse.tag for parse in MORPH.parse(word.rstrip(".")))


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[0].isupper()


def gives(word: str, person: Person) -> bool:
    """`word` is one of the person's given names (any case form) or its initial."""
    if is_initial(word):
        return any(fold(word[0]) == fold(name[0]) for name in person.given)
    return any(inflects(word, name) for name in person.given)


def surname_at(words: Sequence[str], index: int, person: Person) -> bool:
    parts = person.surname
    if index + len(parts) > len(words):
        return False
    return all(inflects(words[index + k], part, surname=True) if k == len(parts) - 1 else fold(words[index + k]) == fold(part)
               for k, part in enumerate(parts))


@dataclass
class ArticleNaming:
    """Whom of a surname an article names in full: the gold person, and/or someone else."""
    person: bool = False
    other: bool = False


def namings(text: str, people: Sequence[Person]) -> dict[str, ArticleNaming]:
    words = WORD.findall(text)
    found = {person.name: ArticleNaming() for person in people}
    by_letters = _by_first_letters(tuple(people))
    for index in range(1, len(words)):
        for person in by_letters.get(fold(words[index])[:3], ()):
            if not surname_at(words, index, person):
                continue
            before, naming = words[index - 1], found[person.name]
            if gives(before, person):
                naming.person = True
            elif before[0].isupper() and (is_initial(before) or is_given_name(before)):
                naming.other = True
    return found


@lru_cache(maxsize=4)
def _by_first_letters(people: tuple[Person, ...]) -> dict[str, list[Person]]:
    index: dict[str, list[Person]] = {}
    for person in people:
        index.setdefault(fold(person.surname[0])[:3], []).append(person)
    return index


def whose(surface: str, people: Sequence[Person], named: dict[str, ArticleNaming]) -> Person | None:
    """The gold person a mention's words name, by the rules of the guideline, or None ("Трампа-1",
    a pun in a title, names no one)."""
    if any(character.isdigit() for character in surface):
        return None
    words = WORD.findall(surface)
    for person in people:
        size = len(person.surname)
        at = [index for index in range(len(words)) if surname_at(words, index, person)]
        if not at:
            continue
        rest = words[:at[0]] + words[at[0] + size:]
        if rest and not all(gives(word, person) for word in rest):
            return None
        if rest:
            return person
        naming = named[person.name]
        if naming.person and not naming.other:
            return person
        if not naming.person and not naming.other and not person.namesakes:
            return person
        return None
    return None


@dataclass
class PersonScore:
    person: Person
    entities: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def mentions(self) -> int:
        return sum(self.entities.values())

    @property
    def canonical_right(self) -> int:
        return sum(count for entity, count in self.entities.items()
                   if fold(self.names.get(entity, "")) in self.person.canonical)


def score_store(db: Path, people: Sequence[Person]) -> list[PersonScore]:
    scores = {person.name: PersonScore(person) for person in people}
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = dict(connection.execute("SELECT id, name FROM entities"))
    rows = connection.execute(
        "SELECT a.id, a.text, m.start, m.\"end\", m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.kind = 'name' ORDER BY a.id, m.start")
    article, named = None, {}
    for article_id, text, start, end, entity in rows:
        if article_id != article:
            article, named = article_id, namings(text, people)
        person = whose(text[start:end], people, named)
        if person:
            score = scores[person.name]
            key = entity or f"(none: {text[start:end]})"
            score.entities[key] += 1
            score.names[key] = names.get(entity, "") if entity else ""
    connection.close()
    return list(scores.values())


def ingest_all(folder: Path, data: Path = DATA) -> Path:
    """A new store in `folder` holding every article of realnews-ru, ingested as a user would (the
    three articles with no text are refused, so the command exits 1 by design)."""
    corpus, db = folder / "realnews.jsonl", folder / "store.db"
    lines = [line for name in FILES for line in (data / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "svodka", "ingest", str(corpus), "--db", str(db)],
                          capture_output=True, text=True)
    if not db.exists() or done.returncode not in (0, 1):
        raise RuntimeError(f"ingest of {corpus} failed ({done.returncode}): {done.stderr[-2000:]}")
    return db


def summary(scores: Sequence[PersonScore]) -> dict:
    per_person = [len(score.entities) for score in scores if score.mentions]
    mentions = sum(score.mentions for score in scores)
    return {
        "people": len(per_person),
        "mentions": mentions,
        "entities_per_person": sum(per_person) / len(per_person),
        "canonical_right": sum(score.canonical_right for score in scores) / mentions,
        "people_in_one_entity": sum(count == 1 for count in per_person),
    }


def format_report(scores: Sequence[PersonScore]) -> str:
    lines = [f"{'person':<12}{'mentions':>9}{'entities':>9}{'name right':>11}  largest entity (share)"]
    for score in sorted(scores, key=lambda s: -s.mentions):
        if not score.mentions:
            lines.append(f"{score.person.name:<12}{0:>9}")
            continue
        entity, count = score.entities.most_common(1)[0]
        others = ", ".join(f"{score.names.get(e) or e} {n}" for e, n in score.entities.most_common()[1:4])
        lines.append(f"{score.person.name:<12}{score.mentions:>9}{len(score.entities):>9}"
                     f"{100 * score.canonical_right / score.mentions:>10.1f}%  {score.names.get(entity) or entity} "
                     f"({100 * count / score.mentions:.1f}%){'; also ' + others if others else ''}")
    total = summary(scores)
    lines.append(f"{total['people']} people, {total['mentions']:,} mentions: entities per person "
                 f"{total['entities_per_person']:.3f} (goal <= {GOALS['entities_per_person']}), "
                 f"{total['people_in_one_entity']} in one entity; canonical name right "
                 f"{100 * total['canonical_right']:.2f}% (goal >= {100 * GOALS['canonical_right']:.0f}%)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store that holds all of realnews-ru (default: ingest it now)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    people = read_gold()
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            db = args.db
        elif not DATA.is_dir():
            print(f"no realnews-ru data at {DATA}", file=sys.stderr)
            return 2
        else:
            db = ingest_all(Path(folder))
        scores = score_store(db, people)
    if args.json:
        print(json.dumps({"summary": summary(scores), "people": {
            s.person.name: {"mentions": s.mentions, "entities": dict(s.entities), "names": s.names,
                            "canonical_right": s.canonical_right} for s in scores}}, ensure_ascii=False, indent=2))
    else:
        print(format_report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
