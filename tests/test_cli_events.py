"""`svodka quotes`, `svodka events` and `svodka export --events` as a user runs them."""
import csv
import json

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from facts import LUKASHENKO, PUTIN, at, call_article, meeting_article

from svodka.cli import main
from svodka.export.gdelt import GDELT_COLUMNS
from svodka.records import Quote
from svodka.store import open_store

MEETING_ID, CALL_ID = meeting_article().id, call_article().id


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def db(db_path):
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article()])
    return db_path


def gdelt_rows(text: str) -> list[dict[str, str]]:
    header, *lines = text.splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS)
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == len(GDELT_COLUMNS) for row in rows)
    return [dict(zip(GDELT_COLUMNS, row)) for row in rows]


def test_quotes_by_a_name_print_speaker_words_date_and_outlet(db):
    result = run("quotes", "--by", "Путин", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output == f"Владимир Путин: «Россия и Беларусь — союзники» — 2024-06-01, ВЗГЛЯД [{MEETING_ID}]\n"


def test_quotes_about_a_name_and_indirect_speech(db):
    result = run("quotes", "--about", "Владимир Путин", "--db", db)
    assert result.output == (f"Александр Лукашенко: [indirect] Путин — надёжный партнёр — 2024-06-01, ВЗГЛЯД "
                             f"[{MEETING_ID}]\n")


def test_quotes_latest_first_limited_and_as_json(db):
    lines = run("quotes", "--limit", 2, "--db", db).output.splitlines()
    assert len(lines) == 2 and lines[-1] == f"эксперты: «Всё хорошо» — 2024-06-10, feeds/b.txt [{CALL_ID}]"
    found = [json.loads(line) for line in run("quotes", "--json", "--db", db).output.splitlines()]
    assert [item["speaker"] for item in found] == [PUTIN.id, LUKASHENKO.id, None]
    assert found[0]["speaker_name"] == "Владимир Путин" and found[0]["article"]["url"] == "https://vz.ru/1"
    assert found[2]["notes"] == [{"start": 56, "end": 59}]


def test_unknown_names_and_empty_results_exit_3(db):
    unknown = run("quotes", "--by", "Навуходоносор", "--db", db)
    assert unknown.exit_code == 3 and "no entity named 'Навуходоносор'" in unknown.output
    nothing = run("quotes", "--by", "Иван Иванов", "--db", db)
    assert nothing.exit_code == 3 and "no quotes (by 'Иван Иванов')" in nothing.output
    assert run("events", "--with", "Навуходоносор", "--db", db).exit_code == 3
    assert run("events", "--type", "sanctions", "--db", db).exit_code == 3


def test_events_of_an_entity_with_another(db):
    result = run("events", "--entity", "Лукашенко", "--with", "путин", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        (f"2024-05-31  meeting (CAMEO 040)  Владимир Путин (visitor), Александр Лукашенко (host) · Минск — "
         f"2024-06-01, ВЗГЛЯД [{MEETING_ID}]"),
        "    Путин встретился с Лукашенко в Минске.",
    ]


def test_events_by_type_place_and_as_json(db):
    call = run("events", "--type", "Call", "--db", db).output.splitlines()
    assert call[0].startswith("2024-06  call (CAMEO 041)  Иван Иванов (initiator), Владимир Путин (counterpart)")
    assert "\t" not in call[1] and call[1].startswith('    =HYPERLINK("http://evil") Иван Иванов позвонил')
    assert "meeting (CAMEO 040)" in run("events", "--entity", "Минск", "--db", db).output
    found = [json.loads(line) for line in run("events", "--json", "--db", db).output.splitlines()]
    assert [item["type"] for item in found] == ["meeting", "call", "criticism"]
    assert found[0]["participants"][1] == {"entity": LUKASHENKO.id, "role": "host", "name": "Александр Лукашенко",
                                           "type": "PER"}
    assert found[0]["place_name"] == "Минск" and found[2]["id"] == f"{CALL_ID}-1"
    criticism = run("events", "--type", "criticism", "--db", db).output
    assert criticism.startswith("(2024-06-10)  criticism (CAMEO 111)  Иван Иванов (target), Россия (initiator) — ")


def test_control_characters_in_stored_text_are_not_printed(db_path):
    hostile = meeting_article()
    words = at(hostile.text, "Россия и Беларусь — союзники")
    hostile = hostile.with_(quotes=(Quote(words.start, words.end, "\x1b[2J\x1b]0;pwned\x07союзники", "direct",
                                          PUTIN.id),), events=())
    with open_store(db_path) as store:
        store.add([hostile])
    output = run("quotes", "--db", db_path).output
    assert "союзники" in output and "\x1b" not in output and "\x07" not in output


def test_gdelt_export_rows(db, tmp_path):
    out = tmp_path / "events.tsv"
    result = run("export", "--events", "--format", "gdelt", "--out", out, "--db", db)
    assert result.exit_code == 0 and "exported 3 events" in result.output
    meeting, call, criticism = gdelt_rows(out.read_text(encoding="utf-8"))
    assert meeting == {
        "GLOBALEVENTID": f"{MEETING_ID}-0", "SQLDATE": "20240531", "DatePrecision": "day",
        "Actor1Id": LUKASHENKO.id, "Actor1Name": "Александр Лукашенко", "Actor1CountryCode": "BY",
        "Actor1Type": "PER", "Actor1Role": "host",
        "Actor2Id": PUTIN.id, "Actor2Name": "Владимир Путин", "Actor2CountryCode": "RU", "Actor2Type": "PER",
        "Actor2Role": "visitor", "EventCode": "040", "EventRootCode": "04", "QuadClass": "1",
        "ActionGeo_FullName": "Минск", "ActionGeo_CountryCode": "BY", "EventType": "meeting",
        "Topics": "газ;безопасность", "SOURCEURL": "https://vz.ru/1", "ArticleId": MEETING_ID,
        "Evidence": "Путин встретился с Лукашенко в Минске.",
    }
    assert (call["SQLDATE"], call["DatePrecision"], call["QuadClass"]) == ("20240600", "month", "1")
    assert (call["Actor1Name"], call["Actor1CountryCode"], call["Actor2Role"]) == ("Иван Иванов", "", "counterpart")
    assert call["SOURCEURL"] == "feeds/b.txt" and call["ActionGeo_FullName"] == ""
    assert call["Evidence"] == "'=HYPERLINK(\"http://evil\") Иван Иванов позвонил Путину."
    assert (criticism["SQLDATE"], criticism["DatePrecision"]) == ("20240610", "published")
    assert (criticism["Actor1Name"], criticism["Actor1CountryCode"], criticism["Actor1Type"]) == ("Россия", "RU", "LOC")
    assert (criticism["EventRootCode"], criticism["QuadClass"], criticism["Evidence"]) == ("11", "3", "")


def test_gdelt_format_implies_events_and_ids_are_stable(db):
    first = run("export", "--format", "gdelt", "--db", db).output
    with open_store(db) as store:
        store.add([call_article(), meeting_article()])
    assert run("export", "--format", "gdelt", "--db", db).output == first
    assert [row["GLOBALEVENTID"] for row in gdelt_rows(first)] == [f"{MEETING_ID}-0", f"{CALL_ID}-0", f"{CALL_ID}-1"]


def test_event_csv_and_jsonl_exports(db):
    rows = list(csv.DictReader(run("export", "--events", "--format", "csv", "--db", db).output.splitlines()))
    assert [row["EventCode"] for row in rows] == ["040", "041", "111"]
    assert rows[1]["Evidence"].startswith("'=HYPERLINK")
    lines = run("export", "--events", "--db", db).output.splitlines()
    assert [json.loads(line)["trigger"] for line in lines] == ["встретился", "позвонил", "осудила"]
    articles = run("export", "--format", "jsonl", "--db", db).output.splitlines()
    assert [json.loads(line)["id"] for line in articles] == [MEETING_ID, CALL_ID]
    assert json.loads(articles[0])["events"][0]["cameo"] == "040"


def test_every_gdelt_column_is_documented():
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    help_text = run("export", "--help").output
    for column in GDELT_COLUMNS:
        assert f"`{column}`" in readme, f"{column} is not in the README"
        assert f"{column}:" in help_text, f"{column} is not in svodka export --help"


STATUS_TEXT = ("Лукашенко назначил Романа Головченко премьер-министром\n\n"
               "Президент Белоруссии Александр Лукашенко назначил Романа Головченко премьер-министром. "
               "Владимир Путин провёл телефонный разговор с Александром Лукашенко. "
               "Песков не исключил встречи Владимира Путина и Александра Лукашенко в Минске.\n")


def test_events_show_what_happened_unless_asked_and_an_appointment_prints(tmp_path, db_path):
    page = tmp_path / "status.txt"
    page.write_text(STATUS_TEXT, encoding="utf-8")
    assert run("ingest", page, "--db", db_path).exit_code == 0
    happened = run("events", "--db", db_path, "--json")
    assert happened.exit_code == 0, happened.output
    statuses = {json.loads(line)["type"]: json.loads(line)["status"] for line in happened.output.splitlines()}
    assert set(statuses.values()) == {"happened"} and "call" in statuses
    everything = run("events", "--db", db_path, "--status", "all")
    assert everything.exit_code == 0, everything.output
    assert "meeting (CAMEO 040) [hypothetical]" in everything.output
    only = run("events", "--db", db_path, "--status", "hypothetical", "--json")
    assert [json.loads(line)["status"] for line in only.output.splitlines()] == ["hypothetical"]
    assert run("events", "--type", "appointment", "--db", db_path).exit_code in (0, 3)
