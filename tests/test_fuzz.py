"""Property-based fuzzing of everything that reads untrusted input (issue 10).

The property: no input makes a reader, the YAML loader or the decoder raise anything but
:class:`~generator.model.ReadError`, and a transcript that is read has only finite times within
``timecodes.MAX_SECONDS``. Inputs are real-looking seeds (the golden reader cases and the demo
archive) mutated by hypothesis: tokens that matter to some format inserted, spans deleted,
repeated or spliced from another seed; plus JSON of every reader's shape built from their keys,
and plain random text. The ``ci`` profile (the default) is derandomized and bounded so this file
runs in about 20 s; ``HYPOTHESIS_PROFILE=explore`` runs random, longer searches. The longer
search is ``benchmarks/fuzz.py``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import readers, yamlio
from generator.decoding import decode
from generator.model import ReadError, Transcript
from generator.readers.common import split_front_matter
from generator.timecodes import MAX_SECONDS, format_time, parse_time

ROOT = Path(__file__).parent.parent
SEED_FOLDERS = (ROOT / "tests/readers/cases", ROOT / "content", ROOT / "tests/fixtures/archive/content")
SEED_ENDINGS = (".md", ".txt", ".vtt", ".srt", ".json", ".html", ".yml")

settings.register_profile("ci", max_examples=150, deadline=2000, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=5000, deadline=2000, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _seeds() -> dict[str, str]:
    """Seed texts by file name, at most 4 KB each (longer ones cut) so each example stays fast."""
    found = {}
    for folder in SEED_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in SEED_ENDINGS and path.is_file():
                found[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8", errors="replace")[:4096]
    return found


SEEDS = _seeds()
TEXTS = sorted(SEEDS.values())
YAML_TEXTS = sorted({t for name, t in SEEDS.items() if name.endswith(".yml")}
                    | {t.split("\n---", 1)[0][4:] for t in TEXTS if t.startswith("---\n")})
TOKENS = [
    "-->", " --> ", "00:00:01.000", "99:59:59,999", "1000:00:00.000", "9" * 400, ":", ": ", "<v Ana>", "</v>", "<",
    ">", "&amp;", "&#x110000;", "<![ ", "<!", "<?", "</", "<cite>", "<time>", "</time>", "<p>", "</p>", "\n", "\n\n",
    "\r", "\ufeff", "[", "]", "{", "}", "NaN", "-Infinity", "-1", "1e999", "1" + "0" * 400, '"start": ',
    '"startTime": ', '"segments": [', '"items": [{"alternatives": ', "null", "true", '"', "---\n", "...\n", "&a ",
    "*a", "<<: *a", "!!timestamp ", "!!int ", "!!float ", "!!binary ", "!!omap ", "2021-02-30", ".nan", ".inf", "- ",
    "? ", "|\n", "#", "WEBVTT\n\n", "NOTE ", "**", "Q: ", "SPEAKER_00: ", "[00:00:01] ", "\t", "\u2028", "\\",
    "\\u0000", "\x85", "## ",
]
JSON_KEYS = ["segments", "startTime", "endTime", "body", "speaker", "start", "end", "text", "words", "word",
             "speakers", "speakerLabel", "id", "name", "language", "utterances", "results", "items", "alternatives",
             "content", "type", "start_time", "end_time", "speaker_label", "speaker_labels", "audio_segments",
             "transcript", "duration", "chapters", "title"]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str]) -> str:
    """A seed with up to six edits: a token inserted, a span deleted, repeated or replaced, a splice."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        end = min(len(text), at + draw(st.integers(0, 40)))
        kind = draw(st.integers(0, 4))
        if kind == 0:
            piece = draw(st.sampled_from(TOKENS))
        elif kind == 1:
            piece = ""
        elif kind == 2:
            piece = text[at:end] * draw(st.integers(2, 20))
        elif kind == 3:
            piece = draw(st.text(max_size=8))
        else:
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            piece = other[start:start + draw(st.integers(0, 200))]
        text = text[:at] + piece + text[end if kind else at:]
    return text


SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
           | st.sampled_from(["0", "1.5", "nan", "-inf", "1e999", "00:01:02", "-3", "SPEAKER_00", "punctuation", 10**400]))
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.sampled_from(JSON_KEYS), inner, max_size=5), max_leaves=25)


