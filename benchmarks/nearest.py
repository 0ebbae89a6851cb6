"""The search page's "Did you mean": the size of the archive's words file and the time to suggest.

    .venv/bin/python benchmarks/nearest.py --episodes 1000 --words 9000
    .venv/bin/python benchmarks/nearest.py --real ../shared/corpus/archives/wh-speeches-remarks \\
        infaltion presidnet Ukrane "helth care"

Builds the synthetic archive (benchmarks/synthetic.py), or a real archive's folder as one show
(as shared/hooks/real-archives.sh does), then prints: the words file (generator/vocabulary.py)
in words, bytes and gzipped bytes (what a static host sends), the time to write it from Pagefind's
fragments; and in headless Chromium (Debian's, via Playwright), for each misspelt query, the time
from typing it to the page's answer ("No transcript has the word …", with its suggestions), the
bytes the words file cost, and the lookup alone (nearest.js on the loaded words); and what the
whole-word check adds to a correct word's search.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from search import CHROMIUM, FLAGS, build
from synthetic import MKDOCS_YML, vocabulary, write_archive

from generator import vocabulary as words_file


def real_archive(root: Path, folder: Path) -> None:
    """``folder`` (transcripts, in dated sub-folders or not) as the one show of a new project."""
    subprocess.run([sys.executable, "-m", "generator", "new", str(root)], check=True, capture_output=True)
    shows = root / "content" / "shows"
    shutil.rmtree(shows)
    shutil.copytree(folder, shows / "archive")
    (shows / "archive" / "show.yml").write_text(f"title: {folder.name}\n", encoding="utf-8")
    (root / "content" / "speakers.yml").write_text("people: {}\n", encoding="utf-8")


def misspelt(word: str) -> str:
    """``word`` with two letters in its middle swapped (the commonest typing slip)."""
    i = len(word) // 2
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def file_figures(site: Path) -> None:
    bundle = site / "pagefind"
    fragments = {f"fragment/{p.name}": p.read_bytes() for p in (bundle / "fragment").iterdir()}
    began = time.perf_counter()
    data = words_file.from_bundle(fragments)
    seconds = time.perf_counter() - began
    count = data.count(b"\n")
    print(f"words file: {count:,} words, {len(data) / 1e3:.0f} KB, {len(gzip.compress(data, 6)) / 1e3:.0f} KB gzipped; "
          f"written from {len(fragments):,} fragments in {seconds:.2f} s")


CHECKED = """async ([word, check]) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", location.origin + "/").href);
  await pagefind.init();
  const began = performance.now();
  const [search] = await Promise.all([pagefind.search(word), check ? pagefind.search(`"${word}"`) : null]);
  await search.results[0]?.data();
  return performance.now() - began;
}"""


def check_cost(browser: Any, base: str, word: str) -> None:
    """A correct word's search, with and without the whole-word check beside it, each on a fresh
    page (the index chunks not yet loaded): the check's cost on every query."""
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(3):
        for check in (False, True):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}search/", wait_until="networkidle")
            times[check].append(page.evaluate(CHECKED, [word, check]))
            context.close()
    print(f"  {word!r} spelt right, to its first result's data: {min(times[False]):.0f} ms alone, "
          f"{min(times[True]):.0f} ms with the whole-word check (best of 3)")


def browser_figures(site: Path, queries: list[str], correct: str) -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
    from conftest import serve  # the tests' static server (byte ranges, quiet)

    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for query in queries:
            page = browser.new_page()
            fetched = [0]

            def finished(request: Any, fetched: list[int] = fetched) -> None:
                if words_file.NAME in request.url:
                    fetched[0] += request.sizes()["responseBodySize"]

            page.on("requestfinished", finished)
            page.goto(f"{base}search/", wait_until="networkidle")
            began = time.perf_counter()
            page.fill("#onr-q", query)
            page.wait_for_function("document.querySelector('.onr-search-status').textContent.startsWith('No transcript')"
                                   " && document.querySelector('ol.onr-results').dataset.state === 'done'",
                                   timeout=60_000)
            elapsed = (time.perf_counter() - began) * 1000
            lookup = page.evaluate("""async (query) => {
              const nearest = await import(new URL("assets/onrecord/nearest.js", location.origin + "/").href);
              const words = await nearest.vocabulary(new URL("pagefind/onrecord-words.txt", location.origin + "/").href);
              const began = performance.now();
              for (let i = 0; i < 20; i++) for (const w of query.match(/[\\p{L}\\p{M}]+/gu)) words.nearest(w);
              return (performance.now() - began) / 20;
            }""", query)
            status = page.inner_text(".onr-search-status")
            suggest = page.inner_text(".onr-search-suggest") if page.is_visible(".onr-search-suggest") else "(none)"
            print(f"  {query!r}: answered {elapsed:.0f} ms after typing, words file {fetched[0] / 1e3:.0f} KB fetched; "
                  f"lookup {lookup:.1f} ms; {status} {suggest}")
            page.close()
        check_cost(browser, base, correct)
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--real", type=Path, help="a real archive's folder instead of the synthetic archive")
    parser.add_argument("queries", nargs="*", help="misspelt queries (default: misspellings of synthetic words)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        if args.real:
            real_archive(root, args.real.resolve())
            queries, correct = args.queries or ["infaltion"], "inflation"
            config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        else:
            write_archive(root, args.episodes, args.words)
            common = vocabulary(random.Random(7))
            queries = args.queries or [misspelt(common[300]), misspelt(common[3000]),
                                       f"{common[10]} {misspelt(common[1000])}"]
            correct = common[300]
            config = MKDOCS_YML
        print(f"built in {build(root, config):.1f} s")
        file_figures(root / "site")
        browser_figures(root / "site", queries, correct)


if __name__ == "__main__":
    main()
