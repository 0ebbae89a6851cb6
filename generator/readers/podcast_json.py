"""Podcasting 2.0 JSON transcripts (podcast namespace ``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker": ..., "startTime": ..., "endTime": ..., "body": ...}]}``.
Many publishers (and the spec's own example) write one *word* per segment; consecutive segments
of one speaker are merged into a turn that keeps the first start time, and each word's start
(``Turn.word_times``) when every segment of the turn is one word.
"""

from __future__ import annotations

import dataclasses

from ..model import ReadError, Transcript, Turn
from .common import in_order, json_seconds, load_json, merge_turns, shape


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
        body = seg["body"].strip()
        # A one-word segment times its word; a longer one times only its first, so it has no word times.
        times = (start,) if start is not None and len(body.split()) == 1 else ()
        turns.append(Turn(str(seg.get("speaker") or "").strip(), body, start, end, 1, times))
    merged = _join_words(turns)
    ordered, notices = in_order(merged)
    meta = {k: v for k, v in data.items() if k not in ("segments", "version")}
    return Transcript(ordered, meta, notices=notices)


def _join_words(turns: list[Turn]) -> tuple[Turn, ...]:
    """Merge per-word segments; unattributed files still merge when their segments are words."""
    words = sum(1 for t in turns if " " not in t.text)
    if turns and words / len(turns) > 0.8:
        turns = [dataclasses.replace(t, speaker=t.speaker or "\0") for t in turns]
        return tuple(dataclasses.replace(t, speaker=t.speaker.strip("\0")) for t in merge_turns(turns))
    return merge_turns(turns)
