"""The CLI as one interface: reads never create a store, every listing takes --json, choices are
checked, and what is printed is labelled and safe for a terminal."""
import json

import pytest
from click.testing import CliRunner
from facts import LUKASHENKO, PUTIN, call_article, meeting_article

from svodka.cli import EVENT_TYPES, main
from svodka.events.lexicon import KINDS
from svodka.records import Entity
from svodka.store import NoStore, open_store

MEETING, CALL = meeting_article(), call_article()

# Every command but the two that read inputs, with arguments that would find something in `db`.
READS = {
    "show": ["--latest", 2],
    "export": [],
    "stats": [],
    "entities": [],
    "entity": ["Путин"],
    "quotes": [],
    "events": [],
    "stories": [],
    "story": [1],
    "timeline": ["Путин"],
    "search": ["Путин"],
    "reindex": [],
    "corrections": [],
}

ENTITY_FIELDS = {"id", "type", "name", "aliases", "wikidata"}
ARTICLE_REF_FIELDS = {"id", "title", "published", "outlet", "source", "url"}
STORY_CARD_FIELDS = {"id", "thread", "title", "summary", "score", "breaking", "category", "first_seen", "last_seen",
                     "articles", "copies", "outlet_count", "outlets"}
STORY_FIELDS = {"id", "thread", "title", "summary", "summary_sources", "score", "breaking", "category", "first_seen",
                "last_seen", "outlets", "entities", "quote_count", "event_count", "members"}
EVENT_FIELDS = {"id", "article", "ordinal", "type", "cameo", "participants", "evidence", "place", "place_name",
                "evidence_text", "date", "status"}
# command and arguments → the fields every JSON object it prints has (README, "Commands")
LISTINGS = {
    ("show", "--latest", 2): {"id", "source", "text", "title", "published", "outlet", "spans", "mentions",
                              "entities", "quotes", "events"},
    ("entities",): ENTITY_FIELDS | {"mentions", "articles"},
    ("entity", "Путин"): ENTITY_FIELDS | {"mentions", "articles", "mentioned_in"},
    ("quotes",): {"article", "ordinal", "speaker_name", "text", "kind", "speaker", "speaker_text", "start", "end"},
    ("events",): EVENT_FIELDS,
    ("stories",): STORY_CARD_FIELDS,
    ("stories", "--members"): STORY_FIELDS,
    ("story", 1): STORY_FIELDS | {"quotes", "events", "thread_stories"},
    ("timeline", "Путин"): {"kind", "date", "id"},
    ("stats",): {"database", "articles", "entities", "quotes", "events", "stories"},
}


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(arg) for arg in args], **kwargs)


@pytest.fixture
def db(facts_db):
    return facts_db


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_every_command_that_reads_a_store_is_checked_here():
    assert set(main.commands) - {"ingest", "extract", "serve", "saved"} == set(READS)  # serve, saved: test_api, test_saved


@pytest.mark.parametrize("command", sorted(READS))
def test_a_read_of_a_missing_store_names_it_and_creates_nothing(command, tmp_path):
    missing = tmp_path / "typo" / "typo.db"
    result = run(command, *READS[command], "--db", missing)
    assert result.exit_code == 3, result.output
    assert f"there is no store at {missing}" in result.output
    assert f"svodka ingest FILES... --db {missing}" in result.output
    assert list(tmp_path.iterdir()) == [], "nothing is created, not even the folder"


def test_a_read_of_the_missing_default_store_creates_nothing(tmp_path):
    result = run("stats", env={"SVODKA_DB": None, "XDG_DATA_HOME": str(tmp_path)})
    assert result.exit_code == 3
    assert f"there is no store at {tmp_path / 'svodka' / 'svodka.db'}" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", sorted(READS))
def test_every_read_works_on_an_existing_store(command, db):
    result = run(command, *READS[command], "--db", db)
    assert result.exit_code == 0, result.output


def test_ingest_still_creates_a_store(tmp_path):
    where = tmp_path / "new" / "fresh.db"
    result = run("ingest", "-", "--db", where,
                 input="Заголовок\n\nПутин встретился с Лукашенко в Минске и обсудил с ним газ.\n".encode())
    assert result.exit_code == 0, result.output
    assert where.is_file() and run("stats", "--db", where).exit_code == 0


def test_open_store_without_create_raises_and_writes_nothing(tmp_path):
    with pytest.raises(NoStore) as missing:
        open_store(tmp_path / "none.db", create=False)
    assert missing.value.path == tmp_path / "none.db" and not list(tmp_path.iterdir())


@pytest.mark.parametrize(("listing", "fields"), LISTINGS.items(), ids=lambda value: " ".join(map(str, value))
                         if isinstance(value, tuple) else "")
def test_every_listing_prints_json_with_its_fields(listing, fields, db):
    result = run(*listing, "--json", "--db", db)
    assert result.exit_code == 0, result.output
    records = json_lines(result.output) if listing != ("stats",) else [json.loads(result.output)]
    assert records
    for record in records:
        assert fields <= set(record), fields - set(record)


