"""The schema tables and the URL policy: what a value must be, and what is said when it is not."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from generator import archive, schema, urls
from generator.yamlio import loads


@pytest.mark.parametrize("url", ["https://example.org/a", "http://x", "mailto:a@b.c", "../x/", "#t83", "page.html",
                                 "//example.org/cdn"])
def test_urls_that_pass(url: str) -> None:
    assert urls.safe_url(url)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "java\nscript:x", "\x01javascript:x", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd", "http://[::1"])
def test_urls_that_are_refused(url: str) -> None:
    assert not urls.safe_url(url)


def check(text: str, table: dict[str, schema.Key]) -> tuple[dict[str, object], list[tuple[int, str, str]]]:
    data = loads(text)
    report = schema.Report([])
    return schema.validate(data, table, "episode metadata", report, data.line_of), report.items


def test_values_are_parsed_and_aliases_fold_into_their_key() -> None:
    fields, problems = check("title: 2024\ndate: 2024-05-01\nmedia: a.mp3\nduration: '01:02:03'\ntags: budget\n"
                             "summary: Short.\n", schema.EPISODE)
    assert problems == []
    assert fields == {"title": "2024", "date": __import__("datetime").date(2024, 5, 1), "audio": "a.mp3",
                      "duration": 3723.0, "tags": ("budget",), "description": "Short."}


def test_wrong_types_are_errors_naming_the_key_and_the_value_is_dropped() -> None:
    fields, problems = check("title: [a, b]\ndraft: 'yes'\nduration: .nan\nslug: A B\nformat: {x: 1}\n", schema.EPISODE)
    assert fields == {}
    assert problems == [
        (1, "'title': expected text, found a list", "error"),
        (2, "'draft': expected true or false, found 'yes'", "error"),
        (3, "'duration': expected a time from 0 to 1000 hours, found nan", "error"),
        (4, "'slug': expected a slug (lowercase letters, digits and hyphens), found 'A B'", "error"),
        (5, "'format': expected one of assemblyai, aws-transcribe, google-speech, podcast-html, podcast-json, rttm, "
            "spacelog, srt, text, webvtt, whisper, found a mapping", "error"),
    ]


def test_unknown_keys_are_warnings_with_a_suggestion() -> None:
    fields, problems = check("tittle: A\nDraft: true\npublished_time: 2021-03-21 19:44\n", schema.EPISODE)
    assert fields == {"draft": True}
    assert problems == [
        (1, "unknown key 'tittle' in episode metadata; did you mean 'title'?", "warning"),
        (2, "key 'Draft' read as 'draft': write keys in lowercase", "warning"),
        (3, "unknown key 'published_time' in episode metadata; expected one of audio, chapters, date, description, "
            "draft, duration, format, language, media, slug, source, source_url, speakers, summary, tags, title, "
            "transcript_by, translation_by", "warning"),
    ]


def test_seconds_refuse_what_is_not_a_time() -> None:
    for value in (math.inf, -1, 10**400, True, "1:2:3:4"):
        with pytest.raises(schema.Invalid):
            schema.seconds(value)


def test_an_unknown_key_in_many_files_is_one_warning(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    for n in range(3):
        (show / f"2024-01-0{n + 1}-e.md").write_text("---\nmodified_time: 2024-01-01\n---\nAnn: hi\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/shows/s/2024-01-01-e.md:2: unknown key 'modified_time' in episode metadata; expected one of audio, "
        "chapters, date, description, draft, duration, format, language, media, slug, source, source_url, speakers, "
        "summary, tags, title, transcript_by, translation_by (and in 2 other files)"]


def test_local_media_inside_content_by_extension_and_first_bytes(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "real.mp3").write_bytes(b"ID3\x04" + bytes(60))
    (show / "fake.mp3").write_bytes(b"#!/bin/sh\necho not audio\n")
    for name in ("real", "fake"):
        (show / f"2024-01-01-{name}.md").write_text(f"---\naudio: {name}.mp3\n---\nAnn: hi\n", encoding="utf-8")
    (tmp_path / "content/common").mkdir()
    (tmp_path / "content/common/shared.md").write_text("---\ndate: 2024-01-02\n---\nAnn: hi\n", encoding="utf-8")
    (show / "linked.md").symlink_to("../../common/shared.md")  # a symlink that stays inside content/ is read
    result = archive.build(tmp_path / "content", root=tmp_path)
    audio = {e.slug: e.audio for e in result.episodes}
    assert audio == {"2024-01-01-real": "real.mp3", "2024-01-01-fake": "", "linked": ""}
    assert [str(p) for p in result.problems] == [
        "content/shows/s/2024-01-01-fake.md:2: audio left out: 'fake.mp3' does not start like a .mp3 file",
        "content/shows/s/fake.mp3:1: not published: an audio file no episode names in 'audio:'"]
