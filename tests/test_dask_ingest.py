"""`svodka ingest --dask`: the language stages on a local Dask cluster of two worker processes on
127.0.0.1 store exactly what a serial ingest of the same inputs stores; a scheduler that cannot be
reached is one line and exit code 1, with nothing stored."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import write_corpus
from snapshots import snapshot

from svodka.cli import main

pytest.importorskip("dask.distributed", reason="--dask needs Dask: pip install -e '.[test]'")

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.mark.slow
def test_a_local_cluster_of_two_workers_stores_what_a_serial_ingest_stores(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 100)  # four chunks of 32: every worker gets work, and order matters
    serial, distributed = tmp_path / "serial.db", tmp_path / "dask.db"
    inputs = [folder, *sorted(EXAMPLES.glob("*.txt"))]
    assert run("ingest", *inputs, "--workers", 1, "--batch-size", 40, "--db", serial).exit_code == 0
    result = run("ingest", *inputs, "--dask", "local", "--workers", 2, "--batch-size", 40, "--db", distributed)
    assert result.exit_code == 0, result.output
    assert "new 102" in result.output
    expected, found = snapshot(serial), snapshot(distributed)
    assert found["articles"] and found["quotes"] and found["events"]
    for table in expected:
        assert found[table] == expected[table], table


def test_an_unreachable_scheduler_is_one_line_and_stores_nothing(tmp_path, monkeypatch):
    from svodka.scale import dask_pool
    monkeypatch.setattr(dask_pool, "CONNECT_TIMEOUT_S", 1)
    db = tmp_path / "none.db"
    result = run("ingest", EXAMPLES, "--dask", "tcp://127.0.0.1:9", "--db", db)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "no Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert run("stats", "--json", "--db", db).output.count('"articles": 0') == 1


@pytest.mark.skipif(sys.platform != "linux", reason="reads listening sockets from /proc/net/tcp (Linux)")
def test_the_local_cluster_listens_on_127_0_0_1_only():
    from svodka.scale.dask_pool import DaskPool
    with DaskPool("local", 1) as pool:
        address = pool._client.scheduler.address
        assert address.startswith("tcp://127.0.0.1:"), address
        workers = pool._client.scheduler_info()["workers"]
        assert workers and all(worker.startswith("tcp://127.0.0.1:") for worker in workers)


def test_a_worker_that_dies_mid_run_loses_nothing(tmp_path):
    """Dask gives a dead worker's task to another: every chunk's result comes back, in order."""
    from svodka.scale.dask_pool import DaskPool
    marker = tmp_path / "died-once"

    def run(chunk):
        import os
        if chunk[0] == 40 and not marker.exists():
            marker.write_text("x")
            os._exit(1)  # the worker process dies with the task in hand
        return [number * 2 for number in chunk]

    chunks = [list(range(start, start + 10)) for start in range(0, 100, 10)]
    with DaskPool("local", 2) as pool:
        results = list(pool.map_ordered(run, chunks))
    assert marker.exists(), "the worker did die"
    assert results == [number * 2 for number in range(100)]
