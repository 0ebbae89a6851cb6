"""The native format: Markdown or plain text, optional YAML front matter, turns as ``Name: text``.

Accepted turn starts (one per line)::

    Name: text
    [00:01:23] Name: text
    Name (00:01:23): text

A line that starts no turn continues the current one; a blank line starts a new paragraph
inside it. Text before the first label is a turn with no speaker. What counts as a label is
deliberately narrow (at most six words, starting with a letter, no sentence punctuation) so
that prose such as ``Note that: ...`` or ``7:06 P.M. EST`` is not mistaken for a speaker.
"""

from __future__ import annotations

import re

from ..model import ReadError, Transcript, Turn
from .common import check_order, merge_turns, parse_time, split_front_matter

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LABEL = r"[^\W\d_][\w.'’&\-]*(?:[ \t]+[\w.'’&\-()]+){0,5}?"
TURN = re.compile(
    rf"^[ \t]*(?:\[(?P<stamp1>{_STAMP})\][ \t]*)?"
    rf"(?P<name>{_LABEL})"
    rf"(?:[ \t]*\((?P<stamp2>{_STAMP})\))?"
    r"[ \t]*:[ \t]+(?P<text>\S.*)$"
)
_NOT_LABELS = frozenset({"note", "http", "https", "update", "edit", "ps", "p.s", "warning", "source"})


def match_turn(line: str) -> re.Match[str] | None:
    """The turn a line starts, or ``None``; shared with format detection."""
    m = TURN.match(line)
    if m is None or m.group("name").lower().rstrip(".") in _NOT_LABELS:
        return None
    return m


def read(text: str, path: str) -> Transcript:
    meta, body, first = split_front_matter(text)
    turns: list[Turn] = []
    speaker, start, line_no = "", None, first  # the turn being collected
    parts: list[str] = []

    def flush() -> None:
        joined = "\n\n".join(" ".join(p) for p in _paragraphs(parts) if p)
        if joined:
            turns.append(Turn(speaker, joined, start, None, line_no))

    for offset, raw in enumerate(body.splitlines()):
        number = first + offset
        m = match_turn(raw)
        if m:
            flush()
            stamp = m.group("stamp1") or m.group("stamp2")
            speaker, line_no, parts = m.group("name").strip(), number, [m.group("text").strip()]
            start = parse_time(stamp, number) if stamp else None
        else:
            if not parts and not speaker:
                line_no = number
            parts.append(raw.strip())
    flush()
    result = tuple(t for t in turns if t.text)
    check_order(result)
    if not result:
        raise ReadError(first, "expected turns such as 'Jane Doe: Hello.', found no text")
    return Transcript(merge_turns(result) if all(t.speaker for t in result) else result, meta)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Group lines into paragraphs at blank lines."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return groups
