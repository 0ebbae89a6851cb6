"""Pages as values: exact Markdown/HTML for the pieces every page is built from."""

from __future__ import annotations

from generator.model import EpisodeTurn, Turn
from generator.pages import Page, PageBuilder
from generator.pages.markup import clock, duration, href, markdown_text


def test_page_markdown_keeps_placeholders_and_escapes_the_title() -> None:
    page = PageBuilder("shows/a/b/")
    page.md("Some *Markdown*.")
    page.html('<div class="x">&lt;raw&gt;</div>')
    result = page.page("Q&A <live>", description="d")
    assert result.uri == "shows/a/b/index.md"
    assert result.url == "shows/a/b/"
    assert result.markdown == (
        "---\ntitle: Q&amp;A &lt;live&gt;\ndescription: d\n---\n\n"
        "Some *Markdown*.\n\n<!--onrecord:0-->\n"
    )
    assert result.inline().endswith('Some *Markdown*.\n\n<div class="x">&lt;raw&gt;</div>\n')


def test_fill_swaps_fragments_into_rendered_html() -> None:
    page = Page("x/index.md", "X", "<!--onrecord:1--><!--onrecord:0-->", ("<b>zero</b>", "<i>one</i>"))
    assert page.fill("<p>a</p><!--onrecord:1--><!--onrecord:0-->") == "<p>a</p><i>one</i><b>zero</b>"


def test_relative_links_between_directory_urls() -> None:
    assert href("speakers/ann/", "shows/s/e/#t4") == "../../shows/s/e/#t4"
    assert href("", "shows/") == "shows/"
    assert href("shows/s/", "") == "../../"
    assert href("shows/s/e/", "shows/s/e/#t4") == "./#t4"


def test_times_and_durations() -> None:
    assert clock(83.9) == "01:23"
    assert clock(3723) == "1:02:03"
    assert duration(42 * 60) == "42 min"
    assert duration(3900) == "1 h 05 min"
    assert duration(None) == ""


def test_markdown_fields_escape_raw_html() -> None:
    assert markdown_text("Likes *boats* & <script>x</script>") == (
        "<p>Likes <em>boats</em> &amp; &lt;script&gt;x&lt;/script&gt;</p>"
    )


def test_episode_turn_text_is_escaped() -> None:
    from conftest import ARCHIVE
    from generator.archive import build
    from generator.pages.episode import turn

    archive = build(ARCHIVE / "content", root=ARCHIVE)
    tides = next(e for e in archive.episodes if e.slug == "tides")
    html = turn(archive, tides, tides.turns[3])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html
    assert isinstance(tides.turns[3], EpisodeTurn) and tides.turns[3].turn == Turn(
        "Q", "What about the <script>alert(1)</script> night ferry?", 20.0, None, 13
    )
