"""A store that cannot be used is said in one line naming it and the reason, with exit code 1 (the
API: 503), and nothing committed before is lost: not a store, another program's database, a store
from a newer svodka, a path that cannot be opened, a URL svodka has no backend for, a full disk,
a read-only store."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from facts import call_article, meeting_article
from news import news_store

from svodka.cli import main
from svodka.store import NewerStore, NotAStore, StoreError, open_store
from svodka.store.sqlite import SQLiteStore

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(arg) for arg in args], **kwargs)


def one_line_naming(result, location, reason: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("svodka: store ")]
    assert line.startswith(f"svodka: store {location}: ") and reason in line, line


@pytest.mark.parametrize("command", [["stats"], ["ingest", EXAMPLES]])
def test_a_file_that_is_not_a_store_is_named_and_left_alone(tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, " * 100, encoding="utf-8")
    one_line_naming(run(*command, "--db", notes), notes, "not a svodka store (not an SQLite database)")
    assert notes.read_text(encoding="utf-8") == "not a database, " * 100


def test_another_programs_database_is_not_made_a_store(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
    one_line_naming(run("ingest", EXAMPLES, "--db", other), other, "an SQLite database of another program")
    with sqlite3.connect(other) as db:
        assert [row[0] for row in db.execute("SELECT name FROM sqlite_master")] == ["bookmarks"]
    with pytest.raises(NotAStore):
        open_store(other)


def test_a_store_from_a_newer_svodka_is_not_touched(tmp_path):
    path = tmp_path / "newer.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    one_line_naming(run("stats", "--db", path), path, "written by a newer svodka (schema 999")
    with pytest.raises(NewerStore):
        open_store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 999


def test_a_path_that_cannot_be_opened(tmp_path):
    (tmp_path / "a-file").write_text("x")
    inside_a_file = tmp_path / "a-file" / "news.db"
    one_line_naming(run("ingest", EXAMPLES, "--db", inside_a_file), inside_a_file, f"{tmp_path / 'a-file'} is not a folder")
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="cannot be opened: it is a folder"):
        SQLiteStore(folder)


@pytest.mark.parametrize("url", ["mysql://localhost/news", "postgresql+psycopg://x/y", "http://example.org/db"])
def test_a_url_without_a_backend_is_refused_and_creates_nothing(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    scheme = url.split("://")[0]
    one_line_naming(run("ingest", EXAMPLES, "--db", url), url, f"{scheme}:// stores are not supported")
    assert not list(tmp_path.iterdir()), "no folder named after the scheme"


def small_disk(monkeypatch, pages: int) -> None:
    """Every store opened from now on can grow to `pages` pages at most: a disk that fills up."""
    opened = SQLiteStore._open

    def _open(self):
        opened(self)
        self._db.execute(f"PRAGMA max_page_count = {pages}")
    monkeypatch.setattr(SQLiteStore, "_open", _open)


def test_a_full_disk_keeps_what_was_committed(tmp_path, monkeypatch):
    path = tmp_path / "full.db"
    with open_store(path) as store:
        store.add([meeting_article()])
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    small_disk(monkeypatch, pages)
    big = call_article().with_(text=call_article().text + "\n\n" + "Долгий текст о переговорах. " * 2_000)
    with pytest.raises(StoreError, match="the disk is full"):
        with open_store(path) as store:
            store.add([big])
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.stats()["articles"] == 1 and store.get(meeting_article().id) is not None


def test_ingest_on_a_full_disk_says_what_was_stored_before(tmp_path, monkeypatch):
    path = tmp_path / "full.db"
    assert run("ingest", EXAMPLES / "000_a1daec2e390b6f19.txt", "--db", path).exit_code == 0
    with sqlite3.connect(path) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    small_disk(monkeypatch, pages + 2)
    huge = tmp_path / "huge.txt"
    huge.write_text("Заголовок\n\n" + "Путин встретился с Лукашенко в Минске. " * 1_000, encoding="utf-8")
    result = run("ingest", huge, "--db", path)
    one_line_naming(result, path, "the disk is full")
    assert "stored before that: 0 new" in result.stderr
    monkeypatch.undo()
    assert run("stats", "--db", path).exit_code == 0
    with open_store(path) as store:
        assert store.stats()["articles"] == 1


def test_writing_a_read_only_store_says_so(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    open_store(path).close()
    opened = SQLiteStore._open
    monkeypatch.setattr(SQLiteStore, "_open", lambda self: (opened(self), self._db.execute("PRAGMA query_only = 1")))
    assert run("stats", "--db", path).exit_code == 0, "reading needs no writes"
    one_line_naming(run("ingest", EXAMPLES, "--db", path), path, "it is read-only")


def test_the_api_answers_503_naming_the_store(tmp_path, monkeypatch):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from svodka.api.app import Settings, create_app

    path = tmp_path / "api.db"
    news_store(path).close()
    client = TestClient(create_app(Settings(path)))
    assert client.get("/api/stats").status_code == 200
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE quotes")  # a store damaged behind svodka's back
    broken = TestClient(create_app(Settings(path)))
    response = broken.get("/api/quotes")
    assert response.status_code == 503 and response.json()["detail"].startswith(f"store {path}: ")
    page = broken.get("/")
    assert page.status_code in (200, 503) and "Traceback" not in page.text
