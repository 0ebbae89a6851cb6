"""The demo archive in content/ is what `make site` publishes: it must read cleanly and show
what On Record does (several shows and years, aliases, anonymous labels, drafts, formats)."""

from __future__ import annotations

from pathlib import Path

from generator import archive

ROOT = Path(__file__).parent.parent


def test_demo_archive_reads_without_problems_and_covers_the_features() -> None:
    demo = archive.build(ROOT / "content", root=ROOT)
    assert [str(p) for p in demo.problems] == []
    assert len(demo.shows) >= 3
    assert len(demo.episodes) >= 20
    assert len({e.date.year for e in demo.episodes if e.date}) >= 3
    assert len([p for p in demo.people.values() if p.declared]) >= 12
    assert {e.format for e in demo.episodes} >= {"text", "podcast-json", "whisper", "webvtt", "srt"}
    said = {t.turn.speaker for e in demo.episodes for t in e.turns if t.person == "ines-moreau"}
    assert "Ines Morrow" in said  # the misspelling, filed under the right person by an alias
    anonymous = {t.turn.speaker for e in demo.episodes for t in e.turns if not t.person}
    assert {"AUDIENCE MEMBER", "Q", "CALLER"} <= anonymous
    assert all("draft" not in e.title.lower() for e in demo.episodes)
    tagged = [e for e in demo.episodes if e.tags]
    assert len(tagged) == len(demo.episodes)  # every episode has tags, and tags are shared across shows
    assert any(len({e.show for e in tagged if tag in e.tags}) > 1 for tag in {t for e in tagged for t in e.tags})
    with_drafts = archive.build(ROOT / "content", root=ROOT, drafts=True)
    assert len(with_drafts.episodes) == len(demo.episodes) + 1
