"""Whole-site build time: reading, rendering and ``mkdocs build`` of a synthetic archive.

    .venv/bin/python benchmarks/build_site.py --episodes 1000 --words 9000

Prints the time to read the archive, to render every page as values, to make every feed (the
site's, each show's and each person's: generator/feeds.py) and the data files (generator/data.py),
and for ``mkdocs build``
of the same archive, next to ``mkdocs build`` of the same number of empty pages (MkDocs'
floor: what any MkDocs site with that many pages costs).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import MKDOCS_YML, write_archive  # noqa: E402

from generator import archive, data, feeds  # noqa: E402
from generator.pages import Page, render  # noqa: E402


def mkdocs_build(project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True)
    return time.perf_counter() - start


def empty_pages(root: Path, count: int) -> Path:
    pages = root / "content" / "pages"
    for n in range(count):
        folder = pages / f"p{n}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(f"# Page {n}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.replace("plugins:\n  - onrecord\n", "nav: [p0/index.md]\nplugins: []\n"), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--words", type=int, default=9000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        content = write_archive(root, args.episodes, args.words)
        size = sum(p.stat().st_size for p in content.rglob("*.md")) / 1e6
        start = time.perf_counter()
        result = archive.build(content, root=root)
        read = time.perf_counter() - start
        start = time.perf_counter()
        items = list(render(result))
        rendered = time.perf_counter() - start
        pages = [item for item in items if isinstance(item, Page)]
        start = time.perf_counter()
        made = list(feeds.render(result, feeds.Settings("https://example.org/", "Synthetic archive")))
        fed = time.perf_counter() - start
        feed_bytes = sum(len(feed.content.encode()) for feed in made)
        start = time.perf_counter()
        files = list(data.render(result, "https://example.org/"))
        tabled = time.perf_counter() - start
        data_bytes = {file.src_uri.removeprefix(data.FOLDER): len(file.content.encode()) / 1e6 for file in files}
        site = mkdocs_build(root)
        (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("- onrecord", "- onrecord:\n      search: false"))
        unindexed = mkdocs_build(root)
        floor = mkdocs_build(empty_pages(Path(tmp) / "empty", len(pages)))
    print(f"archive: {args.episodes} episodes x {args.words} words, {size:.1f} MB of transcripts")
    print(f"read + validate: {read:.2f} s ({size / read:.1f} MB/s)")
    print(f"render {len(pages)} pages and {len(items) - len(pages)} downloads as values: {rendered:.2f} s")
    print(f"make {len(made)} feeds ({feed_bytes / 1e6:.1f} MB), {feeds.LIMIT} items at most each: {fed:.2f} s")
    sizes = ", ".join(f"{name} {size:.1f} MB" for name, size in data_bytes.items())
    print(f"make the data files ({sizes}): {tabled:.2f} s")
    print(f"mkdocs build, On Record with Pagefind search: {site:.2f} s")
    print(f"mkdocs build, On Record without search: {unindexed:.2f} s")
    print(f"mkdocs build, {len(pages)} empty pages (floor): {floor:.2f} s")


if __name__ == "__main__":
    main()
