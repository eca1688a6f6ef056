"""A progress bar on standard error for long runs; silent when it is not a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def input_progress(total: int, label: str) -> Iterator[Callable[[str], None]]:
    """Yield `advance(source)`, to call after each input is done."""
    console = Console(stderr=True)
    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, transient=True, disable=not sys.stderr.isatty() or total < 2)
    with progress:
        task = progress.add_task(label, total=total)
        yield lambda source: progress.advance(task)
