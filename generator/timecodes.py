"""Times in one place: reading ``hh:mm:ss.mmm`` into seconds, the range every time must fall in,
and writing seconds back out (for exports and messages, and as a player or a page shows them).

Readers, the metadata schema, exports and pages all use these; this module imports nothing of
ours but the model's :class:`~generator.model.ReadError`.
"""

from __future__ import annotations

import math
import re

from .model import ReadError

#: The time range every time must fall in, in seconds: ``0 <= t < MAX_SECONDS`` (1,000 hours: a
#: 100-hour livestream is long but real). A time outside it (negative, NaN, infinite, a 400-digit
#: hour) is a broken or hostile file, refused with its line.
MAX_SECONDS = 1_000 * 3600.0
#: The limit as messages say it: "expected a time from 0 to 1000 hours".
HOURS = f"{MAX_SECONDS / 3600:.0f}"
_TIME = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$")


def in_range(seconds: float) -> bool:
    """Whether ``seconds`` is a finite time in ``[0, MAX_SECONDS)``."""
    return 0 <= seconds < MAX_SECONDS  # False for NaN too


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
        raise ReadError(line, f"expected a time from 0 to {HOURS} hours, found an hour field of {len(digits)} digits")
    total = int(digits or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return check_seconds(total + int(frac.ljust(3, "0")) / 1000 if frac else float(total), line, written)


def check_seconds(seconds: float, line: int, found: object = None) -> float:
    """``seconds`` if it is a finite time in ``[0, MAX_SECONDS)``, else a :class:`ReadError`
    naming ``found`` (the value as the file wrote it; ``seconds`` itself by default)."""
    if in_range(seconds):
        return seconds
    shown = seconds if found is None else found
    raise ReadError(line, f"expected a time from 0 to {HOURS} hours, found {shown!r}")


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


def clock(seconds: float) -> str:
    """``1:02:03`` or ``02:03``: how a player shows a position; ``-01:30`` before zero (a
    Spacelog countdown in mission time)."""
    if seconds < 0:
        return "-" + clock(-seconds)
    total = int(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
