"""Speakers for a transcript from the RTTM file of its stem beside it (``talk.vtt`` + ``talk.rttm``).

Only turns that name nobody take RTTM speakers: a transcript's own labels stay. Each such turn
is matched by time (untimed turns cannot be, and keep naming nobody):

- **Words with times** (WhisperX, AWS, AssemblyAI, Podcasting 2.0 word segments): each word goes
  to the speaker whose RTTM turn covers its midpoint (halfway to the next word's start, or to the
  turn's end), so a cue spanning a change of speaker is split where the speaker changes.
- **A cue or turn without word times** goes to the speaker who covers most of it (from its start
  to its end, else to the next turn's start); a turn with no length, by its start.
- **Overlapping speech** (two RTTM turns at once): a word stays with the speaker of the word
  before it when that speaker is still talking (a listener's "mm-hmm" does not cut a sentence in
  two), otherwise it goes to the longer RTTM turn. For a whole cue, the speaker with most of it.
- A word or cue that falls between RTTM turns goes to the nearest one within :data:`NEAR`
  seconds. Further away, a cue names nobody, and a word goes with the word before it in its
  turn (the first named word, at the turn's start). Consecutive turns of one speaker then
  merge, as the readers merge labelled cues.

The RTTM must describe this recording: lines whose file id is neither the transcript's stem (with
or without the date it starts with), nor the RTTM's, nor its audio file's stem (``<NA>`` matches
any) are left out, and so are turns that start after the transcript ends (its ``duration:``, else
its last time) by more than :data:`NEAR`; each is a warning ``path:line: message`` on the RTTM,
and with none left the transcript builds without it. Bad lines are the reader's
(generator/readers/rttm.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from . import filenames
from .collector import Collector
from .decoding import decode
from .model import Turn
from .readers import EXTENSIONS
from .readers import rttm as rttm_reader
from .readers.common import merge_turns
from .timecodes import format_time

NEAR = 1.0  # seconds: how far a word may fall from an RTTM turn and still be given to it
BUCKET = 10.0  # seconds per bucket of the turn index
_WORD = re.compile(r"\S+")


def companion(path: Path) -> Path | None:
    """The RTTM beside a transcript, of its stem (``talk.rttm`` for ``talk.vtt``), if there is one."""
    if path.suffix.lower() == ".rttm":
        return None
    for suffix in (".rttm", ".RTTM"):
        found = path.with_suffix(suffix)
        if found.is_file():
            return found
    return None


def paired(path: Path, names: set[str]) -> bool:
    """Whether ``path`` is an RTTM with a transcript of its stem beside it (``names``: the folder's
    file names): it then gives that transcript speakers and is no episode of its own."""
    if path.suffix.lower() != ".rttm":
        return False
    return any(f"{path.stem}{ext}" in names or f"{path.stem}{ext.upper()}" in names
               for ext, kind in EXTENSIONS.items() if kind != "rttm")


def apply(path: Path, found: Path, turns: tuple[Turn, ...], meta: dict[str, Any], out: Collector) -> tuple[Turn, ...]:
    """``turns`` (of ``path``) with speakers from ``found``, the RTTM beside it (:func:`companion`);
    what is wrong with it is reported on the RTTM's lines, and what cannot be used leaves the turns
    as they are."""
    try:
        text = decode(found.read_bytes())
    except (OSError, UnicodeError, ValueError) as exc:
        out.add(found, 1, f"not used: could not read it ({exc})", severity="warning")
        return turns
    segments, notices = rttm_reader.parse(text)
    for notice in notices:
        out.add(found, notice.line, notice.message, severity="warning")
    segments = _this_recording(segments, path, found, meta, out)
    segments = _within(segments, turns, meta.get("duration"), path, found, out)
    if not segments:
        return turns
    open_turns = sum(1 for t in turns if not t.speaker)
    if not open_turns:
        out.add(found, 1, f"not used: {path.name} names its own speakers (a transcript's labels are kept; "
                "only turns that name nobody take RTTM speakers)", severity="info")
        return turns
    if not any(t.start is not None for t in turns if not t.speaker):
        out.add(found, 1, f"not used: {path.name} has no times to match its turns with", severity="warning")
        return turns
    if open_turns < len(turns):
        out.add(found, 1, f"gives speakers to the {open_turns} turns of {path.name} that name nobody; its "
                f"{len(turns) - open_turns} labelled turns keep their labels", severity="info")
    return merge_turns(assign(turns, segments))


def _this_recording(segments: list[rttm_reader.Segment], path: Path, found: Path, meta: dict[str, Any],
                    out: Collector) -> list[rttm_reader.Segment]:
    """The turns whose file id is this recording's (see the module's doc)."""
    audio = str(meta.get("audio") or "")
    names = {path.stem, found.stem, PurePosixPath(audio.split("?")[0]).stem if audio else path.stem,
             filenames.DATE.sub("", path.stem, count=1).strip("-_. ") or path.stem}  # 2024-05-01-talk: talk
    accepted = {n.casefold() for n in names} | {"<na>"}
    kept = [s for s in segments if s.file.casefold() in accepted]
    if len(kept) == len(segments):
        return kept
    other = next(s for s in segments if s.file.casefold() not in accepted)
    if not kept:
        out.add(found, other.line, f"not used: its file id {other.file!r} is not this transcript's "
                f"({path.stem!r}; the RTTM's file id must be the transcript's name, without its date or with it, "
                "or its audio file's)",
                severity="warning")
    else:
        count = len(segments) - len(kept)
        out.add(found, other.line, f"{count} turn{'s' if count > 1 else ''} of another recording ({other.file!r}) "
                f"left out: this transcript is {path.stem!r}", severity="warning")
    return kept


def _within(segments: list[rttm_reader.Segment], turns: Sequence[Turn], duration: float | None,
            path: Path, found: Path, out: Collector) -> list[rttm_reader.Segment]:
    """The turns that start before the transcript ends (see the module's doc)."""
    times = [t for turn in turns for t in (turn.start, turn.end) if t is not None]
    end = duration or max(times, default=None)
    if end is None or not segments:
        return segments
    kept = [s for s in segments if s.start <= end + NEAR]
    if len(kept) < len(segments):
        late = min((s for s in segments if s.start > end + NEAR), key=lambda s: s.line)
        late_count = len(segments) - len(kept)
        what = "all its turns start" if not kept else f"{late_count} turn{'s start' if late_count > 1 else ' starts'}"
        out.add(found, late.line, f"{what} after {path.name} ends (at {format_time(end)}): left out",
                severity="warning")
    return kept


class Index:
    """RTTM turns by time, for the turns covering a moment (bucketed: a meeting has thousands)."""

    def __init__(self, segments: Sequence[rttm_reader.Segment]) -> None:
        self.buckets: dict[int, list[rttm_reader.Segment]] = defaultdict(list)
        for segment in sorted(segments, key=lambda s: (s.start, s.end)):
            for bucket in range(int(segment.start // BUCKET), int(segment.end // BUCKET) + 1):
                self.buckets[bucket].append(segment)

    def near(self, t: float, margin: float = 0.0) -> Iterator[rttm_reader.Segment]:
        seen: set[int] = set()
        for bucket in range(int((t - margin) // BUCKET), int((t + margin) // BUCKET) + 1):
            for segment in self.buckets.get(bucket, ()):
                if id(segment) not in seen and segment.start - margin <= t < segment.end + margin:
                    seen.add(id(segment))
                    yield segment

    def at(self, t: float, before: str | None = None) -> str | None:
        """Who speaks at ``t``: with several, ``before`` if among them, else the longest turn; with
        none, the nearest turn within :data:`NEAR`."""
        covering = list(self.near(t))
        if covering:
            if before is not None and any(s.name == before for s in covering):
                return before
            return max(covering, key=lambda s: (s.end - s.start, -s.start)).name
        close = list(self.near(t, NEAR))
        if not close:
            return None
        return min(close, key=lambda s: (max(s.start - t, t - s.end), s.start)).name

    def most(self, start: float, end: float) -> str | None:
        """Who covers most of ``start``..``end`` (the first to start, of equals)."""
        amount: dict[str, float] = {}
        for segment in sorted(self.near((start + end) / 2, (end - start) / 2), key=lambda s: s.start):
            share = min(end, segment.end) - max(start, segment.start)
            if share > 0:
                amount[segment.name] = amount.get(segment.name, 0.0) + share
        if not amount:
            return self.at((start + end) / 2)
        return max(amount.items(), key=lambda item: item[1])[0]


def assign(turns: Sequence[Turn], segments: Sequence[rttm_reader.Segment]) -> list[Turn]:
    """Every turn that names nobody given its RTTM speaker(s), split where words change speaker."""
    index = Index(segments)
    result: list[Turn] = []
    last: str | None = None
    for i, turn in enumerate(turns):
        if turn.speaker or turn.start is None:
            result.append(turn)
            last = turn.speaker or last
            continue
        if turn.word_times:
            pieces = _by_word(turn, index, last)
        else:
            end = turn.end if turn.end is not None else next((t.start for t in turns[i + 1:] if t.start is not None), None)
            who = index.most(turn.start, end) if end is not None and end > turn.start else index.at(turn.start, last)
            pieces = [Turn(who or "", turn.text, turn.start, turn.end, turn.line, (), turn.word_confidence)]
        result.extend(pieces)
        last = pieces[-1].speaker or last
    return result


def _by_word(turn: Turn, index: Index, before: str | None) -> list[Turn]:
    """A turn with word times, cut into runs of one speaker (a word between RTTM turns goes with
    the word before it, or the first named word when it opens the turn)."""
    times = turn.word_times
    ends = [*times[1:], turn.end if turn.end is not None and turn.end > times[-1] else times[-1]]
    who: list[str | None] = []
    for start, end in zip(times, ends, strict=True):
        name = index.at((start + end) / 2, before)
        who.append(name)
        before = name or before
    first = next((name for name in who if name), None)
    filled: list[str] = []
    for name in who:
        filled.append(name or (filled[-1] if filled else first) or "")
    spans = list(_WORD.finditer(turn.text))
    pieces: list[Turn] = []
    a = 0
    for b in range(1, len(filled) + 1):
        if b == len(filled) or filled[b] != filled[a]:
            stop = times[b] if b < len(times) else turn.end
            text = turn.text[spans[a].start():spans[b - 1].end()]
            pieces.append(Turn(filled[a], text, times[a], stop, turn.line, times[a:b], turn.word_confidence[a:b]))
            a = b
    return pieces
