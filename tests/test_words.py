"""Word times: kept by the model only when they match the text, joined when turns merge, and
written on the episode page as each turn's ``data-words`` (generator/pages/wordtimes.py); a page
without them has none and does not load words.js. The browser side: tests/test_words_browser.py."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from conftest import ARCHIVE, mkdocs_build, silent_wav
from generator.archive import build
from generator.model import Turn
from generator.pages import Templates
from generator.pages.episode import episode_view
from generator.pages.wordtimes import data_words, encoded, shown
from generator.readers.common import merge_turns, word_times

#: (speaker, [(word, start)]): a WhisperX file's segments, one a turn; the second holds a note.
SEGMENTS = [
    ("SPEAKER_00", [("Good", 1.0), ("morning", 1.4), ("and", 1.9), ("welcome", 2.1), ("aboard", 2.6), ("the", 3.0),
                    ("harbour", 3.3), ("ferry.", 3.8)]),
    ("SPEAKER_01", [("Thanks", 5.0), ("[laughs]", 5.5), ("it", 6.2), ("is", 6.4), ("good", 6.6), ("to", 7.0),
                    ("be", 7.2), ("here.", 7.5)]),
    ("SPEAKER_00", [("We", 10.0), ("sail", 10.5), ("at", 10.8), ("noon,", 11.0), ("tide", 11.6), ("permitting.", 12.0)]),
]


def whisperx(words: bool) -> str:
    segments = []
    for speaker, said in SEGMENTS:
        segment = {"start": said[0][1], "end": said[-1][1] + 0.4, "speaker": speaker,
                   "text": " " + " ".join(w for w, _ in said)}
        if words:
            segment["words"] = [{"word": w, "start": t, "end": t + 0.3, "score": 0.9, "speaker": speaker} for w, t in said]
        segments.append(segment)
    return json.dumps({"segments": segments, "language": "en"})


def write_archive(root: Path) -> None:
    """A project with one show: ``ferry`` (WhisperX with word times) and ``plain`` (the same
    segments without words), both with 20 s of silent audio."""
    show = root / "content/shows/radio"
    show.mkdir(parents=True)
    (root / "content/pages").mkdir()
    (root / "content/pages/index.md").write_text("# Radio\n", encoding="utf-8")
    (root / "content/speakers.yml").write_text(
        "people:\n  mara-quinn: {name: Mara Quinn}\n  tom-okafor: {name: Tom Okafor}\n", encoding="utf-8")
    (show / "show.yml").write_text("title: Radio\n", encoding="utf-8")
    for name, words in (("ferry", True), ("plain", False)):
        (show / f"{name}.json").write_text(whisperx(words), encoding="utf-8")
        (show / f"{name}.yml").write_text(
            f"title: {name.title()}\ndate: 2024-05-01\naudio: {name}.wav\n"
            "speakers: {SPEAKER_00: mara-quinn, SPEAKER_01: tom-okafor}\n", encoding="utf-8")
        silent_wav(show / f"{name}.wav", 20)
    config = (ARCHIVE / "mkdocs.yml").read_text(encoding="utf-8")  # light and dark, as the user's system asks
    (root / "mkdocs.yml").write_text(config.replace("  - onrecord\n", "  - onrecord:\n      search: false\n"),
                                     encoding="utf-8")


def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:func:`write_archive` built by MkDocs: its project folder (the site is in ``site/``)."""
    root = tmp_path_factory.mktemp("words")
    write_archive(root)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory)


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


def test_a_turn_keeps_word_times_only_when_they_count_its_words() -> None:
    assert Turn("A", "one two three", 1.0, None, 1, (1.0, 1.5, 2.0)).word_times == (1.0, 1.5, 2.0)
    assert Turn("A", "one two three", 1.0, None, 1, (1.0, 1.5)).word_times == ()
    assert Turn("A", "one two", 1.0).word_times == ()


