"""Rosters and roles (generator/rosters.py): a show's ``Name (ABR)`` file, attendee tables in a
transcript, a Spacelog mission's ``_meta``, and labels that mean someone else in each episode."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from test_archive import EPISODE, write

from conftest import fixture_project, mkdocs_build
from generator import archive, rosters
from generator.model import Archive
from generator.pages import people as people_pages

MEETING = "DE: Welcome, everyone.\n\nMM: Thank you.\n\nDE: We are done.\n\nXYZ: One more thing."
DELEGATES = """# TC39 delegates
Daniel Ehrenberg (DE)
Mark S. Miller (MM)
Lei Zhao(LZH)
Waldemar Horwat (WH)
Michael Ficarra
Mark Miller (MM)
"""


def messages(result: Archive) -> list[str]:
    return [str(p) for p in result.problems]


def test_roster_file_names_labels_and_only_speakers_get_pages(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/tc39/show.yml": "title: TC39\nroster: delegates.txt\n",
        "content/shows/tc39/delegates.txt": DELEGATES,
        "content/shows/tc39/2022-07-19.md": EPISODE.format(title="July", date="2022-07-19", body=MEETING),
    })
    result = archive.build(content, root=tmp_path)
    assert [e.slug for e in result.episodes] == ["2022-07-19"]  # the roster is not a transcript
    turns = result.episodes[0].turns
    assert [t.person for t in turns] == ["daniel-ehrenberg", "mark-s-miller", "daniel-ehrenberg", "xyz"]
    assert result.people["daniel-ehrenberg"].name == "Daniel Ehrenberg"
    assert result.people["xyz"].name == "Xyz"  # a label the roster lacks is shown as any other label
    assert "waldemar-horwat" not in result.people and "lei-zhao" not in result.people  # they never speak
    assert "de" not in result.labels and "xyz" in result.labels  # named by the roster: not unknown
    roster = "content/shows/tc39/delegates.txt"
    assert messages(result) == [
        f"{roster}:6: expected a name and its abbreviation, e.g. 'Daniel Ehrenberg (DE)', found 'Michael Ficarra'",
        f"{roster}:7: 'MM' is 'Mark S. Miller' on line 3 and 'Mark Miller' on line 7: line 3 is used",
    ]


def test_roster_names_resolve_through_speakers_yml(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/speakers.yml": "people:\n  dan:\n    name: Dan Ehrenberg\n    aliases: [Daniel Ehrenberg]\n"
                                "  silent:\n    name: Never Speaks\n",
        "content/shows/tc39/show.yml": "title: TC39\nroster: ../delegates.txt\n",
        "content/shows/delegates.txt": DELEGATES,  # beside the show folders, for several shows
        "content/shows/tc39/2022-07-19.md": EPISODE.format(title="July", date="2022-07-19", body=MEETING),
    })
    result = archive.build(content, root=tmp_path)
    assert result.episodes[0].turns[0].person == "dan"
    listed = [p.id for p in people_pages.listed(result)]
    assert "dan" in listed and "silent" not in listed  # declared, but never speaks: no page


def test_attendee_table_names_labels_for_its_episode_only(tmp_path: Path) -> None:
    table = ("| Name | Abbreviation | Organization |\n| --- | --- | --- |\n"
             "| Daniel Ehrenberg | DE | Bloomberg |\n| Mark S. Miller | MM | Agoric |\n\n")
    content = write(tmp_path, {
        "content/shows/tc39/show.yml": "title: TC39\n",
        "content/shows/tc39/2022-07-19.md": EPISODE.format(title="July", date="2022-07-19", body=table + MEETING),
        "content/shows/tc39/2022-09-13.md": EPISODE.format(title="September", date="2022-09-13", body=MEETING),
    })
    result = archive.build(content, root=tmp_path)
    july, september = (next(e for e in result.episodes if e.title == t) for t in ("July", "September"))
    assert [t.person for t in july.turns if t.turn.speaker] == ["daniel-ehrenberg", "mark-s-miller",
                                                                "daniel-ehrenberg", "xyz"]
    assert [t.person for t in september.turns] == ["de", "mm", "de", "xyz"]  # no table there


def test_the_episode_speakers_map_wins_and_takes_names(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/tc39/show.yml": "title: TC39\nroster: delegates.txt\n",
        "content/shows/tc39/delegates.txt": DELEGATES,
        "content/shows/tc39/2022-07-19.md": MEETING,
        "content/shows/tc39/2022-07-19.yml": "date: 2022-07-19\nspeakers:\n  DE: Dan Minor\n  XYZ: no-such-id\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [t.person for t in result.episodes[0].turns] == ["dan-minor", "mark-s-miller", "dan-minor", "xyz"]
    assert result.people["dan-minor"].name == "Dan Minor"
    assert any("'XYZ' maps to 'no-such-id', which is not a person id" in m for m in messages(result))


def test_a_missing_roster_file_is_an_error_on_its_show_yml_line(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/tc39/show.yml": "title: TC39\nroster: nowhere.txt\n",
        "content/shows/tc39/2022-07-19.md": EPISODE.format(title="July", date="2022-07-19", body=MEETING),
    })
    result = archive.build(content, root=tmp_path)
    assert messages(result) == ["content/shows/tc39/show.yml:2: roster 'nowhere.txt': no such file under content/ "
                                "(looked in tc39/); expected a file of lines such as 'Daniel Ehrenberg (DE)'"]
    assert result.episodes[0].turns[0].person == "de"


def test_roster_lines() -> None:
    roster = rosters.parse_roster("\ufeffAda Lovelace (AL)\n\n  Lei Zhao(LZH)  \nDr. Felienne Hermans (FHS)\n"
                                  "(XX)\nAda Lovelace (AL)\n")
    assert roster.names() == {"AL": "Ada Lovelace", "LZH": "Lei Zhao", "FHS": "Dr. Felienne Hermans"}
    assert [f"{n.line}: {n.message}" for n in roster.notices] == [
        "5: expected a name and its abbreviation, e.g. 'Daniel Ehrenberg (DE)', found '(XX)'"]  # same twice: fine


# A Spacelog mission in the shape of spacelog.org's (a8, mr4): a _meta beside extensionless streams.
A8_META: dict[str, Any] = {
    "name": "a8", "utc_launch_time": "1968-12-21T12:51:00",
    "copy": {"title": "Apollo 8", "description": "The first people to leave earth orbit."},
    "characters": {
        "CDR": {"role": "astronaut", "name": "Frank F. Borman, II", "short_name": "Frank Borman (CDR)"},
        "CMP": {"role": "astronaut", "name": "James A. Lovell, Jr", "short_name": "Jim Lovell (CMP)"},
        "CC": {"role": "mission-ops-title", "name": "Capsule Communicator", "short_name": "CAPCOM"},
        "MIKE_COLLINS": {"role": "mission-ops", "name": "Michael Collins"},
    },
    "main_transcript": "a8/TEC", "media_transcript": "a8/MEDIA",
}
A8_TEC = """[-00:00:01:30]
_page : 1
CC: T minus 90 seconds.

