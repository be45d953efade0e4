"""A progress bar for long runs: articles, articles/s, and share done with ETA when known."""

from __future__ import annotations

import datetime as dt
import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from marsad.runners.local import RunSummary


class RunProgress:
    """Shown once a run has lasted ``delay`` seconds, on stderr.

    On a terminal it updates live; otherwise rich prints it once, when the run ends.
    ``total_bytes`` is the size of the inputs (None when streaming from stdin): the share
    done and the ETA count input bytes read, the figures count articles.
    """

    def __init__(self, total_bytes: int | None, console: Console | None = None,
                 delay: float = 2.0) -> None:
        # JSON Lines on a terminal's stdout would tear a live bar: then print it once at the end
        self.console = console or Console(
            stderr=True, highlight=False,
            force_terminal=False if sys.stdout.isatty() else None)
        if console is None and not self.console.is_terminal:
            self.console.width = 110  # a log line, not a screen: room for every column
        self.total = total_bytes if total_bytes else None
        self.delay = delay
        self.started = time.perf_counter()
        self.done_bytes = 0
        self.summary = RunSummary()
        self._progress: Progress | None = None
        self._task = TaskID(0)

    def _columns(self) -> list:
        columns: list = [TextColumn("analysing")]
        if self.total is not None:
            columns += [BarColumn(bar_width=30), TaskProgressColumn()]
        columns += [TextColumn("{task.fields[articles]:,} articles"),
                    TextColumn("{task.fields[rate]:.1f} articles/s"),
                    TextColumn("{task.fields[failed]:,} failed"),
                    TextColumn("{task.fields[elapsed]}")]
        if self.total is not None:
            columns += [TextColumn("ETA"), TimeRemainingColumn()]
        return columns

    def _fields(self) -> dict[str, float | int]:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return {"articles": self.summary.articles, "rate": self.summary.articles / elapsed,
                "failed": self.summary.failed_inputs,
                "elapsed": str(dt.timedelta(seconds=int(elapsed)))}

    def _refresh(self) -> None:
        if self._progress is None:
            if time.perf_counter() - self.started < self.delay:
                return
            self._progress = Progress(*self._columns(), console=self.console,
                                      redirect_stdout=False, redirect_stderr=True)
            self._task = self._progress.add_task("run", total=self.total, **self._fields())
            self._progress.start()
        self._progress.update(self._task, completed=self.done_bytes, **self._fields())

    def articles(self, summary: RunSummary) -> None:
        """The runner's progress hook: counts so far."""
        self.summary = summary
        self._refresh()

    def advance(self, nbytes: int) -> None:
        """Input bytes finished (a file, an archive member, a range of lines)."""
        self.done_bytes += nbytes
        self._refresh()

    def close(self, summary: RunSummary | None = None) -> None:
        if summary is not None:
            self.summary = summary
        if self._progress is not None:
            self._refresh()
            self._progress.stop()
            self._progress = None
