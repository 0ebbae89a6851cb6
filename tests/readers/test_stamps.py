"""Times as text and HTML transcripts write them (generator/readers/stamps.py)."""

from __future__ import annotations

import pytest

from generator.model import ReadError, Turn
from generator.readers import stamps


@pytest.mark.parametrize(("written", "seconds"), [
    ("00:01:23", 83.0), ("1:02:03.5", 3723.5), ("01:23", 83.0), ("75:30", 4530.0), ("53", 53.0),
    ("0h01m23s", 83.0), ("1h02m03s", 3723.0), ("12h00m00,25s", 43200.25),
])
def test_times_read(written: str, seconds: float) -> None:
    assert stamps.seconds(written, 1) == seconds


@pytest.mark.parametrize("written", ["99:99", "1:60:00", "0h61m00s", "00:00:60", "soon", "", "2000:00:00",
                                     "9" * 400 + ":00:00"])
def test_what_is_not_a_time_is_a_notice(written: str) -> None:
    with pytest.raises(ReadError):
        stamps.seconds(written, 7)
    start, notices = stamps.timed(written, 7)
    assert start is None
    assert [n.line for n in notices] == [7]
    assert notices[0].message.endswith("; the turn keeps its text without a time")


def test_a_timed_turn_is_not_merged_into_the_one_before() -> None:
    turns = [Turn("Ana", "One.", 1.0), Turn("Ana", "Two.", None), Turn("Ana", "Three.", 9.0), Turn("Ben", "Four.")]
    merged = [(t.text, t.start) for t in stamps.merge_untimed(turns)]
    assert merged == [("One. Two.", 1.0), ("Three.", 9.0), ("Four.", None)]
