"""Building again after a change (generator/incremental.py): what it makes is what a full build
makes, and it declines every change it cannot follow."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ARCHIVE, mkdocs_build
from generator import cache, incremental, readers
from generator.feeds import Settings as FeedSettings
from generator.pages import Download
from generator.progress import Progress

DEMO = Path(__file__).parent.parent / "content"


def settings(content: Path) -> incremental.Settings:
    return incremental.Settings(
        content=content, root=content.parent, drafts=False, site_name="Test", custom_dir=None, language=None,
        site_url="https://example.org/", feeds=FeedSettings("https://example.org/", "Test"), search=True,
        external_search=None, data=True)


def quiet() -> Progress:
    return Progress(live=False)


def project(tmp_path: Path, source: Path = ARCHIVE / "content") -> Path:
    content = tmp_path / "content"
    shutil.copytree(source, content)
    return content


def edit(path: Path, old: str, new: str, last: bool = False) -> None:
    """Replace the first (or ``last``) ``old`` in ``path`` with ``new``, as a save does."""
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    if last:
        head, _, tail = text.rpartition(old)
        path.write_text(head + new + tail, encoding="utf-8")
    else:
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a save within the clock's tick


def same_as_full(state: incremental.State, content: Path) -> None:
    full = incremental.build(settings(content), quiet())
    assert [item.src_uri for item in state.items] == [item.src_uri for item in full.items]
    for mine, theirs in zip(state.items, full.items, strict=True):
        assert mine == theirs, mine.src_uri
    assert state.archive == full.archive


def test_an_edited_turn_renders_its_episode_and_people_again_as_a_full_build_would(tmp_path: Path) -> None:
    content = project(tmp_path)
    memo = readers.Memo()
    state = incremental.build(settings(content), quiet(), memo)
    edit(content / "shows/night-lab/untimed.md", "so the city lights", "so that the city lights")
    after = incremental.update(state, quiet(), memo)
    assert after is not None
    changed = {new.src_uri for old, new in zip(state.items, after.items, strict=True) if old is not new}
    assert "shows/night-lab/untimed/index.md" in changed
    assert "shows/night-lab/stars/index.md" not in changed  # untouched pages are the very same values
    assert "index.md" not in changed and "timeline/index.md" not in changed
    turns = next(i for i in after.items if i.src_uri == "data/turns.csv")
    assert isinstance(turns, Download) and "so that the city lights" in turns.content
    same_as_full(after, content)


def test_nothing_changed_is_the_same_build(tmp_path: Path) -> None:
    content = project(tmp_path)
    state = incremental.build(settings(content), quiet())
    after = incremental.update(state, quiet())
    assert after is not None and after.items == state.items


@pytest.mark.parametrize(("change", "why"), [
    (lambda c: edit(c / "shows/night-lab/untimed.md", "title: Untimed Notes", "title: Untimed"), "lists show titles"),
    (lambda c: edit(c / "shows/night-lab/untimed.md", "tags: [Astronomy]", "tags: [Optics]"), "tags list it"),
    (lambda c: edit(c / "shows/night-lab/untimed.md", "AUDIENCE MEMBER: Could", "Mara Quill: Could"),
     "someone new speaks"),
    (lambda c: (c / "shows/night-lab/new.md").write_text("---\ntitle: New\ndate: 2022-02-01\n---\nLena Fisk: Hi.\n"),
     "a new episode"),
    (lambda c: (c / "shows/night-lab/stars.md").unlink(), "an episode deleted"),
    (lambda c: edit(c / "speakers.yml", "Lena Fisk", "Lena Fiske"), "speakers.yml"),
    (lambda c: edit(c / "shows/night-lab/show.yml", "title:", "title: The"), "the show"),
])
def test_changes_that_show_on_other_pages_build_everything(tmp_path: Path, change: object, why: str) -> None:
    content = project(tmp_path)
    state = incremental.build(settings(content), quiet())
    change(content)  # type: ignore[operator]
    assert incremental.update(state, quiet()) is None, why


def test_every_demo_transcript_edited_builds_as_a_full_build_would(tmp_path: Path) -> None:
    """Each transcript of the demo archive edited in turn: every build it follows is a full build's."""
    content = project(tmp_path, DEMO)
    memo = readers.Memo()
    state = incremental.build(settings(content), quiet(), memo)
    followed = 0
    for episode in state.archive.episodes:
        path = content.parent / episode.path
        word = re.search(r" (the|and|we|a) ", path.read_text(encoding="utf-8"))
        if word is None:
            continue
        edit(path, word.group(0), f" {word.group(1)} really ", last=True)  # in the last turn, not the metadata
        after = incremental.update(state, quiet(), memo)
        if after is not None:
            followed += 1
            same_as_full(after, content)
            state = after
        else:
            state = incremental.build(settings(content), quiet(), memo)
    assert followed >= len(state.archive.episodes) - 2  # edits in turns are followed, not built in full


def written(log: str) -> int:
    """How many pages MkDocs wrote, from the build's summary line."""
    found = re.search(r"wrote ([\d,]+) pages", log)
    assert found, log
    return int(found.group(1).replace(",", ""))


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_next_mkdocs_build_reads_only_what_changed_and_writes_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's date
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    first = mkdocs_build(project)
    assert first.returncode == 0
    assert (project / cache.FOLDER / "incremental").is_dir()
    edit(project / "content/shows/night-lab/untimed.md", "so the city lights", "so that the city lights")
    again = mkdocs_build(project)
    assert again.returncode == 0, again.stderr
    assert "read 1 of the transcripts again" in again.stderr
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(cache.FOLDER, "site"))
    assert mkdocs_build(fresh).returncode == 0
    assert site_files(project / "site") == site_files(fresh / "site")
    assert written(again.stderr) < written(first.stderr)  # MkDocs made only the pages that changed

    for where in (project, fresh):  # the theme's inputs change: every page is made again
        config = where / "mkdocs.yml"
        config.write_text(config.read_text().replace("site_name: ", "site_name: The "))
    again = mkdocs_build(project)
    assert again.returncode == 0, again.stderr
    assert written(again.stderr) == written(first.stderr)
    assert mkdocs_build(fresh).returncode == 0
    assert site_files(project / "site") == site_files(fresh / "site")

    for entry in (project / cache.FOLDER / "incremental").rglob("*"):  # damaged: ignored, everything built
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    edit(project / "content/shows/night-lab/untimed.md", "so that the city lights", "so the city lights")
    edit(fresh / "content/shows/night-lab/untimed.md", "so that the city lights", "so the city lights")
    again = mkdocs_build(project)
    assert again.returncode == 0, again.stderr
    assert "read 4 transcripts" in again.stderr  # all of them, drafts included
    assert mkdocs_build(fresh).returncode == 0
    assert site_files(project / "site") == site_files(fresh / "site")


def test_a_fresh_checkout_changes_no_file(tmp_path: Path) -> None:
    """CI restores the build cache onto a new checkout: every file has a new time, none new bytes."""
    content = project(tmp_path)
    state = incremental.build(settings(content), quiet())
    for path in content.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(0, 1_000_000_000))
    after = incremental.update(state, quiet())
    assert after is not None and after.items is state.items
    assert incremental.update(after, quiet()) is after  # the new times are kept: nothing is hashed again
