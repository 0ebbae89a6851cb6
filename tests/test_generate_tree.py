"""``onrecord generate --out DIR`` is self-contained: plain ``mkdocs build`` (Material, no On Record
plugin) renders the tree, Pagefind indexes the result, and in a browser the episode page plays and
seeks, On Record's CSS applies, the person page draws its chart and the search page finds words.
The same tree from the hostile archive publishes nothing live."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from test_hostile import HOSTILE, LIVE, texts

from conftest import DEMO_URL, mkdocs_build, serve
from generator import archive, search, tree
from generator.cli import main
from generator.pages import Page, render
from generator.resources import assets

REPO = Path(__file__).parent.parent
DEMO = REPO / "content"
EPISODE = "shows/low-tide/how-heat-moves/"  # the demo episode with local audio
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLES = re.compile(r'<div class="onr-styles">(?:<link [^>]*>)*</div>')
#: The links to a show's or person's feed: only the plugin publishes feeds (they need site_url).
FEEDS = re.compile(r'<p class="onr-subscribe">.*?</p>|<li><a href="feed.xml"[^>]*>[^<]*</a></li>')


def plain_build(docs: Path, project: Path, site_name: str) -> Path:
    """``mkdocs build`` of ``docs`` as ``docs_dir``: Material, no plugins at all, the README's nav."""
    project.mkdir()
    (project / "mkdocs.yml").write_text(
        f"site_name: {site_name}\ndocs_dir: {docs}\nsite_dir: site\n"
        "theme:\n  name: material\n  font: false\nplugins: []\n"
        "nav: [Home: index.md, Shows: shows/index.md, Speakers: speakers/index.md, Timeline: timeline/index.md]\n",
        encoding="utf-8")
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def demo_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generate") / "tree"
    assert main(["generate", "--content", str(DEMO), "--out", str(out), "--site-name", "On Record demo archive",
                 "--site-url", DEMO_URL]) == 0
    return out


@pytest.fixture(scope="module")
def plain_site(demo_tree: Path) -> Path:
    site = plain_build(demo_tree, demo_tree.parent / "plain", "On Record demo archive")
    search.index(site)
    return site


@pytest.fixture(scope="module")
def plugin_site(published_demo: Path) -> Path:
    """The demo built the usual way, with the plugin, to compare pages with."""
    return published_demo


@pytest.fixture(scope="module")
def plain_url(plain_site: Path) -> Any:
    server, url = serve(plain_site)
    yield url
    server.shutdown()


def test_the_tree_holds_the_assets_and_no_placeholder(demo_tree: Path) -> None:
    assert sorted(p.name for p in (demo_tree / "assets/onrecord").iterdir()) == [p.name for p in assets()]
    files = [p for p in demo_tree.rglob("*") if p.is_file() and p.suffix != ".opus"]
    assert [p for p in files if "<!--onrecord:" in p.read_text(encoding="utf-8")] == []
    page = (demo_tree / EPISODE / "index.md").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="../../../assets/onrecord/episode.css">' in page
    assert '<script src="../../../assets/onrecord/episode.js" defer></script>' in page


@pytest.mark.parametrize("uris", [["../x.md"], ["/etc/x.md"], ["shows/../../x.md"], ["linked/x.md"],
                                  ["a/index.md", "a/index.md"]])
