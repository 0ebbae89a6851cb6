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
from ..timecodes import clock_seconds

_PARTS = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
TIMING = re.compile(rf"^[ \t]*{_PARTS}[ \t]*-->[ \t]*{_PARTS}(?:[ \t].*)?$")
_SPLIT = re.compile(rf"^[ \t]*{_PARTS}[ \t]*-->[ \t]*{_PARTS}(?:[ \t][^\n]*)?\n?", re.M)
# A tag ends before the next "<": "[^>]*" would rescan the rest of a line of "<a<a<a..." from every "<".
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?(?:[ \t]+([^<>]*))?>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<\d[\d:.]*>")
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
    h1, m1, s1, f1, h2, m2, s2, f2 = m.groups()
    return clock_seconds(h1, m1, s1, f1, number), clock_seconds(h2, m2, s2, f2, number)


def clean(text: str) -> str:
    """Cue text without markup: tags stripped, entities decoded, whitespace collapsed."""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def _prefix(line: str) -> tuple[str, str] | None:
    m = _PREFIX.match(line) if ":" in line else None
    if not m:
        return None
    name = m.group("name").strip()
    last = name.split()[-1]
    if name in _NOT_NAMES or not (last[:1].isupper() or last[:1].isdigit() or last.startswith("(")):
        return None
    return name, m.group("text")


def speeches(lines: Iterable[str], speaker: str) -> tuple[list[tuple[str, str]], str, bool]:
    """Split a cue's text lines into ``(speaker, text)`` pieces; returns them, the speaker to carry
    on, and whether the cue named its speaker with a voice span."""
    pieces: list[tuple[str, str]] = []
    voiced = False
    for index, line in enumerate(lines):
        voices = list(_VOICE.finditer(line)) if "<" in line else []
        if voices:
            voiced = True
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
    return [(s, t) for s, t in pieces if t], speaker, voiced


#: One cue: its line number, start and end, and its text lines.
Cue = tuple[int, float, float, list[str]]


def scan(text: str) -> list[tuple[int, float, float, str]]:
    """Every cue as ``(line number, start, end, the raw text up to the next timing line)``.

    One ``re.split`` on the timing lines does the scanning in C: a caption file has a cue every
    few words, so per-line Python would dominate reading time. A line with ``-->`` that is not
    a valid timing is an error naming its line.
    """
    parts = _SPLIT.split(text)
    count = (len(parts) - 1) // 9
    if text.count("-->") != count:
        for number, raw in enumerate(text.split("\n"), start=1):
            timing(raw, number)  # raises on the first malformed timing line
    cues = []
    line = 1 + parts[0].count("\n")
    for i in range(1, len(parts), 9):
        h1, m1, s1, f1, h2, m2, s2, f2, body = parts[i:i + 9]
        cues.append((line, clock_seconds(h1, m1, s1, f1, line), clock_seconds(h2, m2, s2, f2, line), body))
        line += 1 + body.count("\n")
    return cues


def turns_of(cues: Iterable[Cue], voice_per_cue: bool = False) -> tuple[Turn, ...]:
    """Turns from cues, consecutive pieces of one speaker merged. A ``Name:`` prefix carries on
    to the cues after it (tools write it only when the speaker changes). With ``voice_per_cue``
    a ``<v>`` voice belongs to its cue alone, as WebVTT defines it, and an unvoiced cue after a
    voiced one names nobody; without it voices carry on like prefixes (files that voice only
    the first cue of each speaker)."""
    out: list[Turn] = []
    run: list[str] = []
    speaker, current, first, last_end, at = "", "", 0.0, 0.0, 0
    voiced = False
    for line, start, end, lines in cues:
        if voiced and voice_per_cue:
            speaker, voiced = "", False
        only = lines[0] if len(lines) == 1 else None
        if only is not None and "<" not in only and ":" not in only and "&" not in only:
            pieces = [(speaker, " ".join(only.split()))]  # the common cases, without regexes
        elif only is not None and only.startswith("<v ") and only.count("<") - only.count("</v>") == 1 and "&" not in only:
            close = only.find(">")
            speaker, voiced = only[3:close].strip(), True
            pieces = [(speaker, " ".join(only[close + 1:].replace("</v>", "").split()))]
        else:
            pieces, speaker, voiced = speeches(lines, speaker)
        for who, said in pieces:
            if not said:
                continue
            if run and who and who == current:
                run.append(said)
                last_end = end
                continue
            if run:
                out.append(Turn(current, " ".join(run), first, last_end, at))
            current, run, first, last_end, at = who, [said], start, end, line
    if run:
        out.append(Turn(current, " ".join(run), first, last_end, at))
    return tuple(out)
