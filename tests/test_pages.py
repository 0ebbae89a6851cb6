"""Pages as values: exact Markdown/HTML for the pieces every page is built from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator import archive
from generator.i18n import Messages
from generator.model import EpisodeTurn, Turn
from generator.pages import Download, Page, Templates, render
from generator.pages.markup import Markup, clock, markdown_text
from generator.pages.templates import href


def test_page_markdown_is_a_placeholder_and_escapes_the_title() -> None:
    result = Page("shows/a/b/index.md", "Q&A <live>", Markup('<div class="x">&lt;raw&gt;</div>'), {"description": "d"})
    assert result.url == "shows/a/b/"
    assert result.markdown == "---\ntitle: Q&amp;A &lt;live&gt;\ndescription: d\n---\n\n<!--onrecord:body-->\n"
    assert result.inline() == ('---\ntitle: Q&amp;A &lt;live&gt;\ndescription: d\n---\n\n'
                               '<div class="x">&lt;raw&gt;</div>\n')


def test_fill_swaps_the_body_into_rendered_html_once() -> None:
    page = Page("x/index.md", "X", Markup("<b>body</b> <!--onrecord:body-->"))
    assert page.fill("<p>a</p><!--onrecord:body-->") == "<p>a</p><b>body</b> <!--onrecord:body-->"


def test_a_titled_body_stands_in_with_a_title_so_the_theme_adds_none() -> None:
    """Material adds an <h1> to content without one: the theme sees the stand-in, not the body."""
    titled = Page("x/index.md", "X", Markup("<h1>X</h1><p>é ☃ \ud800</p>"))
    assert "<h1" in titled.stand_in and "<h1" not in Page("y/index.md", "Y", Markup("<p>y</p>")).stand_in
    assert titled.fill(f"<main>{titled.stand_in}</main>") == "<main><h1>X</h1><p>é ☃ \ud800</p></main>"
    assert titled.html == Markup("<h1>X</h1><p>é ☃ \ud800</p>")  # kept as UTF-8, given back as it was


def test_relative_links_between_directory_urls() -> None:
    assert href("speakers/ann/", "shows/s/e/#t4") == "../../shows/s/e/#t4"
    assert href("", "shows/") == "shows/"
    assert href("shows/s/", "") == "../../"
    assert href("shows/s/e/", "shows/s/e/#t4") == "./#t4"


def test_times_and_durations() -> None:
    assert clock(83.9) == "01:23"
    assert clock(3723) == "1:02:03"
    duration = Messages.for_language("en").duration
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
    from generator.pages.episode import episode_view

    archive = build(ARCHIVE / "content", root=ARCHIVE)
    tides = next(e for e in archive.episodes if e.slug == "tides")
    html = Templates().render("partials/turn.html", tides.url, turn=episode_view(archive, tides).turns[3])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html
    assert isinstance(tides.turns[3], EpisodeTurn) and tides.turns[3].turn == Turn(
        "Q", "What about the <script>alert(1)</script> night ferry?", 20.0, None, 14
    )


def test_episode_turn_and_strip_markup_is_exact() -> None:
    from conftest import ARCHIVE
    from generator.archive import build
    from generator.pages import strip
    from generator.pages.episode import episode_view

    archive = build(ARCHIVE / "content", root=ARCHIVE)
    tides = next(e for e in archive.episodes if e.slug == "tides")
    order = strip.shares(archive, tides)
    # 60 s episode: Tom 4-15 and 30-60 (41 s), Inès 0-4 and 15-20 (9 s), Q 20-30 (10 s, no entry)
    assert [(pid, round(share, 3)) for pid, share in order] == [("tom-okafor", 0.683), ("ines-moreau", 0.15)]
    view = episode_view(archive, tides)
    assert Templates().render("partials/turn.html", tides.url, turn=view.turns[1]) == (
        '<div class="onr-turn onr-s0" data-start="4"><h3 class="onr-turn-head" id="t4">'
        '<a class="onr-who" href="../../../speakers/tom-okafor/">Tom Okafor</a> <a class="onr-time" href="#t4">00:04</a>'
        '<a class="onr-link" href="#t4" title="Copy a link to this moment" aria-label="Link to this moment">#</a></h3>'
        '<div class="onr-turn-text"><p>The tide tables for 2023 moved the ferry schedule by forty minutes '
        "<em>every</em> week.</p></div></div>"
    )
    svg = Templates().render("partials/strip.html", tides.url, strip=view.strip)
    assert svg.startswith('<svg class="onr-strip" viewBox="0 0 1000 20" preserveAspectRatio="none" role="group" '
                          'aria-label="Who spoke when: 5 turns across 01:00">')
    assert ('<a href="#t20" data-seek="20" tabindex="-1"><rect class="onr-sx" x="333.3" y="0" width="166.7" '
            'height="20"><title>Q · 00:20</title></rect></a>') in svg


def test_undated_episodes_are_listed_as_undated_and_kept_out_of_time_charts(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2024-05-01-dated.md").write_text("Ann Lee: hi\n", encoding="utf-8")
    (show / "no-date.md").write_text("Ann Lee: hello\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    pages = {item.src_uri: item for item in render(result) if isinstance(item, Page)}
    show_page = pages["shows/s/index.md"].inline()
    assert '<h2 id="y2024">2024</h2>' in show_page
    assert ('<h2 id="undated">Undated</h2>\n<ul class="onr-episodes"><li><a href="no-date/">No date</a> · '
            '<span class="onr-undated">undated</span> · <span class="onr-item-people">with '
            '<a href="../../speakers/ann-lee/">Ann Lee</a></span></li></ul>') in show_page
    timeline = pages["timeline/index.md"].inline()
    assert "<p>1 episode. 1 episode with no date is listed on its show’s page.</p>" in timeline
    assert "No date" not in timeline
    person = pages["speakers/ann-lee/index.md"].inline()
    assert 'data-count="1"' in person and 'data-count="2"' not in person  # one dated bar
    assert '<h3 id="undated">Undated</h3>' in person
    assert "<dt>Appearances</dt><dd>2</dd>" in person
    assert "<dt>First appearance</dt>" in person


def test_a_speakers_list_credits_people_no_turn_names(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2024-05-01-talk.md").write_text(
        "---\nspeakers: [Jason Potts, Ann Lee, Q]\n---\nAnn Lee: A question first.\n\nQ: Yes?\n", encoding="utf-8")
    (show / "2024-06-01-solo.md").write_text("---\nspeakers: [Jason Potts]\n---\nA talk whose text names nobody.\n",
                                             encoding="utf-8")
    (tmp_path / "content/speakers.yml").write_text("unnamed: [Q]\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    jason = result.appearances["jason-potts"]
    assert [(a.episode.slug, a.turns, a.words) for a in jason] == [("2024-06-01-solo", (), 0), ("2024-05-01-talk", (), 0)]
    assert [a.words for a in result.appearances["ann-lee"]] == [3]
    pages = {item.src_uri: item for item in render(result) if isinstance(item, Page)}
    talk = pages["shows/s/2024-05-01-talk/index.md"].inline()
    assert ('<a href="../../../speakers/jason-potts/">Jason Potts</a> <span class="onr-share">credited</span>') in talk
    person = pages["speakers/jason-potts/index.md"].inline()
    assert "<dt>Appearances</dt><dd>2</dd>" in person and "<dt>Words spoken</dt><dd>0</dd>" in person
    assert "Share of the conversation" not in person
    assert person.count("credited in the episode’s speaker list") == 2


def test_translations_are_versions_of_one_episode(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s/2018-10"
    show.mkdir(parents=True)
    (show / "2018-10-08-descriptors.md").write_text("---\nlanguage: en\n---\nAnn Lee: Descriptors.\n", encoding="utf-8")
    (show / "2018-10-08-descriptors.es.md").write_text("---\ntitle: Descriptores\n---\nAnn Lee: Descriptores.\n",
                                                       encoding="utf-8")
    (show / "2018-10-08-descriptors.zh.md").write_text("Ann Lee: 描述符.\n", encoding="utf-8")
    (show / "2018-10-09-alone.es.md").write_text("Ann Lee: Solo en español.\n", encoding="utf-8")
    (show / "2018-10-10-draft.md").write_text("---\ndraft: true\n---\nAnn Lee: Not yet.\n", encoding="utf-8")
    (show / "2018-10-10-draft.es.md").write_text("Ann Lee: Todavía no.\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    assert [e.url for e in result.episodes] == ["shows/s/2018-10-09-alone-es/", "shows/s/2018-10-08-descriptors/"]
    translations = result.translations["s", "2018-10-08-descriptors"]
    assert [(t.url, t.language, t.title, t.date) for t in translations] == [
        ("shows/s/2018-10-08-descriptors/es/", "es", "Descriptores", result.episodes[1].date),
        ("shows/s/2018-10-08-descriptors/zh/", "zh", "Descriptors", result.episodes[1].date)]
    assert [a.episode.slug for a in result.appearances["ann-lee"]] == ["2018-10-09-alone-es", "2018-10-08-descriptors"]
    pages = {item.src_uri: item for item in render(result) if isinstance(item, Page)}
    spanish = pages["shows/s/2018-10-08-descriptors/es/index.md"]
    assert ('<nav class="onr-languages" aria-label="Languages"><ul>'
            '<li><a href="../" hreflang="en" lang="en">English</a></li>'
            '<li><a href="./" hreflang="es" lang="es" aria-current="page">Español</a></li>'
            '<li><a href="../zh/" hreflang="zh" lang="zh">中文</a></li></ul></nav>') in spanish.inline()
    assert spanish.meta["onrecord_alternates"] == [{"lang": "en", "href": "../"}, {"lang": "es", "href": "./"},
                                                   {"lang": "zh", "href": "../zh/"}]
    assert '<div class="onr-transcript" data-pagefind-body lang="es">' in spanish.inline()
    assert not any("draft" in uri for uri in pages)


def test_transcribers_and_translators_are_credited(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2024-05-01-talk.md").write_text(
        "---\ntranscript_by: Bryan <Bishop>\ntranslation_by: Blue Moon\n---\nAnn Lee: Hi.\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    assert result.problems == ()
    page = next(item for item in render(result) if isinstance(item, Page) and item.src_uri.startswith("shows/s/2024"))
    assert " · Transcribed by Bryan &lt;Bishop&gt; · Translated by Blue Moon</p>" in page.inline()


def test_a_transcripts_dateline_is_shown_as_a_note(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2024-05-01-remarks.md").write_text(
        "East Room\n\n4:27 P.M. EST\n\nTHE PRESIDENT: Thank you all.\n\nEND\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    pages = {item.src_uri: item for item in render(result) if isinstance(item, Page)}
    html = pages["shows/s/2024-05-01-remarks/index.md"].inline()
    # Both opening lines; the closing END is read into the President's turn (a reading matter, issue 8).
    assert html.count('class="onr-turn onr-sx onr-dateline"') == 2
    assert '<p><span class="onr-note" data-pagefind-ignore>4:27 P.M. EST</span></p>' in html
    assert '<p><span class="onr-note" data-pagefind-ignore>East Room</span></p>' in html
    assert "<p>Thank you all.</p>" in html


def fixture_pages(**options: object) -> dict[str, Page]:
    from conftest import ARCHIVE

    built = archive.build(ARCHIVE / "content", root=ARCHIVE)
    return {item.src_uri: item for item in render(built, "Fixture", **options) if isinstance(item, Page)}  # type: ignore[arg-type]


def test_the_home_page_has_a_search_form_people_and_the_archives_chart() -> None:
    home = fixture_pages()["index.md"]
    html = home.inline()
    assert ('<form class="onr-home-search" role="search" method="get" action="search/">\n'
            '<p class="onr-search-box"><label for="onr-home-q">Search the transcripts</label>\n'
            '<input id="onr-home-q" name="q" type="search" placeholder="Words, or “an exact phrase”" autocomplete="off">'
            '<button type="submit">Search</button></p>\n</form>') in html
    assert "<script>" not in html  # no external search: nothing to point elsewhere
    assert ('<h2 id="people">Heard most often</h2>\n<ul class="onr-with"><li><a href="speakers/lena-fisk/">Lena Fisk</a> '
            '<span class="onr-count">2 appearances</span></li><li><a href="speakers/tom-okafor/">Tom Okafor</a> '
            '<span class="onr-count">2 appearances</span></li><li><a href="speakers/ines-moreau/">Inès Moreau</a> '
            '<span class="onr-count">1 appearance</span></li></ul>') in html
    assert '<a href="speakers/by-appearances/">Everyone, by number of appearances</a>' in html
    # The latest episodes name who speaks in them, linked, and their tags.
    assert ('<li><a href="shows/night-lab/stars/">Counting Stars</a> · <a href="shows/night-lab/">Night Lab</a> · '
            '<time datetime="2024-11-02">November 2, 2024</time> · <span class="onr-item-people">with '
            '<a href="speakers/lena-fisk/">Lena Fisk</a> and <a href="speakers/tom-okafor/">Tom Okafor</a></span> '
            '<ul class="onr-tags" aria-label="Tags"><li><a href="tags/astronomy/" rel="tag">astronomy</a></li>'
            '<li><a href="tags/satellites/" rel="tag">satellites</a></li></ul></li>') in html
    # Episodes over time: one bar a month from the first episode to the latest, linked to the timeline.
    assert '<h2 id="over-time">Episodes over time</h2>\n<figure class="onr-figure"><svg class="onr-chart"' in html
    assert html.count('<rect class="onr-bar') == 35 and html.count('class="onr-bar onr-empty"') == 32
    assert ('<a href="timeline/#m2023-03"><rect class="onr-bar" x="141" y="4.0" width="8" height="56.0" '
            'data-period="2023-03" data-count="1"><title>March 2023: 1 episode</title></rect></a>') in html
    assert home.toc == ((2, "latest", "Latest episodes"), (2, "people", "Heard most often"),
                        (2, "over-time", "Episodes over time"))
    assert '· <a href="tags/">Tags</a></p>' in html


def test_the_home_search_form_uses_the_external_search_without_javascript() -> None:
    html = fixture_pages(external_search="https://duckduckgo.com/?sites=example.org&q=x")["index.md"].inline()
    assert ('<form class="onr-home-search" role="search" method="get" action="https://duckduckgo.com/" '
            'data-onr-search="search/">') in html
    assert '<input type="hidden" name="sites" value="example.org" data-onr-external>' in html and 'value="x"' not in html
    assert "form.action = form.dataset.onrSearch" in html  # with JavaScript, our search page
    assert "onr-home-search" not in fixture_pages(search=False)["index.md"].inline()


def test_a_show_pages_episodes_list_their_speakers_and_tags() -> None:
    html = fixture_pages()["shows/night-lab/index.md"].inline()
    assert ('<li><a href="untimed/">Untimed Notes</a> · <time datetime="2022-01-20">January 20, 2022</time> · '
            '<span class="onr-item-people">with <a href="../../speakers/lena-fisk/">Lena Fisk</a></span> '
            '<ul class="onr-tags" aria-label="Tags"><li><a href="../../tags/astronomy/" rel="tag">astronomy</a></li>'
            '</ul></li>') in html


def test_an_episode_item_names_four_speakers_then_how_many_more(tmp_path: Path) -> None:
    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    names = ["Ann Lee", "Bo Chen", "Cy Dee", "Di Eng", "Ed Fox", "Fe Gu"]
    (show / "2024-01-01-panel.md").write_text("".join(f"{n}: {'word ' * (10 - i)}\n\n" for i, n in enumerate(names)),
                                              encoding="utf-8")
    built = archive.build(tmp_path / "content", root=tmp_path)
    pages = {item.src_uri: item for item in render(built) if isinstance(item, Page)}
    assert ('with <a href="../../speakers/ann-lee/">Ann Lee</a>, <a href="../../speakers/bo-chen/">Bo Chen</a>, '
            '<a href="../../speakers/cy-dee/">Cy Dee</a>, <a href="../../speakers/di-eng/">Di Eng</a>, and 2 more</span>'
            ) in pages["shows/s/index.md"].inline()


def test_an_episode_page_carries_the_facts_a_citation_needs_once(tmp_path: Path) -> None:
    """The JSON cite.js reads (tests/test_cite_browser.py cites with it): dates as ISO and in the
    page's language, the BibTeX key in the characters every BibTeX reads, no "<" left to end the script."""
    from generator.pages.episode import bibtex_key, citation

    show = tmp_path / "content/shows/café-talk"
    show.mkdir(parents=True)
    (show / "show.yml").write_text("title: Café </script> Talk\n", encoding="utf-8")
    (show / "2023-10-19-crème-brûlée.md").write_text("Ann Lee: hi\n", encoding="utf-8")
    (show / "no-date.md").write_text("Ann Lee: hello\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    dated = next(e for e in result.episodes if e.date)
    undated = next(e for e in result.episodes if not e.date)
    assert (dated.show, bibtex_key(dated)) == ("café-talk", "cafe-talk:2023-10-19-creme-brulee")  # ASCII
    assert citation(result, dated, "My <Archive>", Messages.for_language("es")) == {
        "site": "My <Archive>", "show": "Café </script> Talk", "title": dated.title, "audio": False,
        "key": bibtex_key(dated), "iso": "2023-10-19", "date": "19 de octubre de 2023", "month_day": "19 de octubre",
    }
    assert set(citation(result, undated, "", Messages.for_language("en"))) == {"site", "show", "title", "audio", "key"}
    pages = {item.src_uri: item for item in render(result, "My <Archive>") if isinstance(item, Page)}
    html = pages[f"{dated.url}index.md"].inline()
    assert html.count('<script type="application/json" id="onr-cite">') == 1
    assert '"site": "My \\u003cArchive\\u003e"' in html and "Café \\u003c/script\\u003e Talk" in html
    assert '<script src="../../../assets/onrecord/cite.js" defer></script>' in html


def test_a_download_is_made_as_it_is_written(tmp_path: Path) -> None:
    """Its text is not held (a build of 10,000 hour-long episodes would hold 2.5 GB of it), and
    its line ends are written as they are (turns.csv's are CRLF)."""
    made: list[int] = []

    def pieces(n: int) -> Iterator[str]:
        made.append(n)
        yield "a,b\r\n"
        yield "é\n"

    download = Download("data/x.csv", pieces, (1,))
    assert made == [] and download == Download("data/x.csv", pieces, (1,)) != Download("data/x.csv", pieces, (2,))
    download.write(tmp_path / "data/x.csv")
    assert (tmp_path / "data/x.csv").read_bytes() == "a,b\r\né\n".encode() and made == [1]
    assert Download.text("feed.xml", "<rss/>").content == "<rss/>"
