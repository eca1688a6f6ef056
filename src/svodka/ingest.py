"""Reading inputs, running the pipeline, and storing articles batch by batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .pipeline import Pipeline, default_pipeline
from .records import Article, Failure, RawDocument, Skipped
from .sources import ReadOptions, read_input
from .sources.base import Input
from .store import Store

BATCH_SIZE = 256


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
    on_input: Callable[[str], None] | None = None,
) -> Iterator[list[Article]]:
    """Yield batches of processed articles; failures and skips go into `report` as they happen."""
    batch: list[Article] = []
    for result in pipeline.map(_documents(inputs, options, report, on_input), workers=workers):
        if isinstance(result, Failure):
            report.failures.append(result)
            continue
        batch.append(result)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _documents(inputs, options: ReadOptions, report: IngestReport, on_input) -> Iterator[RawDocument]:
    for source in inputs:
        for item in [source] if isinstance(source, Failure) else read_input(source, options):
            if isinstance(item, RawDocument):
                report.read += 1
                yield item
            elif isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                report.failures.append(item)
        if on_input:
            on_input(source.source)


def ingest(
    inputs: Iterable[Input | Failure],
    store: Store,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    on_input: Callable[[str], None] | None = None,
    stories: bool = True,
) -> IngestReport:
    """Read, process and store, then cluster into stories (unless `stories` is False); each batch is
    one transaction to store and one to cluster, so a crash loses at most one batch, and re-running
    completes the work without duplicates (articles stored but not clustered are clustered first)."""
    report = IngestReport()
    if stories:
        store.cluster_pending()
    batches = process_inputs(inputs, options or ReadOptions(), pipeline or default_pipeline(), report,
                             workers, on_input)
    for articles in batches:
        result = store.add(articles)
        report.new += len(result.new)
        report.duplicate += len(result.duplicate)
        if stories:
            new = set(result.new)
            store.cluster([article for article in articles if article.id in new])
    return report
