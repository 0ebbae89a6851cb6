"""Google Cloud Speech-to-Text JSON, as its v1 and v2 APIs return it and as client libraries save it.

``{"results": [{"alternatives": [{"transcript", "confidence", "words": [...]}], "resultEndTime"}]}``:
each result is a stretch of audio, read as a turn from its first (most likely) alternative. Its
``words`` give each word's time: ``startTime``/``endTime`` in v1, ``startOffset``/``endOffset`` in
v2, written as protobuf durations (``"25.600s"``) or, by the Node client, as
``{"seconds": "25", "nanos": 600000000}``; the snake_case keys of Python's ``to_dict``
(``start_time``, ``speaker_tag``) are read too. Also accepted around the results: a long-running
operation (``{"response": {"results": ...}}``), v2 ``batchRecognize`` output (``results`` keyed by
the audio's URI, holding ``transcript`` or ``inlineResult.transcript``) and a bare list of results.

Speakers: ``speakerLabel`` (a string) or ``speakerTag`` (an integer, 0 meaning none) on the words;
a numeric one is written ``Speaker 2``, as Google's console shows it. A result is split where its
words' speaker changes. With diarization Google repeats every word of the file, tagged, in the
last result: a result whose words begin with the words of the results before it replaces them,
so the text is not doubled. Multi-channel audio without speakers gives each ``channelTag`` its
own label, ``Channel 1``.

Confidence: each word's ``confidence`` (given with ``enableWordConfidence``) is kept in
:attr:`Turn.word_confidence`; 0, which Google documents as "not set", counts as none. A result's
``alternatives[0].confidence`` is not given to its words: it scores the whole transcript of the
result (a sentence or more), not any word of it, so spreading it over the words would mark every
word of a doubtful sentence and none of a sure one's doubtful words; without word confidence a
turn has none. The last result of a diarized file repeats the words: a word it gives no score
keeps the one the same word had, at the same place, in the results it replaces.

Bad input is read past, with a warning naming the result's line: a result without alternatives,
a word without ``word``, a time that is not a duration.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any, NamedTuple

from ..model import Notice, ReadError, Transcript, Turn
from ..timecodes import in_range
from .common import found, in_order, load_json, merge_turns, shape, word_confidence, word_times

_DURATION = re.compile(r"\s*(\d{1,12}(?:\.\d{0,9})?)s\s*$")
_STARTS = ("startOffset", "startTime", "start_offset", "start_time")
_ENDS = ("endOffset", "endTime", "end_offset", "end_time")
_RESULT_ENDS = ("resultEndOffset", "resultEndTime", "result_end_offset", "result_end_time")

Word = tuple[str, float | None, float | None, str, Any]  # text, start, end, speaker, confidence as written


class _Result(NamedTuple):
    line: int
    text: str
    words: list[Word]
    end: float | None
    channel: str
    word_lines: tuple[int, ...] = ()  # the line of each word, for the words of a running aggregate


def read(text: str, path: str) -> Transcript:
    data = load_json(text)
    results, language = _results(data)
    where, notices = _Where(text), _Notices()
    parsed: list[_Result] = []
    count = 0  # the words of the results in ``parsed``
    for index, result in enumerate(results):
        line = where.of(result)
        one = _result(result, index, line, notices)
        if one is None:
            continue
        if len(one.words) >= count > 0 and any(w[3] for w in one.words) and _repeats(one.words, parsed):
            lines = [r.line for r in parsed for _ in _tokens(r)]  # Google's running aggregate replaces them
            parsed, count = [one._replace(line=lines[0], words=_rescored(one.words, parsed),
                                          word_lines=(*lines, *[one.line] * (len(one.words) - count)))], 0
        else:
            parsed.append(one)
        count += len(_tokens(one))
    turns = _turns(parsed)
    merged = merge_turns(turns)
    if not merged:
        raise ReadError(1, "expected Google Speech-to-Text results with a transcript, found none")
    ordered, backwards = in_order(merged)
    meta = {"language": language} if language else {}
    return Transcript(ordered, meta, notices=tuple(notices.all) + backwards)


def _results(data: Any) -> tuple[list[Any], str]:
    """The list of results, wherever the file's shape keeps it, and the language of the first."""
    if isinstance(data, dict) and isinstance(data.get("response"), dict):
        data = data["response"]  # a long-running operation, saved whole
    results = data if isinstance(data, list) else data.get("results") if isinstance(data, dict) else None
    if isinstance(results, dict):  # v2 batchRecognize: the audio's URI -> its file result
        files = [v for v in results.values() if isinstance(v, dict)]
        if len(files) != 1:
            raise ReadError(1, f"expected the results of one audio file, found {len(files)}: save each "
                            "file's 'transcript' on its own")
        inline = files[0].get("inlineResult")
        transcript = inline.get("transcript") if isinstance(inline, dict) else files[0].get("transcript")
        results = transcript.get("results") if isinstance(transcript, dict) else None
    if not isinstance(results, list):
        raise ReadError(1, "expected Google Speech-to-Text JSON: an object with a 'results' list such as "
                        f"[{{\"alternatives\": [{{\"transcript\": \"Hello.\"}}]}}], found {shape(data)}")
    first = next((r for r in results if isinstance(r, dict)), {})
    language = first.get("languageCode", first.get("language_code"))
    return results, language if isinstance(language, str) else ""