[00:00:00:01]
_tape : Tape 1 / Page 1
CDR: Lift off. The clock is running.

[00:00:00:04]
CC: Roger. Clock.
CMP: Clear the tower.
     HEATERS
     NOUN 61

[00:00:01:02]
LMP: Roger.
"""
A8_MEDIA = '[00:00:00:02]\n_images: [\n    {"filename": "S68-56001.jpg"}\n    ]\n'
A11_META = {"name": "a11", "utc_launch_time": "1969-07-16T13:32:00", "copy": {"title": "Apollo 11"},
            "characters": {"CDR": {"name": "Neil A. Armstrong", "short_name": "Neil Armstrong (CDR)"},
                           "CMP": {"name": "Michael Collins", "short_name": "Mike Collins (CMP)"}}}
A11_TEC = "[00:00:00:01]\nCDR: Lift-off.\n\n[00:00:00:10]\nCMP: Roger.\n"


def missions(root: Path) -> Path:
    return write(root, {
        "content/shows/spacelog/show.yml": "title: Spacelog\n",
        "content/shows/spacelog/a8/_meta": json.dumps(A8_META, indent=4),
        "content/shows/spacelog/a8/TEC": A8_TEC,
        "content/shows/spacelog/a8/MEDIA": A8_MEDIA,
        "content/shows/spacelog/a11/_meta": json.dumps(A11_META),
        "content/shows/spacelog/a11/TEC": A11_TEC,
    })


def test_spacelog_missions_are_episodes_with_their_own_roles(tmp_path: Path) -> None:
    result = archive.build(missions(tmp_path), root=tmp_path)
    assert messages(result) == ["content/shows/spacelog/a8/MEDIA:1: not read: the Spacelog mission's media stream "
                                "(its _meta names it 'media_transcript': photographs, no speech)"]
    assert result.problems[0].severity == "info"
    a11, a8 = result.episodes  # newest first; MEDIA holds no speech and is no episode
    assert (a8.slug, a8.title, str(a8.date), a8.format) == ("a8-tec", "Apollo 8 (TEC)", "1968-12-21", "spacelog")
    assert a8.description == "The first people to leave earth orbit."
    assert [(t.turn.speaker, t.person, t.turn.start) for t in a8.turns] == [
        ("CC", "capcom", -90.0), ("CDR", "frank-borman", 1.0), ("CC", "capcom", 4.0),
        ("CMP", "jim-lovell", 4.0), ("LMP", "lmp", 62.0)]  # LMP: not in _meta, kept as its label
    assert a8.turns[3].turn.text == "Clear the tower. HEATERS NOUN 61"  # a checklist is no speaker
    assert result.appearances["frank-borman"][0].seconds == 3.0  # to the next call (at 4), not to silence's end
    assert [t.person for t in a11.turns] == ["neil-armstrong", "mike-collins"]  # CDR is someone else here
    names = {pid: p.name for pid, p in result.people.items()}
    assert names == {"capcom": "CAPCOM", "frank-borman": "Frank Borman", "jim-lovell": "Jim Lovell",
                     "lmp": "LMP", "neil-armstrong": "Neil Armstrong", "mike-collins": "Mike Collins"}


def test_a_broken_meta_is_a_warning_and_the_stream_builds_with_labels(tmp_path: Path) -> None:
    content = missions(tmp_path)
    (content / "shows/spacelog/a11/_meta").write_text('{"name": "a11",\n "characters": {,}}', encoding="utf-8")
    result = archive.build(content, root=tmp_path)
    problems = [p for p in result.problems if p.path.endswith("a11/_meta")]
    assert [(str(p), p.severity) for p in problems] == [
        ("content/shows/spacelog/a11/_meta:2: _meta is not valid JSON (Expecting property name enclosed in "
         "double quotes): labels are shown as written", "warning")]
    a11 = next(e for e in result.episodes if e.path.endswith("a11/TEC"))
    assert [t.person for t in a11.turns] == ["cdr", "cmp"]
    assert a11.slug == "tec" and a11.date is None


def test_spacelog_sample_builds_with_its_people_and_mission_times(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    shutil.rmtree(project / "content/shows")
    content = missions(project)
    (project / "content/speakers.yml").write_text("people: {}\n", encoding="utf-8")
    hostile = {**A8_META, "characters": {**A8_META["characters"], "LMP": {"short_name": "<i>Bill</i> & Co (LMP)"}}}
    (content / "shows/spacelog/a8/_meta").write_text(json.dumps(hostile), encoding="utf-8")  # untrusted: escaped
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    people = {p["id"]: p["name"] for p in json.loads((site / "data/people.json").read_text())}
    assert people == {"capcom": "CAPCOM", "frank-borman": "Frank Borman", "jim-lovell": "Jim Lovell",
                      "i-bill-i-co": "<i>Bill</i> & Co", "neil-armstrong": "Neil Armstrong", "mike-collins": "Mike Collins"}
    page = (site / "shows/spacelog/a8-tec/index.html").read_text()
    assert 'href="#t-90">-01:30</a>' in page and 'href="#t62">01:02</a>' in page
    assert "Frank Borman" in page and "HEATERS" in page
    assert "&lt;i&gt;Bill&lt;/i&gt; &amp; Co" in page and "<i>Bill" not in page
    segments = json.loads((site / "shows/spacelog/a8-tec/transcript.json").read_text())["segments"]
    assert [(s["speaker"], s["startTime"]) for s in segments] == [
        ("CAPCOM", -90.0), ("Frank Borman", 1.0), ("CAPCOM", 4.0), ("Jim Lovell", 4.0), ("<i>Bill</i> & Co", 62.0)]
    assert not (site / "shows/spacelog/a8-tec/transcript.vtt").exists()  # captions cannot start before zero
    assert (site / "speakers/frank-borman/index.html").exists() and not (site / "speakers/michael-collins").exists()
