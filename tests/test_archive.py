"""The archive: reading content/, resolving speakers, drafts, appearances, problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import ARCHIVE
from generator import archive
from generator.slugs import label_key, slugify


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


EPISODE = "---\ntitle: {title}\ndate: {date}\n---\n{body}\n"


def test_fixture_archive_reads_without_problems() -> None:
    result = archive.build(ARCHIVE / "content", root=ARCHIVE)
    assert result.problems == ()
    assert [e.slug for e in result.episodes] == ["stars", "tides", "untimed"]  # newest first
    assert set(result.shows) == {"harbour-talk", "night-lab"}


def test_labels_resolve_through_map_names_aliases_and_unnamed() -> None:
    result = archive.build(ARCHIVE / "content", root=ARCHIVE)
    tides = next(e for e in result.episodes if e.slug == "tides")
    assert [t.person for t in tides.turns] == ["ines-moreau", "tom-okafor", "ines-moreau", None, "tom-okafor"]
    stars = next(e for e in result.episodes if e.slug == "stars")
    assert [t.person for t in stars.turns] == ["lena-fisk", "tom-okafor", "lena-fisk"]


def test_drafts_appear_nowhere() -> None:
    result = archive.build(ARCHIVE / "content", root=ARCHIVE)
    assert all("draft" not in e.slug for e in result.episodes)
    assert all(a.episode.slug != "draft-episode" for apps in result.appearances.values() for a in apps)


def test_appearances_count_words_and_talk_time() -> None:
    result = archive.build(ARCHIVE / "content", root=ARCHIVE)
    tom = result.appearances["tom-okafor"]
    assert [a.episode.slug for a in tom] == ["stars", "tides"]
    tides = tom[1]
    assert tides.words == 14 + 14
    # 00:04 -> 00:15 (next turn) and 00:30 -> 01:00 (the episode's duration)
    assert tides.seconds == 11 + 30
    assert "Q" not in result.people and "q" not in result.people  # unnamed labels are nobody


def test_anchors_are_stable_time_ids_and_positions() -> None:
    result = archive.build(ARCHIVE / "content", root=ARCHIVE)
    by_slug = {e.slug: e for e in result.episodes}
    assert [t.anchor for t in by_slug["tides"].turns] == ["t0", "t4", "t15", "t20", "t30"]
    assert [t.anchor for t in by_slug["untimed"].turns] == ["p1", "p2", "p3"]


def test_label_matching_ignores_case_accents_and_punctuation() -> None:
    assert label_key("MR. KIRBY") == label_key("Mr Kirby") == "mr kirby"
    assert label_key("Inès Moreau") == label_key("INES MOREAU")
    assert slugify("José Álvarez") == "jose-alvarez"
    assert slugify("../../etc") == "etc"


def test_undeclared_named_label_becomes_a_person_anonymous_does_not(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/a.md": EPISODE.format(title="A", date="2024-01-01",
                                               body="Dana Wu: Hello there.\n\nSPEAKER_03: Hi."),
    })
    result = archive.build(content, root=tmp_path)
    assert result.people["dana-wu"].declared is False
    assert [t.person for t in result.episodes[0].turns] == ["dana-wu", None]
    assert set(result.labels) == {"dana wu", "speaker 03"}


def test_episodes_without_a_good_date_build_undated(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/nodate.md": "---\ntitle: X\n---\nA: hi\n",
        "content/shows/s/baddate.md": "---\ntitle: X\ndate: last tuesday\n---\nA: hi\n",
        "content/shows/s/good.md": EPISODE.format(title="Good", date="2024-02-03", body="A: hi"),
    })
    result = archive.build(content, root=tmp_path)
    messages = [str(p) for p in result.problems]
    assert messages[0] == "content/shows/s/baddate.md:3: 'date': expected a date such as 2024-05-01, found 'last tuesday'"
    assert messages[1] == ("content/shows/s/nodate.md:2: no date: listed as undated and left out of time charts; give "
                           "it a 'date:' in its metadata or start its file name with one (2024-05-01-title.vtt)")
    assert [(p.severity) for p in result.problems] == ["error", "warning"]
    assert [(e.slug, e.date) for e in result.episodes] == [("good", dt.date(2024, 2, 3)), ("nodate", None),
                                                           ("baddate", None)]


def test_malformed_front_matter_is_reported_and_left_out(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/broken.md": "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nA: hi\n",
        "content/shows/s/good.md": EPISODE.format(title="Good", date="2024-02-03", body="A: hi"),
    })
    result = archive.build(content, root=tmp_path)
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("content/shows/s/broken.md:3: not valid YAML")
    assert [e.slug for e in result.episodes] == ["good"]


def test_episodes_that_want_one_url_all_build_and_the_oldest_keeps_it(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/2024-04/same.md": EPISODE.format(title="Two", date="2024-04-01", body="A: hi"),
        "content/shows/s/2023-01/same.md": EPISODE.format(title="One", date="2023-01-01", body="A: hi"),
        "content/shows/s/2025-02/same.md": EPISODE.format(title="Three", date="2025-02-01", body="A: hi"),
        "content/shows/s/same.md": EPISODE.format(title="Four", date="2025-03-01", body="A: hi"),
        "content/shows/s/2025-02-same.md": EPISODE.format(title="Five", date="2025-04-01", body="A: hi"),
    })
    result = archive.build(content, root=tmp_path)
    assert {e.title: e.url for e in result.episodes} == {
        "One": "shows/s/same/", "Two": "shows/s/2024-04-same/", "Three": "shows/s/2025-02-same/",
        "Four": "shows/s/same-2/", "Five": "shows/s/2025-02-same-2/"}
    assert [(str(p), p.severity) for p in result.problems][:2] == [
        ("content/shows/s/2024-04/same.md:1: content/shows/s/2023-01/same.md has the URL shows/s/same/, so this file "
         "is at shows/s/2024-04-same/ (set 'slug:' in its metadata to choose)", "info"),
        ("content/shows/s/2025-02/same.md:1: content/shows/s/2023-01/same.md has the URL shows/s/same/, so this file "
         "is at shows/s/2025-02-same/ (set 'slug:' in its metadata to choose)", "info"),
    ]


def test_slugs_cannot_escape_the_site(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/a.md": "---\ntitle: A\ndate: 2024-01-01\nslug: ../../etc\n---\nA: hi\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/shows/s/a.md:4: 'slug': expected a slug (lowercase letters, digits and hyphens), found '../../etc'"
    ]
    assert [e.url for e in result.episodes] == ["shows/s/a/"]  # built at the URL its file name gives


def test_sidecar_metadata_overrides_front_matter(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/a.md": EPISODE.format(title="Inside", date="2024-01-01", body="A: hi"),
        "content/shows/s/a.yml": "title: From the sidecar\n",
    })
    result = archive.build(content, root=tmp_path)
    assert result.episodes[0].title == "From the sidecar"


def test_unknown_id_in_speakers_map_and_hosts_is_a_path_line_error(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/speakers.yml": "people:\n  ann:\n    name: Ann\n",
        "content/shows/s/show.yml": "title: S\nhosts: [ann, bob]\n",
        "content/shows/s/a.md": "---\ntitle: A\ndate: 2024-01-01\nspeakers:\n  SPEAKER_00: nobody\n---\nSPEAKER_00: hi\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/shows/s/show.yml:2: host 'bob' is not a person id in speakers.yml",
        "content/shows/s/a.md:5: speaker 'SPEAKER_00' maps to 'nobody', which is not a person id in "
        "speakers.yml (known ids: ann)",
    ]


def test_alias_claimed_twice_names_both_entries(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/speakers.yml": "people:\n  ann:\n    name: Ann Lee\n    aliases: [A. Lee]\n"
                                "  al:\n    name: Al Lee\n    aliases: [A Lee]\n",
        "content/shows/s/a.md": EPISODE.format(title="A", date="2024-01-01", body="Ann Lee: hi"),
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/speakers.yml:5: 'A Lee' is claimed by both 'ann' (line 2) and 'al'"
    ]


def test_duplicate_yaml_keys_are_errors_not_silently_dropped(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/speakers.yml": "people:\n  ann:\n    name: Ann\n  ann:\n    name: Other Ann\n",
        "content/shows/s/a.md": "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\nAnn: hi\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/speakers.yml:4: 'ann' appears twice (first on line 2)",
        "content/shows/s/a.md:4: 'title' appears twice (first on line 2)",
    ]


def test_two_show_folders_with_one_id_are_an_error(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/My Show/show.yml": "title: One\n",
        "content/shows/my-show/show.yml": "title: Two\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/shows/my-show:1: show id 'my-show' is already used by content/shows/My Show/show.yml: rename a folder"
    ]


def test_date_and_title_come_from_the_file_name_when_metadata_has_none(tmp_path: Path) -> None:
    write(tmp_path, {
        "content/shows/s/2021-03-14-budget-hearing.txt": "A: hi\n",
        "content/shows/s/20220102_briefing.txt": "A: hi\n",
        "content/shows/s/2023-05-06/part-one.txt": "A: hi\n",
        "content/shows/s/2024-13-40-not-a-date.txt": "A: hi\n",
        "content/shows/s/2020-01-01-titled.txt": "---\ntitle: Own title\ndate: 2019-12-31\n---\nA: hi\n",
    })
    result = archive.build(tmp_path / "content", root=tmp_path)
    got = sorted((e.date.isoformat() if e.date else "", e.title, e.slug) for e in result.episodes)
    assert got == [
        ("", "2024 13 40 not a date", "2024-13-40-not-a-date"),
        ("2019-12-31", "Own title", "2020-01-01-titled"),
        ("2021-03-14", "Budget hearing", "2021-03-14-budget-hearing"),
        ("2022-01-02", "Briefing", "20220102-briefing"),
        ("2023-05-06", "Part one", "part-one"),
    ]
    assert [str(p) for p in result.problems] == [
        "content/shows/s/2024-13-40-not-a-date.txt:1: no date: listed as undated and left out of time charts; give it "
        "a 'date:' in its metadata or start its file name with one (2024-05-01-title.vtt)"
    ]


def test_a_broken_sidecar_is_reported_where_it_is_and_holds_its_episode_back(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/2024-01-01-a.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>hi\n",
        "content/shows/s/2024-01-01-a.yml": "draft: true\ntitle: [unclosed\n",
        "content/shows/s/2024-01-02-b.md": "Ann: fine\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [str(p) for p in result.problems] == [
        "content/shows/s/2024-01-01-a.yml:3: not valid YAML: expected ',' or ']', but got '<stream end>'"]
    assert [e.slug for e in result.episodes] == ["2024-01-02-b"]


def test_front_matter_format_chooses_the_reader(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/2024-01-01-a.md": "---\nformat: srt\n---\n1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n",
    })
    result = archive.build(content, root=tmp_path)
    assert result.problems == ()
    turns = result.episodes[0].turns
    assert [(t.turn.speaker, t.turn.start, t.turn.line) for t in turns] == [("Ann", 1.0, 5)]


def test_role_labels_name_nobody_unless_declared(tmp_path: Path) -> None:
    content = write(tmp_path, {
        "content/shows/s/2024-01-01-a.md": "MODERATOR: Welcome.\n\nAUDIENCE MEMBER: A question.\n\nAnn Lee: An answer.\n",
        "content/speakers.yml": "people:\n  pat-host:\n    name: Pat Host\n    aliases: [MODERATOR]\n",
    })
    result = archive.build(content, root=tmp_path)
    assert [t.person for t in result.episodes[0].turns] == ["pat-host", None, "ann-lee"]
    assert "audience-member" not in result.people


def test_undated_episodes_are_in_number_order(tmp_path: Path) -> None:
    content = write(tmp_path, {f"content/shows/s/js-party-{n}.md": "Ann: hi\n" for n in (65, 292, 117, 204)})
    result = archive.build(content, root=tmp_path)
    assert [e.slug for e in result.episodes] == ["js-party-292", "js-party-204", "js-party-117", "js-party-65"]
