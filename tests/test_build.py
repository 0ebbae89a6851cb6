"""Integration: ``mkdocs build --strict`` on the fixture archive, checked in the built HTML."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import ARCHIVE, mkdocs_build


class Links(HTMLParser):
    """Collects ids and hrefs of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def resolve(page: Path, url: str) -> tuple[Path, str]:
    path, _, anchor = url.partition("#")
    path = path.partition("?")[0]
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, anchor


def test_episode_page_has_every_turn_with_its_anchor(built_site: Path) -> None:
    page = built_site / "shows/harbour-talk/tides/index.html"
    links = parse(page)
    assert {"t0", "t4", "t15", "t20", "t30"} <= links.ids
    html = page.read_text(encoding="utf-8")
    assert "Tides &amp; &lt;Timetables&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "<em>every</em>" in html  # a Markdown transcript's inline emphasis (generator/pages/turntext.py)


def test_every_internal_link_resolves_to_a_page_and_anchor(built_site: Path) -> None:
    checked = 0
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":  # MkDocs writes it with absolute links, for any depth
            continue
        for url in parse(page).hrefs:
            if re.match(r"^[a-z]+:|^//", url) or url.startswith("#t="):
                continue
            target, anchor = resolve(page, url)
            assert target.exists(), f"{page.relative_to(built_site)}: broken link {url}"
            if anchor:
                assert anchor in parse(target).ids, f"{page.relative_to(built_site)}: no #{anchor} in {url}"
            checked += 1
    assert checked > 50


def test_person_page_quotes_link_to_turn_anchors(built_site: Path) -> None:
    page = built_site / "speakers/tom-okafor/index.html"
    anchored = [u for u in parse(page).hrefs if "/shows/" in u and "#t" in u]
    assert anchored, "a person page links its quotes to the moments"
    for url in anchored:
        target, anchor = resolve(page, url)
        assert anchor in parse(target).ids


def test_drafts_and_unnamed_labels_get_no_pages(built_site: Path) -> None:
    assert not (built_site / "shows/harbour-talk/draft-episode").exists()
    assert not (built_site / "speakers/q").exists()
    for page in built_site.rglob("*"):
        if page.is_file() and page.suffix in {".html", ".json", ".txt", ".xml"}:
            assert "draftword" not in page.read_text(encoding="utf-8", errors="replace"), page


def test_episodes_stay_out_of_the_navigation(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    assert "Counting Stars" not in nav[: nav.index("</nav>")]


def test_strict_build_fails_on_a_bad_transcript_and_names_it(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    (project / "content/shows/night-lab/broken.md").write_text("---\ntitle: [x\n---\nA: b\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "content/shows/night-lab/broken.md:3: not valid YAML" in result.stderr
    # Without --strict, the problem is a warning and every other page still builds.
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert (project / "site/shows/night-lab/stars/index.html").exists()
    assert not (project / "site/shows/night-lab/broken").exists()


def test_every_episode_publishes_its_transcript_downloads(built_site: Path) -> None:
    timed = built_site / "shows/harbour-talk/tides"
    assert sorted(p.name for p in timed.glob("transcript.*")) == [
        "transcript.json", "transcript.srt", "transcript.txt", "transcript.vtt"]
    assert 'href="transcript.vtt" download' in (timed / "index.html").read_text(encoding="utf-8")
    assert (timed / "transcript.vtt").read_text(encoding="utf-8").startswith("WEBVTT\n")
    untimed = built_site / "shows/night-lab/untimed"
    assert sorted(p.name for p in untimed.glob("transcript.*")) == ["transcript.json", "transcript.txt"]
    html = (untimed / "index.html").read_text(encoding="utf-8")
    assert 'href="transcript.txt"' in html and "transcript.vtt" not in html


def test_every_page_has_one_title_and_its_body_in_place(built_site: Path) -> None:
    """The theme renders a stand-in for each body, swapped after (plugin.py's on_post_page): it
    must say whether the body has a title, or Material adds a second one."""
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count("<h1") == 1 and "<!--onrecord:" not in html, page.relative_to(built_site)


def test_plugin_options_are_checked(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project, ignore=shutil.ignore_patterns("site"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - onrecord", "  - onrecord:\n      content: contnet"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert f"option 'content': The path '{project / 'contnet'}' isn't an existing directory" in result.stderr
    config.write_text(text.replace("  - onrecord", "  - onrecord:\n      serch: false"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "Unrecognised configuration name: serch; did you mean 'search'?" in result.stderr