def check(read: Callable[[str, str], Transcript], text: str, path: str) -> None:
    """``read`` either raises ReadError with a line and a message, or returns well-formed turns."""
    try:
        transcript = read(text, path)
    except ReadError as exc:
        assert isinstance(exc.line, int) and exc.message
        return
    assert isinstance(transcript, Transcript)
    for turn in transcript.turns:
        assert isinstance(turn.speaker, str) and isinstance(turn.text, str)
        for t in (turn.start, turn.end):
            assert t is None or 0 <= t < MAX_SECONDS, t


def read_text(text: str, path: str) -> Transcript:
    """What ``readers.read_file`` does once the bytes are decoded: detect, then read."""
    if not text.strip():
        raise ReadError(1, "empty")
    return readers.READERS[readers.detect(path, text)](text, path)


def every_reader(text: str) -> None:
    for name, read in readers.READERS.items():
        check(read, text, f"fuzz.{name}")
    for ending in (".txt", ".vtt", ".srt", ".json", ".html", ".md"):
        check(read_text, text, "fuzz" + ending)


@given(mutated(TEXTS))
def test_mutated_seeds_in_every_reader(text: str) -> None:
    every_reader(text)


@given(st.text(max_size=300))
def test_random_text_in_every_reader(text: str) -> None:
    every_reader(text)


@given(JSON_VALUES, st.sampled_from(["segments", "utterances", "results", "words", "items"]))
def test_generated_json_in_every_reader(value: Any, key: str) -> None:
    for document in (value, {key: value}, {"results": {key: value}}):
        every_reader(json.dumps(document))


def load_yaml(text: str) -> None:
    try:
        yamlio.loads(text, first_line=2)
    except ReadError as exc:
        assert isinstance(exc.line, int) and exc.message
    try:
        meta, _, _ = split_front_matter(f"---\n{text}\n---\nAna: Hi.\n")
        assert isinstance(meta, dict)
    except ReadError as exc:
        assert isinstance(exc.line, int) and exc.message


@given(mutated(YAML_TEXTS))
def test_mutated_yaml(text: str) -> None:
    load_yaml(text)


@given(st.text(max_size=200))
def test_random_yaml(text: str) -> None:
    load_yaml(text)


@given(st.binary(max_size=200) | mutated(TEXTS).map(lambda t: t.encode("utf-16") if len(t) % 3 == 0 else t.encode()))
def test_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        text = decode(data)
    except ReadError:
        return
    check(read_text, text, "fuzz.txt")


@given(st.floats() | st.integers(-(10**30), 10**30).map(float))
@example(float("nan"))
@example(float("-inf"))
@example(1.7976931348623157e308)  # finite, but infinite in milliseconds
@example(-1.5)
def test_format_time_never_raises(seconds: float) -> None:
    assert isinstance(format_time(seconds), str)
    assert isinstance(format_time(seconds, sep=",", millis=False), str)


@given(st.text(alphabet="0123456789:.,- \n", max_size=40) | st.sampled_from(["9" * 400 + ":00:00", "0" * 5000 + "1:00"]))
def test_parse_time_is_a_time_or_read_error(value: str) -> None:
    try:
        seconds = parse_time(value, 7)
    except ReadError as exc:
        assert exc.line == 7
        return
    assert 0 <= seconds < MAX_SECONDS


@pytest.mark.parametrize(("name", "text"), [
    ("podcast-html", "<p>" + "</" * 100_000),
    ("podcast-html", "<p>" + "<!--" * 50_000),
    ("podcast-html", "<p>" + "<?" * 100_000),
    ("podcast-html", "<p>" + "<a" * 100_000),
    ("webvtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n" + "<a" * 100_000),
    ("webvtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n" + "<v " * 70_000),
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\nx " + "<b" * 100_000),
], ids=lambda v: v[:20])
def test_unclosed_markup_takes_linear_time(name: str, text: str) -> None:
    """200 KB of unclosed tags took 8 s to minutes (quadratic rescans); now well under a second."""
    began = time.perf_counter()
    check(readers.READERS[name], text, "hostile")
    assert time.perf_counter() - began < 3.0
