"""Person pages at scale: one person with 1,000 appearances, and linear growth in turns.

    .venv/bin/python benchmarks/person_pages.py --appearances 1000

Writes a synthetic archive in which one host appears in every episode (benchmarks/synthetic.py
draws the guests), reads it, and renders the person pages alone: prints the time, the size of
the busiest person's page, and the same for twice the episodes, to show the cost grows linearly.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from synthetic import write_archive

from generator import archive
from generator.pages import Page, Templates, people


def measure(episodes: int, words: int) -> tuple[int, float, int, int]:
    """Turns, seconds to render every person page, the busiest person's appearances and page bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = write_archive(root, episodes, words)
        built = archive.build(content, root=root)
    turns = sum(len(e.turns) for e in built.episodes)
    began = time.perf_counter()
    pages = [p for p in people.render(built, Templates()) if isinstance(p, Page)]
    seconds = time.perf_counter() - began
    busiest = max(built.appearances, key=lambda pid: len(built.appearances[pid]))
    page = next(p for p in pages if p.src_uri == f"speakers/{busiest}/index.md")
    return turns, seconds, len(built.appearances[busiest]), len(page.inline().encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appearances", type=int, default=1000, help="episodes; the busiest host is in a quarter of them")
    parser.add_argument("--words", type=int, default=1500)
    args = parser.parse_args()
    for episodes in (args.appearances * 4, args.appearances * 8):
        turns, seconds, most, size = measure(episodes, args.words)
        print(f"{episodes} episodes, {turns} turns: all person pages in {seconds:.2f} s "
              f"({turns / seconds:,.0f} turns/s); busiest person {most} appearances, page {size / 1e3:.0f} KB")


if __name__ == "__main__":
    main()