class _Notices:
    """Warnings, one per kind of problem in a result, naming how many words it touched."""

    def __init__(self) -> None:
        self.all: list[Notice] = []

    def add(self, line: int, message: str) -> None:
        self.all.append(Notice(line, message))

    def words(self, line: int, index: int, problem: str, bad: list[tuple[int, Any]], outcome: str) -> None:
        if bad:
            count = f"{len(bad)} words have" if len(bad) > 1 else "a word has"
            first, value = bad[0]
            self.add(line, f"result {index}: {count} {problem} (word {first}: {found(value)}); {outcome}")


def _result(result: Any, index: int, line: int, notices: _Notices) -> _Result | None:
    """One result's first alternative: its text, timed words and end; ``None`` when it has none."""
    if not isinstance(result, dict):
        notices.add(line, f"result {index}: expected an object with 'alternatives', found {shape(result)}; left out")
        return None
    alternatives = result.get("alternatives")
    best = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    if not isinstance(best, dict) or not (best.get("transcript") or best.get("words")):
        notices.add(line, f"result {index}: expected 'alternatives' with a transcript such as "
                    f"[{{\"transcript\": \"Hello.\"}}], found {shape(alternatives)}; left out")
        return None
    value = _first(result, _RESULT_ENDS)
    end, ok = _duration(value)
    if not ok:
        notices.add(line, f"result {index}: expected its end time as a duration such as \"12.500s\", found {found(value)}")
    words = _words(best.get("words"), index, line, notices)
    transcript = best.get("transcript")
    text = " ".join(transcript.split()) if isinstance(transcript, str) else ""
    channel = result.get("channelTag", result.get("channel_tag"))
    return _Result(line, text, words, end, str(channel) if isinstance(channel, int) and channel else "")


def _words(value: Any, index: int, line: int, notices: _Notices) -> list[Word]:
    if value is None:
        return []
    if not isinstance(value, list):
        notices.add(line, f"result {index}: expected 'words' to be a list, found {shape(value)}; its words are untimed")
        return []
    words: list[Word] = []
    nameless: list[tuple[int, Any]] = []
    garbled: list[tuple[int, Any]] = []
    untimed: list[tuple[int, Any]] = []
    for number, word in enumerate(value):
        token = word.get("word") if isinstance(word, dict) else None
        if not isinstance(token, str) or not token.strip():
            nameless.append((number, word))
            continue
        first = word["startTime"] if "startTime" in word else _first(word, _STARTS)  # v1's, the usual key
        last = word["endTime"] if "endTime" in word else _first(word, _ENDS)
        (start, start_ok), (end, end_ok) = _duration(first), _duration(last)
        if not (start_ok and end_ok):
            garbled.append((number, last if start_ok else first))
        elif first is None:
            untimed.append((number, token))
        words.append((token.strip(), start, end, _speaker(word), word.get("confidence") or None))  # 0: "not set"
    if len(untimed) < len(words):  # some words are timed: the others miss theirs
        notices.words(line, index, "no start time", untimed, "timed from the word before")
    notices.words(line, index, "no 'word' text", nameless, "left out")
    notices.words(line, index, "a time that is not a duration such as \"1.500s\"", garbled,
                  "timed from the word before")
    return words


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((item[k] for k in keys if k in item), None)


def _duration(value: Any) -> tuple[float | None, bool]:
    """Seconds from a protobuf duration (``"1.500s"``, ``{"seconds": "1", "nanos": 500000000}``)
    or a number, and whether the value was readable (missing is: it is ``None``)."""
    if value is None:
        return None, True
    seconds: float | None = None
    if type(value) is str and (m := _DURATION.match(value)):
        seconds = float(m.group(1))
    elif isinstance(value, dict) and set(value) <= {"seconds", "nanos"}:
        whole, nanos = value.get("seconds", 0), value.get("nanos", 0)
        if isinstance(whole, str) and whole.isdigit():
            whole = int(whole)
        if type(whole) is int and type(nanos) is int and 0 <= nanos < 10**9:
            seconds = whole + nanos / 1e9
    elif type(value) is int or type(value) is float:
        seconds = float(value)
    if seconds is None or not in_range(seconds):
        return None, False
    return round(seconds, 3), True


