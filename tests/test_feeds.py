"""The podcast feeds (generator/feeds.py): every feed of the built demo and of the hostile archive
is read with feedparser, as a feed reader would, and with ElementTree for the Podcasting 2.0 tags
feedparser keeps only one of. Every link in a feed must be a file of the built site."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import feedparser
import pytest

from conftest import DEMO_URL, fixture_project, mkdocs_build
from generator import archive, feeds
from generator.feeds import ITUNES, PODCAST, Settings

ROOT = Path(__file__).parent.parent
HOSTILE = Path(__file__).parent / "hostile" / "archive"
FIXTURE_URL = "https://example.org/"  # tests/*/archive/mkdocs.yml
P = f"{{{PODCAST}}}"
TYPES = {"json": ("application/json", None), "vtt": ("text/vtt", "captions"),
         "srt": ("application/x-subrip", None), "txt": ("text/plain", None)}


@pytest.fixture(scope="module")
def demo(published_demo: Path) -> Path:
    return published_demo


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile-feeds") / "archive"
    shutil.copytree(HOSTILE, project, symlinks=True)
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def feed_files(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def parsed(path: Path) -> Any:
    """The feed as feedparser reads it; it must be well-formed RSS 2.0 with both namespaces."""
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    assert feed.version == "rss20"
    assert {PODCAST, ITUNES} <= set(feed.namespaces.values()), feed.namespaces
    return feed


def items(path: Path) -> list[ET.Element]:
    return ET.parse(path).getroot().findall("channel/item")


def links(path: Path) -> Iterator[str]:
    """Every URL in the feed: links, the self link, enclosures, transcripts, chapters, people, images."""
    root = ET.parse(path).getroot()
    for node in root.iter():
        if node.tag == "link" and node.text:
            yield node.text
        for name in ("href", "url", "img"):
            if name in node.attrib:
                yield node.attrib[name]


def built_file(site: Path, site_url: str, url: str) -> Path:
    """The file of the built site that ``url`` (under ``site_url``) is served from."""
    assert url.startswith(site_url), url
    path = site / unquote(url.removeprefix(site_url))
    return path / "index.html" if url.endswith("/") else path


def test_every_demo_feed_parses_and_every_link_is_a_built_file(demo: Path) -> None:
    read = archive.build(ROOT / "content", root=ROOT)
    expected = {"feed.xml", *(f"shows/{s}/feed.xml" for s in read.shows),
                *(f"speakers/{p}/feed.xml" for p in read.appearances)}
    assert {p.relative_to(demo).as_posix() for p in feed_files(demo)} == expected
    remote = {e.audio for e in read.episodes if e.audio and not e.audio_file}
    missing = [(path.relative_to(demo).as_posix(), url) for path in feed_files(demo) for url in links(path)
               if url not in remote and not built_file(demo, DEMO_URL, url).is_file()]
    for path in feed_files(demo):
        parsed(path)
    assert missing == []


def test_the_site_feed_lists_every_episode_newest_first_with_a_stable_guid(demo: Path) -> None:
    read = archive.build(ROOT / "content", root=ROOT)
    feed = parsed(demo / "feed.xml")
    assert feed.feed.title == "On Record demo archive" and feed.feed.link == DEMO_URL
    assert [e.link for e in feed.entries] == [DEMO_URL + quote(e.url) for e in read.episodes]
    assert [e.id for e in feed.entries] == [f"{e.show}/{e.slug}" for e in read.episodes]
    assert not any(e.guidislink for e in feed.entries)
    dates = [e.published_parsed[:3] for e in feed.entries if "published_parsed" in e]
    assert dates == sorted(dates, reverse=True) and len(dates) == sum(1 for e in read.episodes if e.date)


def test_an_item_carries_audio_duration_transcripts_people_and_chapters(demo: Path) -> None:
    read = archive.build(ROOT / "content", root=ROOT)
    for node in items(demo / "feed.xml"):
        page = node.findtext("link") or ""
        episode = next(e for e in read.episodes if DEMO_URL + quote(e.url) == page)
        folder = demo / unquote(page.removeprefix(DEMO_URL))
        transcripts = [(t.get("type"), t.get("rel"), t.get("url")) for t in node.findall(f"{P}transcript")]
        offered = sorted(p.suffix[1:] for p in folder.glob("transcript.*"))
        assert transcripts == [(*TYPES[kind], page + f"transcript.{kind}") for kind in ("json", "vtt", "srt", "txt")
                               if kind in offered], page
        people = [(p.text, p.get("role"), p.get("href")) for p in node.findall(f"{P}person")]
        hosts = read.shows[episode.show].hosts
        assert people == [(read.people[pid].name, "host" if pid in hosts else "guest", f"{DEMO_URL}speakers/{pid}/")
                          for pid in dict.fromkeys(t.person for t in episode.turns if t.person)], page
        duration = node.findtext(f"{{{ITUNES}}}duration")
        assert duration == (str(round(episode.length)) if episode.length else None)
        chapters = node.find(f"{P}chapters")
        assert (chapters is not None) == bool(episode.chapters)
        if chapters is not None:
            assert chapters.get("type") == "application/json+chapters"
            data = json.loads(built_file(demo, DEMO_URL, chapters.get("url", "")).read_text(encoding="utf-8"))
            assert data["chapters"] == [{"startTime": c.start, "title": c.title} for c in episode.chapters]
        enclosure = node.find("enclosure")
        assert (enclosure is not None) == bool(episode.audio), page  # no audio: still listed, without one
        if enclosure is not None and episode.audio_file:
            assert enclosure.attrib == {"url": page + quote(episode.audio), "type": "audio/ogg",
                                        "length": str(os.path.getsize(episode.audio_file))}


def test_show_and_person_feeds_hold_their_own_episodes(demo: Path) -> None:
    read = archive.build(ROOT / "content", root=ROOT)
    for sid, show in read.shows.items():
        feed = parsed(demo / f"shows/{sid}/feed.xml")
        assert feed.feed.title == show.title
        assert [e.id for e in feed.entries] == [f"{e.show}/{e.slug}" for e in read.episodes if e.show == sid]
    for pid, appearances in read.appearances.items():
        feed = parsed(demo / f"speakers/{pid}/feed.xml")
        assert feed.feed.title == f"New appearances of {read.people[pid].name}"
        assert [e.id for e in feed.entries] == [f"{a.episode.show}/{a.episode.slug}" for a in appearances]


def test_pages_link_their_feeds_in_the_head_and_visibly(demo: Path) -> None:
    head = '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">'
    home = (demo / "index.html").read_text(encoding="utf-8")
    assert head.format("On Record demo archive", "feed.xml") in home
    show = (demo / "shows/low-tide/index.html").read_text(encoding="utf-8")
    assert head.format("On Record demo archive", "../../feed.xml") in show
    assert head.format("Low Tide", "feed.xml") in show
    assert '<a href="feed.xml" type="application/rss+xml">Subscribe to new episodes (RSS)</a>' in show
    person = (demo / "speakers/mara-quinn/index.html").read_text(encoding="utf-8")
    assert head.format("New appearances of Mara Quinn", "feed.xml") in person
    assert '<a href="feed.xml" type="application/rss+xml">Subscribe to new appearances (RSS)</a>' in person


def test_hostile_feeds_parse_and_keep_text_as_text(hostile: Path) -> None:
    for path in feed_files(hostile):
        parsed(path)
        assert all(built_file(hostile, FIXTURE_URL, url).is_file() for url in links(path)), path
    feed = parsed(hostile / "feed.xml")
    entry = next(e for e in feed.entries if e.id == "evil/2024-02-10-feed-breaker")
    assert entry.title == "Ends ]]> here, tab\tstays"  # the characters XML 1.0 forbids are dropped
    breaker = next(n for n in items(hostile / "feed.xml") if n.findtext("guid") == "evil/2024-02-10-feed-breaker")
    assert breaker.findtext("description") == (
        ']]><![CDATA[<script>alert("onrecord-xss")</script>]]>  & </description><item>')
    assert [p.text for p in breaker.findall(f"{P}person")] == ["Zed ]]>"]
    assert (hostile / "speakers/zed/feed.xml").is_file()


def test_feed_items_caps_every_feed(tmp_path: Path) -> None:
    project = fixture_project(tmp_path, "\n      feed_items: 1")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    counts = {p.relative_to(project / "site").as_posix(): len(items(p)) for p in feed_files(project / "site")}
    assert counts == {"feed.xml": 1, "shows/harbour-talk/feed.xml": 1, "shows/night-lab/feed.xml": 1,
                      "speakers/ines-moreau/feed.xml": 1, "speakers/lena-fisk/feed.xml": 1,
                      "speakers/tom-okafor/feed.xml": 1}
    assert items(project / "site/feed.xml")[0].findtext("guid") == "night-lab/stars"  # the newest
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("feed_items: 1", "feed_items: 0"))
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "feed_items" in result.stderr and "at least 1" in result.stderr


def test_without_site_url_feeds_are_left_out_with_a_warning(tmp_path: Path) -> None:
    project = fixture_project(tmp_path, site_url=False)
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING -  feeds left out: podcast apps need absolute links, so set site_url" in result.stderr
    assert result.stderr.count("feeds left out") == 1
    site = project / "site"
    assert feed_files(site) == []
    assert not any("application/rss+xml" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert mkdocs_build(project).returncode != 0  # --strict: a site published without its feeds is a mistake


def test_feeds_false_builds_none_without_a_warning(tmp_path: Path) -> None:
    project = fixture_project(tmp_path, "\n      feeds: false", site_url=False)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert feed_files(project / "site") == []


def test_images_remote_audio_and_people_without_appearances(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "shows/s").mkdir(parents=True)
    (content / "portrait one.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (content / "speakers.yml").write_text(
        "people:\n  ada:\n    name: Ada\n    image: portrait one.png\n"
        "  bo:\n    name: Bo\n    image: https://img.example/bo.jpg\n"
        "  cy:\n    name: Cy\n", encoding="utf-8")
    (content / "shows/s/show.yml").write_text("title: S\nhosts: [ada]\nimage: https://img.example/s.png\n")
    (content / "shows/s/2024-01-01-one.md").write_text(
        "---\naudio: https://cdn.example/one.m4a?x=1\nduration: 90.4\n---\n[00:00:00] Ada: Hi.\n\n[00:00:03] Bo: Hello.\n")
    (content / "shows/s/2024-01-02-two.md").write_text("Ada: Untimed, and no audio.\n")
    read = archive.build(content)
    made = {d.src_uri: ET.fromstring(d.content.encode()) for d in feeds.render(read, Settings("https://x.example/", "X"))}
    assert set(made) == {"feed.xml", "shows/s/feed.xml", "speakers/ada/feed.xml", "speakers/bo/feed.xml"}  # not cy
    two, one = made["feed.xml"].findall("channel/item")  # newest first
    assert one.find("enclosure").attrib == {"url": "https://cdn.example/one.m4a?x=1", "length": "0",  # type: ignore[union-attr]
                                            "type": "audio/mp4"}
    assert one.findtext(f"{{{ITUNES}}}duration") == "90"
    assert [p.attrib for p in one.findall(f"{P}person")] == [
        {"role": "host", "img": "https://x.example/speakers/ada/portrait%20one.png", "href": "https://x.example/speakers/ada/"},
        {"role": "guest", "img": "https://img.example/bo.jpg", "href": "https://x.example/speakers/bo/"}]
    assert two.find("enclosure") is None and two.find(f"{{{ITUNES}}}duration") is None
    assert [t.get("type") for t in two.findall(f"{P}transcript")] == ["application/json", "text/plain"]
    show = made["shows/s/feed.xml"].find("channel")
    assert show is not None and show.find(f"{{{ITUNES}}}image").attrib == {"href": "https://img.example/s.png"}  # type: ignore[union-attr]
    capped = list(feeds.render(read, Settings("https://x.example/", "X", limit=1)))
    assert all(len(ET.fromstring(d.content.encode()).findall("channel/item")) <= 1 for d in capped)
