"""Reader golden cases as data: ``cases/<format>/<name>.<ext>`` beside ``<name>.expected.yml``.

The expected file holds either ``turns:`` (each ``speaker``, ``start``, ``text`` and, when
given, ``end``, ``words``, the start of each word, and ``confidence``, each word's score or null (an empty
list when the turn keeps none); times in seconds), optionally ``meta:`` (a subset of the file's own
metadata), ``roster:`` (label -> name from an attendee table in the file, none when absent) and
``notices:`` (the exact ``line: message`` of every warning, none when absent), or
``error:`` with the exact ``line: message`` the reader must raise. ``format:``
forces a reader, as an episode's metadata would; otherwise the format is detected, and the
folder name is the format detection must find.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import readers
from generator.decoding import decode
from generator.model import ReadError

CASES = Path(__file__).parent / "cases"
INPUTS = sorted(p for p in CASES.rglob("*") if p.is_file() and not p.name.endswith(".expected.yml"))


def _expected(path: Path) -> dict[str, Any]:
    expected = path.with_name(path.name.split(".")[0] + ".expected.yml")
    assert expected.exists(), f"{path.relative_to(CASES)} has no {expected.name}"
    data: dict[str, Any] = yaml.safe_load(expected.read_text(encoding="utf-8"))
    return data


def _turn(turn: Any, keys: set[str]) -> dict[str, Any]:
    seen = {"speaker": turn.speaker, "start": turn.start, "text": turn.text}
    if "end" in keys:
        seen["end"] = turn.end
    if "words" in keys:
        seen["words"] = list(turn.word_times)
    if "confidence" in keys:
        seen["confidence"] = list(turn.word_confidence)
    return seen


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(CASES)))
def test_reader_case(path: Path) -> None:
    expected = _expected(path)
    display = str(path.relative_to(CASES))
    if "error" in expected:
        with pytest.raises(ReadError) as caught:
            readers.read_file(path, display, expected.get("format"))
        assert f"{caught.value.line}: {caught.value.message}" == expected["error"]
        return
    if path.parent.name != "errors" and "format" not in expected:
        assert readers.detect(display, decode(path.read_bytes())) == path.parent.name
    transcript = readers.read_file(path, display, expected.get("format"))
    want = expected["turns"]
    got = [_turn(t, set(w)) for t, w in zip(transcript.turns, want, strict=False)]
    assert got == want
    assert len(transcript.turns) == len(want)
    assert [f"{n.line}: {n.message}" for n in transcript.notices] == expected.get("notices", [])
    for key, value in (expected.get("meta") or {}).items():
        assert transcript.meta.get(key) == value, key
    assert dict(transcript.roster) == expected.get("roster", {})


def test_every_case_has_an_expectation() -> None:
    assert INPUTS, "no reader cases found"
    for path in INPUTS:
        _expected(path)
