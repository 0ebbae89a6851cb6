"""Full-text search with Pagefind, run on the built site at the end of every build.

Why Pagefind: Material's built-in search ships one JSON index holding every word (68 MB for
1,000 hour-long episodes) that the browser must download before the first result. Pagefind
indexes the built HTML into chunks and a browser fetches only the chunks a query needs. Its
bundled binary (PyPI ``pagefind[bin]``) is run on ``site_dir``: DESIGN.md measured that as far
faster than feeding records through its Python API.

What is indexed is decided in the page markup, so this module only runs the indexer:

- only regions marked ``data-pagefind-body`` are indexed: an episode's title, description and
  transcript, and a person's name, role and bio. Navigation, header, footer, and the chrome
  around a transcript (facts, speaker list, downloads, player) are not. Pages without such a
  region (indexes, timeline, home) are not in the index; drafts are never built, so never indexed.
- every turn's speaker line is a heading with the turn's anchor as its id: Pagefind makes a
  sub-result of each, so a result inside a transcript links to the turn, and the sub-result's
  title starts with the speaker's name, which the search page uses to keep only that speaker's
  turns when the speaker filter is set.
- filters ``speaker`` (each person in the episode), ``show``, ``year``, ``type``; ``date`` sorts.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pagefind_bin


class SearchError(Exception):
    """Pagefind failed; carries its output."""


def index(site_dir: Path) -> str:
    """Index ``site_dir`` into ``site_dir/pagefind``; returns a one-line summary."""
    executable = pagefind_bin.get_executable()
    if executable is None:
        raise SearchError("the Pagefind binary is missing: reinstall the 'pagefind[bin]' package")
    began = time.perf_counter()
    result = subprocess.run(
        [str(executable), "--site", str(site_dir), "--output-subdir", "pagefind", "--quiet"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchError(f"Pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    pages = sum(1 for _ in (site_dir / "pagefind" / "fragment").glob("*"))
    return f"search: indexed {pages} pages in {time.perf_counter() - began:.1f} s"
