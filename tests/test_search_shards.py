"""Pagefind in shards (generator/search.py): a big archive is indexed in shards of consecutive
dates, two services at a time, each shard cached; the search page merges them and still finds,
filters, suggests and sorts by date as one index does. The fixture archive (6 indexed pages) is
split by lowering the shard size to 2."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ARCHIVE, serve
from generator import search, vocabulary
from generator.cache import Cache


def bundle_bytes(site: Path) -> dict[str, bytes]:
    bundle = site / search.BUNDLE
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built fixture site, to index again."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture
def services(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the Pagefind services started (each entry: the number of pages it was given)."""
    started: list[int] = []
    run = search.run_service

    def counted(command: list[str], site_dir: Path, pages: Any, *args: Any) -> Any:
        started.append(len(pages))
        return run(command, site_dir, pages, *args)

    monkeypatch.setattr(search, "run_service", counted)
    return started


def page(url: str, date: str = "", body: bool = True) -> search.Page:
    return search.Page(Path(url.strip("/") or "index") / "index.html", url, date, body, url.encode())


# Splitting ------------------------------------------------------------------------------------------


def test_shards_are_consecutive_dates_with_the_undated_pages_last() -> None:
    pages = [page("/a/", "2023-05-01"), page("/b/", "2021-01-01"), page("/p/"), page("/c/", "2022-02-02"),
             page("/d/", "2021-01-01"), page("/home/", body=False), page("/q/")]
    for _ in range(5):
        random.shuffle(pages)
        shards = search.split(pages, size=2)
        assert [[p.url for p in shard] for shard in shards] == [["/b/", "/d/"], ["/a/", "/c/"], ["/p/", "/q/"]]
    # each shard in path order, as Pagefind is fed; the pages Pagefind would not index are left out


def test_a_small_site_is_one_shard_fed_as_before() -> None:
    pages = [page("/a/", "2023-05-01"), page("/home/", body=False), page("/p/")]
    assert search.split(pages, size=3) == [pages]  # every HTML file, in the order given (sorted paths)


def test_a_new_episode_changes_only_the_last_shards() -> None:
    pages = [page(f"/e{n:02}/", f"2020-01-{n:02}") for n in range(1, 10)] + [page("/person/")]
    before = search.split(pages, size=3)
    after = search.split([*pages, page("/e10/", "2020-01-10")], size=3)
    assert after[:3] == before[:3] and len(after) == 4


def test_a_shard_packs_and_unpacks() -> None:
    from collections import Counter

    shard = search.Shard({"pagefind-entry.json": b"{}", "fragment/en_1.pf_fragment": b"\0\1"}, Counter(ferry=3, Inès=1), 2)
    back = search.unpack(search.pack(shard))
    assert back is not None and back.files == shard.files and back.counts == shard.counts and back.skipped == 2
    assert search.unpack(search.pack(shard)[:-3]) is None and search.unpack(b"junk") is None


# Indexing in shards, and the cache ------------------------------------------------------------------


