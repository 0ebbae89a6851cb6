"""Podcasting 2.0 JSON transcripts (podcast namespace ``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker": ..., "startTime": ..., "endTime": ..., "body": ...}]}``.
Many publishers (and the spec's own example) write one *word* per segment; consecutive segments
of one speaker are merged into a turn that keeps the first start time.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import ReadError, Transcript, Turn
from .common import check_order, merge_turns


def read(text: str, path: str) -> Transcript:
    data = load_json(text)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise ReadError(1, f"expected a JSON object with a 'segments' list, found {shape(data)}")
    turns = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict) or not isinstance(seg.get("body"), str):
            raise ReadError(1, f"segment {i}: expected an object with 'body' text, found {shape(seg)}")
        start, end = _seconds(seg.get("startTime"), i), _seconds(seg.get("endTime"), i)
        turns.append(Turn(str(seg.get("speaker") or "").strip(), seg["body"].strip(), start, end, 1))
    merged = _join_words(turns)
    check_order(merged)
    meta = {k: v for k, v in data.items() if k not in ("segments", "version")}
    return Transcript(merged, meta)


def _join_words(turns: list[Turn]) -> tuple[Turn, ...]:
    """Merge per-word segments; unattributed files still merge when their segments are words."""
    words = sum(1 for t in turns if " " not in t.text)
    if turns and words / len(turns) > 0.8:
        turns = [Turn(t.speaker or "\0", t.text, t.start, t.end, t.line) for t in turns]
        return tuple(Turn(t.speaker.strip("\0"), t.text, t.start, t.end, t.line) for t in merge_turns(turns))
    return merge_turns(turns)


def _seconds(value: Any, index: int) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ReadError(1, f"segment {index}: expected a number of seconds, found {value!r}") from None


def load_json(text: str) -> Any:
    """Parse JSON, turning a syntax error into a :class:`ReadError` with its line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None


def shape(value: Any) -> str:
    if isinstance(value, dict):
        return "an object with keys " + ", ".join(sorted(map(str, value))[:6]) if value else "an empty object"
    return {list: "a list", str: "a string", type(None): "null"}.get(type(value), type(value).__name__)
