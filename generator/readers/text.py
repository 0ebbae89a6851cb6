"""The native format, and plain text as real exports write it: Markdown or text, optional YAML
front matter, one speaker label per turn.

Turn starts (one per line)::

    Name: text                      the native format
    [00:01:23] Name: text           timestamps before the name ...
    [00:01:23] text                 (a timed turn that names nobody)
    Name (00:01:23): text           ... or after it
    **Name:** text                  Markdown bold labels (**Name**: text too)

Header lines, with the text on the lines after them (Otter, Descript, btctranscripts)::

    Name  00:01:23                  Name: 00:01:23                Name (00:01:23)
    Name:                           **Name:**

A line that starts no turn continues the current one; a blank line starts a new paragraph in it.
Text outside any turn (a file with no speakers at all, or text before the first label) is a turn
per paragraph with no speaker. Markdown headings (``## Intro``) become chapters at the next timed
turn; in untimed files they stay in the text as unattributed paragraphs, so nothing is lost.

What counts as a label is deliberately narrow, because prose has colons too: at most six words;
the first starts with a capital letter; the others are capitalised, numbers, parenthesised or
name particles (``van``, ``de``...). So ``MS. SMITH:``, ``Aaron van Wirdum:``, ``Speaker 0:`` and
``Waxwing (Adam Gibson):`` are speakers, while ``7:06 P.M. EST``, ``Note that: ...``,
``Properties of good money: ...`` and URLs are not.
"""

from __future__ import annotations

import re

from ..model import ReadError, Transcript, Turn
from .common import check_order, merge_turns, parse_time, split_front_matter

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_NAME = r"[^\W\d_][\w.'’&\-]*(?:[ \t]+[\w.'’&\-()]+){0,5}?"
TURN = re.compile(
    rf"^[ \t]*(?:\[(?P<stamp1>{_STAMP})\][ \t]*)?(?:\*\*)?(?P<name>{_NAME})"
    rf"(?:[ \t]*\((?P<stamp2>{_STAMP})\))?(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]+(?P<text>\S.*)$"
)
HEADER = re.compile(
    rf"^[ \t]*(?:\[(?P<stamp1>{_STAMP})\][ \t]*)?(?:\*\*)?(?P<name>{_NAME})(?:\*\*)?"
    rf"(?:[ \t]*\((?P<stamp2>{_STAMP})\)|[ \t]*(?P<colon>:)(?:\*\*)?[ \t]*(?P<stamp3>{_STAMP})?|[ \t]+(?P<stamp4>{_STAMP}))"
    r"[ \t]*:?(?:\*\*)?[ \t]*$"
)
STAMPED = re.compile(rf"^[ \t]*\[(?P<stamp1>{_STAMP})\][ \t]+(?P<text>\S.*)$")  # a timed turn naming nobody
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<title>\S.*?)[ \t#]*$")
_URL_ONLY = re.compile(r"^<?https?://\S+$")
_PARTICLES = frozenset({"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin", "ibn",
                        "al", "el", "y", "e", "dos", "das"})
_NOT_LABELS = frozenset({"note", "update", "edit", "ps", "p.s", "warning", "source", "edited", "transcript", "slides"})


def _is_label(name: str) -> bool:
    words = name.split()
    if not words[0][:1].isupper() or name.lower().rstrip(".") in _NOT_LABELS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" or w.lower() in _PARTICLES for w in words[1:])


def match_turn(line: str) -> re.Match[str] | None:
    """The turn a line starts, or ``None``; shared with format detection."""
    m = TURN.match(line) if ":" in line else None  # every label has a colon; most lines have none
    return m if m is not None and _is_label(m.group("name")) else None


def match_header(line: str) -> re.Match[str] | None:
    """A speaker header line (the text follows on the next lines), or ``None``."""
    m = HEADER.match(line) if ":" in line and len(line) < 120 else None
    return m if m is not None and _is_label(m.group("name")) else None


class _Turns:
    """Collects turns line by line."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self.chapters: list[dict[str, object]] = []
        self.heading = ""
        self.speaker, self.line = "", 0
        self.start: float | None = None
        self.paragraphs: list[list[str]] = [[]]

    def begin(self, speaker: str, start: float | None, line: int, text: str = "") -> None:
        self.flush()
        self.speaker, self.start, self.line = speaker, start, line
        self.paragraphs = [[text]] if text else [[]]
        if self.heading and start is not None:
            self.chapters.append({"start": start, "title": self.heading})
            self.heading = ""

    def add(self, raw: str, number: int) -> None:
        line = raw.strip()
        if not line:
            if self.paragraphs[-1]:
                if self.speaker:
                    self.paragraphs.append([])
                else:  # unattributed text: every paragraph is a turn of its own
                    self.begin("", None, number)
            return
        if not any(self.paragraphs):
            self.line = number
        self.paragraphs[-1].append(line)

    def flush(self) -> None:
        text = "\n\n".join(" ".join(p) for p in self.paragraphs if p)
        if text:
            self.turns.append(Turn(self.speaker, text, self.start, None, self.line))
        self.paragraphs = [[]]


def _start(m: re.Match[str]) -> str | None:
    return next((v for k, v in m.groupdict().items() if k.startswith("stamp") and v), None)


def _bare_labels(lines: list[str]) -> set[str]:
    """Labels written alone on a line (``Name:``) that are speakers: those that recur and, once
    the file is seen to use the style, any of several words. A one-off ``Topics:`` or
    ``Bitcoin Core PRs:`` in notes is a section title, not a speaker."""
    seen: dict[str, int] = {}
    bare: set[str] = set()
    for line in lines:
        m = match_header(line) if line.rstrip().endswith(":") else match_turn(line)
        if m:
            seen[m.group("name")] = seen.get(m.group("name"), 0) + 1
            if "text" not in m.groupdict():
                bare.add(m.group("name"))
    recurring = {name for name in bare if seen[name] > 1}
    return recurring | {name for name in bare if " " in name} if recurring else set()


def _turn_start(raw: str, bare: set[str]) -> re.Match[str] | None:
    m = match_header(raw)
    if m is not None and (_start(m) or m.group("name") in bare):
        return m
    m = match_turn(raw)
    if m is not None and _URL_ONLY.match(m.group("text")):
        return None  # "Slides: https://..." is a link, not speech
    return m or (STAMPED.match(raw) if raw.lstrip().startswith("[") else None)


def read(text: str, path: str) -> Transcript:
    meta, body, first = split_front_matter(text)
    out = _Turns()
    lines = body.splitlines()
    bare = _bare_labels(lines)
    starts = [_turn_start(raw, bare) for raw in lines]
    timed = any(m and _start(m) for m in starts)
    for number, (raw, m) in enumerate(zip(lines, starts, strict=True), start=first):
        if m:
            stamp = _start(m)
            start = parse_time(stamp, number) if stamp else None
            name = (m.groupdict().get("name") or "").strip().strip("*").strip()
            out.begin(name, start, number, m.groupdict().get("text") or "")
            continue
        heading = _HEADING.match(raw)
        if heading and timed:
            out.flush()
            out.paragraphs, out.heading = [[]], heading.group("title")
            continue
        out.add(raw, number)
    out.flush()
    turns = tuple(t for t in out.turns if t.text)
    if not turns:
        raise ReadError(first, "expected turns such as 'Jane Doe: Hello.', found no text")
    check_order(turns)
    if out.chapters and "chapters" not in meta:
        meta["chapters"] = out.chapters
    return Transcript(merge_turns(turns), meta)
