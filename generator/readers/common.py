"""Helpers every reader shares: front matter, merging cues into turns, times that go backwards,
and reading JSON (safely: no NaN, no endless nesting) and the times JSON transcripts hold.

Times as text are read and written by :mod:`generator.timecodes`."""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .. import yamlio
from ..model import Notice, ReadError, Turn
from ..timecodes import HOURS, format_time, in_range

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter off ``text``: ``(meta, body, body's first line number)``.

    Malformed YAML is an error with the line YAML reports, never silently ignored; the
    mapping remembers the line of each key (:class:`~generator.yamlio.LineDict`).
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text, 1
    meta = yamlio.loads(m.group(1) or "", first_line=2)
    meta = {} if meta is None else meta  # empty front matter; but `[]` or `0` is not a mapping
    if not isinstance(meta, dict):
        raise ReadError(2, f"front matter must be a mapping of keys to values, found {type(meta).__name__}")
    return meta, text[m.end():], text.count("\n", 0, m.end()) + 1


def merge_turns(turns: Iterable[Turn]) -> tuple[Turn, ...]:
    """Join consecutive turns of one speaker into one turn that keeps the first start time.

    Only turns with a *named* speaker merge: unattributed paragraphs stay paragraphs. Linear:
    a run's texts are joined once (caption files hold thousands of cues per turn).
    """
    merged: list[Turn] = []
    run: list[Turn] = []

    def close() -> None:
        if run:
            first, last = run[0], run[-1]
            end = next((t.end for t in reversed(run) if t.end is not None), None)
            text = first.text if len(run) == 1 else " ".join(t.text for t in run)
            # Word times join when every part has them (the text joins with spaces, so they stay aligned).
            times = tuple(x for t in run for x in t.word_times) if all(t.word_times for t in run) else ()
            merged.append(first if last is first else
                          Turn(first.speaker, text, first.start, end, first.line, times, joined_confidence(run)))

    for turn in turns:
        if not turn.text.strip():
            continue
        if not (run and turn.speaker and run[0].speaker == turn.speaker):
            close()
            run = []
        run.append(turn)
    close()
    return tuple(merged)


def word_times(text: str, words: Sequence[tuple[str, float | None, float | None]],
               fallback: float | None) -> tuple[float, ...]:
    """The start of each of ``text.split()``'s words, from a recogniser's timed ``words``
    (``(word, start, end)``, as the file wrote them), for :attr:`Turn.word_times`.

    The two are matched by their letters, spaces left out, so they may cut the text differently
    (``"Hello,"`` against ``"Hello" ","``; a word the recogniser split in two): a word of the text
    starts when the recogniser's word holding its first letter starts. When they do not spell the
    same text, nothing is returned: a turn without word times is better than one whose marks land
    on the wrong words. A word with no start (WhisperX leaves numbers like "1990" unaligned) starts
    where the word before it ended, else at ``fallback`` (the segment's start).
    """
    starts: list[float] = []
    latest = fallback
    for _, start, end in words:
        at = start if start is not None else latest
        if at is None:
            return ()
        starts.append(at)
        latest = end if end is not None else at
    tokens = text.split()
    spelled = ["".join(w.split()) for w, _, _ in words]
    if spelled == tokens:  # the usual case: the same words
        return tuple(starts)
    pieces = _pieces(tokens, spelled)
    return tuple(starts[first] for first, _ in pieces) if pieces is not None else ()


def _pieces(tokens: list[str], spelled: list[str]) -> list[tuple[int, int]] | None:
    """For each token of the text, the first and the last of the recogniser's words (``spelled``)
    holding its letters; ``None`` when the two do not spell the same text."""
    if "".join(spelled) != "".join(tokens):
        return None
    ends = list(itertools.accumulate(len(w) for w in spelled))
    pieces, at = [], 0
    for token in tokens:
        pieces.append((bisect.bisect_right(ends, at), bisect.bisect_right(ends, at + len(token) - 1)))
        at += len(token)
    return pieces


#: Every score to the thousandth, made once: a word's score is one of these shared floats, so it
#: costs a turn 8 bytes (a pointer), not a float of its own (32 bytes with it). A thousandth is
#: finer than any display of a score needs.
_THOUSANDTHS = tuple(i / 1000 for i in range(1001))


def confidence(value: Any) -> float | None:
    """A word's confidence from a JSON number or numeric string (AWS writes ``"0.998"``), to the
    thousandth; ``None`` when it is missing, not a number, NaN or outside 0..1: a bad score loses
    that word's score, never the file (issue 18)."""
    if type(value) is float or type(value) is int:
        number = float(value)
    elif type(value) is str and len(value) < 40:
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return _THOUSANDTHS[int(number * 1000 + 0.5)] if 0.0 <= number <= 1.0 else None  # NaN fails both comparisons


def word_confidence(text: str, scored: Sequence[tuple[str, Any]]) -> tuple[float | None, ...]:
    """The confidence of each of ``text.split()``'s words, from a recogniser's scored words
    (``(word, score)``, the score as the file wrote it, read by :func:`confidence`), for
    :attr:`Turn.word_confidence`.

    Matched to the text as :func:`word_times` matches times. A word of the text made of several of
    the recogniser's (``"Hello,"`` from ``"Hello" ","``) takes the lowest score of those that hold a
    letter or digit (AWS scores punctuation 0.0); empty when no word has a score, or when the two
    do not spell the same text."""
    # A float from 0 to 1 takes a short way past the checks (a Whisper file scores every word).
    found = [_THOUSANDTHS[int(s * 1000 + 0.5)] if type(s) is float and 0.0 <= s <= 1.0 else confidence(s)
             for _, s in scored]
    if all(score is None for score in found):
        return ()
    tokens = text.split()
    if [w.strip() for w, _ in scored] == tokens:  # the usual case: the same words
        return tuple(found)
    words = list(zip((w for w, _ in scored), found, strict=True))
    spelled = ["".join(w.split()) for w, _ in words]
    pieces = _pieces(tokens, spelled)
    if pieces is None:
        return ()
    scores: list[float | None] = []
    for first, last in pieces:
        said = [score for i in range(first, last + 1) if (score := words[i][1]) is not None and _said(spelled[i])]
        scores.append(min(said) if said else None)
    return tuple(scores)


def _said(word: str) -> bool:
    return any(c.isalnum() for c in word)


def joined_confidence(parts: Sequence[Turn]) -> tuple[float | None, ...]:
    """The :attr:`Turn.word_confidence` of ``parts`` joined into one turn (their texts joined with
    spaces): a part without scores gives its words ``None``; empty when no part has scores."""
    if not any(t.word_confidence for t in parts):
        return ()
    return tuple(x for t in parts for x in (t.word_confidence or (None,) * len(t.text.split())))


def loose_seconds(value: Any, scale: float = 1.0) -> float | None:
    """A word's time as :func:`rounded_seconds` reads it, ``None`` when it is missing or not a
    time: a bad word time loses that word's mark, never the file. A JSON number takes a short
    way (a file has a word time for every word: 180,000 in the benchmark's 3 hours)."""
    if type(value) is float or type(value) is int:
        number = value * scale
        return round(number, 3) if in_range(number) else None
    try:
        return rounded_seconds(value, 0, scale)
    except ReadError:
        return None


def in_order(turns: Iterable[Turn]) -> tuple[tuple[Turn, ...], tuple[Notice, ...]]:
    """Turns whose start goes backwards lose their times; each backwards jump is a warning.

    A timestamp more than a second before the latest one so far is a mistake in the file (a
    mistyped or spliced cue), not a reason to drop an hour of speech. The turn keeps its place,
    speaker and text, and its start and end become unknown (as an untimed turn in the native
    format), so the episode's times stay in order for the player, the who-spoke-when strip and
    the talk-time figures. Turns after it that are still behind lose their times too; one
    warning names the first one's line and how many followed it.
    """
    kept: list[Turn] = []
    notices: list[Notice] = []
    last: float | None = None
    jump: tuple[int, float, float] | None = None  # where a backwards run began, its start, the latest before
    for turn in turns:
        if turn.start is not None and last is not None and turn.start + 1.0 < last:
            jump = jump or (len(kept), turn.start, last)
            kept.append(Turn(turn.speaker, turn.text, None, None, turn.line, (), turn.word_confidence))
            continue
        if turn.start is not None:
            if jump:
                notices.append(_backwards(kept, *jump))
                jump = None
            last = turn.start
        kept.append(turn)
    if jump:
        notices.append(_backwards(kept, *jump))
    return tuple(kept), tuple(notices)


def _backwards(kept: list[Turn], index: int, start: float, latest: float) -> Notice:
    after = len(kept) - index - 1
    what = (f"this turn and the {after} after it keep their text but lose their times" if after
            else "this turn keeps its text but loses its time")
    return Notice(kept[index].line, f"timestamps go backwards: {format_time(start)} comes after "
                  f"{format_time(latest)}; {what}")


#: How deeply JSON may nest: transcripts need 6 levels (AWS items); deeper is refused before any
#: code recurses into it.
MAX_DEPTH = 64


def json_seconds(value: Any, index: int, scale: float = 1.0) -> float | None:
    """A time in seconds from a JSON number or numeric string (``scale`` 0.001 for milliseconds),
    ``None`` for null; anything else, or a time outside ``timecodes.MAX_SECONDS``, is an error
    naming the segment ``index``."""
    if value is None:
        return None
    try:
        number = float(value) * scale
    except OverflowError:  # an integer of hundreds of digits
        number = math.inf
    except (TypeError, ValueError):
        raise ReadError(1, f"segment {index}: expected a time in seconds, found {found(value)}") from None
    if in_range(number):
        return number
    raise ReadError(1, f"segment {index}: expected a time from 0 to {HOURS} hours, found {found(value)}")


def found(value: Any) -> str:
    """``repr(value)`` cut to a length that fits in a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


#: A word's score written as NaN or Infinity (Python's json module writes a NaN probability so):
#: read as null, so the word has no score and the file is read (issue 18: per word, never the file).
#: The key's quotes cannot be escaped ones: inside a JSON string a quote is written ``\"``.
_SCORE_NOT_FINITE = re.compile(r'(?<!\\)("(?:probability|score|confidence)"\s*:\s*)(?:NaN|-?Infinity)(?=\s*[,}])')


def load_json(text: str) -> Any:
    """Parse JSON, turning a syntax error into a :class:`ReadError` with its line. NaN, Infinity,
    numbers too long to convert and nesting deeper than :data:`MAX_DEPTH` are errors too, but for
    a word's score (:data:`_SCORE_NOT_FINITE`), read as null."""
    try:
        return _load_json(text)
    except ReadError:
        lenient = _SCORE_NOT_FINITE.sub(r"\1null", text)
        if lenient == text:
            raise
    return _load_json(lenient)  # the lines are the same: each score is replaced on its own line


def _load_json(text: str) -> Any:
    try:
        data = json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except _NotFinite as exc:
        m = re.search(rf"[:,\[]\s*{exc.name}", text)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
        raise ReadError(line, f"expected a finite number, found {exc.name}") from None
    except RecursionError:
        raise ReadError(1, f"expected JSON nested at most {MAX_DEPTH} levels deep, found deeper nesting") from None
    except ValueError:  # an integer of more than 4,300 digits, which int() refuses
        m = re.search(r"\d{4300}", text)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
        raise ReadError(line, "expected a number, found one of more than 4,300 digits") from None
    _check_depth(data)
    return data


class _NotFinite(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _constant(name: str) -> float:
    raise _NotFinite(name)  # JSON has no NaN or Infinity; Python's json module accepts them


def _check_depth(data: Any) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, walking level by level (no recursion)."""
    level = [data] if type(data) is dict or type(data) is list else []
    for _ in range(MAX_DEPTH):
        level = [x for v in level for x in (v.values() if type(v) is dict else v) if type(x) is dict or type(x) is list]
        if not level:
            return
    raise ReadError(1, f"expected JSON nested at most {MAX_DEPTH} levels deep, found deeper nesting")


def shape(value: Any) -> str:
    if isinstance(value, dict):
        return "an object with keys " + ", ".join(sorted(map(str, value))[:6]) if value else "an empty object"
    return {list: "a list", str: "a string", type(None): "null"}.get(type(value), type(value).__name__)


def rounded_seconds(value: Any, index: int, scale: float = 1.0) -> float | None:
    """:func:`json_seconds` to the millisecond (speech-recognition JSON writes times as floats)."""
    number = json_seconds(value, index, scale)
    return None if number is None else round(number, 3)
