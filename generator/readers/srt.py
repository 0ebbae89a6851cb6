"""SubRip (``.srt``): numbered cues, speakers as ``Name:`` prefixes that appear when the speaker changes.

Written by hand rather than with the ``srt`` library, which is strict where real files are not
(it needs exact indexes and blank lines, and reads ``00:01,000`` as a minute). Here a cue starts
at any timing line; the number before it is dropped whether it is right, wrong or missing; blank
lines may be missing or doubled; hours may be absent; comma or dot. A speaker named once carries
forward until another is named, and consecutive cues of one speaker merge into one turn.
"""

from __future__ import annotations

from ..model import ReadError, Transcript, Turn
from .common import check_order, merge_turns
from .cues import cue_turns, timing


def read(text: str, path: str) -> Transcript:
    lines = text.lstrip("\ufeff").split("\n")
    cues: list[tuple[int, float, float, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        times = timing(line, number)
        if times is not None:
            if cues:
                _drop_index(cues[-1][3])
            cues.append((number, times[0], times[1], []))
        elif cues:
            cues[-1][3].append(line)
        elif line.strip() and not line.strip().isdigit():
            raise ReadError(number, f"expected a cue number or timing such as '00:00:01,000 --> 00:00:04,000', "
                            f"found {line.strip()[:60]!r}")
    if not cues:
        raise ReadError(len(lines), "expected cues such as '1' / '00:00:01,000 --> 00:00:04,000' / text, found none")
    turns: list[Turn] = []
    speaker = ""
    for number, start, end, body in cues:
        more, speaker = cue_turns(start, end, [b for b in body if b.strip()], speaker, number)
        turns.extend(more)
    merged = merge_turns(turns)
    check_order(merged)
    return Transcript(merged)


def _drop_index(body: list[str]) -> None:
    """Remove the next cue's number (and blank lines) from the end of the cue before it."""
    while body and not body[-1].strip():
        body.pop()
    if body and body[-1].strip().isdigit():
        body.pop()
