"""Navigation on long pages (issue 13): Material's table of contents filled from each generated
page's headings. Checked in the fixture archive's build, where the ids are on the headings."""

from __future__ import annotations

import re
from pathlib import Path

from test_build import parse

from generator.plugin import table_of_contents


def toc(page: Path) -> tuple[list[str], str]:
    """The hrefs of the page's table of contents (Material's right sidebar), and its HTML."""
    html = page.read_text(encoding="utf-8")
    assert 'data-md-type="toc"' in html, f"{page}: no table of contents"
    sidebar = html.split('data-md-type="toc"', 1)[1].split('<div class="md-content"', 1)[0]
    return re.findall(r'<a href="([^"]*)" class="md-nav__link">', sidebar), sidebar


def test_an_episode_lists_its_sections_and_chapters_escaped(built_site: Path) -> None:
    page = built_site / "shows/night-lab/stars/index.html"
    hrefs, html = toc(page)
    assert hrefs == ["#speakers", "#chapters", "#transcript", "#t0", "#t21"]
    assert {h[1:] for h in hrefs} <= parse(page).ids
    assert "Satellites &amp; &lt;noise&gt;" in html and "<noise>" not in html


def test_an_episode_without_chapters_lists_its_sections(built_site: Path) -> None:
    assert toc(built_site / "shows/night-lab/untimed/index.html")[0] == ["#speakers", "#transcript"]


def test_show_timeline_and_speakers_pages_list_their_headings(built_site: Path) -> None:
    expected = {"shows/night-lab/index.html": ["#guests", "#y2024", "#y2022"],
                "timeline/index.html": ["#y2024", "#m2024-11", "#y2023", "#m2023-03", "#y2022", "#m2022-01"]}
    for uri, hrefs in expected.items():
        assert toc(built_site / uri)[0] == hrefs, uri
        assert {h[1:] for h in hrefs} <= parse(built_site / uri).ids
    _, html = toc(built_site / "timeline/index.html")
    assert '<nav class="md-nav" aria-label="2024">' in html and "November 2024" in html
    letters, _ = toc(built_site / "speakers/index.html")
    assert letters and all(h.startswith("#letter-") for h in letters)
    assert {h[1:] for h in letters} <= parse(built_site / "speakers/index.html").ids


def test_table_of_contents_nests_by_level_and_escapes() -> None:
    items = list(table_of_contents(((2, "y2024", "2024"), (3, "m2024-03", "March 2024"), (2, 'a"b', "<b>&"))))
    assert [(i.level, i.url, i.title, [c.title for c in i.children]) for i in items] == [
        (2, "#y2024", "2024", ["March 2024"]), (2, "#a&#34;b", "&lt;b&gt;&amp;", [])]
