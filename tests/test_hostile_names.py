"""Hostile names and folders, and what reaches the terminal: a file name that is not UTF-8 or holds
escape sequences, folders that cannot be read, symbolic link loops, text in two encodings, feed
entries over the size limit, and article text carrying terminal escapes. Each is named in one clear
line (or read), the rest of the batch is stored, and nothing from input is interpreted by the
terminal."""
import gzip
import json
import os
import time

import pytest
from click.testing import CliRunner

from conftest import MEETING
from corpus import article_text
from svodka.cli import main
from svodka.terminal import safe_name, shown

ESCAPES = "\x1b]0;PWNED\x07 \x1b[2J \x1b]8;;http://evil.example/\x1b\\ссылка\x1b]8;;\x1b\\ \u202eesrever\u202c"


def ingest(*args):
    return CliRunner().invoke(main, ["ingest", *map(str, args)])


def failure_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("svodka: failed: ")]


def test_safe_name_escapes_undecodable_bytes_and_control_characters():
    assert safe_name(b"/d/x\xff.txt") == "/d/x\\xff.txt"
    assert safe_name(os.fsdecode(b"/d/x\xff.txt")) == "/d/x\\xff.txt"
    assert safe_name("e\x1b[31mred.txt") == "e\\u001b[31mred.txt"
    assert safe_name("Новости/статья.txt") == "Новости/статья.txt"


def test_shown_keeps_text_and_makes_escapes_visible_and_json_lossless():
    assert shown("Путин\tзаявил\n") == "Путин\tзаявил\n"
    text = shown("a" + ESCAPES)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\u001b]0;PWNED\\u0007" in text
    as_json = shown(json.dumps({"text": "x\x9b\u202e\U000e0001"}, ensure_ascii=False), json=True)
    assert as_json.isascii() and json.loads(as_json) == {"text": "x\x9b\u202e\U000e0001"}


def test_a_file_name_that_is_not_utf8_is_read_with_the_rest(tmp_path, db_path):
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"x\xff.txt"), "wb") as stream:
        stream.write(MEETING.read_bytes())
    (folder / "good.txt").write_text(article_text(1), encoding="utf-8")
    result = ingest(folder, "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new"] == 2
    listed = CliRunner().invoke(main, ["show", "--latest", "2", "--json", "--db", str(db_path)])
    assert any(json.loads(line)["source"].endswith("x\\xff.txt") for line in listed.output.splitlines())


def test_failure_lines_and_article_text_never_carry_terminal_escapes(tmp_path, db_path):
    hostile = tmp_path / "e\x1b[31mred\x07.txt"
    hostile.write_bytes(b"")
    page = tmp_path / "escapes.txt"
    page.write_text("Заголовок статьи\n\nПрезидент провёл совещание с членами правительства " + ESCAPES
                    + " и обсудил бюджет на следующий год. Депутаты поддержали проект.\n", encoding="utf-8")
    result = ingest(hostile, page, "--db", db_path)
    assert result.exit_code == 1
    assert failure_lines(result.output) == [f"svodka: failed: {tmp_path}/e\\u001b[31mred\\u0007.txt: empty input"]
    listed = CliRunner().invoke(main, ["show", "--latest", "1", "--json", "--db", str(db_path)])
    article_id = json.loads(listed.output)["id"]
    for args in (["--text"], ["--json"], []):
        output = CliRunner().invoke(main, ["show", article_id, *args, "--db", str(db_path)]).output
        assert not any(char in output for char in "\x1b\x07\u202e"), args
    text = CliRunner().invoke(main, ["show", article_id, "--text", "--db", str(db_path)]).output
    assert "\\u001b]0;PWNED" in text
    as_json = CliRunner().invoke(main, ["show", article_id, "--json", "--db", str(db_path)]).output
    assert ESCAPES in json.loads(as_json)["text"], "the stored text is exact; only the terminal is spared"


def test_an_unreadable_subfolder_is_named_and_the_rest_is_read(tmp_path, db_path, monkeypatch):
    folder = tmp_path / "inputs"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_text(article_text(2), encoding="utf-8")
    (folder / "good.txt").write_text(article_text(1), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = ingest(folder, "--db", db_path)
    assert result.exit_code == 1
    assert failure_lines(result.output) == [f"svodka: failed: {locked}: permission denied: folder skipped"]
    assert "new 1" in result.output


def test_an_unreadable_folder_named_directly_says_permission_denied(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if os.fspath(path) == str(folder)
                        else real_access(path, mode, **kw))
    result = CliRunner().invoke(main, ["extract", str(folder)])
    assert result.exit_code == 1
    assert failure_lines(result.output) == [f"svodka: failed: {folder}: permission denied (cannot list this folder)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder: the real-permission case needs another user")
def test_a_folder_without_read_permission(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        result = CliRunner().invoke(main, ["extract", str(folder)])
    finally:
        folder.chmod(0o755)
    assert "permission denied" in result.output


def test_a_symbolic_link_loop_is_named_as_one(tmp_path):
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    result = CliRunner().invoke(main, ["extract", str(loop)])
    assert result.exit_code == 1
    assert failure_lines(result.output) == [f"svodka: failed: {loop}: a loop of symbolic links"]


def test_code_page_text_followed_by_utf8_is_read_line_by_line(tmp_path):
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("Бюджет принят\n\nДепутаты приняли бюджет на следующий год.\n".encode("cp1251")
                      + "Документ поддержали все фракции Государственной думы.\n".encode("utf-8"))
    result = CliRunner().invoke(main, ["extract", str(mixed), "--jsonl"])
    assert result.exit_code == 0, result.output
    text = json.loads(result.output)["text"]
    assert "Депутаты приняли бюджет" in text and "Документ поддержали все фракции" in text


def test_a_feed_entry_over_the_article_limit_fails_alone(tmp_path):
    huge = "<p>" + "Депутаты обсудили бюджет. " * 50_000 + "</p>"
    feed = tmp_path / "feed.rss"
    feed.write_text(f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title>"
                    f"<item><title>Огромная</title><description><![CDATA[{huge}]]></description></item>"
                    "<item><title>Бюджет принят</title><description>Депутаты приняли бюджет на следующий год "
                    "во втором чтении.</description></item></channel></rss>", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["extract", str(feed), "--max-size", "1", "--jsonl"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert failure_lines(result.output) == [
        f"svodka: failed: {feed}#1: too large for one article (2.3 MB; the limit is 1.0 MB, see --max-size)"]
    assert json.loads(result.output.splitlines()[0])["title"] == "Бюджет принят"


def test_a_warc_header_line_without_an_end_fails_fast(tmp_path):
    archive = tmp_path / "endless.warc.gz"
    archive.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/"
                                      + b"a" * 1_000_000))
    started = time.monotonic()
    result = CliRunner().invoke(main, ["extract", str(archive)])
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert f"svodka: failed: {archive}: not a readable WARC archive" in result.output


@pytest.mark.parametrize("depth", [300, 3000, 40_000])
def test_html_nested_deeper_than_the_parser_goes_keeps_its_text(tmp_path, depth):
    paragraph = "<p>Депутаты Государственной думы приняли бюджет на следующий год во втором чтении.</p>"
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div class='wrap'>" * depth + "<h1>Бюджет принят</h1>" + paragraph * 3
                    + "</div>" * depth + "</body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--jsonl"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert article["title"] == "Бюджет принят"
    assert article["text"].count("приняли бюджет на следующий год") == 3
