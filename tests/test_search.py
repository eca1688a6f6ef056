"""Search over the store: lemmas, phrases, boolean, prefixes, Latin spellings, entity and other
filters, snippets by offsets, hostile queries, the index kept by ingest and built for an old store
(texts written for these tests)."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner
from facts import store_at_schema

import svodka
from svodka.cli import main
from svodka.errors import InputError
from svodka.search.query import parse
from svodka.search.results import Filters
from svodka.store import open_store

TEXTS = {
    "meeting": ("Путин встретился с Лукашенко в Петербурге",
                "Президент России Владимир Путиным встретился с Александром Лукашенко. Лидеры обсудили "
                "интеграцию и ситуацию в Белоруссии.", "2024-06-01", "ТАСС"),
    "call": ("Макрон позвонил Шольцу", "Президент Франции Эммануэль Макрон провёл телефонный разговор с "
             "канцлером Германии Олафом Шольцем. Стороны обсудили поставки газа.", "2024-06-03", "РБК"),
    "sanctions": ("ЕС ввёл санкции против Белоруссии", "Евросоюз ввёл новые санкции против Белоруссии. "
                  "В Минске назвали решение недружественным.", "2024-06-05", "ТАСС"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "search.db"
    with open_store(path) as opened:
        opened.add([_article(key) for key in TEXTS])
        yield opened


def _article(key: str):
    title, body, published, outlet = TEXTS[key]
    article = svodka.process(f"{title}\n\n{body}", published=published, source=f"{key}.txt")
    return type(article).from_dict({**article.to_dict(), "outlet": outlet})


def titles(store, query: str, **filters) -> set[str]:
    return {hit.title for hit in store.search(parse(query), Filters(**filters)).hits}


@pytest.mark.parametrize("query, found", [
    ("Путин встретиться", {"Путин встретился с Лукашенко в Петербурге"}),  # "Путиным встретился"
    ('"Путиным встретился"', {"Путин встретился с Лукашенко в Петербурге"}),
    ('"встретился Путин"', set()),  # a phrase keeps its order
    ("Белоруссия", {"Путин встретился с Лукашенко в Петербурге", "ЕС ввёл санкции против Белоруссии"}),
    ("Белоруссия -санкции", {"Путин встретился с Лукашенко в Петербурге"}),
    ("Белоруссия NOT санкция", {"Путин встретился с Лукашенко в Петербурге"}),
    ("Макрон OR санкции", {"Макрон позвонил Шольцу", "ЕС ввёл санкции против Белоруссии"}),
    ("санк*", {"ЕС ввёл санкции против Белоруссии"}),
    ("Lukashenko", {"Путин встретился с Лукашенко в Петербурге"}),
    ("Шольц", {"Макрон позвонил Шольцу"}),  # "Шольцу", "Шольцем": a name the dictionary does not know
    ("Scholz", set()),  # one transliteration, "шолз": said, not hidden
    ("газ поставка", {"Макрон позвонил Шольцу"}),
])
def test_words_are_found_by_lemma_phrase_boolean_and_prefix(store, query, found):
    assert titles(store, query) == found


def test_latin_spelling_can_be_switched_off(store):
    assert not store.search(parse("Lukashenko", latin=False)).hits


def test_filters_by_entity_outlet_and_date(store):
    lukashenko = [e.id for e in store.find_entities("Лукашенко")]
    assert titles(store, "Белоруссия", entities=[lukashenko]) == {"Путин встретился с Лукашенко в Петербурге"}
    assert titles(store, "Белоруссия", outlets=["ТАСС"], since="2024-06-02") == {"ЕС ввёл санкции против Белоруссии"}
    assert titles(store, "Белоруссия", until="2024-06-01") == {"Путин встретился с Лукашенко в Петербурге"}


def test_results_in_date_order_page_by_page_with_the_total(store):
    first = store.search(parse("Белоруссия OR Макрон"), sort="date", limit=2)
    rest = store.search(parse("Белоруссия OR Макрон"), sort="date", limit=2, offset=2)
    assert first.total == rest.total == 3
    assert [h.published for h in first.hits + rest.hits] == ["2024-06-05", "2024-06-03", "2024-06-01"]


def test_snippet_marks_matches_by_offsets_into_the_text(store):
    (hit,) = store.search(parse("Шольц")).hits
    article = store.get(hit.id)
    assert [article.text[start:end] for start, end in hit.snippet.marks] == ["Шольцу", "Шольцем"]


@pytest.mark.parametrize("query", ['"не закрыта', "NOT Путин", "", "   ", "-", "*", "x" * 1001,
                                   " OR ".join(["слово"] * 40)])
def test_a_query_that_cannot_be_read_says_why(query):
    with pytest.raises(InputError):
        parse(query)


@pytest.mark.parametrize("query", ["путин'; DROP TABLE articles; --", "NEAR(путин лукашенко)", "путин AND",
                                   "title:путин", "%_%", "{body}: газ", "^путин", "путин)", "(путин"])
def test_hostile_queries_are_words_not_syntax(store, query):
    try:
        store.search(parse(query))  # no FTS5 or SQL error
    except InputError:
        pass  # "%_%" has no word: a clear refusal, not an error of the engine
    assert store.stats()["articles"] == 3


def test_an_older_store_is_indexed_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    store_at_schema(path, 7, _article("call")).close()
    with open_store(path) as upgraded:
        assert titles(upgraded, "телефонный разговор") == {"Макрон позвонил Шольцу"}


def test_the_cli_searches_and_exits_3_on_nothing_and_2_on_a_bad_query(store, tmp_path):
    runner = CliRunner()
    found = runner.invoke(main, ["search", "санкции", "--db", store.location])
    assert found.exit_code == 0 and "[санкции]" in found.output and "1 article match" in found.output
    assert runner.invoke(main, ["search", "Меркель", "--db", store.location]).exit_code == 3
    assert runner.invoke(main, ["search", '"Меркель', "--db", store.location]).exit_code == 2


def test_reindex_rebuilds_the_same_index(store):
    before = titles(store, "Белоруссия")
    assert store.reindex() == 3
    assert titles(store, "Белоруссия") == before


def test_the_index_has_one_row_per_article(store):
    with sqlite3.connect(store.location) as db:
        assert db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'белоруссия'").fetchone()[0] == 2
