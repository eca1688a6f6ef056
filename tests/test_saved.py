"""Saved searches: kept in the store under a name, refused when they cannot be read, and read back
as an Atom feed of their newest matches whose scraped text stays text."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from news import news_store

import svodka
from svodka.errors import InputError
from svodka.search.saved import SavedSearch

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from svodka.api.app import Settings, create_app  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def store(tmp_path):
    with news_store(tmp_path / "saved.db") as opened:
        yield opened


def test_a_saved_search_is_kept_replaced_and_forgotten(store):
    assert store.save_search(SavedSearch("belarus", query="Белоруссия", outlets=("ТАСС",))) is False
    assert store.save_search(SavedSearch("belarus", query="~белорусский")) is True
    ((found, saved_at),) = store.saved_searches()
    assert found == SavedSearch("belarus", query="~белорусский") and saved_at
    assert store.delete_saved_search("belarus") and not store.saved_searches()
    assert not store.delete_saved_search("belarus")


@pytest.mark.parametrize("name, fields", [
    ("../etc", {"query": "газ"}), ("", {"query": "газ"}), ("x" * 65, {"query": "газ"}),
    ("everything", {}), ("broken", {"query": '"не закрыта'}),
])
def test_a_search_that_cannot_be_saved_says_why(name, fields):
    with pytest.raises(InputError):
        SavedSearch(name, **fields)


def test_a_watchlist_matches_any_of_its_entities(store):
    watch = SavedSearch("leaders", watch=("Макрон", "Лукашенко"))
    titles = {hit.title for hit in store.search(watch.parsed(), watch.filters(store.find_entities)).hits}
    assert titles == {"Макрон позвонил Шольцу", "Путин встретился с Лукашенко в Петербурге",
                      "Белорусские заводы нарастили выпуск тракторов"}


def test_the_feed_lists_the_newest_matches_as_atom(store):
    store.save_search(SavedSearch("belarus", query="Белоруссия OR трактор"))
    client = TestClient(create_app(Settings(Path(store.location))))
    response = client.get("/feeds/belarus.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Белорусские заводы нарастили выпуск тракторов", "ЕС ввёл санкции против Белоруссии",
                      "Путин встретился с Лукашенко в Петербурге"]  # newest first
    listed = client.get("/api/saved").json()
    assert listed[0]["name"] == "belarus" and listed[0]["feed"].endswith("/feeds/belarus.atom")
    assert client.get("/api/saved/belarus").json()["total"] == 3
    assert client.get("/feeds/nothing.atom").status_code == 404


def test_hostile_text_in_a_feed_stays_text(tmp_path):
    with news_store(tmp_path / "hostile.db") as store:
        hostile = svodka.process('Газ </title><script>alert(1)</script> \x01 ]]> & "кавычки"\n\n'
                                 "Поставки газа в Европу выросли на треть за май, сообщили в компании. "
                                 "<img src=x onerror=alert(1)> Цены на газ при этом снизились.", published="2024-06-10",
                                 source="hostile.txt")
        title = 'Газ </title><script>alert(1)</script> \x01 ]]> & "кавычки"'
        store.add([type(hostile).from_dict({**hostile.to_dict(), "title": title, "url": "javascript:alert(1)"})])
        store.save_search(SavedSearch("gas", query="газ"))
        client = TestClient(create_app(Settings(Path(store.location))))
        body = client.get("/feeds/gas.atom").content
    root = ElementTree.fromstring(body)  # well-formed despite the control character and markup
    assert b"<script>" not in body and b"<img" not in body and b"javascript:" not in body
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in root.iter(f"{ATOM}entry")}
    hostile_title = next(title for title in entries if "script" in title)
    assert "<script>alert(1)</script>" in hostile_title and "\x01" not in hostile_title


def run(*args):
    from click.testing import CliRunner

    from svodka.cli import main
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_the_cli_saves_lists_runs_and_forgets_a_search(store):
    db = store.location
    saved = run("search", "--watch", "Макрон", "--watch", "Лукашенко", "--save", "leaders", "--db", db)
    assert saved.exit_code == 0 and "saved search 'leaders'" in saved.output
    listed = run("saved", "--db", db)
    assert listed.exit_code == 0 and "leaders  watch:Макрон watch:Лукашенко" in listed.output
    matches = run("saved", "leaders", "--json", "--db", db)
    assert [line for line in matches.output.splitlines() if line.startswith("{")][0] == '{"total": 3, "offset": 0}'
    assert run("saved", "leaders", "--delete", "--db", db).exit_code == 0
    assert run("saved", "leaders", "--db", db).exit_code == 3
    assert run("search", "--save", "../x", "газ", "--db", db).exit_code == 2


def test_saved_on_a_missing_store_creates_nothing(tmp_path):
    assert run("saved", "--db", tmp_path / "none.db").exit_code == 3 and not list(tmp_path.iterdir())


def test_the_cli_filters_by_speaker_event_and_prints_facets(store):
    db = store.location
    quoted = run("search", "--speaker", "Лукашенко", "--facets", "5", "--db", db)
    assert quoted.exit_code == 0 and "1 article match speaker:Лукашенко" in quoted.output
    assert "outlets: БелТА 1" in quoted.output
    assert run("search", "--type", "call", "--db", db).output.startswith("1 article match type:call")
    assert run("search", "--type", "phone_call", "--db", db).exit_code == 2
    assert run("search", "--participant", "Меркель", "--db", db).exit_code == 3
    assert run("search", "--db", db).exit_code == 2  # neither a query nor a filter
