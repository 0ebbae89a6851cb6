"""RTTM (who spoke when, generator/readers/rttm.py and generator/diarization.py): speakers for a
transcript from the RTTM of its stem, an RTTM alone as an episode with no text, bad RTTMs as
warnings on their lines, and a line in ``onrecord check`` for every file of a show that is not read.

The fixture show (tests/fixtures/rttm/shows/panel) is written by hand: a Whisper JSON with word
times and its RTTM (a speaker change inside a segment, and a listener's overlap), a WebVTT without
word times and its RTTM, and an RTTM alone whose ``spk00`` is mapped to Jane Doe by its sidecar.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ARCHIVE, FIXTURES, mkdocs_build
from generator import archive, cli, diarization
from generator.model import Archive, Turn
from generator.pages import Page, render
from generator.readers.rttm import Segment

PANEL = FIXTURES / "rttm"


def seg(start: float, end: float, name: str) -> Segment:
    return Segment(1, "x", start, end, name)


def said(turns: list[Turn]) -> list[tuple[str, str, float | None, float | None]]:
    return [(t.speaker, t.text, t.start, t.end) for t in turns]


def test_words_go_to_the_speaker_covering_their_midpoint_and_a_cue_is_split_there() -> None:
    turn = Turn("", "Hello  there. Hi, how are you?", 0.0, 4.0, 3, (0.0, 0.5, 2.0, 2.5, 3.0, 3.5))
    out = diarization.assign([turn], [seg(0.0, 1.9, "A"), seg(1.9, 4.0, "B")])
    assert said(out) == [("A", "Hello  there.", 0.0, 2.0), ("B", "Hi, how are you?", 2.0, 4.0)]
    assert [t.word_times for t in out] == [(0.0, 0.5), (2.0, 2.5, 3.0, 3.5)]
    assert {t.line for t in out} == {3}


def test_overlap_keeps_the_continuing_speaker_else_the_longer_turn() -> None:
    long_turn, backchannel = seg(0.0, 10.0, "A"), seg(3.0, 4.0, "B")
    sentence = Turn("", "one two three four five", 2.0, 5.0, 1, (2.0, 2.8, 3.2, 3.6, 4.4))
    out = diarization.assign([sentence], [long_turn, backchannel])
    assert said(out) == [("A", "one two three four five", 2.0, 5.0)]
    opening = Turn("", "yes", 3.2, 3.6, 1, (3.2,))  # nobody spoke before it: the longer turn
    assert said(diarization.assign([opening], [backchannel, long_turn]))[0][0] == "A"


def test_a_cue_without_word_times_goes_to_who_covers_most_of_it() -> None:
    cues = [Turn("", "first", 0.0, 4.0), Turn("", "second", 4.0, None), Turn("", "third", 9.0, 9.5)]
    out = diarization.assign(cues, [seg(0.0, 1.5, "A"), seg(1.5, 6.0, "B"), seg(6.0, 8.6, "A")])
    # "second" lasts to the next cue's start (4..9: B 2 s, A 2.6 s); "third" is 0.4 s past A's turn: the nearest
    assert [t.speaker for t in out] == ["B", "A", "A"]
    far = diarization.assign([Turn("", "late", 20.0, 21.0)], [seg(0.0, 1.0, "A")])
    assert far[0].speaker == ""  # nobody within diarization.NEAR


def test_a_word_far_from_any_rttm_turn_goes_with_the_word_before_it() -> None:
    turn = Turn("", "far first then gap last", 0.0, 12.0, 1, (0.0, 4.0, 5.0, 7.0, 11.0))
    out = diarization.assign([turn], [seg(4.0, 5.4, "A"), seg(10.5, 12.0, "B")])
    # "far" (nobody near 2.0) goes with the first named word; "gap" (its midpoint 9.0) with "then" before it
    assert said(out) == [("A", "far first then gap", 0.0, 11.0), ("B", "last", 11.0, 12.0)]


def test_labelled_and_untimed_turns_are_left_as_they_are() -> None:
    turns = [Turn("Ann", "mine", 0.0, 1.0), Turn("", "untimed"), Turn("", "open", 1.0, 2.0)]
    out = diarization.assign(turns, [seg(0.0, 2.0, "B")])
    assert [t.speaker for t in out] == ["Ann", "", "B"]


@pytest.fixture(scope="module")
def panel() -> Archive:
    return archive.build(PANEL, root=PANEL.parent)


def episode_turns(result: Archive, slug: str) -> list[tuple[str | None, str, str, float | None]]:
    episode = next(e for e in result.episodes if e.slug == slug)
    return [(p.person, p.turn.speaker, p.turn.text, p.turn.start) for p in episode.turns]


def test_a_transcript_takes_its_speakers_from_the_rttm_beside_it(panel: Archive) -> None:
    assert panel.problems == ()
    assert episode_turns(panel, "2024-03-01-interview") == [
        ("jane-doe", "spk00", "Welcome to the panel.", 0.0),  # spk00 mapped by the sidecar's speakers:
        (None, "spk01", "Thanks, Jane. Mm-hmm.", 2.2),  # split mid-segment; the overlap stays with spk01
        ("jane-doe", "spk00", "Glad you came.", 5.0),
    ]
    assert [(who, text) for _, who, text, _ in episode_turns(panel, "2024-03-02-call")] == [
        ("Office", "Good morning, this is the harbour office."), ("Reed", "Morning. I am calling about my boat."),
        ("Office", "Of course, which one is it?")]
    slugs = sorted(e.slug for e in panel.episodes)  # the paired RTTMs are no episodes of their own
    assert slugs == ["2024-03-01-interview", "2024-03-02-call", "2024-03-03-meeting"]


def test_an_rttm_alone_is_an_episode_of_turns_with_no_text(panel: Archive) -> None:
    meeting = next(e for e in panel.episodes if e.slug == "2024-03-03-meeting")
    assert meeting.format == "rttm" and meeting.title == "The meeting"
    assert [(p.person, p.turn.speaker, p.turn.start, p.seconds) for p in meeting.turns] == [
        ("jane-doe", "spk00", 0.0, 25.0), (None, "spk01", 25.0, 5.5), (None, "spk01", 30.0, 10.0),
        ("jane-doe", "spk00", 40.0, 20.0), (None, "spk02", 60.0, 4.0)]
    apps = {a.episode.slug: a for a in panel.appearances["jane-doe"]}
    assert (apps["2024-03-03-meeting"].words, apps["2024-03-03-meeting"].seconds) == (0, 45.0)


def pages(result: Archive) -> dict[str, Page]:
    return {item.src_uri: item for item in render(result) if isinstance(item, Page)}


def test_the_rttm_alone_page_shows_talk_times_a_strip_and_a_table_of_turns(panel: Archive) -> None:
    built = pages(panel)
    body = str(built["shows/panel/2024-03-03-meeting/index.md"].html)
    assert ('<tr><th scope="row"><span class="onr-key onr-s0" aria-hidden="true"></span>'
            '<a href="../../../speakers/jane-doe/">Jane Doe</a></th><td>45 s</td><td>70%</td><td>2</td></tr>') in body
    assert '<span class="onr-key onr-s1" aria-hidden="true"></span>spk01</th><td>15 s</td><td>24%</td><td>2</td>' in body
    assert '<rect class="onr-s1" x="390.6" y="0" width="85.9" height="20"><title>spk01 · 00:25</title>' in body
    assert ('<tr id="t25"><td><a class="onr-time" href="#t25" data-seek="25">00:25</a></td><td>00:30</td>'
            '<td><span class="onr-key onr-s1" aria-hidden="true"></span>spk01</td></tr>') in body
    assert 'id="transcript">Who spoke when</h2>' in body
    assert "onr-transcript" not in body and "onr-find" not in body and "transcript.json" not in body
    assert not any(uri.startswith("shows/panel/2024-03-03-meeting/transcript.") for uri in built)
    person = str(built["speakers/jane-doe/index.md"].html)
    assert "The meeting</a>" in person and "45 s of talk, no transcript" in person
    assert "Search this person" in person  # she has words in the interview


def test_rttm_names_are_escaped(tmp_path: Path) -> None:
    project = copy_panel(tmp_path)
    (project / "content/shows/panel/2024-03-03-meeting.rttm").write_text(
        "SPEAKER meeting 1 0 5 <NA> <NA> <b>&amp;x <NA> <NA>\n", encoding="utf-8")
    built = pages(archive.build(project / "content", root=project))
    body = str(built["shows/panel/2024-03-03-meeting/index.md"].html)
    assert "<b>&amp;x" not in body and "&lt;b&gt;&amp;amp;x" in body
    person = str(built["speakers/b-amp-x/index.md"].html)  # talk time and no words: nothing to search for
    assert "&lt;b&gt;&amp;amp;x" in person and "Search this person" not in person and "5 s of talk" in person


def copy_panel(tmp_path: Path) -> Path:
    """The fixture project (mkdocs.yml, pages) with the panel show as its only show."""
    project = tmp_path / "project"
    shutil.copytree(ARCHIVE, project, ignore=shutil.ignore_patterns("site", "shows"))
    shutil.copytree(PANEL / "shows", project / "content/shows")
    shutil.copy(PANEL / "speakers.yml", project / "content/speakers.yml")
    return project


def test_build_shows_the_pair_and_the_rttm_alone(tmp_path: Path) -> None:
    project = copy_panel(tmp_path)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    interview = (site / "shows/panel/2024-03-01-interview/index.html").read_text(encoding="utf-8")
    assert interview.count('class="onr-who" href="../../../speakers/jane-doe/">Jane Doe</a>') == 2
    assert '<span class="onr-who">spk01</span>' in interview
    meeting = (site / "shows/panel/2024-03-03-meeting/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Who spoke when: 5 turns across 01:04"' in meeting
    assert meeting.count("<title>Jane Doe · ") == 2
    assert (site / "speakers/jane-doe/index.html").exists() and not (site / "speakers/spk01").exists()


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHello there.\n\n00:00:04.000 --> 00:00:08.000\nHi.\n"


def test_caption_cues_take_their_speakers_before_they_are_joined_into_paragraphs(tmp_path: Path) -> None:
    """Short cues that name nobody are joined into paragraphs (captions.py), but an RTTM beside them
    gives each cue its speaker first: joined first, the paragraph would go whole to one of them."""
    cues = ["Hello there", "how are", "you today.", "Fine thanks", "and you?"]
    show = tmp_path / "content/shows/s"
    write(show, {
        "show.yml": "title: S\n",
        "2024-01-01-a.vtt": "WEBVTT\n\n" + "".join(
            f"00:00:0{i}.000 --> 00:00:0{i + 1}.000\n{text}\n\n" for i, text in enumerate(cues)),
        "2024-01-01-a.rttm": "SPEAKER 2024-01-01-a 1 0 3 <NA> <NA> spk00 <NA> <NA>\n"
                             "SPEAKER 2024-01-01-a 1 3 2 <NA> <NA> spk01 <NA> <NA>\n",
        "2024-01-02-b.vtt": "WEBVTT\n\n" + "".join(
            f"00:00:0{i}.000 --> 00:00:0{i + 1}.000\n{text}\n\n" for i, text in enumerate(cues)),
    })
    result = archive.build(tmp_path / "content", root=tmp_path)
    assert [(w, text, start) for _, w, text, start in episode_turns(result, "2024-01-01-a")] == [
        ("spk00", "Hello there how are you today.", 0.0), ("spk01", "Fine thanks and you?", 3.0)]
    assert [text for _, _, text, _ in episode_turns(result, "2024-01-02-b")] == [" ".join(cues)]  # no RTTM: joined


def test_an_rttm_that_does_not_match_its_transcript_is_a_warning_and_left_out(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    write(show, {
        "show.yml": "title: S\n",
        "2024-01-01-a.vtt": VTT, "2024-01-01-a.rttm": "SPEAKER someone-else 1 0 8 <NA> <NA> spk00 <NA> <NA>\n",
        "2024-01-02-b.vtt": VTT, "2024-01-02-b.rttm": (  # its file id may leave the date out
            "SPEAKER b 1 0 4 <NA> <NA> spk00 <NA> <NA>\nSPEAKER 2024-01-02-b 1 4 -4 <NA> <NA> spk01 <NA> <NA>\n"
            "SPEAKER 2024-01-02-b 1 4 4 <NA> <NA> spk01\nSPEAKER 2024-01-02-b 1 60 4 <NA> <NA> spk01 <NA> <NA>\n"),
        "2024-01-03-c.vtt": VTT.replace("Hello there.", "<v Ann>Hello there.</v>").replace("\nHi.", "\n<v Bo>Hi."),
        "2024-01-03-c.rttm": "SPEAKER 2024-01-03-c 1 0 8 <NA> <NA> spk00 <NA> <NA>\n",
        "2024-01-04-d.md": "Hello there.\n\nHi.\n",
        "2024-01-04-d.rttm": "SPEAKER 2024-01-04-d 1 0 8 <NA> <NA> spk00 <NA> <NA>\n",
        "2024-01-05-e.vtt": VTT,
        "2024-01-05-e.rttm": "SPEAKER 2024-01-05-e 1 0 2 <NA> <NA> A <NA> <NA>\nSPEAKER xyz 1 4 4 <NA> <NA> B <NA> <NA>\n",
    })
    result = archive.build(tmp_path / "content", root=tmp_path)
    where = "content/shows/s/"
    assert [(str(p), p.severity) for p in result.problems] == [
        (f"{where}2024-01-01-a.rttm:1: not used: its file id 'someone-else' is not this transcript's ('2024-01-01-a'; "
         "the RTTM's file id must be the transcript's name, without its date or with it, or its audio file's)", "warning"),
        (f"{where}2024-01-02-b.rttm:2: negative duration -4: left out", "warning"),
        (f"{where}2024-01-02-b.rttm:4: 1 turn starts after 2024-01-02-b.vtt ends (at 00:00:08.000): left out", "warning"),
        (f"{where}2024-01-03-c.rttm:1: not used: 2024-01-03-c.vtt names its own speakers (a transcript's labels are kept; "
         "only turns that name nobody take RTTM speakers)", "info"),
        (f"{where}2024-01-04-d.rttm:1: not used: 2024-01-04-d.md has no times to match its turns with", "warning"),
        (f"{where}2024-01-05-e.rttm:2: 1 turn of another recording ('xyz') left out: this transcript is '2024-01-05-e'",
         "warning"),
    ]
    speakers = {e.slug: [p.turn.speaker for p in e.turns] for e in result.episodes}
    # a's RTTM is not used, so its two cues are joined into one paragraph as any captions' are
    assert speakers == {"2024-01-01-a": [""], "2024-01-02-b": ["spk00", "spk01"], "2024-01-03-c": ["Ann", "Bo"],
                        "2024-01-04-d": ["", ""], "2024-01-05-e": ["A", ""]}


def test_every_file_of_a_show_that_is_not_read_gets_a_line_in_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    show = tmp_path / "content/shows/s"
    write(show, {
        "show.yml": "title: S\n", "2024-01-01-a.vtt": VTT, "2024-01-01-a.yml": "audio: a.mp3\n",
        "notes.docx": "x", "README": "x", "orphan.yml": "title: nothing\n", "2024-01-01-a.yaml": "title: A\n",
        "extra/show.yml": "title: Inner\n", "cover.png": "x", "slides.pdf": "x", "unused.mp3": "x",
        "_drafts/old.md": "Old: words\n", ".DS_Store": "x",
    })
    (show / "a.mp3").write_bytes(b"ID3" + bytes(20))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--content", "content"]) == 0
    where = "content/shows/s/"
    err = sorted(capsys.readouterr().err.splitlines())
    assert err == sorted([
        f"{where}2024-01-01-a.yaml:1: not read: sidecars end in .yml (rename it 2024-01-01-a.yml)",
        f"{where}README:1: not read: a file with no extension is not a format On Record reads (transcripts end in "
        ".htm, .html, .json, .markdown, .md, .rttm, .srt, .txt, .vtt, .webvtt)",
        f"{where}cover.png:1: not read: an image, published only where a transcript links to it",
        f"{where}extra/show.yml:1: not read: show.yml is read only at the top of a show folder (shows/<show>/show.yml)",
        f"{where}notes.docx:1: not read: '.docx' files are not a format On Record reads (transcripts end in "
        ".htm, .html, .json, .markdown, .md, .rttm, .srt, .txt, .vtt, .webvtt)",
        f"{where}orphan.yml:1: not read: a sidecar with no transcript (no orphan.md, .vtt, .srt, .json ... beside it)",
        f"{where}slides.pdf:1: not read: a document, published only where a transcript links to it",
        f"{where}unused.mp3:1: not published: an audio file no episode names in 'audio:'",
    ])
