"""The data for researchers (generator/data.py): ``data/episodes.json``, ``data/people.json`` and
``data/turns.csv`` of a built fixture archive, loaded as a researcher would (``csv``, ``json``, and
sqlite3 the way sqlite-utils and Datasette load them) and checked against the archive model."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import fixture_project, mkdocs_build
from generator import archive, data, tree
from generator.model import Archive, Episode, EpisodeTurn, Turn

SITE_URL = "https://example.org/"  # tests/fixtures/archive/mkdocs.yml
HOSTILE_TITLE = '=HYPERLINK("https://evil.example"), "quoted", commas; a\\nline'
QUOTED_TITLE = HOSTILE_TITLE.replace('"', '\\"')  # in YAML's double quotes

#: Added to the fixture archive: formula-like text, quotes, commas and paragraphs; an anonymous
#: label, an unnamed one and an undeclared name; and a translation. (Its draft is there already.)
EPISODE = f"""---
title: "{QUOTED_TITLE}"
date: 2024-02-01
---
[00:00:00] Inès Moreau: =SUM(A1:A2), "quoted", and, commas

she said ""hello"" then -2 +3 @home

[00:00:05] SPEAKER_02: Anonymous words that no data file holds.

[00:00:09] Q: An unnamed question that no data file holds?

[00:00:12] Ruth Halvorsen: An undeclared, named speaker.
"""
TRANSLATION = """---
title: "=Hostil, \\"citado\\""
---
[00:00:00] Inès Moreau: =SUMA(A1:A2), "citado", y comas

[00:00:12] Ruth Halvorsen: Una persona con nombre.
"""


def project(tmp_path: Path, options: str = "") -> Path:
    root = fixture_project(tmp_path, options)
    folder = root / "content/shows/harbour-talk/2024"
    folder.mkdir()
    (folder / "2024-02-01-hostile.md").write_text(EPISODE, encoding="utf-8")
    (folder / "2024-02-01-hostile.es.md").write_text(TRANSLATION, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the fixture archive with the additions, drafts previewed (they stay out of the data)."""
    root = project(tmp_path_factory.mktemp("data"), "\n      drafts: true")
    result = mkdocs_build(root, strict=False)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def model(built: Path) -> Archive:
    """The archive as published: without drafts."""
    return archive.build(built / "content")


def load(site: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, str]]]:
    episodes = json.loads((site / "data/episodes.json").read_text(encoding="utf-8"))
    people = json.loads((site / "data/people.json").read_text(encoding="utf-8"))
    with open(site / "data/turns.csv", encoding="utf-8", newline="") as file:
        turns = list(csv.DictReader(file))
    return episodes, people, turns


def test_the_files_are_published_and_linked_from_the_home_page(built: Path) -> None:
    site = built / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    for name in ("episodes.json", "people.json", "turns.csv"):
        assert (site / "data" / name).is_file()
        assert f'href="data/{name}"' in home
    raw = (site / "data/turns.csv").read_bytes()
    assert raw.startswith(b"episode,turn,anchor,person,start,end,words,text\r\n")  # RFC 4180: a header, CRLF
    raw.decode("utf-8")


def test_episodes_are_the_published_ones_newest_first_with_translations(built: Path, model: Archive) -> None:
    episodes, _, _ = load(built / "site")
    expected = [f"{e.show}/{e.slug}" for e in data.versions(model)]
    assert [row["id"] for row in episodes] == expected
    assert "harbour-talk/2024-02-01-hostile/es" in expected
    assert (built / "site/shows/harbour-talk/draft-episode/index.html").is_file()  # previewed on the site
    assert not any("draft" in row["id"] for row in episodes)  # and not in the data
    assert all(set(row) == set(episodes[0]) for row in episodes)  # flat rows, every key in every row
    assert all(not isinstance(value, dict) for row in episodes for value in row.values())
    translation = next(row for row in episodes if row["id"].endswith("/es"))
    assert translation["original"] == "harbour-talk/2024-02-01-hostile"
    assert translation["language"] == "es"
    hostile = next(row for row in episodes if row["id"] == "harbour-talk/2024-02-01-hostile")
    episode = next(e for e in model.episodes if e.slug == "2024-02-01-hostile")
    assert hostile["title"] == episode.title == '=HYPERLINK("https://evil.example"), "quoted", commas; a\nline'
    assert hostile["people"] == ["ines-moreau", "ruth-halvorsen"]
    assert hostile["turns"] == 4 and hostile["words"] == sum(t.words for t in episode.turns)
    tides = next(row for row in episodes if row["id"] == "harbour-talk/tides")
    assert (tides["date"], tides["duration"], tides["tags"]) == ("2023-03-14", 60.0, ["ferries", "tides"])
    assert tides["audio"] == SITE_URL + "shows/harbour-talk/tides/tides.wav"
    untimed = next(row for row in episodes if row["id"] == "night-lab/untimed")
    assert untimed["duration"] is None and untimed["transcript_vtt"] is None and untimed["transcript_txt"]


def test_people_are_those_who_appear_with_their_numbers(built: Path, model: Archive) -> None:
    _, people, _ = load(built / "site")
    assert [row["id"] for row in people] == sorted(pid for pid, apps in model.appearances.items() if apps)
    rows = {row["id"]: row for row in people}
    ines = rows["ines-moreau"]
    assert ines["aliases"] == ["Ines Morrow"] and ines["links"] == ["https://example.org/ines"]
    assert (ines["appearances"], ines["first"], ines["last"]) == (2, "2023-03-14", "2024-02-01")
    assert rows["ruth-halvorsen"]["declared"] is False
    for pid, row in rows.items():
        assert row["words"] == sum(a.words for a in model.appearances[pid])


