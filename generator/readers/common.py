"""Helpers every reader shares: timestamps, front matter, merging cues into turns."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from .. import schema, yamlio
from ..model import Notice, ReadError, Turn

#: The time range every reader accepts, in seconds: ``0 <= t < MAX_SECONDS`` (1,000 hours, the
#: schema's limit for times in metadata too: a 100-hour livestream is long but real). A time outside
#: it (negative, NaN, infinite, a 400-digit hour) is a broken or hostile file, refused with its line.
MAX_SECONDS = schema.MAX_SECONDS
_HOURS = f"{MAX_SECONDS / 3600:.0f}"
_TIME = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$")


def parse_time(value: str, line: int = 0) -> float:
    """Seconds from ``hh:mm:ss.mmm``, ``mm:ss,mmm``, ``ss`` (hours may have leading zeros),
    within :data:`MAX_SECONDS`.

    >>> parse_time("01:02:03.5")
    3723.5
    """
    m = _TIME.match(value.strip())
    if not m:
        raise ReadError(line, f"expected a timestamp such as 00:01:23.450, found {value!r}")
    hours, minutes, seconds, frac = m.groups()
    return clock_seconds(hours, minutes or "0", seconds, frac, line)


def clock_seconds(hours: str | None, minutes: str, seconds: str, frac: str | None, line: int) -> float:
    """Seconds from the digit groups of a clock time (minutes and seconds of at most two digits);
    past :data:`MAX_SECONDS`, possible only with three or more hour digits, is an error."""
    if hours is not None and len(hours) > 2:
        return _long_clock(hours, minutes, seconds, frac, line)
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return total + int(frac.ljust(3, "0")) / 1000 if frac else float(total)


def _long_clock(hours: str, minutes: str, seconds: str, frac: str | None, line: int) -> float:
    """A clock time with a long hour field: in range, and never ``int()`` of thousands of digits
    (slow, and the result overflows a float)."""
    written = f"{hours}:{minutes}:{seconds}" + (f".{frac}" if frac else "")
    digits = hours.lstrip("0")
    if len(digits) > 6:
        raise ReadError(line, f"expected a time from 0 to {_HOURS} hours, found an hour field of {len(digits)} digits")
    total = int(digits or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return check_seconds(total + int(frac.ljust(3, "0")) / 1000 if frac else float(total), line, written)


def check_seconds(seconds: float, line: int, found: object = None) -> float:
    """``seconds`` if it is a finite time in ``[0, MAX_SECONDS)``, else a :class:`ReadError`
    naming ``found`` (the value as the file wrote it; ``seconds`` itself by default)."""
    if 0 <= seconds < MAX_SECONDS:  # False for NaN too
        return seconds
    shown = seconds if found is None else found
    raise ReadError(line, f"expected a time from 0 to {_HOURS} hours, found {shown!r}")


def format_time(seconds: float, *, sep: str = ".", millis: bool = True) -> str:
    """``hh:mm:ss.mmm`` (or ``hh:mm:ss`` with ``millis=False``); never raises: a negative time
    gets a ``-`` sign, and one too large to count in milliseconds as Python writes it (``nan``, ``inf``)."""
    if not math.isfinite(seconds * 1000):
        return str(seconds)
    if seconds < 0:
        return "-" + format_time(-seconds, sep=sep, millis=millis)
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    base = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{base}{sep}{ms:03d}" if millis else base


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
