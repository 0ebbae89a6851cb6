"""The command line: exit codes, messages, and what it writes (and refuses to overwrite)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARCHIVE, mkdocs_build
from generator import scaffold
from generator.cli import main


def test_check_passes_on_the_fixture_archive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", "--content", str(ARCHIVE / "content")]) == 0
    assert capsys.readouterr().out == "3 episodes, 2 shows, 3 speakers, 11 turns; 0 errors, 0 warnings\n"


def test_check_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "a.md").write_text("---\ndate: 2024-01-01\ntittle: A\n---\nAnn: hi\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "content/shows/s/a.md:3: unknown key 'tittle' in episode metadata; did you mean 'title'?" in err


def test_check_prints_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "a.md").write_text("---\ntitle: A\n---\nA: hi\n", encoding="utf-8")
    (show / "b.md").write_bytes(b"---\ndate: 2024-01-01\n---\nA: caf\xe9\n")
    (show / "c.md").write_text("---\ndate: 2024-01-01\n---\nAnn: fine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out = capsys.readouterr()
    assert out.err.splitlines()[0].startswith("content/shows/s/a.md:2: no date: listed as undated")
    assert "content/shows/s/b.md:4: expected UTF-8 text, found byte 0xe9 (save the file as UTF-8)" in out.err
    assert out.out == (
        "Health (2 findings; `onrecord speakers` proposes a speakers.yml fix):\n"
        "  1 of 2 episodes has no named speaker: content/shows/s/a.md\n"
        "  1 label seen only once: Ann\n"
        "2 episodes, 1 shows, 1 speakers, 2 turns; 1 errors, 1 warnings, 2 health findings\n"
    )


def test_check_without_shows_folder_says_what_it_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(tmp_path)]) == 1
    assert "no shows/ folder here" in capsys.readouterr().err


def test_generate_writes_a_markdown_tree_with_html_inline(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", "--content", str(ARCHIVE / "content"), "--out", str(out)]) == 0
    episode = (out / "shows/harbour-talk/tides/index.md").read_text(encoding="utf-8")
    assert episode.startswith("---\ntitle: Tides &amp; &lt;Timetables&gt;\n")
    assert 'id="t4"' in episode and "<!--onrecord:" not in episode
    assert (out / "speakers/ines-moreau/index.md").exists()
    assert (out / "index.md").exists() and (out / "timeline/index.md").exists()


def test_generate_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.md").write_text("mine", encoding="utf-8")
    assert main(["generate", "--content", str(ARCHIVE / "content"), "--out", str(tmp_path)]) == 1
    assert "pass --force" in capsys.readouterr().err
    assert (tmp_path / "keep.md").read_text(encoding="utf-8") == "mine"


def test_new_project_builds_with_mkdocs(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    assert main(["new", str(target)]) == 0
    assert {path: (target / path).read_text(encoding="utf-8") for path in scaffold.files()} == scaffold.files()
    result = mkdocs_build(target)
    assert result.returncode == 0, result.stderr
    assert (target / "site/shows/example/first-episode/index.html").exists()
    (target / "requirements.txt").write_text("mine\n", encoding="utf-8")
    assert main(["new", str(target)]) == 1  # never over an existing project
    assert (target / "requirements.txt").read_text(encoding="utf-8") == "mine\n"


def test_python_dash_m_is_the_same_program() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("onrecord ")


def test_speakers_lists_unresolved_labels_duplicates_and_a_snippet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content/shows/s").mkdir(parents=True)
    (tmp_path / "content/speakers.yml").write_text(
        "people:\n  seth-fiegerman:\n    name: Seth Fiegerman\n  jen-psaki:\n    name: Jen Psaki\nunnamed: [Q]\n")
    (tmp_path / "content/shows/s/2021-01-01-a.txt").write_text(
        "Seth Fiegeman: One.\nMR KIRBY: Two.\nQ: Three?\nSPEAKER_03: Four.\nMR. KIRBEY: Five.\nMR KIRBY: Six.\n")
    (tmp_path / "content/shows/s/2021-01-02-b.txt").write_text("Jen Psaki: Seven.\nSPEAKER_03: Eight.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["speakers"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        "Unresolved labels (4), by number of turns:",
        "  MR KIRBY           2 turns  content/shows/s/2021-01-01-a.txt",
        "  SPEAKER_03         2 turns  content/shows/s/2021-01-01-a.txt, content/shows/s/2021-01-02-b.txt",
        "  MR. KIRBEY         1 turns  content/shows/s/2021-01-01-a.txt",
        "  Seth Fiegeman      1 turns  content/shows/s/2021-01-01-a.txt",
    ]
    assert "'Seth Fiegeman' ~ 'Seth Fiegerman' (seth-fiegerman in speakers.yml) 96%" in out
    assert "'MR KIRBY' ~ 'MR. KIRBEY' (another unresolved label) 94%" in out
    assert "people:\n  seth-fiegerman:\n    aliases:\n    - Seth Fiegeman\n  mr-kirby:\n    name: MR KIRBY\n" in out
    assert "#   speakers: {SPEAKER_03: jane-doe}" in out
    assert main(["speakers", "--strict"]) == 1


def test_speakers_strict_passes_when_everything_resolves(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ARCHIVE)
    assert main(["speakers", "--strict"]) == 0
    assert "Every speaker label resolves" in capsys.readouterr().out
