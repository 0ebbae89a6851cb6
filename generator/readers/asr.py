"""JSON from speech-recognition services: AssemblyAI and AWS Transcribe.

- AssemblyAI: ``{"utterances": [{"speaker": "A", "start": 250, "end": 4900, "text": ...}]}``, times
  in milliseconds; without diarization only ``words`` (same shape) or ``text``.
- AWS Transcribe: ``{"results": {"audio_segments": [...]} }`` when present (each with ``transcript``,
  ``start_time``, ``end_time``, ``speaker_label``), else the word ``items`` (``start_time`` as
  strings, punctuation as separate items) grouped by ``speaker_label`` (on the item, or from
  ``results.speaker_labels.segments``).

Anonymous labels (``A``, ``spk_0``) stay as they are; an episode's ``speakers:`` map names them.
Both score each word (AssemblyAI's ``confidence``, AWS's ``alternatives[0].confidence``, a string):
kept in :attr:`Turn.word_confidence`; AWS's 0.0 on punctuation is not a word's.
"""

from __future__ import annotations

from typing import Any

from ..model import ReadError, Transcript, Turn
from .common import in_order, load_json, loose_seconds, merge_turns, rounded_seconds, shape, word_confidence, word_times


def read_assemblyai(text: str, path: str) -> Transcript:
    data = load_json(text)
    utterances = data.get("utterances") if isinstance(data, dict) else None
    items = utterances or data.get("words") if isinstance(data, dict) else None
    if not isinstance(items, list):
        found = shape(data.get("utterances")) if isinstance(data, dict) and "utterances" in data else shape(data)
        raise ReadError(1, f"expected AssemblyAI JSON: an object with an 'utterances' list, found {found}")
    turns = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ReadError(1, f"utterance {i}: expected an object with 'speaker', 'start', 'end' and 'text', "
                            f"found {shape(item)}")
        speaker = str(item.get("speaker") or "").strip()
        text, start = " ".join(item["text"].split()), rounded_seconds(item.get("start"), i, 0.001)
        words = item.get("words") if items is utterances else [item]  # an utterance's words, or the word itself
        times = word_times(text, [_assemblyai_word(w) for w in words], start) if isinstance(words, list) else ()
        scores = word_confidence(text, [_assemblyai_score(w) for w in words]) if isinstance(words, list) else ()
        turns.append(Turn(speaker, text, start, rounded_seconds(item.get("end"), i, 0.001), 1, times, scores))
    return _transcript(turns)


def _assemblyai_score(word: Any) -> tuple[str, Any]:
    """An AssemblyAI word ``{"text", "confidence"}`` as ``(text, confidence)``."""
    if not isinstance(word, dict):
        return "", None
    text = word.get("text")
    return text if isinstance(text, str) else "", word.get("confidence")


def _assemblyai_word(word: Any) -> tuple[str, float | None, float | None]:
    """An AssemblyAI word ``{"text", "start", "end"}`` (milliseconds) as ``(text, start, end)``."""
    if not isinstance(word, dict):
        return "", None, None
    text = word.get("text")
    return (text if isinstance(text, str) else "", loose_seconds(word.get("start"), 0.001),
            loose_seconds(word.get("end"), 0.001))


def read_aws(text: str, path: str) -> Transcript:
    data = load_json(text)
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict):
        raise ReadError(1, f"expected AWS Transcribe JSON: an object with 'results', found {shape(data)}")
    segments = results.get("audio_segments")
    items = results.get("items")
    if isinstance(segments, list) and segments:
        return _transcript(_segments(segments, items if isinstance(items, list) else []))
    if not isinstance(items, list):
        raise ReadError(1, f"expected AWS Transcribe 'results' with 'items' or 'audio_segments', found {shape(results)}")
    return _transcript(_words(items, _labels(results)))


def _segments(segments: list[Any], items: list[Any]) -> list[Turn]:
    """``audio_segments``: each a turn, its words' times from the ``items`` its ``items`` list names by id."""
    by_id = {item["id"]: item for item in items if isinstance(item, dict) and isinstance(item.get("id"), int)}
    turns = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict):
            continue
        text, start = " ".join(str(seg.get("transcript") or "").split()), rounded_seconds(seg.get("start_time"), i)
        ids = seg.get("items")
        words = [by_id.get(n) for n in ids] if isinstance(ids, list) and all(isinstance(n, int) for n in ids) else []
        whole = bool(words) and all(words)
        times = word_times(text, [_aws_word(w) for w in words], start) if whole else ()
        scores = word_confidence(text, [_aws_score(w) for w in words]) if whole else ()
        turns.append(Turn(str(seg.get("speaker_label") or ""), text, start, rounded_seconds(seg.get("end_time"), i), 1,
                          times, scores))
    return turns


def _aws_word(item: Any) -> tuple[str, float | None, float | None]:
    """An AWS item as ``(content, start, end)``; punctuation has no times."""
    alternatives = item.get("alternatives")
    first = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    content = first.get("content") if isinstance(first, dict) else None
    return (content if isinstance(content, str) else "", loose_seconds(item.get("start_time")),
            loose_seconds(item.get("end_time")))


def _aws_score(item: Any) -> tuple[str, Any]:
    """An AWS item as ``(content, confidence)``: its first alternative's, a string such as ``"0.998"``."""
    alternatives = item.get("alternatives") if isinstance(item, dict) else None
    first = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    if not isinstance(first, dict):
        return "", None
    content = first.get("content")
    return content if isinstance(content, str) else "", first.get("confidence")


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
    """The word ``items`` grouped into a turn per run of one speaker, punctuation joined to the
    word before it; each turn keeps its words' start times."""
    runs: list[tuple[str, list[tuple[str, float | None, float | None]], list[Any]]] = []
    speaker = ""  # runs: speaker, timed words, their scores
    for i, item in enumerate(items):
        word = _word(item, i)
        if item.get("type") == "punctuation":  # its score (0.0) is not the word's
            if runs:
                text, start, end = runs[-1][1][-1]
                runs[-1][1][-1] = (text + word, start, end)
            continue
        speaker = str(item.get("speaker_label") or labels.get(str(item.get("start_time")), speaker))
        timed = (word, rounded_seconds(item.get("start_time"), i), rounded_seconds(item.get("end_time"), i))
        if not (runs and runs[-1][0] == speaker):
            runs.append((speaker, [], []))
        runs[-1][1].append(timed)
        runs[-1][2].append(_aws_score(item)[1])
    turns = []
    for who, run, scores in runs:
        text = " ".join(w for w, _, _ in run)
        turns.append(Turn(who, text, run[0][1], run[-1][2], 1, word_times(text, run, run[0][1]),
                          word_confidence(text, [(w, s) for (w, _, _), s in zip(run, scores, strict=True)])))
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
