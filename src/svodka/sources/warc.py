"""WARC (and ARC) web archives: every HTML page fetched with HTTP 200 is one article."""
from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import InputError
from ..records import Failure, RawDocument, Skipped
from .base import Input, Item, ReadOptions, too_large
from .html import html_document
from ..terminal import safe_name

GZIP_MAGIC = b"\x1f\x8b"
DRAIN_CHUNK = 64 * 1024


class _Truncated(Exception):
    """The archive ends inside a record. Not an EOFError: warcio takes that for a clean end."""


DAMAGE = (_Truncated, ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error, OSError)


def read_warc(source: Input, options: ReadOptions) -> Iterator[Item]:
    skipped: Counter[str] = Counter()
    with source.open() as raw:
        yield from _read_records(source.source, _uncompressed(raw), options, skipped)
    for reason, count in skipped.items():
        yield Skipped(source.source, reason, count)


def _uncompressed(raw: BinaryIO) -> BinaryIO:
    """The archive's bytes, gunzipped here rather than by warcio, which ignores a cut-off gzip."""
    stream = io.BufferedReader(raw)
    return _Gunzipped(stream) if stream.peek(2)[:2] == GZIP_MAGIC else stream


class _Gunzipped:
    def __init__(self, stream: BinaryIO):
        self._gzip = gzip.GzipFile(fileobj=stream)

    def read(self, size: int = -1) -> bytes:
        # read1 hands over what is there before the cut; read(size) would drop it to raise at once.
        try:
            return self._gzip.read1(size)
        except EOFError as error:
            raise _Truncated(str(error)) from None


def _read_records(name: str, stream: BinaryIO, options: ReadOptions, skipped: Counter[str]) -> Iterator[Item]:
    complete = 0
    try:
        for record in _records(stream):
            item = _read_record(name, record, options, skipped)
            complete += 1
            if item is not None:
                yield item
    except DAMAGE as error:
        yield _damaged(name, complete, error)
        return
    if not complete:
        raise InputError(name, "empty input")


def _read_record(name: str, record: ArcWarcRecord, options: ReadOptions, skipped: Counter[str]) -> Item | None:
    reason = _skip_reason(record)
    item = None if reason else _item(name, record, options)
    _drain(record)  # raises for a cut-off record, so that its partial page is dropped
    if reason:
        skipped[reason] += 1
    return item


def _damaged(name: str, complete: int, error: BaseException) -> Failure:
    if not complete:
        raise InputError(name, f"not a readable WARC archive: {_why(error)}")
    records = f"{complete} record" + ("s" if complete > 1 else "")
    return Failure(name, f"truncated or damaged WARC after {records}: {_why(error)}")


class _StrictArchiveIterator(ArchiveIterator):
    """warcio's iterator, except that an archive ending inside a record's headers is an error:
    warcio takes the EOFError its parsers raise there for the end of the archive."""

    def _next_record(self, next_line: bytes | None) -> ArcWarcRecord:
        if next_line is None:
            next_line = self.reader.readline()
            if not next_line:
                raise EOFError()  # no bytes left: the real end
        try:
            return super()._next_record(next_line)
        except EOFError:
            raise _Truncated("the archive ends inside a record's headers") from None


def _records(stream: BinaryIO) -> Iterator[ArcWarcRecord]:
    """The records. On a record cut inside its headers warcio fails in many ways, not all its own."""
    records = iter(_StrictArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except DAMAGE:
            raise
        except Exception as error:
            raise _Truncated(f"a record's headers are damaged or cut off ({type(error).__name__})") from error
        yield record


def _item(name: str, record: ArcWarcRecord, options: ReadOptions) -> RawDocument | Failure:
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri")  # ARC
    item_source = f"{name}#{safe_name(uri or '')}"
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        return Failure(item_source, too_large(None, options.max_bytes))
    return _document(item_source, payload, uri, record, options)


def _skip_reason(record: ArcWarcRecord) -> str | None:
    if record.rec_type != "response":
        return f"{record.rec_type} record, not a response"
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"HTTP status {status}, not 200"
    if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
        return "not an HTML response"
    return None


def _document(item_source: str, payload: bytes, uri: str | None, record: ArcWarcRecord,
              options: ReadOptions) -> RawDocument | Failure:
    content_type = record.http_headers.get_header("Content-Type")
    try:
        return html_document(payload, item_source, uri, options, content_type)
    except InputError as error:
        return Failure(error.source, error.reason)


def _drain(record: ArcWarcRecord) -> None:
    """Read the record to its end, and fail when the archive ends before its Content-Length."""
    while record.raw_stream.read(DRAIN_CHUNK):
        pass
    declared = record.rec_headers.get_header("Content-Length") or record.rec_headers.get_header("length")
    if not (declared or "").strip().isdigit():
        raise _Truncated("a record has no valid Content-Length")
    if record.raw_stream.limit > 0:
        raise _Truncated(f"the last record lacks {record.raw_stream.limit} of its bytes")


def _why(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
