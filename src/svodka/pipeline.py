"""The stage runner: stages are functions from one record to the next; the runner checks each
stage's contract, names the stage that failed, and runs batches on one core or many."""
from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Sequence

from threadpoolctl import threadpool_limits

from .clean.article import clean
from .entities import annotate_entities
from .errors import InputError, StageError
from .events import annotate_events
from .quotes import annotate_quotes
from .records import Article, Failure, RawDocument
from .stories.categories import categorise


@dataclass(frozen=True)
class Stage:
    """One step of the flow: `run` takes the previous stage's record and returns `returns`."""

    name: str
    run: Callable[[Any], Any]
    returns: type = Article


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        self.stages = tuple(stages)

    def __call__(self, raw: RawDocument) -> Article:
        """Run every stage on one document; raise InputError or StageError naming what failed."""
        record: Any = raw
        for stage in self.stages:
            record = self._run(stage, record, raw.source)
        return record

    def _run(self, stage: Stage, record: Any, source: str) -> Any:
        try:
            result = stage.run(record)
        except InputError:
            raise
        except Exception as error:  # a bug or a model failure: name the stage, keep the batch going
            raise StageError(stage.name, source, error) from error
        if not isinstance(result, stage.returns):
            raise StageError(stage.name, source, TypeError(
                f"returned {type(result).__name__}, expected {stage.returns.__name__}"))
        return result

    def process(self, raw: RawDocument) -> Article | Failure:
        """Like calling the pipeline, but a failure comes back as a Failure record."""
        try:
            return self(raw)
        except InputError as error:
            return Failure(error.source, error.reason)
        except StageError as error:
            return Failure(error.source, str(error).removeprefix(f"{error.source}: "))

    def map(self, raws: Iterable[RawDocument], workers: int = 1, chunksize: int = 16) -> Iterator[Article | Failure]:
        """Process documents in order, on `workers` processes (1: in this process). The pool lives as
        long as the stream, so models load once per worker; few chunks are in flight at a time, so a
        huge input never sits in memory whole."""
        if workers <= 1:
            yield from map(self.process, raws)
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_one_math_thread) as pool:
            pending: deque = deque()
            for chunk in _chunks(raws, chunksize):
                pending.append(pool.submit(self.process_all, chunk))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def process_all(self, raws: list[RawDocument]) -> list[Article | Failure]:
        return [self.process(raw) for raw in raws]


def _one_math_thread() -> None:
    """NumPy's BLAS starts a thread per core in every worker; with a worker per core they would
    fight over the cores (measured: 2 workers ran at 0.6x one process; with this, 1.85x)."""
    threadpool_limits(1)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_pipeline(default_date: str | None = None, entities: bool = True) -> Pipeline:
    """The stages svodka runs: clean, then (unless `entities` is False) the language stages: category,
    entities, quotes and events."""
    stages = [Stage("clean", partial(clean, default_date=default_date))]
    if entities:
        stages.append(Stage("category", categorise))
        stages.append(Stage("entities", annotate_entities))
        stages.append(Stage("quotes", annotate_quotes))
        stages.append(Stage("events", annotate_events))
    return Pipeline(stages)
