"""Exports read back through our own readers give the same turns, speakers and times."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import exports, readers
from generator.model import Turn

TIMED = [
    Turn("Inès Moreau", "Tides <rise> & fall --> twice a day; *not* _always_.", 0.0, 4.25),
    Turn("Tom Okafor", "Second paragraph\n\nfollows here.", 4.5, None),
    Turn("MS. SMITH", "Q: is this a label? No, text.", 61.123, 63.0),
    Turn("Waxwing (Adam Gibson)", "Last words.", 3723.457, None),
]
UNTIMED = [Turn("", "Words before anyone is named."), Turn("Lena Fisk", "Hello.\n\nA second paragraph.")]


def read_back(tmp_path: Path, kind: str, turns: list[Turn]) -> list[Turn]:
    path = tmp_path / f"transcript.{kind}"
    path.write_text(exports.EXPORTS[kind][0](turns), encoding="utf-8")
    return list(readers.read_file(path, path.name).turns)


def caption_text(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", list(exports.EXPORTS))
def test_timed_export_round_trips(tmp_path: Path, kind: str) -> None:
    back = read_back(tmp_path, kind, TIMED)
    assert [t.speaker for t in back] == [t.speaker for t in TIMED]
    assert [round(t.start or 0, 3) for t in back] == [t.start for t in TIMED]
    captions = kind in ("vtt", "srt")  # one line per cue: paragraphs become spaces
    assert [t.text for t in back] == [caption_text(t.text) if captions else t.text for t in TIMED]
    if kind != "txt":  # text carries start times only
        assert back[0].end == 4.25
        # A turn without an end keeps none in JSON; captions end it where the next turn starts.
        assert back[1].end == (None if kind == "json" else 61.123)


@pytest.mark.parametrize("kind", ["json", "txt"])
def test_untimed_export_round_trips(tmp_path: Path, kind: str) -> None:
    back = read_back(tmp_path, kind, UNTIMED)
    assert [(t.speaker, t.text, t.start) for t in back] == [(t.speaker, t.text, t.start) for t in UNTIMED]


def test_captions_are_not_offered_for_untimed_transcripts() -> None:
    assert [k for k in exports.EXPORTS if exports.exportable(UNTIMED, k)] == ["json", "txt"]
    assert [k for k in exports.EXPORTS if exports.exportable(TIMED, k)] == ["json", "vtt", "srt", "txt"]


def test_vtt_export_is_valid_webvtt_with_voices() -> None:
    assert exports.to_vtt(TIMED[:2]) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:04.250\n<v Inès Moreau>Tides &lt;rise&gt; &amp; fall --&gt; twice a day; *not* _always_.\n\n"
        "00:00:04.500 --> 00:00:05.833\n<v Tom Okafor>Second paragraph follows here.\n"
    )


MIXED = [Turn("Lena Fisk", "Hello.", 0.0, 2.0), Turn("", "Applause and laughter.", 2.5, 4.0),
         Turn("Tom Okafor", "Thank you.", 4.5, 6.0)]


@pytest.mark.parametrize("kind", ["json", "vtt", "txt"])
def test_a_turn_naming_nobody_between_named_ones_round_trips(tmp_path: Path, kind: str) -> None:
    # SRT cannot say "nobody" after a name (a name carries to the cues after it), so it is not here.
    back = read_back(tmp_path, kind, MIXED)
    assert [(t.speaker, t.text, t.start) for t in back] == [(t.speaker, t.text, t.start) for t in MIXED]
