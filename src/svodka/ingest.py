"""Reading inputs, running the pipeline, and storing articles batch by batch.

Inputs are read and cleaned in this process (cheap); an article whose id is stored already, or was
seen earlier in the same run, is recognised right then and goes on as a Sighting, so that only new
articles reach the language stages, which run article by article on every worker.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .pipeline import Pipeline, default_pipeline
from .progress import IngestProgress
from .records import Article, Failure, RawDocument, Sighting, Skipped
from .sources import ReadOptions, read_input
from .sources.base import Input
from .store import Store

BATCH_SIZE = 256
LOOKUP_CHUNK = 64
"""Articles whose ids are looked up in the store at once."""

Known = Callable[[list[str]], set[str]]
"""Which of these article ids are stored already."""


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and `--json`."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicate": self.duplicate, "failed": self.failed,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
            "skipped": [{"source": s.source, "reason": s.reason, "count": s.count} for s in self.skipped],
        }


def process_inputs(
    inputs: Iterable[Input | Failure],
    options: ReadOptions,
    pipeline: Pipeline,
    report: IngestReport,
    workers: int = 1,
    progress: IngestProgress | None = None,
    known: Known | None = None,
) -> Iterator[list[Article | Sighting]]:
    """Yield batches of processed articles (and, with `known`, Sightings of articles stored or seen
    before, which skip the language stages); failures and skips go into `report` as they happen."""
    cleaning, language = pipeline.split()
    cleaned = cleaning.map(_documents(inputs, options, report, progress))
    if known is not None:
        cleaned = _sightings_of_the_known(cleaned, known)
    batch: list[Article | Sighting] = []
    for result in language.map(cleaned, workers=workers):
        if progress and not isinstance(result, Failure):
            progress.article_done()
        if isinstance(result, Failure):
            report.failures.append(result)
            continue
        batch.append(result)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _documents(inputs, options: ReadOptions, report: IngestReport,
               progress: IngestProgress | None) -> Iterator[RawDocument | Failure]:
    for source in inputs:
        if isinstance(source, Failure):
            report.failures.append(source)
            continue
        if progress:
            source = replace(source, meter=progress.meter)
        for item in read_input(source, options):
            if isinstance(item, RawDocument):
                report.read += 1
                yield item
            elif isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                yield item  # a Failure: it passes the stages and is reported in order


def _sightings_of_the_known(records: Iterable, known: Known) -> Iterator:
    """The records, with every article stored already or seen earlier in this run as a Sighting."""
    seen: set[str] = set()
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, LOOKUP_CHUNK)):
        stored = known([record.id for record in chunk if isinstance(record, Article)])
        for record in chunk:
            if isinstance(record, Article) and (record.id in stored or record.id in seen):
                record = Sighting(record.id, record.source)
            elif isinstance(record, Article):
                seen.add(record.id)
            yield record


def ingest(
    inputs: Iterable[Input | Failure],
    store: Store,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    progress: IngestProgress | None = None,
    stories: bool = True,
) -> IngestReport:
    """Read, process and store, then cluster into stories (unless `stories` is False); each batch is
    one transaction to store and one to cluster, so a crash loses at most one batch, and re-running
    completes the work without duplicates (articles stored but not clustered are clustered first)."""
    report = IngestReport()
    if stories:
        store.cluster_pending()
    batches = process_inputs(inputs, options or ReadOptions(), pipeline or default_pipeline(), report,
                             workers, progress, known=store.stored)
    for records in batches:
        result = store.add(records)
        report.new += len(result.new)
        report.duplicate += len(result.duplicate)
        if stories:
            new = set(result.new)
            store.cluster([article for article in records if isinstance(article, Article) and article.id in new])
    return report
