"""Spacelog transcript streams (spacelog.org): the files of a mission folder such as ``a8/TEC``.

A stream file has no extension and sits beside the mission's ``_meta`` (JSON: the mission, its
characters, its launch time)::

    # a comment
    [-00:00:01:30]                  mission elapsed time [DD:HH:MM:SS], negative before launch
    _page : 3                       metadata lines (_page, _tape, _labels, _images...): not speech
    CDR: The clock is running.      a log line: LABEL: text
         Roll program.              an indented line continues the line before it (a checklist
                                    item such as ``HEATERS`` or ``NOUN 61`` is text, not a speaker)
    CMP: Clear the tower.           several log lines may share one time

Each log line is a turn at its time, in seconds of mission elapsed time: a countdown before
launch is negative and kept so (the episode's date is the launch's, from ``_meta``). It ends at
the next line's time, or sooner once its words are said (:func:`_ended`): talk time is not the
hours of silence between two calls. Links
``[glossary:SEP]``, ``[glossary:ΔV|DELTA-V]`` and ``[time:00:00:11:28|11 plus 28]`` keep their
text (``SEP``, ``DELTA-V``, ``11 plus 28``); HTML tags are dropped (``O<sub>2</sub>`` is ``O2``),
``<br>`` breaks the line. A line that is none of these is kept as text of the turn before it,
with a warning. The labels (``CDR``) are named by ``_meta`` (generator/rosters.py).

A file is read as Spacelog when it has no extension and a ``_meta`` file is beside it (every
Spacelog mission folder has one; the stream files have no extension), or when its metadata says
``format: spacelog``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .. import rosters
from ..model import Notice, ReadError, Transcript, Turn
from .common import in_order

META = "_meta"
PAUSE = 5.0  # seconds a log line may last beyond its words' (two a second)
_TIME = re.compile(r"\[(-?)(\d{1,2}):(\d{1,2}):(\d{1,2}):(\d{1,2})\]")
_META_LINE = re.compile(r"_\w+\s*:")
_LOG = re.compile(r"(?P<label>[^\s:_#\[][^:]{0,40}?)\s*:(?:\s+(?P<text>.*)|$)")
_LINK = re.compile(r"\[[a-z]+:([^\]|]*)(?:\|([^\]]*))?\]")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_COMMENT = re.compile(r"\s#\s.*$")


def is_stream(path: Path) -> bool:
    """Whether ``path`` is a Spacelog stream with speech: no extension, a ``_meta`` beside it, and
    not the stream ``_meta`` names as its ``media_transcript`` (photographs, no speech)."""
    meta = path.parent / META
    if path.suffix or path.name.startswith(("_", ".")) or not meta.is_file():
        return False
    try:
        return path.name not in rosters.read_meta(meta).media
    except ReadError:
        return True  # its roster is left out, with a warning (episodes.py); the stream is read


def read(text: str, path: str) -> Transcript:
    turns: list[Turn] = []
    notices: list[Notice] = []
    start: float | None = None
    current: list[str] | None = None  # the lines of the turn being read; None inside metadata
    label, first = "", 0

    def close() -> None:
        if current is not None and label:
            turns.append(Turn(label, clean(" ".join(current)), start, None, first))

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if raw[:1].isspace():  # continues a log line, or a metadata line's JSON
            if current is not None:
                current.append(_COMMENT.sub("", stripped))
            continue
        close()
        current, label = None, ""
        time = _TIME.fullmatch(stripped)
        if time:
            start = _seconds(time)
        elif _META_LINE.match(stripped):
            continue
        elif log := _LOG.fullmatch(stripped):
            label, first, current = log["label"].strip(), number, [_COMMENT.sub("", log["text"] or "")]
        elif turns:
            notices.append(Notice(number, f"expected '[00:00:01:23]', '_page: 3' or 'LABEL: text', found "
                                          f"{stripped[:40]!r}: kept as text of the line before"))
            last = turns.pop()
            label, first, current, start = last.speaker, last.line, [last.text, stripped], last.start
        else:
            raise ReadError(number, f"expected a Spacelog line such as '[00:00:01:23]' or 'CDR: Roger.', "
                                    f"found {stripped[:40]!r}")
    close()
    if not turns:
        raise ReadError(1, "expected log lines such as 'CDR: Roger.' after a '[00:00:01:23]' time, found none")
    ordered, backwards = in_order(turns)
    return Transcript(_ended(ordered), {}, notices=tuple(notices) + backwards)


def _ended(turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
    """Turns with an end: the next line's time, but no later than their words take (two a second,
    and :data:`PAUSE`). A log line is one radio call, and hours of silence (loss of signal, a rest
    period) before the next are nobody's talk time."""
    result = []
    following: float | None = None
    for turn in reversed(turns):
        if turn.start is None:
            result.append(turn)
            continue
        end = turn.start + PAUSE + len(turn.text.split()) / 2
        result.append(Turn(turn.speaker, turn.text, turn.start, end if following is None else min(end, following),
                           turn.line))
        following = turn.start
    return tuple(reversed(result))


def _seconds(m: re.Match[str]) -> float:
    sign, days, hours, minutes, seconds = m.groups()
    total = float(int(days) * 86400 + int(hours) * 3600 + int(minutes) * 60 + int(seconds))
    return -total if sign else total


def clean(text: str) -> str:
    """A log line's text as a reader sees it: links as their text, tags dropped, entities decoded."""
    text = _LINK.sub(lambda m: m[2] if m[2] is not None else m[1], text)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", _BREAK.sub("\n", text))
    return html.unescape(_TAG.sub("", text)).strip()
