"""What WebVTT and SRT share: timing lines, cue text markup, and speakers inside cue text.

Captions are cut for the screen, not by speaker: one sentence spans several cues, and a cue may
hold two speakers. Speakers appear as WebVTT voice spans (``<v Name>``), or as a ``Name:``
prefix that most tools write only when the speaker changes, so the last speaker carries forward
until another is named. The cues are then merged into turns (:func:`common.merge_turns`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..model import ReadError, Turn
from .common import parse_time

STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
TIMING = re.compile(rf"^[ \t]*({STAMP})[ \t]*-->[ \t]*({STAMP})(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
# A speaker prefix in caption text: "Name:", "- Name:", "[SPEAKER_00]:", ">> NAME:". Stricter than the
# native format's labels (its first and last words must be capitalised) because captions are prose.
_PREFIX = re.compile(
    r"^(?:-|>>)?[ \t]*\[?(?P<name>(?:[A-Z][\w.'’\-]*|[A-Z]\w*_\d+)(?:[ \t]+[\w.'’\-()]+){0,4}?)\]?"
    r"[ \t]*:[ \t]+(?P<text>\S.*)$"
)
_NOT_NAMES = frozenset({"Note", "Update", "Warning", "Source", "Http", "Https", "Translation"})


def timing(line: str, number: int) -> tuple[float, float] | None:
    """The start and end of a timing line, ``None`` for any other line; a broken one is an error."""
    if "-->" not in line:
        return None
    m = TIMING.match(line)
    if not m:
        raise ReadError(number, f"expected a cue timing such as '00:01:02.500 --> 00:01:05.000', found {line.strip()!r}")
    return parse_time(m.group(1), number), parse_time(m.group(2), number)


def clean(text: str) -> str:
    """Cue text without markup: tags stripped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def _prefix(line: str) -> tuple[str, str] | None:
    m = _PREFIX.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    last = name.split()[-1]
    if name in _NOT_NAMES or not (last[:1].isupper() or last[:1].isdigit() or last.startswith("(")):
        return None
    return name, m.group("text")


def speeches(lines: Iterable[str], speaker: str) -> tuple[list[tuple[str, str]], str]:
    """Split a cue's text lines into ``(speaker, text)`` pieces; returns them and the speaker to carry on."""
    pieces: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        voices = list(_VOICE.finditer(line))
        if voices:
            before = clean(line[: voices[0].start()])
            if before:
                pieces.append((speaker, before))
            for i, voice in enumerate(voices):
                end = voices[i + 1].start() if i + 1 < len(voices) else len(line)
                speaker = clean(voice.group(1) or "")
                pieces.append((speaker, clean(line[voice.end():end])))
            continue
        text = clean(line)
        # A name may open the cue; inside it only a dialogue dash marks a new speaker, so that
        # a wrapped line such as "mistakes: so in this..." is not taken for one.
        named = _prefix(text) if index == 0 or text[:1] in "->" else None
        if named:
            speaker, text = named
        pieces.append((speaker, text))
    return [(s, t) for s, t in pieces if t], speaker


def cue_turns(start: float, end: float, lines: list[str], speaker: str, number: int) -> tuple[list[Turn], str]:
    """The turns one cue holds; every piece keeps the cue's times."""
    pieces, speaker = speeches(lines, speaker)
    return [Turn(s, t, start, end, number) for s, t in pieces], speaker