def _speaker(word: dict[str, Any]) -> str:
    label = word.get("speakerLabel") or word.get("speaker_label")
    if not isinstance(label, str) or not label.strip():
        tag = word.get("speakerTag") or word.get("speaker_tag")
        if type(tag) is not int or tag <= 0:
            return ""
        label = str(tag)
    label = label.strip()
    return f"Speaker {label}" if label.isdigit() else label


def _tokens(result: _Result) -> list[str]:
    return [w[0] for w in result.words] if result.words else result.text.split()


def _repeats(words: list[Word], results: list[_Result]) -> bool:
    """Whether ``words`` begin with the words of the ``results`` before them (nine in ten the same)."""
    earlier = [token for r in results for token in _tokens(r)]
    if not earlier or len(words) < len(earlier):
        return False
    same = sum(_plain(w[0]) == _plain(e) for w, e in zip(words, earlier, strict=False))
    return same >= 0.9 * len(earlier)


def _rescored(words: list[Word], results: list[_Result]) -> list[Word]:
    """The running aggregate's ``words``, each that has no score given the one the same word had,
    at the same place, in the ``results`` it replaces (their words may carry the scores it lacks)."""
    earlier = [w for r in results for w in r.words]
    if not all(r.words for r in results) or all(w[4] is None for w in earlier):
        return words  # a result without words counts its text's: the places would not match
    return [w if w[4] is not None or i >= len(earlier) or _plain(earlier[i][0]) != _plain(w[0])
            else (w[0], w[1], w[2], w[3], earlier[i][4]) for i, w in enumerate(words)]


@functools.lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", word).casefold() if c.isalnum())


def _turns(results: list[_Result]) -> list[Turn]:
    """A turn per result, split where its words' speaker changes; each starts at its first word,
    else where the result before it ended."""
    channels = {r.channel for r in results} - {""}
    by_channel = len(channels) > 1 and not any(w[3] for r in results for w in r.words)
    turns: list[Turn] = []
    has_times = any(r.end is not None or any(w[1] is not None for w in r.words) for r in results)
    before: float | None = 0.0 if has_times else None  # the first result starts with the audio
    for result in results:
        speaker = f"Channel {result.channel}" if by_channel and result.channel else ""
        runs = _runs(result.words) if any(w[3] for w in result.words) else [(speaker, result.words)]
        at = 0  # the index of the run's first word in the result
        for who, words in runs:
            text = result.text if len(runs) == 1 and result.text else " ".join(w[0] for w in words)
            start = next((w[1] for w in words if w[1] is not None), before if words is result.words else None)
            end = result.end if words is runs[-1][1] and result.end is not None else _last_end(words)
            timed = [(w[0], w[1], w[2]) for w in words]
            line = result.word_lines[at] if result.word_lines else result.line
            turns.append(Turn(who, text, start, end, line, word_times(text, timed, start) if words else (),
                              word_confidence(text, [(w[0], w[4]) for w in words])))
            at += len(words)
        before = result.end if result.end is not None else _last_end(result.words) or before
    if by_channel:
        turns.sort(key=lambda t: float("inf") if t.start is None else t.start)
    return turns


def _runs(words: list[Word]) -> list[tuple[str, list[Word]]]:
    """Words grouped by speaker; a word with none belongs to the speaker before it."""
    runs: list[tuple[str, list[Word]]] = []
    for word in words:
        who = word[3] or (runs[-1][0] if runs else "")
        if runs and runs[-1][0] == who:
            runs[-1][1].append(word)
        else:
            runs.append((who, [word]))
    return runs


def _last_end(words: list[Word]) -> float | None:
    return next((w[2] for w in reversed(words) if w[2] is not None), None)


class _Where:
    """The line each result starts on, found by its first key after the result before it: the
    parsed JSON has no positions, and a file's keys keep their order."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line = text, 0, 1

    def of(self, item: Any) -> int:
        if isinstance(item, dict) and item:
            m = _opening(next(iter(item))).search(self.text, self.at)
        else:  # a string or number where a result should be: its text
            m = re.compile(re.escape(json.dumps(item, ensure_ascii=False))).search(self.text, self.at)
        if m:
            self.line += self.text.count("\n", self.at, m.start())
            self.at = m.start() + 1
        return self.line


@functools.lru_cache(maxsize=64)
def _opening(key: str) -> re.Pattern[str]:
    return re.compile(r"\{\s*" + re.escape(json.dumps(key)) + r"\s*:")
