"""Quirks of real archives end to end: a reader's warnings reach the archive as ``path:line``
warnings and the episode still builds; label inference decides who becomes a person."""

from __future__ import annotations

from pathlib import Path

from generator import archive

SRT = """1
00:10:00,000 --> 00:10:04,000
Bekah: Welcome back.

2
00:09:03,000 --> 00:09:05,000
Dan: Thanks.

3
00:10:09,000 --> 00:10:12,000
Bekah: Let's start.
"""

BRIEFING = """---
title: Briefing
---
MS. PSAKI:\u00a0 Good afternoon.\u00a0 The vote in the
House: is next week.

Q\u00a0 Thanks, Jen.

MS. PSAKI:\u00a0 Sure.
"""


def _content(root: Path, files: dict[str, str]) -> Path:
    show = root / "content" / "shows" / "s"
    show.mkdir(parents=True)
    (show / "show.yml").write_text("title: S\n", encoding="utf-8")
    for name, text in files.items():
        (show / name).write_text(text, encoding="utf-8")
    return root / "content"


def test_backwards_cue_is_a_warning_and_the_episode_builds(tmp_path: Path) -> None:
    built = archive.build(_content(tmp_path, {"2024-05-01-coffee.srt": SRT}), root=tmp_path)
    [episode] = built.episodes
    assert [(t.turn.speaker, t.turn.start) for t in episode.turns] == [("Bekah", 600.0), ("Dan", None), ("Bekah", 609.0)]
    assert [(str(p), p.severity) for p in built.problems] == [(
        "content/shows/s/2024-05-01-coffee.srt:6: timestamps go backwards: 00:09:03.000 comes after "
        "00:10:00.000; this turn keeps its text but loses its time", "warning")]


def test_briefing_labels_make_people_and_prose_does_not(tmp_path: Path) -> None:
    built = archive.build(_content(tmp_path, {"2021-06-04-briefing.md": BRIEFING}), root=tmp_path)
    [episode] = built.episodes
    assert [t.turn.speaker for t in episode.turns] == ["MS. PSAKI", "Q", "MS. PSAKI"]
    assert "House" not in {p.name for p in built.people.values()}
    assert built.problems == ()
