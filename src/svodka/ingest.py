"""Reading inputs, running the pipeline, and storing articles batch by batch.

Inputs are read and cleaned in this process (cheap). A document read before, byte for byte the same
text and metadata, is recognised by its fingerprint before it is even cleaned; an article whose id is
stored already, or was seen earlier in the same run (the same content with another sidebar), right
after cleaning. Either goes on as a Sighting, so that only new articles reach the language stages,
which run article by article on every worker.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .pipeline import Pipeline, Pool, default_pipeline
from .progress import IngestProgress
from .records import Article, Failure, RawDocument, Sighting, Skipped
from .sources import ReadOptions, read_input
from .sources.base import Input
from .store import Store
from .store.prepared import Prepared, prepare

BATCH_SIZE = 256
LOOKUP_CHUNK = 64
"""Articles whose ids are looked up in the store at once."""

Known = Callable[[list[str]], set[str]]
"""Which of these article ids are stored already."""
ReadBefore = Callable[[list[str]], dict[str, str]]
"""The article each of these document fingerprints became, for those read before."""


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
    read_before: ReadBefore | None = None,
    fingerprints: dict[str, str] | None = None,
    batch_size: int = BATCH_SIZE,
    pool: Pool | None = None,
    prepared: dict[str, Prepared] | None = None,
) -> Iterator[list[Article | Sighting]]:
    """Yield batches of processed articles (and, with `known` and `read_before`, Sightings of
    documents read before and articles stored or seen before, which skip the stages); failures and
    skips go into `report` as they happen. `fingerprints`, when given, is filled with each new
    document's source and fingerprint, for the store to remember; `prepared`, with what storing
    each article computes from it alone, computed where its language stages ran."""
    cleaning, language = pipeline.split()
    documents = _documents(inputs, options, report, progress)
    if read_before is not None:
        documents = _sightings_of_the_read(documents, read_before, fingerprints)
    cleaned = cleaning.map(documents, pool=pool)
    if known is not None:
        cleaned = _sightings_of_the_known(cleaned, known)
    batch: list[Article | Sighting] = []
    results = language.map(cleaned, workers=workers, pool=pool, then=None if prepared is None else prepare)
    for result in results if prepared is None else _kept(results, prepared):
        if progress and not isinstance(result, Failure):
            progress.article_done()
        if isinstance(result, Failure):
            report.failures.append(result)
            continue
        batch.append(result)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _kept(results: Iterable[tuple], prepared: dict[str, Prepared]) -> Iterator:
    """The results, what was prepared for each article kept aside by its id."""
    for result, ready in results:
        if ready is not None:
            prepared[result.id] = ready
        yield result


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


def fingerprint(raw: RawDocument) -> str:
    """The document as it was read: its text and every piece of metadata, hashed."""
    parts = (raw.text, raw.title, raw.url, raw.published, raw.outlet, "\x1f".join(raw.authors), raw.lead)
    digest = hashlib.sha256("\x1e".join("" if part is None else part for part in parts).encode("utf-8"))
    return digest.hexdigest()[:24]


def _sightings_of_the_read(documents: Iterable, read_before: ReadBefore,
                           fingerprints: dict[str, str] | None) -> Iterator:
    """The documents, with every one read before (the same fingerprint) as a Sighting of its article."""
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, LOOKUP_CHUNK)):
        keys = {record.source: fingerprint(record) for record in chunk if isinstance(record, RawDocument)}
        seen = read_before(list(keys.values()))
        for record in chunk:
            key = keys.get(getattr(record, "source", None)) if isinstance(record, RawDocument) else None
            if key in seen:
                record = Sighting(seen[key], record.source)
            elif key and fingerprints is not None:
                fingerprints[record.source] = key
            yield record


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
    batch_size: int = BATCH_SIZE,
    report: IngestReport | None = None,
    pool: Pool | None = None,
) -> IngestReport:
    """Read, process and store, then cluster into stories (unless `stories` is False); each batch is
    one transaction to store and one to cluster, so a crash loses at most one batch, and re-running
    completes the work without duplicates (articles stored but not clustered are clustered first).
    Counts go to `report` as batches are stored (what was done is known if a later batch fails)."""
    report = report if report is not None else IngestReport()
    if stories:
        store.cluster_pending()
    fingerprints: dict[str, str] = {}
    prepared: dict[str, Prepared] = {}
    batches = process_inputs(inputs, options or ReadOptions(), pipeline or default_pipeline(), report,
                             workers, progress, known=store.stored, read_before=store.read_before,
                             fingerprints=fingerprints, batch_size=batch_size, pool=pool, prepared=prepared)
    for records in batches:
        ready = {record.id: prepared.pop(record.id) for record in records if isinstance(record, Article)
                 and record.id in prepared}
        result = store.add(records, {record.source: fingerprints.pop(record.source) for record in records
                                     if record.source in fingerprints}, ready)
        report.new += len(result.new)
        report.duplicate += len(result.duplicate)
        if stories:
            new = set(result.new)
            store.cluster([article for article in records if isinstance(article, Article) and article.id in new],
                          ready)
    return report
