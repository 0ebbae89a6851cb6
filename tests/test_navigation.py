"""Navigation on long pages (issue 13): Material's table of contents filled from each generated
page's headings, the episode's skip link to its transcript, and its show's previous and next
episodes. Checked in the fixture archive's build, where the ids are on the headings."""

from __future__ import annotations

import re
from pathlib import Path

from test_build import parse

from generator import archive
from generator.pages import Page, render
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


def test_the_skip_link_is_the_bodys_first_link_and_reaches_the_transcript(built_site: Path) -> None:
    html = (built_site / "shows/night-lab/stars/index.html").read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert re.search(r"<a\b[^>]*>[^<]*", body)[0] == '<a href="#transcript">Skip to the transcript'  # type: ignore[index]
    assert '<div class="onr-skip"><a href="#transcript">' in body
    assert '<h2 id="transcript">' in body


def test_episodes_link_to_their_shows_previous_and_next(built_site: Path) -> None:
    newest = (built_site / "shows/night-lab/stars/index.html").read_text(encoding="utf-8")
    oldest = (built_site / "shows/night-lab/untimed/index.html").read_text(encoding="utf-8")
    assert ('<a href="../untimed/" rel="prev"><span class="onr-direction">Previous episode</span> Untimed Notes</a>'
            in newest) and 'rel="next"' not in newest
    assert ('<a href="../stars/" rel="next"><span class="onr-direction">Next episode</span> Counting Stars</a>'
            in oldest) and 'rel="prev"' not in oldest
    alone = (built_site / "shows/harbour-talk/tides/index.html").read_text(encoding="utf-8")
    assert 'class="onr-sequence"' not in alone  # the only episode of its show


def test_translations_are_not_in_the_sequence(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2018-10-08-descriptors.md").write_text("---\nlanguage: en\n---\nAnn Lee: Descriptors.\n", encoding="utf-8")
    (show / "2018-10-08-descriptors.es.md").write_text("Ann Lee: Descriptores.\n", encoding="utf-8")
    (show / "2018-10-09-later.md").write_text("Ann Lee: Later.\n", encoding="utf-8")
    pages = {item.src_uri: item.inline() for item in render(archive.build(tmp_path / "content", root=tmp_path))
             if isinstance(item, Page)}
    assert 'href="../2018-10-09-later/" rel="next"' in pages["shows/s/2018-10-08-descriptors/index.md"]
    assert 'href="../2018-10-08-descriptors/" rel="prev"' in pages["shows/s/2018-10-09-later/index.md"]
    assert "onr-sequence" not in pages["shows/s/2018-10-08-descriptors/es/index.md"]


def test_table_of_contents_nests_by_level_and_escapes() -> None:
    items = list(table_of_contents(((2, "y2024", "2024"), (3, "m2024-03", "March 2024"), (2, 'a"b', "<b>&"))))
    assert [(i.level, i.url, i.title, [c.title for c in i.children]) for i in items] == [
        (2, "#y2024", "2024", ["March 2024"]), (2, "#a&#34;b", "&lt;b&gt;&amp;", [])]


def test_a_person_page_lists_its_sections_and_years(built_site: Path) -> None:
    page = built_site / "speakers/tom-okafor/index.html"
    hrefs, _ = toc(page)
    assert hrefs[:2] == ["#numbers", "#over-time"] and "#appearances" in hrefs
    years = hrefs[hrefs.index("#appearances") + 1:]
    assert years and all(re.fullmatch(r"#y\d{4}|#undated", h) for h in years)
    assert {h[1:] for h in hrefs} <= parse(page).ids


def test_tags_are_in_the_navigation_and_tag_and_home_pages_list_their_headings(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    assert re.search(r'<a href="timeline/" class="md-nav__link">(?:(?!</li>).)*</li>\s*<li class="md-nav__item">\s*'
                     r'<a href="tags/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Tags', nav, re.S)
    expected = {"index.html": ["#latest", "#people", "#over-time"],
                "tags/astronomy/index.html": ["#people", "#y2024", "#y2022"]}
    for uri, hrefs in expected.items():
        assert toc(built_site / uri)[0] == hrefs, uri
        assert {h[1:] for h in hrefs} <= parse(built_site / uri).ids
