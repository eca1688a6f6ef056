"""Quotes and events in the SQLite store: round trip, no duplicates, lookups, the upgrade from schema 2."""
import sqlite3

import pytest
from facts import (
    IVANOV,
    LUKASHENKO,
    MINSK,
    PUTIN,
    RUSSIA,
    call_article,
    meeting_article,
    store_at_schema,
)

from svodka.records import Event, Participant, Quote
from svodka.store import open_store
from svodka.store.schema import MIGRATIONS

FACT_TABLES = ("quotes", "events", "event_participants", "event_evidence", "event_topics")


def counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in FACT_TABLES}


@pytest.fixture
def store(db_path):
    with open_store(db_path) as opened:
        opened.add([meeting_article(), call_article()])
        yield opened


def test_quotes_and_events_round_trip(store):
    meeting, call = meeting_article(), call_article()
    assert store.get(meeting.id) == meeting and store.get(call.id[:6]) == call
    assert store.latest(2) == [call, meeting]
    assert list(store.articles()) == [meeting, call]
    assert store.get(call.id).quotes[0].notes == call.quotes[0].notes
    assert store.get(meeting.id).events[0].topics == ("газ", "безопасность")


def test_rows_are_written_once_per_article(store, db_path):
    assert counts(db_path) == {"quotes": 3, "events": 3, "event_participants": 6, "event_evidence": 2,
                               "event_topics": 2}
    again = store.add([meeting_article(), call_article()])
    assert again.duplicate == (meeting_article().id, call_article().id)
    assert counts(db_path)["quotes"] == 3 and counts(db_path)["event_participants"] == 6


def test_a_copy_with_other_text_adds_no_facts(store, db_path):
    """Same id, other sidebar: its offsets point into another text, so nothing of it is stored."""
    copy = meeting_article().with_(text=meeting_article().text + "\nПоследние новости", source="other.txt")
    store.add([copy])
    assert counts(db_path)["quotes"] == 3
    assert store.sources_of(copy.id) == ["aaaa000000000001.txt", "other.txt"]


def test_facts_are_added_to_an_article_stored_without_them(db_path):
    bare = meeting_article().with_(quotes=(), events=())
    with open_store(db_path) as store:
        store.add([bare])
        assert store.get(bare.id) == bare
        assert store.add([meeting_article()]).duplicate == (bare.id,)
        assert store.get(bare.id) == meeting_article()
        store.add([meeting_article()])
    assert counts(db_path)["quotes"] == 2 and counts(db_path)["events"] == 1


def test_quotes_by_a_speaker(store):
    found = store.quotes(by=PUTIN.id)
    assert [item.quote.text for item in found] == ["Россия и Беларусь — союзники"]
    assert found[0].speaker_name == "Владимир Путин"
    assert (found[0].article.id, found[0].article.outlet, found[0].ordinal) == (meeting_article().id, "ВЗГЛЯД", 0)
    assert store.quotes(by=IVANOV.id) == []


def test_quotes_about_an_entity_mentioned_inside_them(store):
    assert [item.quote.text for item in store.quotes(about=PUTIN.id)] == ["Путин — надёжный партнёр"]
    assert [item.quote.text for item in store.quotes(about=RUSSIA.id)] == ["Россия и Беларусь — союзники"]
    assert store.quotes(by=PUTIN.id, about=PUTIN.id) == []
    assert len(store.quotes(by=[PUTIN.id, LUKASHENKO.id])) == 2


def test_quotes_are_the_latest_oldest_first(store):
    every = store.quotes()
    assert [item.quote.text for item in every] == [
        "Россия и Беларусь — союзники", "Путин — надёжный партнёр", "Всё хорошо"]
    assert every[-1].speaker_name is None and every[-1].quote.speaker_text == "эксперты"
    assert [item.quote.text for item in store.quotes(limit=2)] == ["Путин — надёжный партнёр", "Всё хорошо"]


