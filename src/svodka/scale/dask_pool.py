"""The language stages on a Dask cluster, chunk by chunk, results in input order.

`DaskPool` has `WorkerPool`'s `map_ordered`, so the pipeline runs on it unchanged: each chunk of
articles is a task, a few per worker are queued (reading never runs far ahead),
and results come back in the order the chunks were read, so what is stored is what a serial ingest
stores. The models load once per worker process (the stages keep them in module state). `local`
starts a cluster of worker processes on 127.0.0.1 for the run; any other address is a running
scheduler (`tcp://host:8786`) whose workers have the same svodka installed. Only the process that
called stores anything: workers compute, they never write."""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from threadpoolctl import threadpool_limits

from . import ClusterError

CONNECT_TIMEOUT_S = 20
IN_FLIGHT_PER_WORKER = 8
"""Chunks queued per worker: enough (256 articles) to keep the workers busy while the ingesting
process stores a batch, few enough that reading never runs far ahead."""


class DaskPool:
    def __init__(self, address: str, workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise ClusterError("--dask needs Dask: pip install 'svodka[scale]'") from error
        self._cluster = None
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            self.close()
            raise ClusterError(f"no Dask scheduler at {address}: {error}") from error
        self.address = address
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def map_ordered(self, run: Callable[[list], list], chunks: Iterable[list]) -> Iterator:
        """`run` on each chunk on a worker; the results of chunk after chunk, in order."""
        pending: deque = deque()
        for chunk in chunks:
            pending.append(self._client.submit(_on_worker, run, chunk, pure=False))
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        for part in (getattr(self, "_client", None), self._cluster):
            if part is not None:
                part.close()

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_limited = False


def _on_worker(run: Callable[[list], list], chunk: list) -> list:
    """One thread of BLAS per worker process, as `WorkerPool` has (a worker per core otherwise fights
    its neighbours for the cores)."""
    global _limited
    if not _limited:
        threadpool_limits(1)
        _limited = True
    return run(chunk)
