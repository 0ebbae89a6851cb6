"""SubRip (``.srt``): numbered cues, speakers as ``Name:`` prefixes that appear when the speaker changes.

Written by hand rather than with the ``srt`` library, which is strict where real files are not
(it needs exact indexes and blank lines, and reads ``00:01,000`` as a minute). Here a cue starts
at any timing line; the number before it is dropped whether it is right, wrong or missing; blank
lines may be missing or doubled; hours may be absent; comma or dot. A speaker named once carries
forward until another is named, and consecutive cues of one speaker merge into one turn.
"""

from __future__ import annotations

from ..model import ReadError, Transcript
from .captions import unroll
from .common import in_order
from .cues import scan, turns_of


def read(text: str, path: str) -> Transcript:
    found = scan(text)
    before = text[: text.find("-->")] if found else text
    for number, line in enumerate(before.split("\n")[:-2] if found else before.split("\n"), start=1):
        if line.strip() and not line.strip().lstrip("\ufeff").isdigit():
            raise ReadError(number, f"expected a cue number or timing such as '00:00:01,000 --> 00:00:04,000', "
                            f"found {line.strip()[:60]!r}")
    if not found:
        raise ReadError(text.count("\n") + 1, "expected cues such as '1' / '00:00:01,000 --> 00:00:04,000' / text, "
                        "found none")
    turns = turns_of(unroll([(line, start, end, _lines(body)) for line, start, end, body in found]))
    turns, notices = in_order(turns)
    return Transcript(turns, notices=notices)  # cues: readers.read_bytes joins them (JOINED)


def _lines(body: str) -> list[str]:
    """A cue's text lines, without the next cue's number at the end."""
    text = body.rstrip()
    head, newline, last = text.rpartition("\n")
    if last.strip().isdigit():
        text = head.rstrip() if newline else ""
    if "\n" not in text:  # the common case: one line of text
        return [text] if text.strip() else []
    return [line for line in text.split("\n") if line.strip()]