def test_turns_hold_named_people_only_and_the_exact_text(built: Path, model: Archive) -> None:
    _, _, turns = load(built / "site")
    expected = [(f"{e.show}/{e.slug}", t) for e in data.versions(model) for t in e.turns if t.person]
    assert len(turns) == len(expected)
    for row, (episode, placed) in zip(turns, expected, strict=True):
        assert (row["episode"], row["person"], row["anchor"]) == (episode, placed.person, placed.anchor)
        assert row["text"] == placed.turn.text and int(row["words"]) == placed.words
        assert int(row["turn"]) == placed.index + 1
    text = "\n".join(row["text"] for row in turns)
    for absent in ("Anonymous words", "unnamed question", "What about the", "draftword"):
        assert absent not in text
    hostile = next(row for row in turns if row["text"].startswith("=SUM"))
    assert hostile["text"] == '=SUM(A1:A2), "quoted", and, commas\n\nshe said ""hello"" then -2 +3 @home'
    assert (hostile["start"], hostile["end"]) == ("0", "5")
    untimed = [row for row in turns if row["episode"] == "night-lab/untimed"]
    assert untimed and all(row["start"] == row["end"] == "" for row in untimed)


def test_a_sqlite_join_counts_what_the_model_counts(built: Path, model: Archive) -> None:
    """What ``sqlite-utils insert`` then Datasette would do: tables from the files, one join."""
    episodes, people, turns = load(built / "site")
    db = sqlite3.connect(":memory:")
    db.execute("create table episodes (id text primary key, show text, original text, tags text)")
    db.executemany("insert into episodes values (?, ?, ?, ?)",
                   [(e["id"], e["show"], e["original"], json.dumps(e["tags"])) for e in episodes])
    db.execute("create table people (id text primary key, name text, words integer)")
    db.executemany("insert into people values (?, ?, ?)", [(p["id"], p["name"], p["words"]) for p in people])
    db.execute(f"create table turns ({', '.join(data.TURN_COLUMNS)})")
    db.executemany(f"insert into turns values ({', '.join('?' * len(data.TURN_COLUMNS))})",
                   [tuple(row[c] for c in data.TURN_COLUMNS) for row in turns])
    said = dict(db.execute("""select people.id, sum(turns.words) from turns
                              join episodes on episodes.id = turns.episode join people on people.id = turns.person
                              where episodes.original is null group by people.id"""))
    assert said == {row["id"]: row["words"] for row in people if row["words"]}
    assert said["tom-okafor"] == sum(a.words for a in model.appearances["tom-okafor"])
    tagged = db.execute("""select count(*) from turns join episodes on episodes.id = turns.episode,
                           json_each(episodes.tags) where json_each.value = 'tides'""").fetchone()[0]
    assert tagged == sum(1 for t in next(e for e in model.episodes if e.slug == "tides").turns if t.person)


def test_every_link_is_a_file_of_the_site(built: Path) -> None:
    site = built / "site"
    episodes, people, _ = load(site)
    links = [value for row in [*episodes, *people] for key, value in row.items()
             if isinstance(value, str) and (key in ("url", "audio", "chapters") or key.startswith("transcript_"))]
    assert len(links) > 3 * len(episodes)
    for link in links:
        assert link.startswith(SITE_URL), link
        path = site / unquote(link.removeprefix(SITE_URL))
        assert (path / "index.html" if link.endswith("/") else path).is_file(), link


def test_without_site_url_links_are_paths_from_the_site_root(model: Archive) -> None:
    files = {item.src_uri: item.content for item in data.render(model)}
    episodes = json.loads(files[data.EPISODES])
    assert episodes[0]["url"] == f"shows/{episodes[0]['id']}/"
    assert json.loads(files[data.PEOPLE])[0]["url"] == "speakers/ines-moreau/"


def test_the_same_archive_gives_the_same_bytes(built: Path, model: Archive) -> None:
    first = [(item.src_uri, item.content) for item in data.render(model, SITE_URL)]
    again = [(item.src_uri, item.content) for item in data.render(archive.build(built / "content"), SITE_URL)]
    assert first == again


def test_hostile_text_round_trips_through_csv_verbatim() -> None:
    """Left as it is for pandas and sqlite (a leading ``'`` would change it): see the module docs."""
    cells = ["=1+1", "+SUM(A1)", "-2", "@x", 'a, "b"\r\nc\n\nd', '"', " lead and trail ", "ü\u2028\t,", "x\x00y"]
    turns = tuple(EpisodeTurn(Turn("A", cell, float(n), None), "a", f"t{n}", n, 1.5) for n, cell in enumerate(cells))
    episode = Episode("show", "=ep,\"1\"", "title", None, "show/ep.md", turns)
    rows = list(csv.DictReader(io.StringIO("".join(data.turns_csv([episode])), newline="")))
    assert [row["text"] for row in rows] == cells
    assert {row["episode"] for row in rows} == {'show/=ep,"1"'}
    assert (rows[2]["start"], rows[2]["end"]) == ("2", "3.5")


def test_the_data_option_turns_them_off(tmp_path: Path) -> None:
    root = fixture_project(tmp_path, "\n      data: false")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert not (root / "site/data").exists()
    assert "data/turns.csv" not in (root / "site/index.html").read_text(encoding="utf-8")


def test_onrecord_generate_writes_them(tmp_path: Path, model: Archive) -> None:
    out = tmp_path / "tree"
    tree.write(model, out, site_url=SITE_URL)
    for item in data.render(model, SITE_URL):
        assert (out / item.src_uri).read_bytes() == item.content.encode()  # CRLF kept
    assert 'href="data/turns.csv"' in (out / "index.md").read_text(encoding="utf-8")
