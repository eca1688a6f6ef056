"""A fuzz corpus of hostile inputs: attribute, element, comment and entity bombs, deep nesting, an
endless line, JSONL with huge, broken and deeply nested lines, a compressed bomb. Ingested in one run,
in a process of its own with a time limit and a cap on its memory, beside good articles: every hostile
input fails alone with one line naming it and the reason, or is read in bounded time and memory; the
good ones are stored; no traceback."""
import gzip
import json
import os
import resource
import subprocess
import sys
import time

import pytest

from conftest import MEETING
from corpus import article_text
from svodka.terminal import safe_name

PARAGRAPH = "<p>Президент провёл совещание с членами правительства и обсудил бюджет на следующий год.</p>"
TIME_LIMIT_S = 240
MEMORY_LIMIT = 3 * 1024**3


def page(body: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Заголовок</title></head><body><article>"
            f"<h1>Заголовок статьи</h1>{PARAGRAPH * 3}{body}</article></body></html>")


def hostile_inputs() -> dict[str, tuple[bytes, str | None]]:
    """name → (bytes, the words its failure line must hold; None: it may be read, within limits)."""
    record = json.dumps({"title": "Заголовок", "text": "Президент провёл совещание. " * 40}, ensure_ascii=False)
    bomb = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
                         b"Content-Type: application/http; msgtype=response\r\nContent-Length: 200000000\r\n\r\n"
                         + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + b"\x00" * 200_000_000)
    return {
        "attributes.html": (page("".join(f'<div data-x="{"A" * 400_000}">{PARAGRAPH}</div>' for _ in range(5))).encode(),
                            None),
        "elements.html": (page("<div></div>" * 300_000).encode(), "too many HTML elements"),
        "comments.html": (page("<!-- x -->" * 300_000).encode(), "too many HTML elements"),
        "entities.html": (page("<p>" + "&amp;" * 800_000 + "</p>").encode(), None),
        "nesting.html": (page("<div>" * 50_000 + PARAGRAPH + "</div>" * 50_000).encode(), None),
        "endless-line.txt": (("Заголовок\n\n" + "слово " * 800_000 + "\n").encode(), None),
        "lines.jsonl": ("\n".join([record, '{"text": "' + "x" * 3_000_000, "[" * 100_000, record,
                                   '{"text": ' + json.dumps(["абзац " * 20] * 60_000, ensure_ascii=False) + "}",
                                   record]).encode(), "invalid JSON"),
        "bomb.warc.gz": (bomb, "too large"),
        "endless-header.warc.gz": (gzip.compress(b"WARC/1.0\r\nWARC-Target-URI: http://x.example/" + b"a" * 1_000_000),
                                   "not a readable WARC archive"),
        "huge-entry.rss": (_feed("<p>" + "Депутаты обсудили бюджет. " * 250_000 + "</p>"), "too large for one article"),
        "deep.html": (page("<div>" * 5_000 + PARAGRAPH + "</div>" * 5_000).encode(), None),
        "mixed.txt": ("Бюджет принят\n\nДепутаты приняли бюджет.\n".encode("cp1251")
                      + "Документ поддержали все фракции Государственной думы.\n".encode(), None),
        "e\x1b]0;PWNED\x07.txt": (b"", "empty input"),
    }


def _feed(description: str) -> bytes:
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title>"
            f"<item><title>Огромная</title><description><![CDATA[{description}]]></description></item>"
            "<item><title>Бюджет принят</title><description>Депутаты приняли бюджет на следующий год во втором "
            "чтении.</description></item></channel></rss>").encode()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in hostile_inputs().items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(MEETING.read_bytes())
    with open(os.path.join(os.fsencode(folder), b"good-\xff.txt"), "wb") as stream:  # not UTF-8
        stream.write(article_text(7).encode())
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    return folder


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.slow
def test_hostile_inputs_fail_alone_within_time_and_memory(corpus, tmp_path):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "svodka", "ingest", str(corpus), "--db", str(tmp_path / "t.db"), "--json",
         "--workers", "1"], capture_output=True, text=True, timeout=TIME_LIMIT_S, preexec_fn=limited)
    seconds = time.monotonic() - started
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    failures = {failure["source"]: failure["reason"] for failure in report["failures"]}
    for name, (_, reason) in hostile_inputs().items():
        named = {source: why for source, why in failures.items() if safe_name(name) in source}
        if reason:
            assert any(reason in why for why in named.values()), (name, named)
    assert any("lines.jsonl:3" in source and "nested too deeply" in why for source, why in failures.items())
    assert any(source.endswith("huge-entry.rss#1") for source in failures)
    assert any(source.endswith("loop.txt") and why == "a loop of symbolic links" for source, why in failures.items())
    good = ("good.txt", "good-\\xff.txt", "lines.jsonl:1", "lines.jsonl:4", "lines.jsonl:6", "huge-entry.rss#2",
            "deep.html", "mixed.txt")
    assert not [source for source in failures if source.endswith(good)]
    assert not any(char in result.stderr + result.stdout for char in "\x1b\x07")
    assert report["new"] >= 6 and report["new"] + report["duplicate"] == report["read"] - _failed_after_reading(failures)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"hostile corpus: {seconds:.1f} s, peak RSS {peak:.0f} MB, {len(failures)} failures")


@pytest.mark.slow
def test_the_workers_stay_under_the_memory_cap_with_two_of_them_and_end_with_the_run(corpus, tmp_path):
    db_path = tmp_path / "two-workers.db"
    result = subprocess.run(
        [sys.executable, "-m", "svodka", "ingest", str(corpus), "--db", str(db_path), "--json",
         "--workers", "2"], capture_output=True, text=True, timeout=TIME_LIMIT_S, preexec_fn=limited)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1
    time.sleep(1)
    assert not _processes_naming(str(db_path)), "a worker outlived the run"


def _processes_naming(text: str) -> list[int]:
    """Processes whose command line holds `text` (forked workers keep their parent's)."""
    found = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as stream:
                if text.encode() in stream.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found


def _failed_after_reading(failures: dict[str, str]) -> int:
    """Inputs read as documents that a later stage refused (too many elements is found on reading)."""
    return sum(1 for why in failures.values() if why.startswith("no article text"))
