"""Structured data and link previews (issue 14, item 3), read back as a consumer reads them:
schema.org JSON-LD extracted by ``extruct`` (``PodcastEpisode`` on episodes, ``Person`` on
people, ``PodcastSeries`` on shows), OpenGraph and Twitter card meta on every page, and
``sitemap.xml`` listing every generated page with ``lastmod``; with ``site_url`` set the links
are absolute, without it they are relative and still lead to built files. No text from a file
can end the JSON-LD ``<script>``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import extruct
import pytest

from conftest import DEMO_URL, fixture_project, mkdocs_build, silent_wav
from generator.pages.markup import json_ld
from generator.pages.structured import iso_duration
from generator.urls import absolute

SITE_URL = DEMO_URL
EPISODE = "shows/city-desk/2023-10-19-town-hall-the-sea-wall/"
AUDIO_EPISODE = "shows/harbour-talk/tides/"  # the fixture archive's episode with audio
PERSON = "speakers/ruth-halvorsen/"


@pytest.fixture(scope="module")
def demo(published_demo: Path) -> Path:
    return published_demo


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive (an episode with local audio) built without a site_url."""
    project = fixture_project(tmp_path_factory.mktemp("fixture"), "\n      feeds: false", site_url=False)
    silent_wav(project / "content/shows/harbour-talk/2023/tides.wav", 30)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def data(site: Path, page: str, kind: str, base: str = SITE_URL) -> dict[str, Any]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = [item for item in extruct.extract(html, base_url=base + page, syntaxes=["json-ld"])["json-ld"]
             if item.get("@type") == kind]
    assert len(found) == 1, found
    item: dict[str, Any] = found[0]
    return item


def test_an_episode_is_a_podcast_episode_of_its_series_with_its_people(demo: Path) -> None:
    episode = data(demo, EPISODE, "PodcastEpisode")
    assert episode["@context"] == "https://schema.org"
    assert episode["name"] == "Town Hall: The Sea Wall"
    assert episode["url"] == SITE_URL + EPISODE
    assert episode["datePublished"] == "2023-10-19"
    assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+S)?", episode["duration"])
    assert episode["partOfSeries"] == {"@type": "PodcastSeries", "name": "City Desk", "url": SITE_URL + "shows/city-desk/"}
    assert episode["transcript"] == SITE_URL + EPISODE + "transcript.txt"
    assert (demo / EPISODE / "transcript.txt").is_file()
    actors = {actor["name"]: actor["url"] for actor in episode["actor"]}
    assert actors["Ruth Halvorsen"] == SITE_URL + PERSON
    for url in actors.values():  # each person page was built
        assert (demo / urlsplit(url).path.removeprefix("/demo/") / "index.html").is_file()


def test_a_person_is_a_person_the_same_as_their_links(demo: Path) -> None:
    person = data(demo, PERSON, "Person")
    assert person["name"] == "Ruth Halvorsen"
    assert person["url"] == SITE_URL + PERSON
    assert person["jobTitle"] == "City councillor, Harbour Ward"
    people = [p for p in (demo / "speakers").iterdir() if (p / "index.html").is_file() and p.name != "by-appearances"]
    linked = [data(demo, f"speakers/{p.name}/", "Person") for p in people]
    same = [url for p in linked for url in p.get("sameAs", [])]
    assert same and all(url.startswith(("http://", "https://")) for url in same)


def test_a_show_is_a_podcast_series(demo: Path) -> None:
    series = data(demo, "shows/city-desk/", "PodcastSeries")
    assert series["name"] == "City Desk" and series["url"] == SITE_URL + "shows/city-desk/"
    assert series["description"]


def test_without_site_url_links_are_relative_and_lead_to_built_files(local: Path) -> None:
    base = "http://127.0.0.1:8000/"
    episode = data(local, AUDIO_EPISODE, "PodcastEpisode", base)
    assert not episode["url"].startswith("http")
    media = episode["associatedMedia"]
    assert media["@type"] == "MediaObject" and media["encodingFormat"] in ("audio/wav", "audio/x-wav")
    for link in (episode["url"], episode["partOfSeries"]["url"], media["contentUrl"], episode["transcript"],
                 *(actor["url"] for actor in episode["actor"])):
        path = urlsplit(urljoin(base + AUDIO_EPISODE, link)).path.lstrip("/")
        assert (local / path).is_file() or (local / path / "index.html").is_file(), link


def test_every_page_has_a_link_preview_with_a_real_description(demo: Path) -> None:
    pages = sorted(demo.rglob("index.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = dict(extruct.extract(html, syntaxes=["opengraph"])["opengraph"][0]["properties"])
        assert meta["og:title"] and meta["og:site_name"] == "On Record demo archive", page
        assert len(meta["og:description"]) > 15, page
        assert meta["og:url"].startswith(SITE_URL), page
        assert re.search(r'<meta name="twitter:card" content="summary">', html), page
    person = (demo / PERSON / "index.html").read_text(encoding="utf-8")
    assert 'property="og:type" content="profile"' in person
    assert 'property="og:description" content="City councillor, Harbour Ward. 4 appearances, 2022–2025."' in person


def test_the_sitemap_lists_every_generated_page_with_lastmod(demo: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(demo / "sitemap.xml").getroot().findall("s:url", ns)
    listed = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in urls}
    folders = (page.parent.relative_to(demo).as_posix() for page in demo.rglob("index.html"))
    built = {SITE_URL + ("" if folder == "." else f"{folder}/") for folder in folders}
    assert built <= set(listed)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod or "") for lastmod in listed.values())


def test_no_text_can_end_the_json_ld_script() -> None:
    hostile = {"name": '</script><script>alert("x")</script><!-- \u2028 & </SCRIPT >'}
    html = str(json_ld(hostile))
    assert html.count("<") == 2  # the element's own tags
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == hostile


def test_durations_are_iso_8601() -> None:
    assert iso_duration(3723.4) == "PT1H2M3S"
    assert iso_duration(60) == "PT1M"
    assert iso_duration(0.2) == "PT0S"


def test_an_episode_without_a_description_is_described_by_its_show_people_and_best_line(local: Path) -> None:
    html = (local / AUDIO_EPISODE / "index.html").read_text(encoding="utf-8")
    meta = dict(extruct.extract(html, syntaxes=["opengraph"])["opengraph"][0]["properties"])
    assert meta["og:description"].startswith("Harbour Talk, March 14, 2023: Tom Okafor and Inès Moreau. “")
    assert "forty minutes" in meta["og:description"]  # a line with substance, not the greeting


def test_a_site_path_is_made_absolute_one_way_everywhere() -> None:
    assert absolute("https://a.example/archive", "shows/café/x/") == "https://a.example/archive/shows/caf%C3%A9/x/"
    assert absolute("https://a.example/archive/", "/media/a.mp3") == "https://a.example/media/a.mp3"
    assert absolute("https://a.example/", "https://cdn.example/a.mp3") == "https://cdn.example/a.mp3"
