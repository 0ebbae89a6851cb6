"""Archive health (``onrecord check``) and real-name proposals (``onrecord speakers``), on small
briefing archives written here: label kinds, names found in titles, the exact summary, and a
snippet that pastes into speakers.yml and resolves every label it names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import archive, names, speaker_report
from generator.cli import main

DEESE = """---
title: Press Briefing by Press Secretary Jen Psaki and National Economic Council Director Brian Deese
---
MS. PSAKI: Good afternoon.

MR. DEESE: Thanks, Jen.

Q: A question?

MR. DEESE: An answer.
"""
SULLIVAN = """---
title: Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan
---
MS. PSAKI: Hi, everyone.

MR. SULLIVAN: Thank you.

MR. SULLIAN: A typo in the transcript.

MODERATOR: Next question.

THE PRESIDENT: Hello.

Consider: this line was prose.
"""
SNIPPET = """people:
  brian-deese:
    name: Brian Deese
    aliases:
    - MR. DEESE
  jen-psaki:
    name: Jen Psaki
    aliases:
    - MS. PSAKI
  jake-sullivan:
    name: Jake Sullivan
    aliases:
    - MR. SULLIAN
    - MR. SULLIVAN
unnamed:
- Q
# Offices whose holder changes (THE PRESIDENT): map them per episode, e.g.
#   speakers: {THE PRESIDENT: jane-doe}
# in the episode's metadata, or list them under unnamed.
# Not speakers but text read as a label (fix the transcript, or list them under unnamed): Consider
"""


@pytest.fixture
def briefings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    show = tmp_path / "content/shows/briefings"
    show.mkdir(parents=True)
    (show / "2021-03-01-deese.md").write_text(DEESE, encoding="utf-8")
    (show / "2021-03-02-sullivan.md").write_text(SULLIVAN, encoding="utf-8")
    (show / "2021-03-03-statement.md").write_text("---\ntitle: A Statement\n---\nWords with no speaker.\n")
    (show / "2021-03-04-panel.md").write_text("---\ntitle: A Panel\n---\nMODERATOR: Welcome.\n")  # a role names no one
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("label", "expected"), [
    ("MODERATOR", "role"), ("OPERATOR", "role"), ("AIDE", "role"), ("SENIOR ADMINISTRATION OFFICIAL", "role"),
    ("AUDIENCE MEMBERS", "role"), ("Q", "role"), ("THE PRESIDENT", "office"), ("THE VICE PRESIDENT", "office"),
    ("THE FIRST LADY", "office"), ("SPEAKER_00", "anonymous"), ("Consider", "prose"), ("On Russia", "prose"),
    ("Friday", "prose"), ("Project 2025", "prose"), ("People’s House", "prose"), ("It was a long day", "prose"),
    ("MR. SULLIVAN", "name"), ("Kevin Ball", "name"), ("James O’Beirne", "name"), ("MS. RICE", "name"),
    ("April Ryan", "name"),
])
def test_kinds(label: str, expected: str) -> None:
    assert names.kind(label) == expected


def test_one_mixed_case_word_among_capitals_is_prose() -> None:
    assert names.kind("Atlanta", lone_case=True) == "prose"
    assert names.kind("Seth Fiegeman", lone_case=True) == "name"
    assert names.kind("Atlanta") == "name"


@pytest.mark.parametrize(("label", "text", "expected"), [
    ("MR. DEESE", DEESE.splitlines()[1], "Brian Deese"),
    ("MS. PSAKI", DEESE.splitlines()[1], "Jen Psaki"),
    ("Deese", DEESE.splitlines()[1], "Brian Deese"),
    ("MR. SORKIN", "Remarks in a Moderated Conversation with Andrew Ross Sorkin at the Summit", "Andrew Ross Sorkin"),
    ("MR. SULLIVAN", "Remarks by APNSA Jake Sullivan at the NATO Summit Defense Industry\u00a0Forum", "Jake Sullivan"),
    ("SENATOR FETTERMAN", "Remarks by President Biden, Lt. Gov. Austin Davis, Sen. John Fetterman", "John Fetterman"),
    ("MS. JEAN-PIERRE", "Press Briefing by Press Secretary Karine Jean-Pierre", "Karine Jean-Pierre"),
    ("SECRETARY-GENERAL GUTERRES", "Remarks with United Nations Secretary-General António Guterres",
     "António Guterres"),
    ("ČAPEK", "Jan Čapek on Stratum V2", "Jan Čapek"),
    ("Christian", "Christian Decker", "Christian Decker"),
    ("SL", "Scaling Lightning", None),  # initials: from names only, never from a title
    ("Michael Flaxman (MF)", "Bitcoin wallets", "Michael Flaxman"),
    ("Waxwing (Adam Gibson)", "Adam Gibson on JoinMarket", None),  # a nickname: left alone
    ("PRESIDENT BIDEN", "Remarks by First Lady Jill Biden", None),  # another office precedes the name
    ("PRESIDENT OBAMA", "Unveiling of the Official Obama Portraits", None),
    ("MR. BIDEN", "Remarks by President Biden", None),  # a surname alone is no proposal
    ("THE PRESIDENT", "Remarks by President Joe Biden", None),  # an office: never guessed
])
def test_propose_from_a_title(label: str, text: str, expected: str | None) -> None:
    found = names.propose(label, [[text]])
    assert (found.name if found else None) == expected


def test_initials_come_from_the_episode_names() -> None:
    found = names.propose("SL", [["Scaling Lightning", "", "Stephan Livera (SL)", "Michael Flaxman"]])
    assert found == names.Proposal("Stephan Livera", 1)


def test_propose_takes_the_most_frequent_name_then_falls_back_to_titled_mentions() -> None:
    texts = [["Remarks by Brian Deese"], ["Call with Director Brian Deese"], ["With Sam Deese"]]
    assert names.propose("MR. DEESE", texts) == names.Proposal("Brian Deese", 2)
    titles = "Remarks by First Lady Jill Biden\nStatement of President Joe Biden\nRemarks by First Lady Jill Biden"
    assert names.propose("PRESIDENT BIDEN", [["Remarks by President Biden"]], titles) == names.Proposal(
        "Joe Biden", 1, wide=True)
    assert names.propose("MR. BIDEN", [["Remarks"]], titles) is None  # no title to agree with: no fallback


def test_duplicates_need_the_same_honorific() -> None:
    keys = ["mr sullivan", "mr sullian", "ms williams", "mr williams", "president biden", "vice president biden"]
    assert [(keys[i], keys[j]) for i, j, _ in speaker_report._similar(keys)] == [("mr sullivan", "mr sullian")]


def test_check_summarises_health_and_strict_fails(briefings: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out == (
        "Health (8 findings; `onrecord speakers` proposes a speakers.yml fix):\n"
        "  2 of 4 episodes have no named speaker, largest first: content/shows/briefings/2021-03-03-statement.md, "
        "content/shows/briefings/2021-03-04-panel.md\n"
        "  2 labels seen only once: MR. SULLIAN, MR. SULLIVAN\n"
        "  1 label looks like a role: Q\n"  # MODERATOR is nobody by default (speakers.py), so no finding
        "  1 label names an office whose holder changes: THE PRESIDENT\n"
        "  1 label looks like prose, not a speaker: Consider\n"
        "  1 likely duplicate: MR. SULLIAN ~ MR. SULLIVAN\n"
        "  Most findings: content/shows/briefings/2021-03-02-sullivan.md (4)\n"
        "4 episodes, 1 shows, 6 speakers, 12 turns; 0 errors, 0 warnings, 8 health findings\n"
    )
    assert main(["check", "--strict"]) == 1


def test_speakers_proposes_names_and_the_snippet_resolves_them(
    briefings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speakers"]) == 0
    out = capsys.readouterr().out
    assert "  MR. DEESE      -> Brian Deese (named in 1 of its episodes)\n" in out
    assert "  MS. PSAKI      -> Jen Psaki (named in 2 of its episodes)\n" in out
    snippet = out.split("(merge into existing entries and lists):\n", 1)[1]
    assert snippet == SNIPPET
    assert set(yaml.safe_load(snippet)) == {"people", "unnamed"}
    (briefings / "content/speakers.yml").write_text(snippet, encoding="utf-8")
    result = archive.build(briefings / "content", root=briefings)
    people = {t.turn.speaker: t.person for e in result.episodes for t in e.turns}
    assert people == {"MS. PSAKI": "jen-psaki", "MR. DEESE": "brian-deese", "Q": None, "MR. SULLIVAN": "jake-sullivan",
                      "MR. SULLIAN": "jake-sullivan", "MODERATOR": None, "THE PRESIDENT": "the-president",
                      "Consider": "consider", "": None}
    assert sorted(result.labels) == ["consider", "the president"]
    assert not [p for p in result.problems if p.path.endswith("speakers.yml")]


def test_a_proposed_name_already_declared_becomes_an_alias(
    briefings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (briefings / "content/speakers.yml").write_text("people:\n  jake:\n    name: Jake Sullivan\n", encoding="utf-8")
    assert main(["speakers"]) == 0
    assert "people:\n  jake:\n    aliases:\n    - MR. SULLIAN\n    - MR. SULLIVAN\n  brian-deese:\n" in (
        capsys.readouterr().out)
