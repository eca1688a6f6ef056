"""The stage runner: stages are functions from one record to the next; the runner checks each
stage's contract, names the stage that failed, and runs chunks of records on one core or many.

A stage may also take a whole chunk at once (`run_many`, the same as `run` on each record, done
together because it is faster: Natasha's NER tags many texts in one batch). A stage only takes the
records it is for (`takes`, and `when`): everything else (a Failure, an article seen before, an
article in another language for the Russian stages) passes through it unchanged.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

from .clean.article import clean
from .clean.language import is_russian
from .entities import annotate_entities, annotate_entities_many
from .errors import InputError, StageError
from .events import annotate_events
from .quotes import annotate_quotes
from .records import Article, Failure, RawDocument
from .stories.categories import categorise
from .workers import WorkerPool

CHUNK = 32
"""Records processed together: enough paragraphs for NER batches of one length, few enough that a
chunk in flight per worker holds little memory."""


def always(record: Any) -> bool:
    return True


@dataclass(frozen=True)
class Stage:
    """One step of the flow: `run` takes a `takes` record for which `when` holds and returns a
    `returns` record; `run_many`, when given, does the same for a list of them at once."""

    name: str
    run: Callable[[Any], Any]
    returns: type = Article
    takes: type = Article
    run_many: Callable[[list], list] | None = None
    when: Callable[[Any], bool] = always

    def applies_to(self, record: Any) -> bool:
        return isinstance(record, self.takes) and self.when(record)


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        self.stages = tuple(stages)

    def __call__(self, raw: RawDocument) -> Article:
        """Run every stage on one document; raise InputError or StageError naming what failed."""
        record: Any = raw
        for stage in self.stages:
            if stage.applies_to(record):
                record = self._run(stage, record)
        return record

    def _run(self, stage: Stage, record: Any) -> Any:
        try:
            result = stage.run(record)
        except InputError:
            raise
        except Exception as error:  # a bug or a model failure: name the stage, keep the batch going
            raise StageError(stage.name, record.source, error) from error
        _check_contract(stage, result, record.source)
        return result

    def process(self, raw: RawDocument) -> Article | Failure:
        """Like calling the pipeline, but a failure comes back as a Failure record."""
        try:
            return self(raw)
        except InputError as error:
            return Failure(error.source, error.reason)
        except StageError as error:
            return _failure(error)

    def process_all(self, records: list) -> list:
        """Every record through every stage that applies to it, stage by stage over the whole list;
        a record that fails becomes a Failure and leaves the others alone."""
        results = list(records)
        for stage in self.stages:
            todo = [index for index, record in enumerate(results) if stage.applies_to(record)]
            for index, result in zip(todo, self._run_all(stage, [results[index] for index in todo])):
                results[index] = result
        return results

    def _run_all(self, stage: Stage, records: list) -> list:
        if stage.run_many and len(records) > 1:
            try:
                results = stage.run_many(records)
                for record, result in zip(records, results, strict=True):
                    _check_contract(stage, result, record.source)
                return results
            except Exception:  # find the record that failed, one by one
                pass
        return [self._outcome(stage, record) for record in records]

    def _outcome(self, stage: Stage, record: Any) -> Any:
        try:
            return self._run(stage, record)
        except InputError as error:
            return Failure(error.source, error.reason)
        except StageError as error:
            return _failure(error)

    def split(self) -> tuple[Pipeline, Pipeline]:
        """The stages that take raw documents (cleaning: cheap, run where inputs are read) and the rest."""
        cut = next((index for index, stage in enumerate(self.stages) if stage.takes is not RawDocument),
                   len(self.stages))
        return Pipeline(self.stages[:cut]), Pipeline(self.stages[cut:])

    def map(self, records: Iterable, workers: int = 1, chunksize: int = CHUNK, pool: Pool | None = None,
            then: Callable[[Article], Any] | None = None) -> Iterator:
        """Process records in order, a chunk at a time, on `workers` processes (1: in this one), or
        on `pool` (a Dask cluster) when given. Models load once per worker; a pool of processes
        starts only when there is more than one chunk of work, and few chunks are in flight at a
        time, so a huge input never sits in memory whole. With `then`, each result comes paired
        with `then` of it (None for what is not an Article), computed where the result was."""
        run = self.process_all if then is None else partial(_process_then, self.process_all, then)
        chunks = _chunks(records, chunksize)
        if pool is not None:
            yield from pool.map_ordered(run, chunks)
            return
        first = list(itertools.islice(chunks, 2))
        if workers <= 1 or len(first) < 2:
            for chunk in itertools.chain(first, chunks):
                yield from run(chunk)
            return
        with WorkerPool(workers) as pool:
            yield from pool.map_ordered(run, itertools.chain(first, chunks))


def _process_then(process_all: Callable[[list], list], then: Callable[[Article], Any], chunk: list) -> list:
    return [(result, then(result) if isinstance(result, Article) else None) for result in process_all(chunk)]


class Pool(Protocol):
    """Where chunks of records are processed, results in order (`WorkerPool`, `DaskPool`)."""

    def map_ordered(self, run: Callable[[list], list], chunks: Iterable[list]) -> Iterator: ...


def _check_contract(stage: Stage, result: Any, source: str) -> None:
    if not isinstance(result, stage.returns):
        raise StageError(stage.name, source, TypeError(
            f"returned {type(result).__name__}, expected {stage.returns.__name__}"))


def _failure(error: StageError) -> Failure:
    return Failure(error.source, str(error).removeprefix(f"{error.source}: "))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def cleaning_stage(default_date: str | None = None) -> Stage:
    return Stage("clean", partial(clean, default_date=default_date), takes=RawDocument)


def language_stages() -> list[Stage]:
    """The stages that read Russian: only articles in Russian go through them."""
    return [
        Stage("category", categorise, when=is_russian),
        Stage("entities", annotate_entities, run_many=annotate_entities_many, when=is_russian),
        Stage("quotes", annotate_quotes, when=is_russian),
        Stage("events", annotate_events, when=is_russian),
    ]


def default_pipeline(default_date: str | None = None, entities: bool = True) -> Pipeline:
    """The stages svodka runs: clean, then (unless `entities` is False) the language stages: category,
    entities, quotes and events."""
    return Pipeline([cleaning_stage(default_date), *(language_stages() if entities else [])])
