"""Podcasting 2.0 JSON transcripts (podcast namespace ``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker": ..., "startTime": ..., "endTime": ..., "body": ...}]}``.
Many publishers (and the spec's own example) write one *word* per segment; consecutive segments
of one speaker are merged into a turn that keeps the first start time.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..model import ReadError, Transcript, Turn
from ..timecodes import HOURS, in_range
from .common import in_order, merge_turns

#: How deeply JSON may nest: transcripts need 6 levels (AWS items); deeper is refused before any
#: code recurses into it.
MAX_DEPTH = 64


def read(text: str, path: str) -> Transcript:
    data = load_json(text)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise ReadError(1, f"expected a JSON object with a 'segments' list, found {shape(data)}")
    turns = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict) or not isinstance(seg.get("body"), str):
            raise ReadError(1, f"segment {i}: expected an object with 'body' text, found {shape(seg)}")
        start, end = json_seconds(seg.get("startTime"), i), json_seconds(seg.get("endTime"), i)
        turns.append(Turn(str(seg.get("speaker") or "").strip(), seg["body"].strip(), start, end, 1))
    merged = _join_words(turns)
    ordered, notices = in_order(merged)
    meta = {k: v for k, v in data.items() if k not in ("segments", "version")}
    return Transcript(ordered, meta, notices=notices)


def _join_words(turns: list[Turn]) -> tuple[Turn, ...]:
    """Merge per-word segments; unattributed files still merge when their segments are words."""
    words = sum(1 for t in turns if " " not in t.text)
    if turns and words / len(turns) > 0.8:
        turns = [Turn(t.speaker or "\0", t.text, t.start, t.end, t.line) for t in turns]
        return tuple(Turn(t.speaker.strip("\0"), t.text, t.start, t.end, t.line) for t in merge_turns(turns))
    return merge_turns(turns)


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


def load_json(text: str) -> Any:
    """Parse JSON, turning a syntax error into a :class:`ReadError` with its line. NaN, Infinity,
    numbers too long to convert and nesting deeper than :data:`MAX_DEPTH` are errors too."""
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