def test_events_by_participant_partner_place_and_type(store):
    def types(**filters):
        return [found.event.type for found in store.events(**filters)]

    assert types() == ["meeting", "call", "criticism"]
    assert types(entity=PUTIN.id) == ["meeting", "call"]
    assert types(entity=PUTIN.id, with_=LUKASHENKO.id) == ["meeting"]
    assert types(entity=IVANOV.id, with_=RUSSIA.id) == ["criticism"]
    assert types(entity=MINSK.id) == ["meeting"]
    assert types(with_=MINSK.id) == []
    assert types(type="call") == ["call"]
    assert types(entity=LUKASHENKO.id, type="call") == []
    assert types(limit=1) == ["criticism"]


def test_found_events_carry_names_evidence_and_article(store):
    meeting, call, criticism = store.events()
    assert meeting.id == "aaaa000000000001-0" and criticism.id == "bbbb000000000002-1"
    assert meeting.name_of(LUKASHENKO.id) == "Александр Лукашенко" and meeting.name_of(MINSK.id) == "Минск"
    assert meeting.entity(MINSK.id).type == "LOC"
    assert meeting.evidence == "Путин встретился с Лукашенко в Минске."
    assert call.evidence.startswith('=HYPERLINK("http://evil")\tИван Иванов\n')
    assert criticism.evidence is None and criticism.article.published == "2024-06-10T09:00:00+03:00"


def test_speakers_and_participants_need_not_be_stored_entities(db_path):
    stranger = meeting_article()
    stranger = stranger.with_(
        quotes=(Quote(0, 5, "Путин", "direct", speaker="per:некто"),),
        events=(Event("visit", "042", (Participant("org:unknown", "visitor"),), ()),))
    with open_store(db_path) as store:
        store.add([stranger])
        assert store.get(stranger.id) == stranger
        assert store.quotes(by="per:некто")[0].speaker_name is None
        assert store.events()[0].name_of("org:unknown") == "org:unknown"


def test_an_event_without_a_cameo_code_round_trips(db_path):
    appointment = meeting_article().with_(
        quotes=(), events=(Event("appointment", None, (Participant(PUTIN.id, "appointee"),), ()),))
    with open_store(db_path) as store:
        store.add([appointment])
        assert store.get(appointment.id).events[0].cameo is None


def test_filter_values_are_parameters_not_sql(store):
    assert store.quotes(by="x' OR '1'='1") == []
    assert store.events(type="meeting' OR '1'='1") == []


def test_stats_count_quotes_and_events(store):
    assert (store.stats()["quotes"], store.stats()["events"]) == (3, 3)


def _save_entities_at_schema_2(db, article, now):
    """Entities, aliases and mentions as svodka wrote them at schema 2 (aliases without their keys)."""
    for entity in article.entities:
        db.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?)",
                   (entity.id, entity.type, entity.name, entity.wikidata, now))
        db.executemany("INSERT OR IGNORE INTO entity_aliases VALUES (?, ?)",
                       [(entity.id, alias) for alias in (entity.name, *entity.aliases)])
    db.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(article.id, m.start, m.end, m.type, m.normal, m.entity, m.kind) for m in article.mentions])


def test_a_schema_2_database_is_upgraded_without_loss(db_path):
    meeting = meeting_article()
    bare = meeting.with_(quotes=(), events=())
    with store_at_schema(db_path, 2, bare) as db:
        db.execute("INSERT INTO article_sources VALUES (?, ?, ?)", (bare.id, bare.source, "2024-06-01"))
        _save_entities_at_schema_2(db, bare, "2024-06-01")
    with open_store(db_path) as store:
        stats = store.stats()
        assert stats["schema_version"] == len(MIGRATIONS)
        assert (stats["articles"], stats["entities"], stats["mentions"]) == (1, 4, 7)
        assert store.get(bare.id) == bare and store.sources_of(bare.id) == [bare.source]
        assert store.add([meeting]).duplicate == (meeting.id,)
        assert store.get(meeting.id) == meeting
        assert [item.quote.text for item in store.quotes(about=PUTIN.id)] == ["Путин — надёжный партнёр"]
