"""Search on a large archive: Pagefind (On Record) against Material's built-in search.

    .venv/bin/python benchmarks/search.py --episodes 1000 --words 9000

Builds the synthetic archive (benchmarks/synthetic.py) twice: with On Record's Pagefind search,
and with Material's search plugin instead. Prints, for each: index time, index size, the
indexer's peak memory (Pagefind's binary, measured as the largest child's max RSS), and in
headless Chromium (Debian's, via Playwright): bytes transferred to open the page, bytes
transferred by the first query, and the time from typing the query to results on screen.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from synthetic import MKDOCS_YML, vocabulary, write_archive

from generator import search

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build(project: Path, config: str) -> float:
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True)
    return time.perf_counter() - began


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def measure(site: Path, url: str, box: str, query: str, done: str) -> tuple[int, int, int, float, int]:
    """Open ``url``, type ``query`` into ``box``, wait for ``done``: bytes to open the page, of which
    the search engine's (Pagefind's scripts and wasm, or Material's index), bytes the query then
    fetched, milliseconds from typing to the first result, and the number of results shown."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        received = [0, 0]  # response bytes (headers + body) of every request, the search worker's included;
        # and of those, the search engine's

        def finished(request: Any) -> None:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            received[0] += size
            if "/pagefind/" in request.url or "search_index.json" in request.url or "/workers/search" in request.url:
                received[1] += size

        page.on("requestfinished", finished)
        page.goto(base + url, wait_until="networkidle")
        opened, engine = received[0], received[1]
        began = time.perf_counter()
        page.fill(box, query)
        page.wait_for_selector(done, timeout=120_000)
        elapsed = (time.perf_counter() - began) * 1000
        page.wait_for_load_state("networkidle")
        shown = len(page.query_selector_all(done))
        browser.close()
    server.shutdown()
    return opened, engine, received[0] - opened, elapsed, shown


def peak_child_rss() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--rank", type=int, default=300,
                        help="query the synthetic vocabulary's word of this frequency rank (0 = most common)")
    parser.add_argument("--skip-material", action="store_true", help="measure Pagefind only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        content = write_archive(root, args.episodes, args.words)
        text = sum(p.stat().st_size for p in content.rglob("*.md")) / 1e6
        query = vocabulary(random.Random(7))[args.rank]  # write_archive's first draw with its seed
        print(f"archive: {args.episodes} episodes x {args.words} words ({text:.0f} MB of transcripts); "
              f"query {query!r} (frequency rank {args.rank})")

        build(root, MKDOCS_YML)  # with its search page and index; then index again, measured alone
        shutil.rmtree(root / "site" / "pagefind")
        before = peak_child_rss()
        began = time.perf_counter()
        print(search.index(root / "site"))
        seconds = time.perf_counter() - began
        peak = peak_child_rss()
        peak_note = f"{peak / 1e9:.2f} GB" if peak > before else f"<= {before / 1e9:.2f} GB (below the build's own peak)"
        index = size(root / "site" / "pagefind")
        opened, engine, first, elapsed, shown = measure(root / "site", "search/", "#onr-q", query, "ol.onr-results > li")
        print(f"pagefind: index {seconds:.1f} s, {index / 1e6:.1f} MB on disk, peak memory {peak_note}")
        print(f"  open the search page: {opened / 1e3:.0f} KB, of which Pagefind's engine {engine / 1e3:.0f} KB "
              f"(the rest is the page and Material's theme); first query {first / 1e3:.0f} KB more; "
              f"search bytes in all {(engine + first) / 1e3:.0f} KB; "
              f"first result {elapsed:.0f} ms after typing ({shown} shown)")
        if args.skip_material:
            return

        material = MKDOCS_YML.replace("- onrecord", "- search\n  - onrecord:\n      search: false")
        began = time.perf_counter()
        build(root, material)
        total = time.perf_counter() - began
        index = size(root / "site" / "search" / "search_index.json")
        opened, engine, first, elapsed, shown = measure(root / "site", "", "input.md-search__input", query,
                                                        ".md-search-result__item")
        print(f"material: build with its index {total:.1f} s, index {index / 1e6:.1f} MB")
        print(f"  open the home page: {opened / 1e3:.0f} KB, of which its search index and worker {engine / 1e3:.0f} KB "
              f"(loaded by every page); first query {first / 1e3:.0f} KB more; search bytes in all "
              f"{(engine + first) / 1e3:.0f} KB; first result {elapsed:.0f} ms after typing ({shown} shown)")


if __name__ == "__main__":
    main()
