"""Tags (issue 13): a page per tag at ``tags/<slug>/`` and a ``tags/`` index, linked from episode
pages and lists of episodes; slugs are safe and distinct, and tag text is escaped everywhere."""

from __future__ import annotations

import re
from pathlib import Path

from test_build import parse

from generator import archive
from generator.pages import Page, render
from generator.pages.listing import Listing, assign


def pages_of(tmp_path: Path, files: dict[str, str]) -> dict[str, Page]:
    """Every page of an archive of ``files`` (paths under content/shows/)."""
    for name, text in files.items():
        path = tmp_path / "content/shows" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    built = archive.build(tmp_path / "content", root=tmp_path)
    return {item.src_uri: item for item in render(built) if isinstance(item, Page)}


def episode(date: str, tags: str, speaker: str = "Ann Lee") -> str:
    return f"---\ndate: {date}\ntags: {tags}\n---\n{speaker}: Words.\n"


def test_a_tag_page_lists_its_episodes_newest_first_across_shows(tmp_path: Path) -> None:
    pages = pages_of(tmp_path, {
        "a/2023-01-05-old.md": episode("2023-01-05", "[Sea wall, budget]"),
        "b/2024-06-01-new.md": episode("2024-06-01", "[sea  WALL]", "Bo Chen"),
        "b/2024-07-01-other.md": episode("2024-07-01", "[transit]"),
        "b/2022-02-01-oldest.md": episode("2022-02-01", "['Sea   wall']"),
        "b/2024-08-01-none.md": "Bo Chen: No tags.\n",
    })
    assert {uri for uri in pages if uri.startswith("tags/")} == {
        "tags/index.md", "tags/sea-wall/index.md", "tags/budget/index.md", "tags/transit/index.md"}
    assert pages["tags/sea-wall/index.md"].title == "Sea wall"  # one tag, named as most episodes write it
    sea = pages["tags/sea-wall/index.md"]
    html = sea.inline()
    assert html.index('href="../../shows/b/2024-06-01-new/"') < html.index('href="../../shows/a/2023-01-05-old/"')
    assert "2024-07-01-other" not in html and "2024-08-01-none" not in html
    assert '<p>3 episodes tagged Sea wall. <a href="../">All tags</a></p>' in html
    assert sea.toc == ((2, "people", "Speakers"), (2, "y2024", "2024"), (2, "y2023", "2023"), (2, "y2022", "2022"))
    assert '<a href="../../speakers/ann-lee/">Ann Lee</a> <span class="onr-count">2 episodes</span>' in html
    assert '<li><a href="./" rel="tag" aria-current="page">Sea wall</a></li>' in html
    index = pages["tags/index.md"].inline()
    assert re.findall(r'<li><a href="([^"]+)">', index) == ["budget/", "sea-wall/", "transit/"]  # A to Z
    assert '<a href="sea-wall/">Sea wall</a> <span class="onr-count">3 episodes</span>' in index


def test_an_episode_page_shows_its_tags_linked(tmp_path: Path) -> None:
    pages = pages_of(tmp_path, {"a/2023-01-05-old.md": episode("2023-01-05", "[Sea wall, budget, budget]")})
    html = pages["shows/a/2023-01-05-old/index.md"].inline()
    assert ('</p><ul class="onr-tags" aria-label="Tags"><li><a href="../../../tags/sea-wall/" rel="tag">Sea wall</a>'
            '</li><li><a href="../../../tags/budget/" rel="tag">budget</a></li></ul>') in html


def test_an_archive_without_tags_has_no_tag_pages(tmp_path: Path) -> None:
    pages = pages_of(tmp_path, {"a/2023-01-05-old.md": "Ann Lee: Words.\n"})
    assert not [uri for uri in pages if uri.startswith("tags/")]
    assert 'href="tags/"' not in pages["index.md"].inline()