def test_paths_that_leave_the_folder_or_collide_are_refused_before_anything_is_written(
        tmp_path: Path, uris: list[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "linked").symlink_to(tmp_path)  # a folder in DIR that leads out of it
    with pytest.raises(tree.TreeError, match=re.escape(uris[-1])):
        tree.checked(out, uris, force=True)
    with pytest.raises(tree.TreeError, match="pass --force"):
        tree.checked(out, ["a/index.md"], force=False)


def article(page: Path) -> str:
    """The page's content, without the tree's stylesheet links and the plugin's feed links,
    whitespace between tags ignored."""
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    assert found, page
    return re.sub(r">\s+<", "><", FEEDS.sub("", STYLES.sub("", found[1]))).strip()


def test_plain_mkdocs_renders_every_page_as_the_plugin_does(plain_site: Path, plugin_site: Path) -> None:
    pages = [p.relative_to(plugin_site) for p in plugin_site.rglob("index.html")]
    generated = [p for p in pages if (plain_site / p).exists()]
    assert len(generated) == len(pages) - 1  # about/ is the site's own page, not generated
    differ = [p.as_posix() for p in generated if article(plain_site / p) != article(plugin_site / p)]
    assert differ == []
    turns = re.findall(r'<h3 class="onr-turn-head" id="(t\d+)"', article(plain_site / EPISODE / "index.html"))
    assert len(turns) == 13 and turns[:3] == ["t0", "t5", "t10"]


class _TopLevel(HTMLParser):
    """The element names and the text at the top level of an HTML fragment."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if self.depth == 0:
            self.found.append(tag)
        self.depth += tag not in self.VOID

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            self.found.append(f"text {data.strip()[:40]!r}")


@pytest.mark.parametrize("content", [DEMO, HOSTILE / "content"], ids=["demo", "hostile"])
def test_every_fragment_is_block_level_html_that_markdown_leaves_alone(content: Path) -> None:
    block = markdown.Markdown().block_level_elements
    loose = set()
    for item in render(archive.build(content, root=content.parent)):
        for fragment in [item.html] if isinstance(item, Page) else []:
            parser = _TopLevel()
            parser.feed(fragment)
            loose |= {f"{item.src_uri}: {top}" for top in parser.found if top not in block}
    assert loose == set()


def test_the_hostile_tree_built_plainly_publishes_nothing_live(tmp_path: Path) -> None:
    out = tmp_path / "tree"
    assert main(["generate", "--content", str(HOSTILE / "content"), "--out", str(out)]) == 1  # it has errors
    site = plain_build(out, tmp_path / "plain", "Hostile archive")
    live = {path.relative_to(site).as_posix(): m[0] for path, text in texts(site).items()
            if path.suffix in (".html", ".xml") and (m := LIVE.search(text))}
    assert live == {}
    page = (site / "shows/evil/2024-01-01-meta/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Description&#34;&gt;&lt;script&gt;' in page


@pytest.mark.browser
def test_the_episode_page_plays_from_a_timestamp_and_is_styled(page: Any, plain_url: str) -> None:
    page.goto(plain_url + EPISODE)
    assert page.locator(".onr-turn").count() == 13
    page.click("#t17 a.onr-time")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 17) < 0.5")
    assert page.url.endswith("#t17")
    assert page.evaluate("document.querySelector('.onr-turn.onr-current h3').id") == "t17"
    # episode.css: the player sticks to the top while the transcript scrolls
    assert page.evaluate("getComputedStyle(document.querySelector('.onr-player')).position") == "sticky"


@pytest.mark.browser
def test_the_person_page_draws_appearances_over_time(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "speakers/ines-moreau/")
    assert page.inner_text("#over-time") == "Appearances Over Time"
    chart = page.locator("svg.onr-chart")
    assert chart.is_visible() and chart.locator("rect.onr-bar").count() > 1
    # people.css: the chart is a block 8rem high
    assert page.evaluate("getComputedStyle(document.querySelector('svg.onr-chart')).display") == "block"
    assert page.evaluate("document.querySelector('svg.onr-chart').getBoundingClientRect().height"
                         " / parseFloat(getComputedStyle(document.documentElement).fontSize)") == 8


@pytest.mark.browser
def test_the_search_page_finds_a_word_from_an_episode(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "search/?q=thermistor")
    page.wait_for_selector("ol.onr-results[data-state=done]")
    links = [a.get_attribute("href") for a in page.query_selector_all("ol.onr-results a")]
    assert any(link.startswith(plain_url + EPISODE) for link in links), links
