"""What every reader shares: the input handle, options, size limits."""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Protocol

from ..errors import InputError
from ..records import Failure, RawDocument, Skipped

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 5 * MB

Item = RawDocument | Failure | Skipped


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs. `max_bytes` limits one article (a file, a JSONL line, a WARC record)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding_errors: str = "strict"
    jsonl_fields: dict[str, str] = field(default_factory=dict)
    timeout: float = 20.0


@dataclass(frozen=True)
class Input:
    """One input as the user named it: a file, stdin, or fetched bytes."""

    source: str
    path: Path | None = None
    data: bytes | None = None
    content_type: str | None = None
    meter: Meter | None = field(default=None, compare=False)

    def open(self, metered: bool = True) -> BinaryIO:
        """The input's bytes; read through the `meter`, when there is one and `metered`."""
        stream = self._open()
        if self.meter is None or not metered:
            return stream
        return io.BufferedReader(_Metered(stream, self.meter))

    def _open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.path is None:
            return sys.stdin.buffer
        try:
            return self.path.open("rb")
        except OSError as error:
            raise InputError(self.source, f"cannot open: {error.strerror or error}") from None

    def size(self) -> int | None:
        if self.data is not None:
            return len(self.data)
        if self.path is not None:
            try:
                return self.path.stat().st_size
            except OSError:
                return None
        return None

    def read_bytes(self, limit: int) -> bytes:
        """All the bytes, refusing more than `limit` before reading them."""
        size = self.size()
        if size is not None and size > limit:
            raise InputError(self.source, too_large(size, limit))
        with self.open() as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(self.source, too_large(None, limit))
        return data


class Meter(Protocol):
    def add(self, count: int) -> None: ...


class _Metered(io.RawIOBase):
    """A stream that tells its meter how many bytes were read from it (for a progress bar)."""

    def __init__(self, stream: BinaryIO, meter: Meter):
        self._stream = stream
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._stream.readinto(buffer) or 0
        self._meter.add(count)
        return count

    def close(self) -> None:
        if self._stream is not sys.stdin.buffer:
            self._stream.close()
        super().close()


def too_large(size: int | None, limit: int) -> str:
    actual = f"{size / MB:.1f} MB" if size is not None else "more than that"
    return f"too large for one article ({actual}; the limit is {limit / MB:.1f} MB, see --max-size)"


def compose_text(title: str | None, body: str, lead: str | None = None) -> str:
    """The article text with the title first, then the lead where the body does not hold it at its
    start (after the title, if the body repeats that), so that offsets can address them."""
    paragraphs = [part.strip() for part in body.split("\n") if part.strip()]
    opens_with_title = bool(title and paragraphs and paragraphs[0] == title.strip())
    if lead and _key(lead) not in map(_key, paragraphs[:3]):
        at = len(title.strip()) + body.index(title.strip()) if opens_with_title else 0
        body = f"{body[:at]}\n\n{lead}\n\n{body[at:].lstrip()}" if at else f"{lead}\n\n{body}"
    if not title or opens_with_title:
        return body
    return f"{title}\n\n{body}"


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


Reader = Callable[[Input, ReadOptions], Iterator[Item]]


def failures_as_items(reader: Reader) -> Reader:
    """Wrap a reader so that an InputError ends its input with a Failure item, not an exception."""

    def read(source: Input, options: ReadOptions) -> Iterator[Item]:
        try:
            yield from reader(source, options)
        except InputError as error:
            yield Failure(error.source, error.reason)

    read.__name__ = reader.__name__
    read.__doc__ = reader.__doc__
    return read
