"""Search over the store: lemmas, phrases, boolean, prefixes, Latin spellings, entity and other
filters, snippets by offsets, hostile queries, the index kept by ingest and built for an old store
(texts written for these tests)."""
from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from click.testing import CliRunner
from facts import store_at_schema
from news import TEXTS, article, news_store

import svodka
from svodka.cli import main
from svodka.errors import InputError
from svodka.search.query import parse
from svodka.search.resolve import UnknownEntity, resolved
from svodka.search.results import Filters
from svodka.store import open_store

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with news_store(tmp_path_factory.mktemp("search") / "search.db") as opened:
        yield opened


def titles(store, query: str | None, **filters) -> set[str]:
    parsed = parse(query) if query else None
    return {hit.title for hit in store.search(parsed, resolved(store.find_entities, parsed, Filters(**filters))).hits}


@pytest.mark.parametrize("query, found", [
    ("Путин встретиться", {"Путин встретился с Лукашенко в Петербурге"}),  # "Путиным встретился"
    ('"Путиным встретился"', {"Путин встретился с Лукашенко в Петербурге"}),
    ('"встретился Путин"', set()),  # a phrase keeps its order
    ("Белоруссия", {"Путин встретился с Лукашенко в Петербурге", "ЕС ввёл санкции против Белоруссии"}),
    ("Белоруссия -санкции", {"Путин встретился с Лукашенко в Петербурге"}),
    ("Белоруссия NOT санкция", {"Путин встретился с Лукашенко в Петербурге"}),
    ("Макрон OR санкции", {"Макрон позвонил Шольцу", "ЕС ввёл санкции против Белоруссии"}),
    ("санк*", {"ЕС ввёл санкции против Белоруссии"}),
    ("Lukashenko", {"Путин встретился с Лукашенко в Петербурге", "Белорусские заводы нарастили выпуск тракторов"}),
    ("Шольц", {"Макрон позвонил Шольцу"}),  # "Шольцу", "Шольцем": a name the dictionary does not know
    ("Scholz", set()),  # one transliteration, "шолз": said, not hidden
    ("газ поставка", {"Макрон позвонил Шольцу"}),
    ("~белорусский", {"Путин встретился с Лукашенко в Петербурге", "ЕС ввёл санкции против Белоруссии",
                      "Белорусские заводы нарастили выпуск тракторов"}),  # the family: Белоруссия, белорусский
    ("белорусский", {"Белорусские заводы нарастили выпуск тракторов"}),  # the lemma alone
    ("entity:Лукашенко", {"Путин встретился с Лукашенко в Петербурге", "Белорусские заводы нарастили выпуск тракторов"}),
    ('entity:"Александр Лукашенко" интеграция', {"Путин встретился с Лукашенко в Петербурге"}),
    ("entity:Беларусь", {"Путин встретился с Лукашенко в Петербурге", "ЕС ввёл санкции против Белоруссии"}),  # the knowledge base's other name
    ("трактор OR санкция -entity:Лукашенко", {"ЕС ввёл санкции против Белоруссии"}),
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
    assert store.stats()["articles"] == len(TEXTS)


def test_an_older_store_is_indexed_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    store_at_schema(path, 7, article("call")).close()
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
    assert store.reindex() == len(TEXTS)
    assert titles(store, "Белоруссия") == before


def test_the_index_has_one_row_perarticle(store):
    with sqlite3.connect(store.location) as db:
        assert db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'белоруссия'").fetchone()[0] == 2


def ids_of(store, name: str) -> list[str]:
    return [entity.id for entity in store.find_entities(name)]


def test_filters_by_speaker_participant_event_type_status_and_story(store):
    lukashenko, putin = ids_of(store, "Лукашенко"), ids_of(store, "Путин")
    assert titles(store, None, speakers=[lukashenko]) == {"Белорусские заводы нарастили выпуск тракторов"}
    assert titles(store, None, participants=[putin, lukashenko], event_types=["meeting"]) == {
        "Путин встретился с Лукашенко в Петербурге"}
    assert titles(store, None, event_types=["call"]) == {"Макрон позвонил Шольцу"}
    assert titles(store, None, event_types=["call"], event_statuses=["planned"]) == set()
    assert titles(store, "Белоруссия", participants=[lukashenko], event_types=["sanctions"]) == set()  # one event has both
    (meeting,) = store.search(parse("Петербург")).hits
    assert meeting.story is not None
    assert titles(store, None, stories=[meeting.story]) == {"Путин встретился с Лукашенко в Петербурге"}


def test_without_words_every_article_the_filters_pass_newest_first(store):
    results = store.search(None, Filters(outlets=["ТАСС"]))
    assert [hit.published for hit in results.hits] == ["2024-06-05", "2024-06-01"] and results.total == 2
    assert all(hit.snippet is None for hit in results.hits)


def test_an_unknown_entity_is_named_in_the_error(store):
    with pytest.raises(UnknownEntity, match="Меркель"):
        resolved(store.find_entities, parse("entity:Меркель газ"))


def test_until_takes_the_whole_day_of_a_datedarticle(tmp_path):
    with open_store(tmp_path / "hours.db") as hours:
        article = svodka.process("Шольц приехал\n\nКанцлер Олаф Шольц приехал в Париж.",
                                 published="2024-06-01T23:30:00+03:00", source="late.txt")
        hours.add([article])
        assert hours.search(parse("Шольц"), Filters(until="2024-06-01")).total == 1
        assert hours.search(parse("Шольц"), Filters(since="2024-06-02")).total == 0


@pytest.mark.parametrize("query, filters", [
    ("Белоруссия OR Макрон OR трактор", {}),
    ("entity:Лукашенко", {}),
    (None, {"outlets": ["ТАСС", "РБК"]}),
])
def test_facets_count_what_the_store_holds_for_every_match(store, query, filters):
    parsed = parse(query) if query else None
    results = store.search(parsed, resolved(store.find_entities, parsed, Filters(**filters)), limit=100, facets=10)
    matched = [store.get(hit.id) for hit in results.hits]
    assert len(matched) == results.total
    facets = results.facets
    assert {c.value: c.count for c in facets.outlets} == Counter(a.outlet for a in matched if a.outlet)
    assert {c.value: c.count for c in facets.days} == Counter(a.published[:10] for a in matched)
    assert {c.value: c.count for c in facets.event_types} == Counter(
        type for a in matched for type in {event.type for event in a.events})
    entity_counts = Counter(entity for a in matched for entity in {m.entity for m in a.mentions if m.entity})
    for type, counts in facets.entities.items():
        assert all(c.count == entity_counts[c.value] and c.type == type for c in counts)
    assert sum(len(counts) for counts in facets.entities.values()) == min(len(entity_counts), 10 * len(facets.entities))


def test_facets_follow_what_is_stored_and_clustered_after_them(tmp_path):
    """The counted columns are kept in memory: later articles, and the stories they join later,
    are counted on the next search of the same store."""
    def stored_categories(store):
        return Counter(row[0] for row in store._db.execute("SELECT category FROM story_members"))

    with open_store(tmp_path / "growing.db") as store:
        first = [article("meeting"), article("call")]
        store.add(first)
        facets = store.search(None, facets=10).facets
        assert {c.value: c.count for c in facets.outlets} == {"ТАСС": 1, "РБК": 1} and not facets.categories
        store.cluster(first)
        later = [article("sanctions"), article("tractors")]
        store.add(later)
        facets = store.search(None, facets=10).facets
        assert {c.value: c.count for c in facets.outlets} == {"ТАСС": 2, "РБК": 1, "БелТА": 1}
        assert {c.value: c.count for c in facets.categories} == stored_categories(store) and facets.categories
        store.cluster(later)
        facets = store.search(None, facets=10).facets
        assert {c.value: c.count for c in facets.categories} == stored_categories(store)
        assert sum(c.count for c in facets.categories) == 4
        assert {c.value: c.count for c in facets.days} == {"2024-06-01": 1, "2024-06-03": 1, "2024-06-05": 1, "2024-06-07": 1}


@pytest.mark.parametrize("query, filters, found", [
    ("entity:Лукашенко", {"since": "2024-06-02"}, ["Белорусские заводы нарастили выпуск тракторов"]),
    ("entity:Лукашенко", {"until": "2024-06-01"}, ["Путин встретился с Лукашенко в Петербурге"]),
    ("entity:Лукашенко", {"outlets": ["БелТА"]}, ["Белорусские заводы нарастили выпуск тракторов"]),
    ("entity:Лукашенко entity:Путин", {"since": "2024-06-01", "until": "2024-06-01"},
     ["Путин встретился с Лукашенко в Петербурге"]),
    ("entity:Лукашенко", {}, ["Белорусские заводы нарастили выпуск тракторов", "Путин встретился с Лукашенко в Петербурге"]),
])
def test_one_entity_without_words_is_read_newest_first_with_every_filter(store, query, filters, found):
    parsed = parse(query)
    results = store.search(parsed, resolved(store.find_entities, parsed, Filters(**filters)), facets=5)
    assert [hit.title for hit in results.hits] == found
    assert results.total == len(found) == sum(count.count for count in results.facets.days)


def test_counted_columns_are_read_anew_for_a_replaced_store_file(tmp_path):
    """The columns are shared by every connection to a file: a new file in its place is not
    counted as the old one."""
    path = tmp_path / "replaced.db"
    with open_store(path) as store:
        store.add([article("meeting"), article("call"), article("sanctions")])
        assert store.stats()["articles"] == 3 and store.search(None, facets=5).facets.outlets
    for name in ("replaced.db", "replaced.db-wal", "replaced.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with open_store(path) as store:
        store.add([article("tractors")])
        facets = store.search(None, facets=5).facets
        assert {c.value: c.count for c in facets.outlets} == {"БелТА": 1}
        assert store.stats()["articles"] == 1 and store.stats()["outlets"] == 1


@pytest.mark.parametrize("query", ["Белоруссия OR Макрон OR трактор", "Лукашенко", "entity:Лукашенко Минск"])
def test_words_in_date_order_are_sorted_as_sql_sorts_them(store, query):
    """Sorted by the dates held in memory: newest first, the later stored first on one date, the
    same page for every offset as ordering the matches in SQL."""
    from svodka.store.sqlite_search import search as sql_search
    parsed = parse(query)
    filters = resolved(store.find_entities, parsed, Filters())
    for offset in (0, 1, 2):
        held = store.search(parsed, filters, "date", limit=2, offset=offset)
        ordered = sql_search(store._db, parsed, filters, "date", limit=2, offset=offset)
        assert [(h.id, h.score) for h in held.hits] == [(h.id, h.score) for h in ordered.hits]
        assert held.total == ordered.total
    every = store.search(parsed, filters, "date", limit=100).hits
    assert [hit.published for hit in every] == sorted((hit.published for hit in every), reverse=True) and every
