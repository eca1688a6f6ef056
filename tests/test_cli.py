"""The command line as a user runs it."""
import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import CALL, EXAMPLES, MEETING
from corpus import write_corpus
from svodka.cli import main
from svodka.store import open_store

FIELDS = {"source", "text", "title", "lead", "authors", "outlet", "cited", "published", "language", "spans"}


def run(*args, input=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=input)


def test_extract_json_gives_the_sample_readings():
    result = run("extract", CALL, MEETING, "--json")
    assert result.exit_code == 0, result.output
    call, meeting = [json.loads(line) for line in result.output.splitlines()]
    assert FIELDS <= set(call)
    assert call["source"] == str(CALL)
    assert call["cited"] == ["БЕЛТА", "пресс-служба Президента Беларуси"] and call["published"] is None
    assert meeting["authors"] == ["Дарья Григоренко"] and meeting["outlet"] == "Взгляд"
    for article in (call, meeting):
        assert {span["kind"] for span in article["spans"]} <= {"title", "lead", "byline", "body", "chrome"}
        assert all(article["text"][s["start"]:s["end"]].strip() for s in article["spans"])


def test_extract_digest_is_readable():
    result = run("extract", EXAMPLES)
    assert result.exit_code == 0
    assert "Путин встретился с Лукашенко в Петербурге" in result.output
    assert "cited       ТАСС, РИА Новости" in result.output
    assert "chrome cut" in result.output and "Последние новости" in result.output


def test_ingest_twice_adds_nothing_the_second_time(db_path):
    first = run("ingest", EXAMPLES, "--db", db_path, "--json")
    second = run("ingest", EXAMPLES, "--db", db_path, "--json")
    assert json.loads(first.output)["new"] == 2
    report = json.loads(second.output)
    assert (report["new"], report["duplicate"], report["failed"]) == (0, 2, 0)


def test_ingest_summary_line(db_path):
    result = run("ingest", EXAMPLES, "--db", db_path)
    assert result.exit_code == 0
    assert f"read 2, new 2, duplicate 0, failed 0 → {db_path}" in result.output


