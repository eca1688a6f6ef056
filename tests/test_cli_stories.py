"""`svodka stories`, `svodka story` and `svodka timeline` as a user runs them."""
import json

import pytest
from click.testing import CliRunner
from facts import call_article, meeting_article, store_at_schema

from svodka.cli import main
from svodka.store import open_store

MEETING, CALL = meeting_article(), call_article()


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def db(facts_db):
    return facts_db


def test_stories_json_carries_what_the_issue_lists(db):
    result = run("stories", "--members", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    stories = [json.loads(line) for line in result.output.splitlines()]
    assert len(stories) == 2, "a meeting and a call ten days apart are two stories"
    for story in stories:
        assert {"id", "title", "summary", "score", "category", "first_seen", "last_seen", "members"} <= set(story)
        assert all({"source", "url", "duplicate_of"} <= set(member) for member in story["members"])
    assert stories[0]["score"] >= stories[1]["score"]
    assert stories[0]["first_seen"] == "2024-06-10", "the newer story ranks first"
    meeting = next(story for story in stories if story["members"][0]["article_id"] == MEETING.id)
    assert meeting["members"][0]["url"] == MEETING.url and meeting["members"][0]["source"] == MEETING.source


def test_stories_json_without_members_is_their_cards(db):
    whole = [json.loads(line) for line in run("stories", "--members", "--json", "--db", db).output.splitlines()]
    cards = [json.loads(line) for line in run("stories", "--json", "--db", db).output.splitlines()]
    assert [card["id"] for card in cards] == [story["id"] for story in whole]
    for card, story in zip(cards, whole):
        assert "members" not in card
        assert card["articles"] == len(story["members"]) and card["outlet_count"] == len(story["outlets"])
        assert (card["title"], card["summary"], card["thread"]) == (story["title"], story["summary"], story["thread"])
    with_members = run("stories", "--members", "--db", db).output.splitlines()
    assert any(line.startswith("      - ") for line in with_members)
    assert run("stories", "--db", db).output.splitlines() == [line for line in with_members if not line.startswith("      - ")]


def test_quotes_and_events_of_one_story(db):
    meeting = next(json.loads(line) for line in run("stories", "--members", "--json", "--db", db).output.splitlines()
                   if json.loads(line)["members"][0]["article_id"] == MEETING.id)
    said = [json.loads(line) for line in run("quotes", "--story", meeting["id"], "--json", "--db", db).output.splitlines()]
    assert len(said) == len(MEETING.quotes) and {quote["article"]["id"] for quote in said} == {MEETING.id}
    happened = [json.loads(line) for line in run("events", "--story", meeting["id"], "--json", "--db", db).output.splitlines()]
    assert len(happened) == len(MEETING.events) and {event["article"]["id"] for event in happened} == {MEETING.id}
    one = json.loads(run("story", meeting["id"], "--limit", 1, "--json", "--db", db).output)
    assert len(one["quotes"]) == 1 and one["quotes"][0] == said[-1], "the latest quote"
    assert run("quotes", "--story", 999, "--db", db).exit_code == 3
    assert "no story #999" in run("events", "--story", 999, "--db", db).stderr


def test_stories_since_and_entity_filter(db):
    since = [json.loads(line) for line in run("stories", "--json", "--since", "2024-06-05", "--db", db).output.splitlines()]
    assert [story["first_seen"] for story in since] == ["2024-06-10"]
    assert run("stories", "--entity", "Никто Никакой", "--db", db).exit_code == 3
    assert run("stories", "--since", "2030-01-01", "--db", db).exit_code == 3


def test_story_shows_members_entities_quotes_and_events(db):
    meeting = next(json.loads(line) for line in run("stories", "--members", "--json", "--db", db).output.splitlines()
                   if json.loads(line)["members"][0]["article_id"] == MEETING.id)
    result = run("story", meeting["id"], "--db", db)
    assert result.exit_code == 0 and MEETING.id in result.output
    assert "entities:" in result.output and "Россия и Беларусь — союзники" in result.output
    detail = json.loads(run("story", meeting["id"], "--json", "--db", db).output)
    assert len(detail["quotes"]) == detail["quote_count"] == len(MEETING.quotes)
    assert len(detail["events"]) == detail["event_count"] == len(MEETING.events)
    assert {quote["article"]["id"] for quote in detail["quotes"]} == {MEETING.id}
    assert run("story", 999, "--db", db).exit_code == 3


def test_timeline_of_two_people_lists_events_and_stories_in_date_order(db):
    result = run("timeline", "Путин", "Лукашенко", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in result.output.splitlines()]
    assert {item["kind"] for item in items} == {"event", "story"}
    assert [item["date"] for item in items] == sorted(item["date"] for item in items)
    lines = run("timeline", "Путин", "Лукашенко", "--db", db).output.splitlines()
    assert any("story #" in line for line in lines) and any("meeting" in line for line in lines)


def test_hostile_headlines_are_printed_inert(db_path):
    hostile = MEETING.with_(title="Путин \x1b[2J\x1b[31mвстретился\x07 с Лукашенко")
    with open_store(db_path) as store:
        store.add([hostile])
        store.cluster([hostile])
    output = run("stories", "--db", db_path).output
    assert "\x1b" not in output and "\x07" not in output


def test_a_schema_3_store_gets_its_stories_when_first_asked(db_path):
    store_at_schema(db_path, 3, MEETING).close()
    result = run("stories", "--members", "--json", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "clustered 1 articles that were in no story yet" in result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["members"][0]["article_id"] == MEETING.id


def test_timeline_limit_keeps_the_latest(db):
    every = [json.loads(line) for line in run("timeline", "Путин", "--json", "--db", db).output.splitlines()]
    latest = [json.loads(line) for line in run("timeline", "Путин", "--limit", 2, "--json", "--db", db).output.splitlines()]
    assert len(every) > 2 and latest == every[-2:]


def test_story_names_the_other_stories_of_its_thread(db_path):
    earlier = MEETING.with_(id="m1", published="2024-06-01")
    later = MEETING.with_(id="m2", published="2024-06-09", text=MEETING.text + " Переговоры продолжатся.")
    with open_store(db_path) as store:
        store.add([earlier])
        store.cluster([earlier])
        store.add([later])
        store.cluster([later])
        first, second = (store.stories_of(["m1", "m2"])[i] for i in ("m1", "m2"))
    assert first != second, "eight days apart: two stories"
    detail = json.loads(run("story", second, "--json", "--db", db_path).output)
    assert detail["thread"] == first
    assert [item["id"] for item in detail["thread_stories"]] == [first, second]
