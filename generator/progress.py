"""What a long build is doing: on a terminal, one status line rewritten in place ("On Record:
rendering 812 of 1,310 pages"), and at the end one log line with the time of each stage.

The status line is shown only where someone watches it: standard error is a terminal, the log
shows INFO (``mkdocs build -q`` raises MkDocs' level to WARNING, and hides both) and the
environment is not CI's (CI services set ``CI``). Elsewhere only the closing line is logged. A
log message written while the line is up clears it first, so messages never land mid-line.

MkDocs has no progress display of its own to hook into, hence this small one; it redraws at most
ten times a second, so counting costs nothing next to the work counted.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

#: Redraw at most this often (seconds).
INTERVAL = 0.1


class Progress:
    """Stages of one build, each timed; with ``live``, a status line on ``stream`` while it runs."""

    def __init__(self, live: bool, stream: TextIO | None = None, logger: logging.Logger | None = None) -> None:
        self.live = live
        self.stream = stream or sys.stderr
        self.logger = logger
        self.times: list[tuple[str, float]] = []
        self.shown = False
        self._name = self._what = ""
        self._began = 0.0
        self._total: int | None = None
        self._done = 0
        self._drawn = 0.0
        self._filter = _ClearLine(self)

    @classmethod
    def for_terminal(cls, logger: logging.Logger) -> Progress:
        """Live on an interactive terminal whose log shows INFO, outside CI."""
        live = (hasattr(sys.stderr, "isatty") and sys.stderr.isatty() and logger.isEnabledFor(logging.INFO)
                and not os.environ.get("CI"))
        return cls(bool(live), logger=logger)

    @contextmanager
    def stage(self, done: str, doing: str, total: int | None = None) -> Iterator[Progress]:
        """Show ``doing`` while the stage runs ("rendering {count} pages": "812", or "812 of
        1,310" with a ``total``), then time it as ``done`` ("rendered {count} pages")."""
        self.begin(done, doing, total)
        try:
            yield self
        finally:
            self.end()

    def begin(self, done: str, doing: str, total: int | None = None) -> None:
        """:meth:`stage` for a stage that spans several of MkDocs' events; :meth:`end` ends it."""
        self.end()
        self._name, self._what, self._total, self._done, self._drawn = done, doing, total, 0, 0.0
        self._began = time.perf_counter()
        self._attach()
        self.draw(force=True)

    def end(self) -> None:
        """End the current stage, if one is running."""
        if not self._what:
            return
        self.times.append((self._name.format(count=f"{self._done:,}"), time.perf_counter() - self._began))
        self.clear()
        self._detach()
        self._what = ""

    def expect(self, total: int) -> None:
        """The current stage's total, once it is known."""
        self._total = total

    def tick(self, n: int = 1) -> None:
        """``n`` more done in the current stage."""
        self._done += n
        if self.live:
            self.draw()

    def draw(self, force: bool = False) -> None:
        if not self.live or not self._what:
            return
        now = time.monotonic()
        if not force and now - self._drawn < INTERVAL:
            return
        self._drawn = now
        count = f"{self._done:,}" + (f" of {self._total:,}" if self._total is not None else "")
        self.stream.write(f"\r\x1b[KOn Record: {self._what.format(count=count)}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def summary(self) -> str:
        """One line: every stage's time, then the total."""
        parts = [f"{name} {seconds:.1f} s" for name, seconds in self.times]
        return f"On Record: {', '.join(parts)}; {sum(s for _, s in self.times):.1f} s in all"

    def _attach(self) -> None:
        if self.live and self.logger:
            for handler in _handlers(self.logger):
                handler.addFilter(self._filter)

    def _detach(self) -> None:
        if self.logger:
            for handler in _handlers(self.logger):
                handler.removeFilter(self._filter)


class _ClearLine(logging.Filter):
    """Clears the status line before a log message is written, then lets the message through."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


def _handlers(logger: logging.Logger) -> list[logging.Handler]:
    """The handlers a message from ``logger`` reaches (MkDocs' are on the ``mkdocs`` logger)."""
    found: list[logging.Handler] = []
    current: logging.Logger | None = logger
    while current:
        found += current.handlers
        current = current.parent if current.propagate else None
    return found
