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
from snapshots import snapshot

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


KILLS = 20
DELAY_S = (0.0, 1.0)
KILL_BATCH = 16
def kill_at_random(command, db_path, rng) -> tuple[str, int]:
    """Start an ingest, wait for its first batch to be committed to the store, and kill it with
    SIGKILL: at once (before that batch's stories are committed) or after a random delay, each half
    the time. The outcome, and how many articles the kill left in no story."""
    before = stored(db_path)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while stored(db_path) == before and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    how = "after a store commit"
    if rng.random() < 0.5:
        time.sleep(rng.uniform(*DELAY_S))
        how = "random delay"
    if process.poll() is not None:
        return "finished first", 0
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return how, snapshot(db_path)["unclustered"]


@pytest.mark.slow
def test_twenty_random_kills_leave_the_store_of_an_uninterrupted_run(tmp_path):
    import random

    folder = tmp_path / "corpus"
    write_corpus(folder, KILLS * KILL_BATCH * 4)
    reference, crashed = tmp_path / "reference.db", tmp_path / "crashed.db"
    batches = ["--batch-size", str(KILL_BATCH)]  # stories grow batch by batch: the same batches for both
    subprocess.run(ingest_command(folder, reference) + batches, capture_output=True, check=True)

    rng = random.Random(20261203)
    command = ingest_command(folder, crashed) + batches
    outcomes = [kill_at_random(command, crashed, rng) for _ in range(KILLS)]
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr[-2000:]

    print(f"kills (outcome, articles left in no story): {outcomes}")
    assert [how for how, _ in outcomes].count("finished first") == 0, "every kill must land mid-ingest"
    assert any(unclustered for _, unclustered in outcomes), "some kill should land between the two commits"
    expected, found = snapshot(reference), snapshot(crashed)
    for table in expected:
        assert found[table] == expected[table], table
    with sqlite3.connect(crashed) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stream:
                    fields = stream.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finding a process's children here reads /proc (Linux)")
def test_killing_the_parent_leaves_no_worker_alive(tmp_path):
    folder, db_path = tmp_path / "corpus", tmp_path / "t.db"
    write_corpus(folder, 300)
    command = ingest_command(folder, db_path)
    command[command.index("--workers") + 1] = "2"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers = []
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = [child for child in children_of(process.pid) if alive(child)]
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest should have started its two workers"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 15
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers outlived their parent: {left}"