def test_bad_input_is_named_and_the_rest_goes_on(tmp_path, db_path):
    shutil.copy(MEETING, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", tmp_path, tmp_path / "missing.txt", "--db", db_path)
    assert result.exit_code == 1
    assert f"svodka: failed: {tmp_path / 'empty.txt'}: empty input" in result.output
    assert f"svodka: failed: {tmp_path / 'missing.txt'}: no such file or folder" in result.output
    assert "new 1" in result.output


def test_stdin_is_an_input():
    result = run("extract", "-", "--json", input=MEETING.read_bytes())
    assert json.loads(result.output)["source"] == "-"
    assert json.loads(result.output)["outlet"] == "Взгляд"


def test_date_option(tmp_path):
    result = run("extract", MEETING, "--json", "--date", "2024-01-29")
    assert json.loads(result.output)["published"] == "2024-01-29"


def test_show_latest_and_by_id(db_path):
    run("ingest", EXAMPLES, "--db", db_path)
    latest = run("show", "--latest", 1, "--db", db_path, "--json")
    article = json.loads(latest.output)
    by_prefix = run("show", article["id"][:8], "--db", db_path, "--text")
    assert by_prefix.exit_code == 0
    assert article["title"] in by_prefix.output
    assert "Беседа прошла в формате тет-а-тет" in by_prefix.output or "Президент Беларуси" in by_prefix.output


def test_show_unknown_id_exits_3(db_path):
    open_store(db_path).close()
    result = run("show", "0000000000", "--db", db_path)
    assert result.exit_code == 3
    assert "no article '0000000000'" in result.output


def test_show_needs_an_id_or_latest(db_path):
    assert run("show", "--db", db_path).exit_code == 2


def test_export_jsonl_and_csv(tmp_path, db_path):
    run("ingest", EXAMPLES, "--db", db_path)
    jsonl = run("export", "--format", "jsonl", "--db", db_path)
    assert len(jsonl.output.splitlines()) == 2
    out = tmp_path / "a.csv"
    assert run("export", "--format", "csv", "--out", out, "--db", db_path).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {row["title"] for row in rows} >= {"Путин встретился с Лукашенко в Петербурге"}
    assert all(row["body"] for row in rows)


def test_csv_export_defuses_formulas(tmp_path, db_path):
    (tmp_path / "evil.txt").write_text(
        "=HYPERLINK(\"http://example.invalid\")\n\n" + "Текст статьи длиной в несколько слов и с точкой в конце. " * 3,
        encoding="utf-8")
    run("ingest", tmp_path / "evil.txt", "--db", db_path)
    row = next(csv.DictReader(run("export", "--format", "csv", "--db", db_path).output.splitlines()))
    assert row["title"].startswith("'=")


def test_stats(db_path):
    run("ingest", EXAMPLES, "--db", db_path)
    numbers = json.loads(run("stats", "--json", "--db", db_path).output)
    assert numbers["articles"] == 2 and numbers["languages"] == {"ru": 2}


def test_field_mapping_must_be_name_equals_key():
    result = run("extract", MEETING, "--field", "nonsense")
    assert result.exit_code == 2 and "NAME=KEY" in result.output


def test_many_inputs_ingest(tmp_path, db_path):
    write_corpus(tmp_path / "corpus", 300)
    report = json.loads(run("ingest", tmp_path / "corpus", "--db", db_path, "--json").output)
    assert (report["read"], report["new"], report["failed"]) == (300, 300, 0)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_and_option_is_documented(command):
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert f"svodka {command}" in readme
    for param in main.commands[command].params:
        for option in getattr(param, "opts", []):
            if option.startswith("--") and option != "--help":
                assert option in readme, f"{option} of svodka {command} is not in the README"


def test_the_commands_are_all_there():
    assert {"ingest", "extract", "show", "export", "stats", "entities", "entity", "quotes", "events"} <= set(
        main.commands)


def test_date_must_be_a_date():
    result = run("extract", MEETING, "--date", "yesterday")
    assert result.exit_code == 2 and "is not a date" in result.output


def test_entities_and_entity(db_path):
    run("ingest", EXAMPLES, "--db", db_path)
    top = [json.loads(line) for line in run("entities", "--top", 5, "--db", db_path, "--json").output.splitlines()]
    assert {"Владимир Путин", "Александр Лукашенко"} <= {row["name"] for row in top}
    assert all(row["articles"] == 2 for row in top if row["name"] == "Владимир Путин")
    people = run("entities", "--type", "per", "--db", db_path).output
    assert "Россия" not in people and "Владимир Путин" in people
    found = run("entity", "Белоруссия", "--db", db_path)
    assert found.exit_code == 0 and "Беларусь" in found.output and "articles  2" in found.output
    assert run("entity", "Нигде", "--db", db_path).exit_code == 3


def test_an_entity_is_found_by_any_form_or_its_surname(tmp_path, db_path):
    page = tmp_path / "premier.txt"
    page.write_text("Премьер обсудил бюджет\n\nПрезидент провёл встречу с премьер-министром Михаилом Мишустиным "
                    "и обсудил исполнение бюджета на следующий год.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", str(page), "--db", str(db_path)]).exit_code == 0
    for name in ("Мишустин", "мишустина", "Михаилом Мишустиным", "Михаил Мишустин"):
        result = CliRunner().invoke(main, ["entity", name, "--json", "--db", str(db_path)])
        assert result.exit_code == 0, (name, result.output)
        assert json.loads(result.output.splitlines()[0])["name"] == "Михаил Мишустин"
    assert CliRunner().invoke(main, ["entity", "Мишин", "--db", str(db_path)]).exit_code == 3
