"""WebVTT (``.vtt``): cues with ``<v Name>`` voice spans, as podcast hosts and caption tools export them.

Written by hand rather than with webvtt-py, which mis-reads real files: it finds zero cues when
a file writes a comma before the milliseconds, and keeps only the first voice of a cue that
holds several. This reader is tolerant of what real exports do: hours absent (``00:05.120``) or
longer than two digits, comma or dot, cue identifiers and settings, NOTE/STYLE/REGION blocks,
entities (``&amp;``), other markup, and cues that overlap. Consecutive cues of one speaker merge
into one turn that keeps the first start time.
"""

from __future__ import annotations

from ..model import ReadError, Transcript, Turn
from .common import check_order, merge_turns
from .cues import cue_turns, timing

_SKIP = ("NOTE", "STYLE", "REGION")


def read(text: str, path: str) -> Transcript:
    lines = text.split("\n")
    first = lines[0].lstrip("\ufeff").strip()
    if not first.startswith("WEBVTT"):
        raise ReadError(1, f"expected 'WEBVTT' on the first line of a .vtt file, found {first[:40]!r}")
    turns: list[Turn] = []
    speaker = ""
    for number, block in _blocks(lines):
        if block[0].split(" ", 1)[0].split("\t", 1)[0] in _SKIP:
            continue
        found = _cue(block, number)
        if found is None:  # text after a blank line inside a cue: keep it with the cue before
            if turns:
                more, speaker = cue_turns(turns[-1].start or 0.0, turns[-1].end or 0.0, block, speaker, number)
                turns.extend(more)
            continue
        at, start, end = found
        more, speaker = cue_turns(start, end, block[at + 1:], speaker, number + at)
        turns.extend(more)
    merged = merge_turns(turns)
    if not merged:
        raise ReadError(len(lines), "expected cues such as '00:00:01.000 --> 00:00:04.000' followed by text, found none")
    check_order(merged)
    return Transcript(merged)


def _cue(block: list[str], number: int) -> tuple[int, float, float] | None:
    """Where the timing line is in a block (first or, after an identifier, second line)."""
    for at in range(min(2, len(block))):
        times = timing(block[at], number + at)
        if times is not None:
            return at, times[0], times[1]
    return None


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks after the header, each with its first line number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    # The header block (WEBVTT plus header lines) is not a cue.
    if blocks and blocks[0][0] == 2 and lines[1].strip() and _cue(blocks[0][1], 2) is None:
        blocks = blocks[1:]
    return blocks
