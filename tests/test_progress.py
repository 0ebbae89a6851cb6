"""A long build says what it is doing (issue 15, item 5): a status line with counts on a
terminal, nothing of it in a log or with ``-q``, and one closing line with each stage's time."""

from __future__ import annotations

import io
import logging
import re
import sys
from pathlib import Path

import pytest

from conftest import fixture_project, mkdocs_build
from generator.progress import Progress


def test_a_live_stage_shows_its_count_and_clears_the_line_when_done() -> None:
    out = io.StringIO()
    progress = Progress(live=True, stream=out)
    with progress.stage("read {count} transcripts", "reading {count} transcripts"):
        progress.tick(3)
        progress.draw(force=True)
    with progress.stage("indexed {count} pages", "indexing {count} pages") as stage:
        stage.expect(10)
        stage.tick(4)
        stage.draw(force=True)
    text = out.getvalue()
    assert "\r\x1b[KOn Record: reading 3 transcripts" in text
    assert "\r\x1b[KOn Record: indexing 4 of 10 pages" in text
    assert text.endswith("\r\x1b[K")  # the line is gone once the stages are done
    assert re.fullmatch(r"On Record: read 3 transcripts \d+\.\d s, indexed 4 pages \d+\.\d s; \d+\.\d s in all",
                        progress.summary())


def test_not_live_writes_nothing_but_still_times_the_stages() -> None:
    out = io.StringIO()
    progress = Progress(live=False, stream=out)
    with progress.stage("made {count} pages", "making {count} pages"):
        progress.tick(5)
    assert out.getvalue() == ""
    assert progress.summary().startswith("On Record: made 5 pages ")


def test_a_log_message_never_lands_mid_line() -> None:
    out = io.StringIO()
    logger = logging.getLogger("onrecord-test-progress")
    handler = logging.StreamHandler(out)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        progress = Progress(live=True, stream=out, logger=logger)
        with progress.stage("read {count} files", "reading {count} files"):
            progress.tick()
            progress.draw(force=True)
            logger.warning("a.md:3: unknown key")
    finally:
        logger.removeHandler(handler)
    assert "reading 1 files\r\x1b[Ka.md:3: unknown key\n" in out.getvalue()
    assert not handler.filters  # the filter leaves with the stage


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_live_only_on_a_terminal_that_shows_info_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("onrecord-test-terminal")
    logger.setLevel(logging.INFO)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert Progress.for_terminal(logger).live
    logger.setLevel(logging.WARNING)  # mkdocs build -q
    assert not Progress.for_terminal(logger).live
    logger.setLevel(logging.INFO)
    monkeypatch.setenv("CI", "true")
    assert not Progress.for_terminal(logger).live
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe or a file
    assert not Progress.for_terminal(logger).live


def test_a_build_ends_with_each_stages_time_and_no_status_line(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr
    summary = [line for line in result.stderr.splitlines() if "On Record: read" in line]
    assert len(summary) == 1, result.stderr
    assert re.search(r"INFO    -  On Record: read \d+ transcripts \d+\.\d s, made \d+ pages and files \d+\.\d s, "
                     r"wrote \d+ downloads \d+\.\d s, MkDocs read \d+ pages \d+\.\d s, wrote \d+ pages \d+\.\d s; "
                     r"\d+\.\d s in all", summary[0])
    quiet = mkdocs_build(project, "-q")
    assert quiet.returncode == 0 and "On Record: read" not in quiet.stderr
