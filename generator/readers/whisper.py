"""Whisper JSON and its diarized descendants.

- openai-whisper: ``{"text": ..., "segments": [{"start", "end", "text", "words"?}], "language"}``
  (or a bare list of segments);
- WhisperX / pyannote: a ``speaker`` (``SPEAKER_00``) on each segment, or only on its ``words``,
  in which case a segment is split where the words' speaker changes;
- diarizers that write the speaker under another key (:data:`SPEAKER_KEYS`: ``speaker_id``,
  ``speakerLabel``, ``spk``...), on segments or words, some with a top-level ``speakers`` map
  (label -> name, or a list of ``{"id"|"label", "name"}``), as AWS Transcribe post-processors do.

Anonymous labels stay as they are; an episode's ``speakers:`` map turns them into people.
Each word's confidence is kept (:attr:`Turn.word_confidence`): openai-whisper's ``probability``,
WhisperX's ``score``. A segment's ``avg_logprob`` is not: it averages the log-probability of the
segment's tokens, so it says how sure the model was of the segment as a whole, not of any one
word, and giving every word of a segment its ``exp`` would mark a whole sentence for one mumbled
word, or none of it. A segment without scored words gives its words none.
Consecutive segments of one speaker merge into one turn that keeps the first start.
"""

from __future__ import annotations

from typing import Any

from ..model import ReadError, Transcript, Turn
from ..timecodes import MAX_SECONDS
from .common import in_order, load_json, loose_seconds, merge_turns, rounded_seconds, shape, word_confidence, word_times

#: Where Whisper-style JSON keeps a segment's or a word's speaker, the first present wins: a name
#: where a tool writes one beside its label; WhisperX, pyannote scripts and Deepgram-style exports
#: (``speaker``); faster-whisper + pyannote scripts and ElevenLabs-style words (``speaker_id``,
#: ``speakerId``); AWS-derived tools (``speaker_label``, ``speakerLabel``); FunASR (``spk``).
SPEAKER_KEYS = ("speaker_name", "speaker", "speaker_id", "speakerId", "speaker_label", "speakerLabel", "spk")


def read(text: str, path: str) -> Transcript:
    data = load_json(text)
    segments = data if isinstance(data, list) else data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise ReadError(1, f"expected Whisper JSON: an object with a 'segments' list, found {shape(data)}")
    names = _names(data.get("speakers") if isinstance(data, dict) else None)
    turns: list[Turn] = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict) or not isinstance(seg.get("text"), str):
            raise ReadError(1, f"segment {i}: expected an object with 'start', 'end' and 'text', found {shape(seg)}")
        turns.extend(_segment(seg, i, names))
    merged = merge_turns(turns)
    if not merged:
        raise ReadError(1, "expected Whisper segments with text, found none")
    ordered, notices = in_order(merged)
    meta = {"language": data["language"]} if isinstance(data, dict) and isinstance(data.get("language"), str) else {}
    return Transcript(ordered, meta, notices=notices)


def _segment(seg: dict[str, Any], index: int, names: dict[str, str]) -> list[Turn]:
    start, end = rounded_seconds(seg.get("start"), index), rounded_seconds(seg.get("end"), index)
    speaker = _speaker(seg, names)
    words = seg.get("words")
    if not isinstance(words, list) or not words:
        return [Turn(speaker, " ".join(seg["text"].split()), start, end, 1)]
    if not speaker and any(isinstance(w, dict) and _speaker(w, names) for w in words):
        return _by_word_speaker(words, index, names, start)
    text = " ".join(seg["text"].split())
    timed = [_timed(w) for w in words]
    scored = [(t[0], _score(w)) for t, w in zip(timed, words, strict=True)]
    return [Turn(speaker, text, start, end, 1, word_times(text, timed, start), word_confidence(text, scored))]


def _timed(word: Any) -> tuple[str, float | None, float | None]:
    """A word as ``(text, start, end)``: openai-whisper's ``word``, WhisperX's too (without times
    when it could not align it), ``text`` in some descendants."""
    if not isinstance(word, dict):
        return "", None, None
    token = word.get("word")
    if token is None:
        token = word.get("text")
    start, end = word.get("start"), word.get("end")
    if type(start) is float and type(end) is float and 0 <= start <= end < MAX_SECONDS:  # most words: no more checks
        return (token if isinstance(token, str) else "", start, end)
    return (token if isinstance(token, str) else "", loose_seconds(start), loose_seconds(end))


def _score(word: Any) -> Any:
    """A word's confidence as written: openai-whisper's ``probability``, else WhisperX's ``score``."""
    return word.get("probability", word.get("score")) if isinstance(word, dict) else None


def _by_word_speaker(words: list[Any], index: int, names: dict[str, str], start: float | None) -> list[Turn]:
    """Split a segment whose words carry speakers at each change of speaker; each turn keeps its
    words' times."""
    runs: list[tuple[str, list[tuple[str, float | None, float | None]], list[tuple[str, Any]]]] = []
    speaker = ""  # runs: speaker, timed words, scored words
    for word in words:
        if not isinstance(word, dict):
            continue
        token = str(word.get("word") or word.get("text") or "").strip()
        who = _speaker(word, names) or speaker
        timed = (token, rounded_seconds(word.get("start"), index), rounded_seconds(word.get("end"), index))
        if not (runs and who == speaker):
            runs.append((who, [], []))
        runs[-1][1].append(timed)
        runs[-1][2].append((token, _score(word)))
        speaker = who
    turns = []
    for who, run, scored in runs:
        text = " ".join(w for w, _, _ in run if w)
        first = run[0][1] if run[0][1] is not None else start
        turns.append(Turn(who, text, first, run[-1][2], 1, word_times(text, run, first), word_confidence(text, scored)))
    return turns


def _speaker(item: dict[str, Any], names: dict[str, str]) -> str:
    for key in SPEAKER_KEYS:
        value = item.get(key)
        if value not in (None, ""):
            label = str(value).strip()
            return names.get(label, label)
    return ""


def _names(value: Any) -> dict[str, str]:
    """A ``speakers`` map from labels to names: ``{"spk_0": "Jane"}`` or ``[{"id": "spk_0", "name": "Jane"}]``."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str | int)}
    if isinstance(value, list):
        out = {}
        for item in value:
            if isinstance(item, dict) and item.get("name"):
                label = next((item[k] for k in ("id", "label", "speaker_id", "speakerLabel") if k in item), None)
                if label is not None:
                    out[str(label)] = str(item["name"])
        return out
    return {}