def test_tags_that_want_one_slug_get_distinct_pages() -> None:
    names = {"c++": "C++", "c#": "C#", "c": "c", "c-2": "c-2", "!!!": "!!!", "???": "???", "call in": "call in",
             "call-in": "call-in"}
    sizes = {"c++": 1, "c#": 3, "c": 2, "c-2": 1, "!!!": 1, "???": 1, "call in": 1, "call-in": 1}
    slugs = assign(sizes, names)
    assert slugs == {"c#": "c", "c": "c-3", "c++": "c-4", "c-2": "c-2", "!!!": "tag", "???": "tag-2",
                     "call in": "call-in", "call-in": "call-in-2"}
    assert len(set(slugs.values())) == len(slugs)


def test_slug_collisions_and_hostile_text_in_a_build(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script>'
    tags_yaml = f"""['C++', 'C#', '{hostile}', '"><img src=x onerror=alert(1)>', '../../etc', '<!--onrecord:body-->']"""
    pages = pages_of(tmp_path, {"a/2023-01-05-e.md": episode("2023-01-05", tags_yaml)})
    tags = {uri: page for uri, page in pages.items() if uri.startswith("tags/") and uri != "tags/index.md"}
    assert set(tags) == {"tags/c/index.md", "tags/c-2/index.md", "tags/script-alert-x-script/index.md",
                         "tags/img-src-x-onerror-alert-1/index.md", "tags/etc/index.md", "tags/onrecord-body/index.md"}
    assert {tags["tags/c/index.md"].title, tags["tags/c-2/index.md"].title} == {"C++", "C#"}
    for page in [*tags.values(), pages["tags/index.md"], pages["shows/a/2023-01-05-e/index.md"], pages["shows/a/index.md"]]:
        html = page.inline()
        assert "<script>" not in html and "<img" not in html and "<!--onrecord" not in html, page.src_uri
    page = tags["tags/script-alert-x-script/index.md"]
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>" in page.inline()
    assert "title: '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;'" in page.front_matter


def test_a_translation_is_listed_under_a_tag_only_its_original_lacks(tmp_path: Path) -> None:
    pages = pages_of(tmp_path, {
        "s/2018-10-08-talk.md": "---\nlanguage: en\ntags: [science]\n---\nAnn Lee: Descriptors.\n",
        "s/2018-10-08-talk.es.md": "---\ntags: [science, ciencia]\n---\nAnn Lee: Descriptores.\n",
    })
    assert 'href="../../shows/s/2018-10-08-talk/"' in pages["tags/science/index.md"].inline()
    assert "talk/es/" not in pages["tags/science/index.md"].inline()
    assert 'href="../../shows/s/2018-10-08-talk/es/"' in pages["tags/ciencia/index.md"].inline()
    assert 'href="../../../../tags/ciencia/"' in pages["shows/s/2018-10-08-talk/es/index.md"].inline()


def test_listing_names_the_speakers_who_said_most_first(tmp_path: Path) -> None:
    content = tmp_path / "content/shows/s"
    content.mkdir(parents=True)
    (content / "2024-01-01-e.md").write_text("Ann Lee: One.\n\nBo Chen: Two words here.\n\nCy Dee: Three.\n\n"
                                               "Di Eng: Four.\n\nEd Fox: Five.\n", encoding="utf-8")
    built = archive.build(tmp_path / "content", root=tmp_path)
    shown, more = Listing.of(built).shown(built.episodes[0])
    assert [p.name for p in shown] == ["Bo Chen", "Ann Lee", "Cy Dee", "Di Eng"] and more == 1


def test_the_fixture_sites_tag_pages_are_linked_and_listed(built_site: Path) -> None:
    assert sorted(p.parent.name for p in built_site.glob("tags/*/index.html")) == [
        "astronomy", "ferries", "satellites", "tides"]
    astronomy = parse(built_site / "tags/astronomy/index.html")
    assert {"../../shows/night-lab/stars/", "../../shows/night-lab/untimed/"} <= set(astronomy.hrefs)
    assert "../../../tags/astronomy/" in parse(built_site / "shows/night-lab/stars/index.html").hrefs
    assert "../../tags/astronomy/" in parse(built_site / "shows/night-lab/index.html").hrefs
