"""Google Speech-to-Text JSON (generator/readers/google.py) beyond the golden cases: detection among
the other JSON formats, shapes that are refused, and the diarization aggregate."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator import readers
from generator.model import ReadError


def _read(data: Any) -> Any:
    return readers.read_bytes(json.dumps(data, indent=1).encode(), "stt.json")


def _word(text: str, start: float, speaker: int = 0) -> dict[str, Any]:
    return {"startTime": f"{start:.3f}s", "endTime": f"{start + 0.2:.3f}s", "word": text,
            **({"speakerTag": speaker} if speaker else {})}


def test_google_json_is_detected_not_refused_as_podcast_json() -> None:
    v1 = '{"results": [{"alternatives": [{"transcript": "hi", "words": [{"startTime": "0s", "word": "hi"}]}]}]}'
    assert readers.detect("a.json", v1) == "google-speech"
    assert readers.detect("a.txt", v1) == "google-speech"
    assert readers.detect("a.json", '[{"alternatives": [{"transcript": "hi"}]}]') == "google-speech"
    aws = '{"results": {"transcripts": [{"transcript": "hi"}], "items": [{"alternatives": [{"content": "hi"}]}]}}'
    assert readers.detect("a.json", aws) == "aws-transcribe"
    assert readers.detect("a.json", '{"segments": [{"startTime": 0, "body": "hi"}]}') == "podcast-json"


def test_the_aggregate_is_recognised_when_earlier_results_have_no_words() -> None:
    results = [{"alternatives": [{"transcript": "good morning"}]}, {"alternatives": [{"transcript": "hello there"}]},
               {"alternatives": [{"words": [_word("good", 0, 1), _word("morning", 0.3, 1), _word("hello", 1, 2),
                                            _word("there", 1.3, 2)]}]}]
    turns = _read({"results": results}).turns
    assert [(t.speaker, t.text, t.start) for t in turns] == [("Speaker 1", "good morning", 0.0),
                                                             ("Speaker 2", "hello there", 1.0)]


def test_results_that_each_carry_their_own_speakers_are_all_kept() -> None:
    results = [{"alternatives": [{"transcript": "one two", "words": [_word("one", 0, 1), _word("two", 0.5, 1)]}]},
               {"alternatives": [{"transcript": "three", "words": [_word("three", 1, 2)]}]}]
    turns = _read({"results": results}).turns
    assert [(t.speaker, t.text, t.word_times) for t in turns] == [("Speaker 1", "one two", (0.0, 0.5)),
                                                                  ("Speaker 2", "three", (1.0,))]


@pytest.mark.parametrize(("data", "error"), [
    ({"results": "nothing"}, "1: expected Google Speech-to-Text JSON: an object with a 'results' list such as "
                             "[{\"alternatives\": [{\"transcript\": \"Hello.\"}]}], found an object with keys results"),
    ({"results": [{"alternatives": []}]}, "1: expected Google Speech-to-Text results with a transcript, found none"),
])
def test_shapes_without_speech_are_errors(data: Any, error: str) -> None:
    with pytest.raises(ReadError) as caught:
        readers.read_bytes(json.dumps(data).encode(), "stt.json", "google-speech")
    assert f"{caught.value.line}: {caught.value.message}" == error


def test_truncated_json_names_its_line() -> None:
    with pytest.raises(ReadError) as caught:
        readers.read_bytes(b'{"results": [\n {"alternatives": [\n', "stt.json", "google-speech")
    assert caught.value.line == 3 and caught.value.message.startswith("not valid JSON")


def test_times_out_of_range_or_negative_lose_their_time_with_a_warning() -> None:
    words = [{"startTime": "-1s", "endTime": "0.5s", "word": "a"}, {"startTime": {"seconds": "9" * 20}, "word": "b"},
             {"startTime": {"seconds": 1, "nanos": 2_000_000_000}, "word": "c"}, {"startTime": "2s", "word": "d"}]
    transcript = _read({"results": [{"alternatives": [{"transcript": "a b c d", "words": words}]}]})
    assert [t.text for t in transcript.turns] == ["a b c d"]
    assert [n.message for n in transcript.notices] == [
        "result 0: 3 words have a time that is not a duration such as \"1.500s\" (word 0: '-1s'); timed from "
        "the word before"]
