"""Helpers every reader shares: front matter, merging cues into turns, times that go backwards.

Times are read and written by :mod:`generator.timecodes`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .. import yamlio
from ..model import Notice, ReadError, Turn
from ..timecodes import format_time

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter off ``text``: ``(meta, body, body's first line number)``.

    Malformed YAML is an error with the line YAML reports, never silently ignored; the
    mapping remembers the line of each key (:class:`~generator.yamlio.LineDict`).
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text, 1
    meta = yamlio.loads(m.group(1) or "", first_line=2)
    meta = {} if meta is None else meta  # empty front matter; but `[]` or `0` is not a mapping
    if not isinstance(meta, dict):
        raise ReadError(2, f"front matter must be a mapping of keys to values, found {type(meta).__name__}")
    return meta, text[m.end():], text.count("\n", 0, m.end()) + 1


def merge_turns(turns: Iterable[Turn]) -> tuple[Turn, ...]:
    """Join consecutive turns of one speaker into one turn that keeps the first start time.

    Only turns with a *named* speaker merge: unattributed paragraphs stay paragraphs. Linear:
    a run's texts are joined once (caption files hold thousands of cues per turn).
    """
    merged: list[Turn] = []
    run: list[Turn] = []

    def close() -> None:
        if run:
            first, last = run[0], run[-1]
            end = next((t.end for t in reversed(run) if t.end is not None), None)
            text = first.text if len(run) == 1 else " ".join(t.text for t in run)
            merged.append(first if last is first else Turn(first.speaker, text, first.start, end, first.line))

    for turn in turns:
        if not turn.text.strip():
            continue
        if not (run and turn.speaker and run[0].speaker == turn.speaker):
            close()
            run = []
        run.append(turn)
    close()
    return tuple(merged)


def in_order(turns: Iterable[Turn]) -> tuple[tuple[Turn, ...], tuple[Notice, ...]]:
    """Turns whose start goes backwards lose their times; each backwards jump is a warning.

    A timestamp more than a second before the latest one so far is a mistake in the file (a
    mistyped or spliced cue), not a reason to drop an hour of speech. The turn keeps its place,
    speaker and text, and its start and end become unknown (as an untimed turn in the native
    format), so the episode's times stay in order for the player, the who-spoke-when strip and
    the talk-time figures. Turns after it that are still behind lose their times too; one
    warning names the first one's line and how many followed it.
    """
    kept: list[Turn] = []
    notices: list[Notice] = []
    last: float | None = None
    jump: tuple[int, float, float] | None = None  # where a backwards run began, its start, the latest before
    for turn in turns:
        if turn.start is not None and last is not None and turn.start + 1.0 < last:
            jump = jump or (len(kept), turn.start, last)
            kept.append(Turn(turn.speaker, turn.text, None, None, turn.line))
            continue
        if turn.start is not None:
            if jump:
                notices.append(_backwards(kept, *jump))
                jump = None
            last = turn.start
        kept.append(turn)
    if jump:
        notices.append(_backwards(kept, *jump))
    return tuple(kept), tuple(notices)


def _backwards(kept: list[Turn], index: int, start: float, latest: float) -> Notice:
    after = len(kept) - index - 1
    what = (f"this turn and the {after} after it keep their text but lose their times" if after
            else "this turn keeps its text but loses its time")
    return Notice(kept[index].line, f"timestamps go backwards: {format_time(start)} comes after "
                  f"{format_time(latest)}; {what}")
