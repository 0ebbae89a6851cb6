"""``mkdocs serve``: pages are served at once, and the search index catches up behind them
(generator/preview.py), saying so on the search page meanwhile."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import serve
from generator import search
from generator.preview import STALE, BackgroundSearch, Outputs


class SlowIndexer:
    """Stands in for Pagefind: writes a bundle naming the pages it was given, when let go."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.runs: list[list[str]] = []

    def __call__(self, site_dir: Path) -> str:
        assert self.go.wait(10)
        self.go.clear()
        pages = [page.relative_to(site_dir).as_posix() for page in search.html_pages(site_dir, site_dir / search.BUNDLE)]
        self.runs.append(pages)
        (site_dir / search.BUNDLE).mkdir()
        (site_dir / search.BUNDLE / "index.txt").write_text("\n".join(pages))
        return f"search: indexed {len(pages)} pages"


def write(site: Path, *pages: str) -> None:
    """What MkDocs does to the site folder in a build: empty it, write the pages."""
    shutil.rmtree(site, ignore_errors=True)
    for page in pages:
        write_one(site, page, f"<h1>{page}</h1>")


class Preview:
    """A ``mkdocs serve`` session's site folder, its background index and the indexer it waits on."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.indexer = SlowIndexer()
        self.background = BackgroundSearch(self.indexer)

    def save(self, *pages: str) -> None:
        """A save: MkDocs builds ``pages`` and the plugin hands them to the background index."""
        self.background.build_started()
        write(self.site, *pages)
        self.background.submit(self.site)

    def indexed(self) -> str | None:
        """The pages the site's index holds (None: no index)."""
        index = self.site / "pagefind/index.txt"
        return index.read_text() if index.is_file() else None

    def stale(self) -> bool:
        return (self.site / "pagefind" / STALE).is_file()

    def finish(self) -> None:
        """Let the indexer run until nothing is waiting."""
        while not self.background.idle.wait(0.01):
            self.indexer.go.set()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    session = Preview(tmp_path / "site")
    yield session
    session.indexer.go.set()
    session.background.close()
    assert not session.background.work.exists()


def test_the_index_follows_the_pages_and_is_marked_stale_until_it_does(preview: Preview) -> None:
    preview.save("index.html", "a/index.html")  # returns at once: the pages are served while it indexes
    assert preview.stale()
    preview.finish()
    assert preview.indexed() == "a/index.html\nindex.html" and not preview.stale()

    # The next save starts from the last index, marked stale, until its own is in.
    preview.save("index.html", "a/index.html", "b/index.html")
    assert preview.indexed() == "a/index.html\nindex.html" and preview.stale()
    preview.finish()
    assert preview.indexed() == "a/index.html\nb/index.html\nindex.html" and not preview.stale()


def test_saves_during_a_run_are_indexed_once_as_the_latest(preview: Preview) -> None:
    preview.save("one/index.html")
    preview.save("one/index.html", "two/index.html")  # two saves while the first run is going
    preview.save("one/index.html", "three/index.html")
    preview.finish()  # the first run may read the newer pages, but is not published: the second is
    assert len(preview.indexer.runs) == 2 and preview.indexer.runs[1] == ["one/index.html", "three/index.html"]
    assert preview.indexed() == "one/index.html\nthree/index.html" and not preview.stale()


def test_a_run_that_ends_after_a_newer_build_started_leaves_that_build_alone(preview: Preview) -> None:
    preview.save("one/index.html")
    preview.background.build_started()  # a save: MkDocs is building, and will submit when done
    write(preview.site, "one/index.html", "two/index.html")
    preview.indexer.go.set()
    assert preview.background.idle.wait(10)
    assert preview.indexed() is None  # not put into the build under way
    preview.background.submit(preview.site)  # that build is written: it gets the finished index, marked stale
    assert preview.indexed() == "one/index.html" and preview.stale()
    preview.finish()
    assert preview.indexed() == "one/index.html\ntwo/index.html" and not preview.stale()


@pytest.mark.browser
def test_the_search_page_says_the_index_is_catching_up_and_searches_again(
        page: Any, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "pagefind" / STALE).write_text("stale")
    server, url = serve(site)
    try:
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(f"{url}search/?q=satellites")  # a published site: no preview, no marker asked for
        page.wait_for_selector("ol.onr-results[data-state=done]")
        assert not any(STALE in address for address in asked)
        assert page.locator(".onr-search-stale").count() == 0

        page.add_init_script("window.livereload = function () {};")  # as `mkdocs serve` adds to every page
        page.goto(f"{url}search/?q=satellites")
        notice = page.locator(".onr-search-stale")
        notice.wait_for()
        assert "catching up" in notice.inner_text()
        page.wait_for_selector("ol.onr-results[data-state=done]")  # the old index still answers
        before = len(asked)
        (site / "pagefind" / STALE).unlink()  # the new index is in
        notice.wait_for(state="detached")
        page.wait_for_function("performance.getEntriesByType('resource').some(r => r.name.includes('pagefind.js?1'))")
        page.wait_for_selector("ol.onr-results[data-state=done]")
        assert page.locator("ol.onr-results a").count() > 0
        assert len(asked) > before
    finally:
        server.shutdown()


def test_kept_files_go_back_whole_folders_at_a_time_and_the_rest_is_forgotten(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, "index.html", "a/index.html", "a/transcript.txt", "b/index.html", "b/transcript.txt",
          "pagefind/pagefind.js", "gone/index.html")
    (site / ".hidden").write_text("MkDocs leaves dot files alone; so do we")
    outputs = Outputs()
    try:
        outputs.set_aside(site)
        assert sorted(p.name for p in site.iterdir()) == [".hidden"]
        assert outputs.has("a/index.html") and not outputs.has("c/index.html")
        write_one(site, "index.html", "new home")  # what this build made
        write_one(site, "b/index.html", "b again")
        outputs.put_back(site, ["a/index.html", "a/transcript.txt", "b/transcript.txt"])
        assert (site / "a/transcript.txt").read_text() == "<h1>a/transcript.txt</h1>"
        assert (site / "b/index.html").read_text() == "b again" and (site / "b/transcript.txt").is_file()
        assert (site / "index.html").read_text() == "new home"
        assert (site / "pagefind/pagefind.js").is_file()  # the last index stays until a newer one replaces it
        assert not (site / "gone").exists() and not outputs.aside.exists()
    finally:
        outputs.close()
    assert not outputs.work.exists()


def write_one(site: Path, page: str, text: str) -> None:
    (site / page).parent.mkdir(parents=True, exist_ok=True)
    (site / page).write_text(text)