def test_listed_json_records_share_field_names(db):
    quote = json_lines(run("quotes", "--json", "--db", db).output)[0]
    event = json_lines(run("events", "--json", "--db", db).output)[0]
    assert set(quote["article"]) == set(event["article"]) == ARTICLE_REF_FIELDS
    story = json_lines(run("story", 1, "--json", "--db", db).output)[0]
    assert set(story["quotes"][0]) == set(quote) and set(story["events"][0]) == set(event)
    listed = next(row for row in json_lines(run("entities", "--json", "--db", db).output) if row["id"] == PUTIN.id)
    (detail,) = json_lines(run("entity", "Путин", "--json", "--db", db).output)
    assert {key: detail[key] for key in listed} == listed, "the same counts under the same names"
    assert detail["mentioned_in"][0].keys() == {"id", "title", "mentions"}


def test_search_json_gives_the_total_then_hits(db):
    total, *hits = json_lines(run("search", "Путин", "--json", "--db", db).output)
    assert total == {"total": len(hits), "offset": 0} and hits
    assert {"id", "title", "outlet", "published", "score", "story", "snippet"} <= set(hits[0])


def test_extract_and_stories_take_json_and_still_read_the_old_jsonl(db):
    for command in (["stories", "--db", db], ["extract", "-"]):
        text = "Заголовок\n\nПутин встретился с Лукашенко в Минске и обсудил с ним газ.\n".encode()
        new, old = (run(*command, flag, input=text) for flag in ("--json", "--jsonl"))
        assert new.exit_code == old.exit_code == 0, (new.output, old.output)
        assert json_lines(new.output) and json_lines(new.output) == json_lines(old.output)
        assert "--jsonl" not in run(command[0], "--help").output


def test_event_types_are_the_ones_events_are_stored_with():
    assert EVENT_TYPES == tuple(KINDS) and "call" in EVENT_TYPES and "phone_call" not in EVENT_TYPES


@pytest.mark.parametrize("args", [
    ("events", "--type", "phone_call"),
    ("events", "--type", "meetings"),
    ("entities", "--type", "PERSON"),
    ("events", "--status", "done"),
    ("search", "Путин", "--category", "politics"),
    ("search", "Путин", "--sort", "newest"),
])
def test_an_unknown_choice_is_a_usage_error_naming_the_valid_ones(args, db):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output and "is not one of" in result.output


def test_unknown_event_type_lists_call(db):
    result = run("events", "--type", "phone_call", "--db", db)
    assert "'call'" in result.output and "'meeting'" in result.output


def test_choices_are_read_in_any_case(db):
    assert run("events", "--type", "CALL", "--db", db).output.startswith("2024-06  call (CAMEO 041)")
    assert "Владимир Путин" in run("entities", "--type", "per", "--db", db).output


def test_entities_print_a_header_over_aligned_columns(db):
    header, *rows = run("entities", "--db", db).output.splitlines()
    assert header.split() == ["mentions", "articles", "type", "name", "id"]
    putin = next(row for row in rows if PUTIN.id in row)
    for column in ("name", "id"):
        start = header.index(column)
        assert all(row[start - 1] == " " and row[start] != " " for row in rows), column
    assert putin[header.index("name"):].startswith("Владимир Путин") and putin.endswith(PUTIN.id)
    assert putin.split()[:3] == ["4", "2", "PER"], "mentions, then articles"


def test_entity_prints_a_labelled_block_one_fact_a_line(db):
    result = run("entity", "Лукашенко", "--db", db)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:8] == [
        "Александр Лукашенко",
        "  type      PER",
        f"  id        {LUKASHENKO.id}",
        "  aliases   Лукашенко",
        "  wikidata  Q7758",
        "  mentions  2",
        "  articles  1",
        "  mentioned in (latest first):",
    ]
    assert lines[8].split() == ["mentions", "article", "title"]
    assert lines[9].split()[:2] == ["2", MEETING.id]


def test_entity_text_cannot_forge_lines_or_reach_the_terminal(db_path):
    hostile = Entity(PUTIN.id, "PER", "Путин\n  wikidata  Q2\x1b]0;pwned\x07", ("ВВП\n  wikidata  Q1", "\x1b[2JПутин"),
                     None)
    article = meeting_article()
    article = article.with_(entities=tuple(hostile if e.id == PUTIN.id else e for e in article.entities),
                            title="Заголовок\r\n  articles  999")
    with open_store(db_path) as store:
        store.add([article])
    result = run("entity", PUTIN.id, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\r" not in result.output
    assert "\\u001b" in result.output, "control characters are shown escaped"
    lines = result.output.splitlines()
    assert not any(line.startswith("  wikidata") for line in lines), "a newline in an alias forges no line"
    assert [line for line in lines if line.startswith("  articles")] == ["  articles  1"]
    assert len(lines) >= 8


def test_a_story_labels_its_entity_counts(db):
    lines = run("story", 1, "--db", db).output.splitlines()
    (entities,) = [line for line in lines if line.startswith("    entities: ")]
    assert "Владимир Путин (1 article)" in entities
