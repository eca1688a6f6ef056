"""Two `svodka ingest` processes writing one SQLite store at once take turns a batch at a time:
every article once, every one in one story, and the same articles, mentions, quotes and events as
one ingest of both inputs."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from corpus import write_corpus
from snapshots import snapshot

TABLES = ("sources", "mentions", "quotes", "events", "participants")
ARTICLES = "SELECT id, title, lead, authors, outlet, cited, published, language, spans, text, category FROM articles"


def ingest(folder, db, *more):
    return [sys.executable, "-m", "svodka", "ingest", str(folder), "--db", str(db), "--workers", "1",
            "--batch-size", "8", *more]


@pytest.mark.slow
def test_two_ingests_at_once_store_each_article_once(tmp_path):
    seed, first, second = tmp_path / "seed", tmp_path / "a", tmp_path / "b"
    write_corpus(seed, 1, start=500)
    write_corpus(first, 48)
    write_corpus(second, 48, start=24)  # half of it is in the first too
    together, alone = tmp_path / "together.db", tmp_path / "alone.db"
    for db in (together, alone):
        subprocess.run(ingest(seed, db), check=True, capture_output=True)  # the store exists before both start
    runs = [subprocess.Popen(ingest(folder, together), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for folder in (first, second)]
    for run in runs:
        _, errors = run.communicate(timeout=600)
        assert run.returncode == 0, errors.decode()[-2000:]
    subprocess.run(ingest(first, alone), check=True, capture_output=True)
    subprocess.run(ingest(second, alone), check=True, capture_output=True)
    expected, found = snapshot(alone), snapshot(together)
    assert len(found["articles"]) == 73 and found["unclustered"] == 0
    assert sorted(article for story in found["stories"] for article in story) == sorted(
        article for story in expected["stories"] for article in story), "every article in exactly one story"
    for table in TABLES:
        assert found[table] == expected[table], table
    # which of two inputs holding the same article stored it first is a race: `source` says which
    assert stored(together) == stored(alone)


def stored(db) -> list:
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute(ARTICLES))
