"""JSON from speech-recognition services: AssemblyAI and AWS Transcribe.

- AssemblyAI: ``{"utterances": [{"speaker": "A", "start": 250, "end": 4900, "text": ...}]}``, times
  in milliseconds; without diarization only ``words`` (same shape) or ``text``.
- AWS Transcribe: ``{"results": {"audio_segments": [...]} }`` when present (each with ``transcript``,
  ``start_time``, ``end_time``, ``speaker_label``), else the word ``items`` (``start_time`` as
  strings, punctuation as separate items) grouped by ``speaker_label`` (on the item, or from
  ``results.speaker_labels.segments``).

Anonymous labels (``A``, ``spk_0``) stay as they are; an episode's ``speakers:`` map names them.
"""

from __future__ import annotations

from typing import Any

from ..model import ReadError, Transcript, Turn
from .common import in_order, load_json, merge_turns, rounded_seconds, shape


def read_assemblyai(text: str, path: str) -> Transcript:
    data = load_json(text)
    items = data.get("utterances") or data.get("words") if isinstance(data, dict) else None
    if not isinstance(items, list):
        found = shape(data.get("utterances")) if isinstance(data, dict) and "utterances" in data else shape(data)
        raise ReadError(1, f"expected AssemblyAI JSON: an object with an 'utterances' list, found {found}")
    turns = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ReadError(1, f"utterance {i}: expected an object with 'speaker', 'start', 'end' and 'text', "
                            f"found {shape(item)}")
        speaker = str(item.get("speaker") or "").strip()
        turns.append(Turn(speaker, " ".join(item["text"].split()), rounded_seconds(item.get("start"), i, 0.001),
                          rounded_seconds(item.get("end"), i, 0.001), 1))
    return _transcript(turns)


def read_aws(text: str, path: str) -> Transcript:
    data = load_json(text)
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict):
        raise ReadError(1, f"expected AWS Transcribe JSON: an object with 'results', found {shape(data)}")
    segments = results.get("audio_segments")
    if isinstance(segments, list) and segments:
        turns = [Turn(str(s.get("speaker_label") or ""), " ".join(str(s.get("transcript") or "").split()),
                      rounded_seconds(s.get("start_time"), i), rounded_seconds(s.get("end_time"), i), 1)
                 for i, s in enumerate(segments) if isinstance(s, dict)]
        return _transcript(turns)
    items = results.get("items")
    if not isinstance(items, list):
        raise ReadError(1, f"expected AWS Transcribe 'results' with 'items' or 'audio_segments', found {shape(results)}")
    return _transcript(_words(items, _labels(results)))


def _labels(results: dict[str, Any]) -> dict[str, str]:
    """Word start time -> speaker label, from ``speaker_labels.segments[].items``."""
    labels: dict[str, str] = {}
    for seg in _objects(results, "speaker_labels", "segments"):
        for item in _objects(seg, "items"):
            labels[str(item.get("start_time"))] = str(item.get("speaker_label") or seg.get("speaker_label") or "")
    return labels


def _objects(value: Any, *keys: str) -> list[dict[str, Any]]:
    """The list of objects at ``value[keys[0]][keys[1]]...``; an error names the path when the file
    holds something else there (missing or null is an empty list)."""
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ReadError(1, f"expected '{'.'.join(keys)}' to be a list of objects, found {shape(value)}")
    return value


def _words(items: list[Any], labels: dict[str, str]) -> list[Turn]:
    turns: list[Turn] = []
    speaker = ""
    for i, item in enumerate(items):
        word = _word(item, i)
        if item.get("type") == "punctuation":
            if turns:
                last = turns[-1]
                turns[-1] = Turn(last.speaker, last.text + word, last.start, last.end, 1)
            continue
        speaker = str(item.get("speaker_label") or labels.get(str(item.get("start_time")), speaker))
        start, end = rounded_seconds(item.get("start_time"), i), rounded_seconds(item.get("end_time"), i)
        if turns and turns[-1].speaker == speaker:
            last = turns[-1]
            turns[-1] = Turn(speaker, f"{last.text} {word}", last.start, end, 1)
        else:
            turns.append(Turn(speaker, word, start, end, 1))
    return turns


def _word(item: Any, index: int) -> str:
    """The first alternative's ``content`` of a word item."""
    if not isinstance(item, dict):
        raise ReadError(1, f"item {index}: expected an object with 'alternatives', found {shape(item)}")
    alternatives = item.get("alternatives")
    if not (isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict)):
        raise ReadError(1, f"item {index}: expected 'alternatives' to be a list of objects such as "
                        f"[{{\"content\": \"word\"}}], found {shape(alternatives)}")
    return str(alternatives[0].get("content") or "")


def _transcript(turns: list[Turn]) -> Transcript:
    merged = merge_turns(turns)
    if not merged:
        raise ReadError(1, "expected speech with text, found none")
    ordered, notices = in_order(merged)
    return Transcript(ordered, notices=notices)
