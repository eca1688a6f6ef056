"""Every kind of bad input gets one clear line naming it and the reason; the rest of the batch goes
on; the exit code says something failed; nothing already stored is lost or duplicated."""
import gzip
import json
import os

import pytest
from click.testing import CliRunner

from conftest import MEETING
from corpus import article_text
from svodka.cli import main

GOOD_TEXT = MEETING.read_text(encoding="utf-8")
ARTICLE_HTML = ("<html><head><title>Дума приняла бюджет</title></head><body><article><h1>Дума приняла бюджет"
                "</h1>" + "<p>Депутаты Государственной думы приняли бюджет на следующий год во втором "
                "чтении, сообщает ТАСС. Документ поддержали большинство фракций.</p>" * 4
                + "</article></body></html>")


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def bad_inputs(folder):
    """name → (bytes, the words the failure line must contain)."""
    utf8 = GOOD_TEXT.encode("utf-8")
    cut = len(GOOD_TEXT[:150].encode("utf-8"))
    return {
        "empty.txt": (b"", "empty input"),
        "blank.txt": (b"\n \n\t\n", "empty input"),
        "binary.txt": (b"\x00\x01\x02\x03" * 500, "binary input"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary input (a PNG image)"),
        "damaged.txt": (utf8[:cut] + b"\xff\xfe\xfd" + utf8[cut:], f"invalid UTF-8 at byte {cut}"),
        "menu.html": ("<html><body><nav><a href='/'>Главная</a></nav></body></html>", "no article"),
        "broken.warc.gz": (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 5000)[:300],
                           "WARC"),
        "broken.rss": ("<rss><channel><title>Лента</title><item><title>Обрыв", "feed"),
        "bad.jsonl": ('{"title": "Заголовок", "text": \n', "invalid JSON"),
    }


def test_every_bad_input_is_named_and_good_ones_are_stored(tmp_path, db_path):
    runner = CliRunner()
    before = write(tmp_path, "before.txt", article_text(1))
    assert runner.invoke(main, ["ingest", str(before), "--db", str(db_path)]).exit_code == 0

    folder = tmp_path / "batch"
    folder.mkdir()
    cases = bad_inputs(folder)
    for name, (data, _) in cases.items():
        write(folder, name, data)
    write(folder, "good.txt", GOOD_TEXT)
    write(folder, "page.html", ARTICLE_HTML)
    write(folder, "again.txt", article_text(1))

    result = runner.invoke(main, ["ingest", str(folder), "--db", str(db_path), "--json"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("svodka: failed: ")]
    for name, (_, reason) in cases.items():
        named = [line for line in lines if str(folder / name) in line]
        assert named, f"no failure line for {name}"
        assert reason in named[0], named[0]
    report = json.loads(result.output[result.output.index("{"):])
    assert (report["new"], report["duplicate"]) == (2, 1)

    stats = runner.invoke(main, ["stats", "--json", "--db", str(db_path)])
    assert json.loads(stats.output)["articles"] == 3


def test_a_50_mb_text_file_is_refused_without_reading_it(tmp_path, db_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    write(tmp_path, "good.txt", GOOD_TEXT)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db_path)])
    assert result.exit_code == 1
    assert f"svodka: failed: {huge}: too large for one article (50.0 MB; the limit is 5.0 MB" in result.output
    assert "new 1" in result.output


def test_a_raised_size_limit_reads_a_big_article(tmp_path):
    paragraph = "Депутаты обсудили бюджет, и обсуждение заняло весь день до позднего вечера. "
    big = write(tmp_path, "big.txt", "Большой доклад\n\n" + (paragraph * 80 + "\n\n") * 900)
    assert big.stat().st_size > 5 * 1024 * 1024
    result = CliRunner().invoke(main, ["extract", str(big), "--max-size", "20", "--jsonl"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "Большой доклад"


@pytest.mark.parametrize("name, reason", [
    ("missing.txt", "no such file or folder"),
    ("nothing-*.txt", "no files match this pattern"),
])
def test_paths_that_do_not_exist(tmp_path, name, reason):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / name)])
    assert result.exit_code == 1
    assert f"svodka: failed: {tmp_path / name}: {reason}" in result.output


def test_a_dangling_link_is_named(tmp_path):
    link = tmp_path / "link.txt"
    os.symlink(tmp_path / "gone.txt", link)
    result = CliRunner().invoke(main, ["extract", str(link)])
    assert result.exit_code == 1
    assert f"svodka: failed: {link}: no such file or folder" in result.output


def test_an_empty_folder_is_named(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "folder has no readable inputs" in result.output