def test_shards_are_indexed_in_parallel_and_merged_into_one_bundle(site: Path, services: list[int],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    one_index = bundle_bytes(site)
    monkeypatch.setattr(search, "PAGES_PER_SHARD", 2)
    summary = search.index(site)
    assert sorted(services) == [2, 2, 2] and "in 3 shards" in summary
    files = bundle_bytes(site)
    assert (site / "pagefind/pagefind-entry.json").read_text().endswith(
        ',"onrecord_shards":{"merge":["shards/1/","shards/2/"],"undated":[2]}}')
    assert not [name for name in files if name.startswith("shards/") and name.endswith((".js", ".pagefind"))]
    fragments = [name for name in files if "fragment/" in name]
    assert len(fragments) == len([name for name in one_index if name.startswith("fragment/")]) == 6
    # "Did you mean" counts every shard's words: the same file as one index writes
    assert files[vocabulary.NAME] == one_index[vocabulary.NAME]


def test_the_same_site_gives_the_same_bytes_whichever_shard_ends_first(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "PAGES_PER_SHARD", 2)
    monkeypatch.setattr(search, "services", lambda: 2)  # two at once, even on one core
    search.index(site)
    first = bundle_bytes(site)
    run = search.run_service
    calls: list[str] = []
    ended: list[str] = []
    gate = threading.Lock()

    def slow_first(command: list[str], site_dir: Path, pages: Any, *args: Any) -> Any:
        with gate:
            calls.append(str(pages[0]))
            first = len(calls) == 1
        if first:
            time.sleep(1)  # the first shard ends last
        result = run(command, site_dir, pages, *args)
        with gate:
            ended.append(str(pages[0]))
        return result

    monkeypatch.setattr(search, "run_service", slow_first)
    search.index(site)
    assert ended[-1] == calls[0] and len(ended) == 3
    assert bundle_bytes(site) == first


def test_a_cached_shard_is_not_indexed_again_and_gives_the_same_bytes(site: Path, tmp_path: Path, services: list[int],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "PAGES_PER_SHARD", 2)
    search.index(site)
    uncached = bundle_bytes(site)
    cache = Cache(tmp_path / "cache")
    search.index(site, cache=cache)
    assert bundle_bytes(site) == uncached and len(services) == 6
    summary = search.index(site, cache=cache)
    assert len(services) == 6 and "(3 from the cache)" in summary  # no service started
    assert bundle_bytes(site) == uncached
    # one page changed: its shard alone is indexed again
    tides = site / "shows/harbour-talk/tides/index.html"
    tides.write_text(tides.read_text(encoding="utf-8").replace("ferry schedule", "ferry timetable"), encoding="utf-8")
    search.index(site, cache=cache)
    assert len(services) == 7 and "timetable" in (site / "pagefind" / vocabulary.NAME).read_text(encoding="utf-8")


def test_a_damaged_cache_entry_is_ignored(site: Path, tmp_path: Path, services: list[int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "PAGES_PER_SHARD", 2)
    cache = Cache(tmp_path / "cache")
    search.index(site, cache=cache)
    expected = bundle_bytes(site)
    entries = sorted((tmp_path / "cache" / search.CACHE_KIND).rglob("*"), key=str)
    damaged = [entry for entry in entries if entry.is_file()][0]
    data = bytearray(damaged.read_bytes())
    data[-1] ^= 0xFF
    damaged.write_bytes(bytes(data))
    search.index(site, cache=cache)
    assert len(services) == 3 + 1 and bundle_bytes(site) == expected


def test_one_shard_is_cached_too(site: Path, tmp_path: Path, services: list[int]) -> None:
    before = bundle_bytes(site)
    cache = Cache(tmp_path / "cache")
    search.index(site, cache=cache)
    assert "from the cache" in search.index(site, cache=cache) and len(services) == 1
    assert bundle_bytes(site) == before  # the layout and bytes one index always had


# The search page on a site in three shards ---------------------------------------------------------

SHARDED_BUILD = ("import sys; from generator import search; search.PAGES_PER_SHARD = 2; "
                 "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict']; cli()")


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("sharded") / "archive"
    shutil.copytree(ARCHIVE, project, ignore=shutil.ignore_patterns("site", ".onrecord-cache"))
    result = subprocess.run([sys.executable, "-c", SHARDED_BUILD], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 0, result.stderr
    assert "in 3 shards" in result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


QUERIES = ["q=ferry", "q=the&sort=date", "q=the&sort=date-asc", "speaker=Tom+Okafor&sort=date",
           "q=night&speaker=Tom+Okafor", "q=satelites", "q=night+fery&sort=date", "q=%22night+ferry%22",
           "show=Night+Lab&sort=date-asc", "q=telesc", "year=2023", "q=Ines"]


def answers(page: Any, url: str) -> dict[str, tuple[str, str | None, list[str]]]:
    """For each query: the status line, "Did you mean" and the results' links, in order."""
    out = {}
    for query in QUERIES:
        page.goto(f"{url}search/?{query}")
        page.wait_for_selector("ol.onr-results[data-state=done]", state="attached")
        links = [re.sub(r"\?highlight=[^#]*", "", a.get_attribute("href") or "").removeprefix(url)
                 for a in page.query_selector_all("ol.onr-results a")]
        suggest = page.inner_text(".onr-search-suggest") if page.is_visible(".onr-search-suggest") else None
        out[query] = (page.inner_text(".onr-search-status"), suggest, links)
    return out


@pytest.mark.browser
def test_the_search_page_answers_from_shards_as_from_one_index(page: Any, site_url: str, sharded_url: str) -> None:
    one, sharded = answers(page, site_url), answers(page, sharded_url)
    for query in QUERIES:
        if "sort=" in query or "q=" not in query:  # sorted by date, or listed in Pagefind's order of pages
            assert sharded[query] == one[query], query
        else:  # ranked: each shard scores its own pages, so equal ranks may come in another order
            assert (sharded[query][:2], sorted(sharded[query][2])) == (one[query][:2], sorted(one[query][2])), query
    # what the comparison covers: results in every shard, turns, filters, suggestions, both date orders
    assert sharded["q=the&sort=date"][2][0::4] == ["shows/night-lab/stars/", "shows/harbour-talk/tides/",
                                                   "shows/night-lab/untimed/"]
    assert sharded["q=the&sort=date-asc"][2][0::4] == sharded["q=the&sort=date"][2][0::4][::-1]
    assert "shows/harbour-talk/tides/#t30" in sharded["q=night&speaker=Tom+Okafor"][2]
    assert sharded["q=satelites"][1] == "Did you mean satellites?"
    assert "speakers/ines-moreau/" in sharded["q=Ines"][2]  # a person, in the undated shard
