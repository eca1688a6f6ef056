"""A progress bar on standard error for long ingests: articles done, their rate, and, where the
inputs' sizes are known, the share of bytes read and the time left. Silent when standard error is
not a terminal, and shown only once a run has taken a couple of seconds."""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

SHOW_AFTER_SECONDS = 2.0


class ByteMeter:
    """How many bytes the readers have read so far, over every input."""

    def __init__(self) -> None:
        self.read = 0

    def add(self, count: int) -> None:
        self.read += count


class _ArticlesColumn(ProgressColumn):
    def render(self, task) -> Text:
        articles = task.fields.get("articles", 0)
        rate = articles / task.elapsed if task.elapsed else 0.0
        return Text(f"{articles:,} articles  {rate:,.1f}/s")


class IngestProgress:
    """Call `article_done()` per article; the bar reads bytes from `meter`. Use as a context manager."""

    def __init__(self, total_bytes: int | None, label: str = "Ingesting", enabled: bool | None = None):
        self.meter = ByteMeter()
        self.articles = 0
        self._enabled = sys.stderr.isatty() if enabled is None else enabled
        self._shown = False
        self._started = time.monotonic()
        columns = [TextColumn(label), _ArticlesColumn()]
        if total_bytes:
            columns = [TextColumn(label), BarColumn(), TaskProgressColumn(), _ArticlesColumn(), TimeRemainingColumn()]
        self._progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task(label, total=total_bytes or None, articles=0)

    def article_done(self, count: int = 1) -> None:
        self.articles += count
        self._progress.update(self._task, completed=self.meter.read, articles=self.articles)
        if self._enabled and not self._shown and time.monotonic() - self._started >= SHOW_AFTER_SECONDS:
            self._progress.start()
            self._shown = True

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc) -> None:
        if self._shown:
            self._progress.stop()
