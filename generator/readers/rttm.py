"""NIST RTTM (Rich Transcription Time Marked): who spoke when, with no words.

A diarizer (pyannote, NeMo, VoxConverse and AMI references) writes one ``SPEAKER`` line per turn,
ten space-separated fields (NIST RT-09 evaluation plan, appendix A; RTTM format v13)::

    SPEAKER <file id> <channel> <start> <duration> <NA> <NA> <speaker name> <NA> <NA>

times in seconds. Some tools write nine fields (no signal lookahead time); only the first eight
are read. Lines starting ``;;`` are comments; ``SPKR-INFO`` lines (which only repeat who the
speakers are) are passed over; other line types (``LEXEME``, ``SEGMENT``, ``NON-SPEECH`` ...)
are left out with one warning. A bad line (too few fields, a time that is not a number, a
negative start or duration, no speaker name) is a warning naming its line and is left out; the
first :data:`SHOWN` are named one by one, then one warning counts the rest. A turn of no length
covers nothing and is passed over.

:func:`parse` gives the turns; :func:`read` makes an episode of an RTTM alone (no transcript of
its stem beside it: generator/diarization.py pairs the others), each turn a turn with no text,
in time order. One RTTM may describe several recordings (a corpus's ``all.rttm``): an RTTM alone
keeps the file id of its first turn and warns about the rest.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..model import Notice, ReadError, Transcript, Turn
from ..timecodes import HOURS, MAX_SECONDS

SHOWN = 5  # bad lines named one by one before the rest are counted
EXAMPLE = "'SPEAKER meeting 1 41.12 3.5 <NA> <NA> spk00 <NA> <NA>'"
#: Line types of RTTM v13 other than SPEAKER: not read (SPKR-INFO quietly: it says nothing more).
OTHER_TYPES = frozenset({"SEGMENT", "NOSCORE", "NO_RT_METADATA", "LEXEME", "NON-LEX", "NON-SPEECH",
                         "FILLER", "EDIT", "IP", "SU", "CB", "A/P"})


@dataclass(frozen=True)
class Segment:
    """One ``SPEAKER`` line: its line number, file id, start and end (seconds) and speaker name."""

    line: int
    file: str
    start: float
    end: float
    name: str


def parse(text: str) -> tuple[list[Segment], list[Notice]]:
    """The ``SPEAKER`` turns of an RTTM file, in file order, and warnings about lines left out."""
    segments: list[Segment] = []
    bad: list[Notice] = []
    others: Counter[str] = Counter()
    other_line = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        fields = raw.split()
        if not fields or fields[0].startswith(";;") or fields[0] == "SPKR-INFO":
            continue
        if fields[0] in OTHER_TYPES:
            others[fields[0]] += 1
            other_line = other_line or number
            continue
        found = _segment(fields, number)
        if isinstance(found, Segment):
            if found.end > found.start:
                segments.append(found)
        else:
            bad.append(Notice(number, found))
    notices = bad[:SHOWN]
    if len(bad) > SHOWN:
        rest = len(bad) - SHOWN
        notices.append(Notice(bad[SHOWN].line, f"{rest} more bad line{'s' if rest > 1 else ''} left out "
                              f"(the first is this one): expected lines such as {EXAMPLE}"))
    if others:
        kinds = ", ".join(f"{kind} ×{n}" for kind, n in sorted(others.items()))
        notices.append(Notice(other_line, f"lines of other types left out ({kinds}): only SPEAKER lines are read"))
    return segments, sorted(notices, key=lambda n: n.line)


def _segment(fields: list[str], number: int) -> Segment | str:
    """The turn on one line, or why the line is left out."""
    shown = " ".join(fields)[:80]
    if fields[0] != "SPEAKER":
        return f"expected a SPEAKER line such as {EXAMPLE}, found {shown!r}: left out"
    if len(fields) < 8:
        return f"expected 10 fields such as {EXAMPLE}, found {len(fields)}: left out"
    try:
        start, length = float(fields[3]), float(fields[4])
    except ValueError:
        return (f"expected a start and a duration in seconds (fields 4 and 5), found {fields[3]!r} "
                f"and {fields[4]!r}: left out")
    if not (math.isfinite(start) and math.isfinite(length)):
        return f"expected times in seconds, found {fields[3]!r} and {fields[4]!r}: left out"
    if start < 0:
        return f"negative start {fields[3]}: left out"
    if length < 0:
        return f"negative duration {fields[4]}: left out"
    if start + length >= MAX_SECONDS:
        return f"expected a time from 0 to {HOURS} hours, found {fields[3]} + {fields[4]} seconds: left out"
    name = fields[7]
    if name in ("<NA>", "<na>"):
        return "no speaker name (field 8 is <NA>): left out"
    return Segment(number, fields[1], start, round(start + length, 6), name)


def read(text: str, path: str) -> Transcript:
    """An RTTM alone: an episode of who spoke when, each turn with no text, in time order."""
    segments, notices = parse(text)
    if not segments:
        first = next((n.line for n in notices), 1)
        raise ReadError(first, f"no speaker turns: expected lines such as {EXAMPLE}")
    recording = segments[0].file
    kept = [s for s in segments if s.file == recording]
    if len(kept) < len(segments):
        other = next(s for s in segments if s.file != recording)
        ids = sorted({s.file for s in segments} - {recording})
        count = len(segments) - len(kept)
        notices.append(Notice(other.line, f"{count} turn{'s' if count > 1 else ''} of other recordings "
                              f"({', '.join(repr(i) for i in ids[:3])}{' ...' if len(ids) > 3 else ''}) left out: "
                              f"this file is the recording {recording!r}"))
    kept.sort(key=lambda s: (s.start, s.end, s.line))
    turns = tuple(Turn(s.name, "", s.start, s.end, s.line) for s in kept)
    return Transcript(turns, notices=tuple(sorted(notices, key=lambda n: n.line)))
