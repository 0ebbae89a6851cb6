"""Times as text and HTML transcripts write them beside their words, for the text and HTML readers.

Accepted: clock times ``00:01:23``, ``1:02:03.5``, ``01:23`` (minutes may pass 59 when there
are no hours: ``75:30``), and ``0h01m23s``. A time is read strictly: seconds (and minutes, when
hours are given) below 60, within :data:`~generator.timecodes.MAX_SECONDS`. A time that is not
one (``99:99``, ``soon``) is a :class:`~generator.model.Notice` from :func:`timed`: the turn keeps
its text and has no time, as an untimed turn would.

A Markdown link whose text is a time (``[(00:00:31)](https://youtube.com/...)``,
``[00:00:31](...)``) is read as the time alone: the URL never leaves the file (the page links
the time to its own player), so a ``javascript:`` URL goes nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Notice, ReadError, Turn
from ..timecodes import clock_seconds
from .common import merge_turns

_CLOCK = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_HMS = r"\d+h\d{1,2}m\d{1,2}(?:[.,]\d{1,3})?s"
#: A time as a pattern: ``00:01:23.5``, ``01:23`` or ``0h01m23s``.
STAMP = rf"(?:{_CLOCK}|{_HMS})"
#: A link's target in Markdown, ``(...)`` with no space, one level of parentheses inside.
URL = r"\((?:[^()\s]|\([^()\s]*\))*\)"
#: A Markdown link whose text is a time: ``[(00:00:31)](url)`` or ``[00:00:31](url)``.
LINKED = rf"\[\(?(?P<linked>{STAMP})\)?\]{URL}"
#: ``0h01m23s`` somewhere in a line: such a line may hold a time without a colon.
HMS_HINT = re.compile(r"\dh\d{1,2}m\d")
_PARTS = re.compile(r"(?:(?P<h>\d+)h)?(?P<m>\d{1,2})m(?P<s>\d{1,2})(?:[.,](?P<f>\d{1,3}))?s"
                    r"|(?:(?:(?P<H>\d+):)?(?P<M>\d{1,2}):)?(?P<S>\d{1,2})(?:[.,](?P<F>\d{1,3}))?")


def seconds(stamp: str, line: int) -> float:
    """Seconds from a time as :data:`STAMP` matches it; a :class:`ReadError` when it is not a time."""
    m = _PARTS.fullmatch(stamp.strip())
    hours, minutes, secs, frac = (m["h"], m["m"], m["s"], m["f"]) if m and m["m"] else \
        (m["H"], m["M"], m["S"], m["F"]) if m else (None, None, None, None)
    if secs is None or int(secs) > 59 or (hours is not None and int(minutes or 0) > 59):
        raise ReadError(line, f"expected a time such as 00:01:23, 01:23 or 0h01m23s (minutes and seconds "
                        f"below 60), found {stamp[:40]!r}")
    return clock_seconds(hours, minutes or "0", secs, frac, line)


def timed(stamp: str, line: int) -> tuple[float | None, tuple[Notice, ...]]:
    """:func:`seconds`, or ``None`` and a notice saying the turn keeps its text without a time."""
    try:
        return seconds(stamp, line), ()
    except ReadError as exc:
        return None, (Notice(exc.line, f"{exc.message}; the turn keeps its text without a time"),)


def merge_untimed(turns: Iterable[Turn]) -> tuple[Turn, ...]:
    """:func:`~generator.readers.common.merge_turns`, except that a turn with a time of its own
    stays a turn: a speaker's paragraphs each timed in the file (``[(00:01:52)](...)`` under a
    ``Lex Fridman [(00:00:57)](...)`` turn) each seek to their own place."""
    out: list[Turn] = []
    run: list[Turn] = []
    for turn in turns:
        if turn.start is not None and run:
            out.extend(merge_turns(run))
            run = []
        run.append(turn)
    out.extend(merge_turns(run))
    return tuple(out)
