"""WebVTT (``.vtt``): cues with ``<v Name>`` voice spans, as podcast hosts and caption tools export them.

Written by hand rather than with webvtt-py, which mis-reads real files: it finds zero cues when
a file writes a comma before the milliseconds, and keeps only the first voice of a cue that
holds several. This reader is tolerant of what real exports do: hours absent (``00:05.120``) or
longer than two digits, comma or dot, cue identifiers and settings, NOTE/STYLE/REGION blocks,
entities (``&amp;``), other markup, and cues that overlap. Consecutive cues of one speaker merge
into one turn that keeps the first start time.
"""

from __future__ import annotations

from ..model import ReadError, Transcript
from .captions import inline_times, unroll
from .common import in_order
from .cues import scan, turns_of

_SKIP = ("NOTE", "STYLE", "REGION")


def read(text: str, path: str) -> Transcript:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if not first.startswith("WEBVTT"):
        raise ReadError(1, f"expected 'WEBVTT' on the first line of a .vtt file, found {first[:40]!r}")
    cues = scan(text)
    # Most files voice every cue (then a voice is the cue's alone, as the spec says); some voice
    # only the first cue of each speaker (then it carries on, as a name prefix does). Tell them
    # apart by how many cues are voiced: at least half, or only the few where the speaker changes.
    per_cue = text.count("<v") >= 0.5 * len(cues)
    kept = unroll([(line, start, end, _lines(body)) for line, start, end, body in cues])
    turns = inline_times(kept, turns_of(kept, per_cue))
    if not turns:
        raise ReadError(text.count("\n") + 1,
                        "expected cues such as '00:00:01.000 --> 00:00:04.000' followed by text, found none")
    turns, notices = in_order(turns)
    return Transcript(turns, notices=notices)  # cues: readers.read_bytes joins them (JOINED)


def _lines(body: str) -> list[str]:
    """A cue's text: up to the first blank line, plus any later block that is neither a
    NOTE/STYLE/REGION block nor the next cue's identifier (nothing the file says is dropped)."""
    text = body.rstrip("\n")
    if "\n\n" not in text:  # the common case: one block, then blank lines
        return text.split("\n") if "\n" in text else [text] if text.strip() else []
    blocks = body.split("\n\n")
    if not body.endswith("\n\n") and len(blocks) > 1 and "\n" not in blocks[-1].strip("\n"):
        blocks.pop()  # the identifier line right above the next timing
    lines = blocks[0].split("\n")
    for block in blocks[1:]:
        block = block.strip("\n")
        if block and block.split(None, 1)[0] not in _SKIP:
            lines.extend(block.split("\n"))
    return [line for line in lines if line.strip()]
