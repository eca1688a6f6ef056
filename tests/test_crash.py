"""A kill -9 in the middle of a large ingest loses nothing committed, and a re-run completes the
batch with exactly one copy of every article."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from corpus import write_corpus

COUNT = 700


def stored(db_path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def ingest_command(folder, db_path):
    return [sys.executable, "-m", "svodka", "ingest", str(folder), "--db", str(db_path), "--json", "--workers", "1"]


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(tmp_path):
    folder, db_path = tmp_path / "corpus", tmp_path / "crash.db"
    write_corpus(folder, COUNT)
    process = subprocess.Popen(ingest_command(folder, db_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored(db_path) == 0 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    committed = stored(db_path)
    assert 0 < committed < COUNT, "the kill should land mid-ingest"

    rerun = subprocess.run(ingest_command(folder, db_path), capture_output=True, text=True, check=True)
    assert f'"new": {COUNT - committed}' in rerun.stdout
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (COUNT, COUNT)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