def test_word_times_never_go_backwards() -> None:
    assert Turn("A", "a b c d", 1.0, None, 1, (1.0, 2.0, 1.5, 3.0)).word_times == (1.0, 2.0, 2.0, 3.0)


def test_merged_turns_join_their_word_times_when_every_part_has_them() -> None:
    timed = [Turn("A", "Good morning.", 1.0, 2.0, 1, (1.0, 1.4)), Turn("A", "Welcome.", 2.5, 3.0, 2, (2.5,))]
    assert merge_turns(timed)[0].word_times == (1.0, 1.4, 2.5)
    assert merge_turns([*timed, Turn("A", "No times here.", 4.0)])[0].word_times == ()


def test_recognised_words_are_matched_to_the_text_by_their_letters() -> None:
    words = [(" Hel", 0.1, 0.2), ("lo,", 0.2, 0.3), (" the", 0.5, 0.6), (" 1990s", None, None), (" now", 1.0, 1.2)]
    assert word_times("Hello, the 1990s now", words, 0.0) == (0.1, 0.5, 0.6, 1.0)
    assert word_times("Hello, the 1980s now", words, 0.0) == ()  # not the same words: none rather than wrong ones
    assert word_times("Hi", [("Hi", None, None)], None) == ()  # no time to start it from


def test_the_page_times_the_words_it_shows_notes_left_out() -> None:
    assert shown("Thanks [laughs] it is", [5.0, 5.5, 6.2, 6.4]) == [5.0, 6.2, 6.4]
    assert shown("word[laughs]next end", [1.0, 2.0]) == [1.0, 1.0, 2.0]  # a note inside a word cuts it
    assert shown("One.\n\nTwo three", [1.0, 2.0, 3.0]) == [1.0, 2.0, 3.0]
    assert shown("zero\ufeffwidth", [1.0]) is None  # whitespace to a browser, not to Python


def test_word_times_are_written_as_centisecond_steps_from_the_turn_start() -> None:
    assert encoded(83.2, [83.18, 83.49, 83.89, 84.17]) == "-2 31 40 28"
    assert encoded(10800.123, [10800.2]) == "10"  # from data-start as written: "10800.1"
    assert data_words("Hello there", None, (1.0, 2.0)) == ""  # an untimed turn


def test_the_episode_page_carries_data_words_and_loads_words_js(site: Path) -> None:
    html = (site / "shows/radio/ferry/index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-start="([^"]+)" data-words="([^"]+)"', html) == [
        ("1", "0 40 50 20 50 40 30 50"), ("5", "0 120 20 20 40 20 30"), ("10", "0 50 30 20 60 40")]
    assert "assets/onrecord/words.js" in html


def test_a_page_without_word_times_has_no_data_words_and_no_words_js(site: Path) -> None:
    html = (site / "shows/radio/plain/index.html").read_text(encoding="utf-8")
    assert "data-start=" in html
    assert "data-words" not in html and "words.js" not in html


def test_without_audio_there_are_no_word_times(project: Path) -> None:
    archive = build(project / "content", root=project)
    ferry = next(e for e in archive.episodes if e.slug == "ferry")
    assert all(p.turn.word_times for p in ferry.turns)
    view = episode_view(archive, dataclasses.replace(ferry, audio=""))
    assert not view.words and not any(t.words for t in view.turns)


def test_the_python_turn_writes_the_partials_data_words(project: Path) -> None:
    archive = build(project / "content", root=project)
    templates = Templates()
    partial = templates.env.get_template("onrecord/partials/turn.html")
    ferry = next(e for e in archive.episodes if e.slug == "ferry")
    view = episode_view(archive, ferry)
    fast = templates.env.from_string("{{ turns(view.turns) }}").render(view=view, page_url=ferry.url)
    assert fast == "".join(partial.render(turn=t, page_url=ferry.url) + "\n" for t in view.turns)
    assert fast.count("data-words=") == 3
