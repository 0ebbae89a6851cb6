"""Search: Pagefind indexes published episodes at the end of the build; the search page finds
turns, filters by speaker, and reopens from a shared URL."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ARCHIVE, mkdocs_build
from generator import search, vocabulary


def indexed_text(site: Path) -> str:
    """All the text Pagefind stored for result excerpts (its fragments are gzipped JSON)."""
    return "\n".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                     for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"))


def test_build_indexes_published_episodes_and_people_only(built_site: Path) -> None:
    text = indexed_text(built_site)
    assert "ferry schedule by forty minutes" in text  # an episode's transcript
    assert "draftword" not in text  # drafts are never built
    assert "Made with" not in text and "Timeline" not in text  # no footer or navigation
    fragments = list((built_site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) == 3 + 3  # three published episodes, three people: no index pages


def test_search_can_be_turned_off(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("- onrecord", "- onrecord:\n      search: false"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site/pagefind").exists() and not (project / "site/search").exists()
    home = (project / "site/index.html").read_text()
    assert 'class="onr-header-search"' not in home and 'class="onr-home-search"' not in home


def results(page: Any) -> list[str]:
    page.wait_for_selector("ol.onr-results[data-state=done]")
    # A turn's link carries ?highlight=<the query> (tested below); the turn it opens is what counts here.
    hrefs = [a.get_attribute("href") or "" for a in page.query_selector_all("ol.onr-results a")]
    return [re.sub(r"\?highlight=[^#]*", "", href) for href in hrefs]


@pytest.mark.browser
def test_a_word_from_a_turn_finds_that_turn(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.fill("#onr-header-q", "satellites")
    page.press("#onr-header-q", "Enter")
    links = results(page)
    assert f"{site_url}shows/night-lab/stars/#t21" in links
    assert "?q=satellites" in page.url


@pytest.mark.browser
def test_speaker_filter_keeps_only_that_speakers_turns(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/")
    page.fill("#onr-q", "night")
    links = results(page)
    assert f"{site_url}shows/harbour-talk/tides/#t30" in links  # Tom Okafor: "The night ferry keeps..."
    assert f"{site_url}shows/harbour-talk/tides/#t20" in links  # Q: "What about the ... night ferry?"
    page.evaluate("document.querySelector('ol.onr-results').removeAttribute('data-state')")
    page.select_option("select[name=speaker]", "Tom Okafor")
    links = results(page)
    turns = {link.removeprefix(site_url) for link in links if "#" in link}
    assert turns == {"shows/harbour-talk/tides/#t30", "shows/night-lab/stars/#t9"}  # Tom Okafor's turns only
    assert "speaker=Tom+Okafor" in page.url


@pytest.mark.browser
def test_a_shared_search_url_reproduces_the_results(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=ferry&speaker=Tom+Okafor")
    first = results(page)
    assert page.input_value("#onr-q") == "ferry" and page.input_value("select[name=speaker]") == "Tom Okafor"
    page.goto(page.url)
    assert results(page) == first and first


@pytest.mark.browser
def test_results_read_like_the_site(page: Any, site_url: str) -> None:
    """Turn titles without the heading's link glyph; dates as the pages write them (issue 13)."""
    page.goto(f"{site_url}search/?q=ferry")
    results(page)
    titles = [a.inner_text() for a in page.query_selector_all("ol.onr-result-turns a")]
    assert titles and not [t for t in titles if t.endswith("#")]
    assert any(t.startswith("Tom Okafor") for t in titles)
    facts = [p.inner_text() for p in page.query_selector_all("p.onr-result-facts")]
    assert facts and all(re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", f) for f in facts if any(c.isdigit() for c in f)), facts
    assert not [f for f in facts if re.search(r"\d{4}-\d{2}-\d{2}", f)]


@pytest.mark.browser
def test_a_result_opens_its_turn_with_the_words_marked(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=ferry")
    results(page)
    link = page.query_selector("ol.onr-result-turns a[href*='#t30']")
    assert link is not None and "highlight=ferry" in (link.get_attribute("href") or "")
    link.click()
    page.wait_for_selector("#t30")
    marks = page.eval_on_selector_all(".onr-turn:has(#t30) mark.onr-hit", "ms => ms.map(m => m.textContent)")
    assert marks and {m.lower() for m in marks} == {"ferry"}
    assert page.evaluate("location.hash") == "#t30"


@pytest.mark.browser
def test_a_person_page_searches_their_words_newest_first(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}speakers/tom-okafor/")
    page.click("ul.onr-links a[href*='search/']")
    results(page)  # the page opens on their episodes, once the script has read the URL into the form
    assert page.input_value("select[name=speaker]") == "Tom Okafor" and page.input_value("select[name=sort]") == "date"
    page.evaluate("document.querySelector('ol.onr-results').removeAttribute('data-state')")
    page.fill("#onr-q", "night")
    turns = {link.removeprefix(site_url) for link in results(page) if "#" in link}
    assert turns == {"shows/harbour-talk/tides/#t30", "shows/night-lab/stars/#t9"}


@pytest.mark.browser
def test_the_home_pages_search_box_opens_the_search_page_with_results(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.fill("#onr-home-q", "ferry")
    page.press("#onr-home-q", "Enter")
    page.wait_for_url(f"{site_url}search/?q=ferry")
    assert results(page) and page.input_value("#onr-q") == "ferry"


@pytest.fixture(scope="module")
def external_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive with external_search set (search indexing off: not what is tested)."""
    from conftest import ARCHIVE, mkdocs_build

    project = tmp_path_factory.mktemp("external") / "archive"
    shutil.copytree(ARCHIVE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - onrecord\n", '  - onrecord:\n      external_search: "https://duckduckgo.com/?sites=example.org&q=x"\n'),
        encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_without_javascript_the_header_box_uses_the_external_search(external_site: Path) -> None:
    html = (external_site / "speakers/tom-okafor/index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="onr-header-search".*?</form>', html, re.S)
    assert form is not None
    assert 'action="https://duckduckgo.com/"' in form[0] and 'data-onr-search="../../search/"' in form[0]
    assert '<input type="hidden" name="sites" value="example.org" data-onr-external>' in form[0]
    assert 'name="q" type="search"' in form[0] and 'value="x"' not in form[0]  # the reader's words are the q
    home = (external_site / "index.html").read_text(encoding="utf-8")
    assert 'action="https://duckduckgo.com/" data-onr-search="search/"' in home  # the home page's box too


@pytest.mark.browser
def test_with_javascript_the_header_box_opens_our_search_page(page: Any, external_site: Path) -> None:
    from conftest import serve

    server, url = serve(external_site)
    try:
        page.goto(f"{url}speakers/tom-okafor/")
        assert page.eval_on_selector("form.onr-header-search", "f => f.action") == f"{url}search/"
        assert page.query_selector_all("form.onr-header-search [data-onr-external]") == []
        page.goto(url)  # the home page's box too
        assert page.eval_on_selector("form.onr-home-search", "f => f.action") == f"{url}search/"
        assert page.query_selector_all("form.onr-home-search [data-onr-external]") == []
    finally:
        server.shutdown()


# The archive's words, for "Did you mean" (generator/vocabulary.py) ------------------------------


def test_words_are_compared_without_case_or_accents() -> None:
    assert vocabulary.key("Inès") == "ines" and vocabulary.key("RÉSUMÉ") == "resume"


def test_words_are_letters_counted_most_frequent_first() -> None:
    counts = vocabulary.count(["The ferry, the FERRY; the ferry's 2023 timetable x_1 a"])
    assert vocabulary.vocabulary(counts) == ["ferry", "the", "timetable"]  # no numbers, no one-letter words


def test_one_spelling_stands_for_each_word() -> None:
    counts = vocabulary.count(["Inflation inflation inflation Inflation Inflation Biden Biden Biden biden NATO NATO NATO "
                              "Inès Inès Inès ines résumé resume"])
    words = vocabulary.vocabulary(counts)
    assert words == ["inflation", "Biden", "Inès", "NATO", "resume"]  # counts added up across spellings
    assert "Inflation" not in words  # capitals at the start of sentences are not the word's own


def test_the_rarest_words_are_left_out_a_whole_frequency_class_at_a_time() -> None:
    counts = vocabulary.count(["alpha " * 5 + "bravo " * 3 + "charlie " * 3 + "delta"])
    assert vocabulary.vocabulary(counts, limit=3) == ["alpha", "bravo", "charlie"]
    assert vocabulary.vocabulary(counts, limit=2) == ["alpha"]  # not one of two equally rare words
    assert vocabulary.vocabulary(counts, limit=4) == ["alpha", "bravo", "charlie", "delta"]


def test_the_build_writes_the_indexed_words(built_site: Path) -> None:
    words = (built_site / "pagefind" / vocabulary.NAME).read_text(encoding="utf-8").splitlines()
    assert words[0] == "the" and {"ferry", "satellites", "Inès", "telescope"} <= set(words)
    assert "draftword" not in words  # drafts are not indexed, so not suggested
    assert "Made" not in words and "Timeline" not in words  # nor the site's chrome
    assert len(words) == len(set(map(vocabulary.key, words)))


def test_unexpected_fragments_are_a_search_error() -> None:
    with pytest.raises(search.SearchError, match="unexpected Pagefind fragment"):
        search.words({"fragment/en_1.pf_fragment": b"not gzip"})


def notice(page: Any) -> tuple[str, str | None, list[str]]:
    """The status line, the "Did you mean" line (None when hidden) and the results' links."""
    page.wait_for_selector("ol.onr-results[data-state=done]", state="attached")
    suggest = page.inner_text(".onr-search-suggest") if page.is_visible(".onr-search-suggest") else None
    links = results(page) if page.query_selector("ol.onr-results > li") else []
    return page.inner_text(".onr-search-status"), suggest, links


@pytest.mark.browser
def test_a_misspelt_word_says_so_and_offers_the_nearest_words(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=satelites")
    status, suggest, links = notice(page)
    assert status == "No transcript has the word “satelites”."
    assert suggest == "Did you mean satellites?"
    assert links == []  # Pagefind's hits for the word's prefixes are not listed as if they matched
    page.click(".onr-search-suggest a")
    status, suggest, links = notice(page)
    assert page.input_value("#onr-q") == "satellites" and suggest is None
    assert f"{site_url}shows/night-lab/stars/#t21" in links and "No transcript" not in status


@pytest.mark.browser
def test_a_word_found_whole_or_by_its_stem_says_nothing(page: Any, site_url: str) -> None:
    for query in ("ferry", "ferries", "Ines"):  # another form of the word, or without its accent
        page.goto(f"{site_url}search/?q={query}")
        status, suggest, links = notice(page)
        assert "No transcript" not in status and suggest is None and links, query
        assert not page.is_visible(".onr-results-heading")


@pytest.mark.browser
def test_a_query_with_a_misspelt_word_lists_the_other_words_results(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=night+fery")
    status, suggest, links = notice(page)
    assert status.startswith("No transcript has the word “fery”.") and suggest == "Did you mean night ferry?"
    assert page.inner_text(".onr-results-heading") == "Results for “night”"
    assert f"{site_url}shows/harbour-talk/tides/#t30" in links
    href = page.get_attribute(".onr-search-suggest a", "href") or ""
    assert href == "?q=night+ferry"


@pytest.mark.browser
def test_a_word_being_typed_lists_the_words_it_starts(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/")
    page.fill("#onr-q", "telesc")
    status, suggest, links = notice(page)
    assert status.startswith("No transcript has the word “telesc”.")
    assert page.inner_text(".onr-results-heading") == "Words starting with “telesc”"
    assert f"{site_url}shows/night-lab/untimed/" in {link.split("#")[0] for link in links}


@pytest.mark.browser
def test_the_next_search_clears_what_was_said_of_the_last(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=fery")
    assert notice(page)[1] == "Did you mean ferry?"
    page.evaluate("document.querySelector('ol.onr-results').removeAttribute('data-state')")
    page.fill("#onr-q", "ferry")
    status, suggest, links = notice(page)
    assert suggest is None and "No transcript" not in status and links


def test_decomposed_accents_stay_in_their_words() -> None:
    assert vocabulary.vocabulary(vocabulary.count(["re\u0301sume\u0301 re\u0301sume\u0301"])) == ["résumé"]
