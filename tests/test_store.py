"""The SQLite store: migrations, idempotent batches, lookups, nothing lost on a failed batch."""
import sqlite3

import pytest

import svodka
from corpus import article_text
from svodka.store import open_store
from svodka.store.schema import MIGRATIONS


def articles(numbers):
    return [svodka.process(article_text(n), source=f"a{n}.txt") for n in numbers]


def test_new_store_is_migrated_to_the_latest_schema(db_path):
    with open_store(db_path) as store:
        assert store.stats()["schema_version"] == len(MIGRATIONS)
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_adding_twice_stores_once(db_path):
    batch = articles(range(5))
    with open_store(db_path) as store:
        first, second = store.add(batch), store.add(batch)
        assert len(first.new) == 5 and not first.duplicate
        assert not second.new and len(second.duplicate) == 5
        assert store.stats()["articles"] == 5


def test_same_content_from_another_source_is_a_duplicate_with_both_sources(db_path):
    one = svodka.process(article_text(1), source="site-a/1.txt")
    copy = svodka.process(article_text(1), source="site-b/1.txt")
    with open_store(db_path) as store:
        assert store.add([one, copy]).duplicate == (copy.id,)
        assert store.sources_of(one.id) == ["site-a/1.txt", "site-b/1.txt"]


def test_articles_round_trip(db_path):
    stored = articles([7])[0]
    with open_store(db_path) as store:
        store.add([stored])
        assert store.get(stored.id) == stored
        assert store.get(stored.id[:6]) == stored
        assert store.get("nothere") is None
        assert store.latest(1) == [stored]
        assert list(store.articles()) == [stored]


def test_ambiguous_prefix_finds_nothing(db_path):
    with open_store(db_path) as store:
        store.add(articles(range(40)))
        assert store.get("") is None


def test_like_wildcards_in_an_id_are_not_patterns(db_path):
    with open_store(db_path) as store:
        store.add(articles([1]))
        assert store.get("%") is None and store.get("_") is None


def test_a_failing_batch_leaves_earlier_batches_intact(db_path, monkeypatch):
    with open_store(db_path) as store:
        store.add(articles(range(3)))
        broken = articles(range(3, 6))
        original = store._insert

        def fail_on_last(article, now):
            if article.id == broken[-1].id:
                raise RuntimeError("disk full")
            return original(article, now)

        monkeypatch.setattr(store, "_insert", fail_on_last)
        with pytest.raises(RuntimeError):
            store.add(broken)
        assert store.stats()["articles"] == 3


def test_reopening_keeps_everything(db_path):
    with open_store(db_path) as store:
        store.add(articles(range(4)))
    with open_store(db_path) as store:
        assert store.stats()["articles"] == 4


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    from svodka.store import default_db_path

    monkeypatch.setenv("SVODKA_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("SVODKA_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "svodka" / "svodka.db"
