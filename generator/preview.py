"""``mkdocs serve``: the search index catches up in the background, so a saved page is served at once.

A preview rebuilds after every save, and indexing is most of a build (36 s of CPU for 1,154
briefings, see BENCHMARKS.md). So while serving, the pages are served as soon as MkDocs has written
them and the index follows:

- each build's pages are set aside as they are (hard links, so the next build emptying the site
  folder does not pull them from under the indexer) and indexed on a thread, one build at a time;
  saves that land meanwhile are indexed once, as the latest, when that run ends;
- until then the site keeps the last index that finished, with a marker file beside it
  (:data:`STALE`) that the search page looks for and says, in one line, that the index is catching
  up (site_templates/assets/onrecord/search.js); the first build of a session has no index until
  its run ends;
- a finished index replaces the one in the site, unless a newer build has started since (its own
  run will), and is kept for the builds that follow.

``mkdocs build`` indexes before it returns, as always: a published site is never stale.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from . import search

log = logging.getLogger("mkdocs.plugins.onrecord")

#: Beside the index while it is older than the pages (only ever in a preview).
STALE = "onrecord-stale"

Indexer = Callable[[Path], str]


def link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source`` made of hard links (copies across file systems)."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)


class BackgroundSearch:
    """Indexes each build's pages on a thread; see the module docstring."""

    def __init__(self, indexer: Indexer = search.index) -> None:
        self.indexer = indexer
        self.work = Path(tempfile.mkdtemp(prefix="onrecord-preview-"))
        self.lock = threading.Lock()
        self.generation = 0  # builds started; a run publishes only into the build it indexed
        self.pending: tuple[int, Path, Path] | None = None  # the latest build's (generation, site, pages)
        self.thread: threading.Thread | None = None
        self.idle = threading.Event()  # no run going or waiting (for tests, and for closing)
        self.idle.set()

    @property
    def bundle(self) -> Path:
        """The last index that finished."""
        return self.work / "bundle"

    def build_started(self) -> None:
        with self.lock:
            self.generation += 1

    def submit(self, site_dir: Path) -> None:
        """The build of ``site_dir`` is written: give it the last index, marked stale, and index it."""
        with self.lock:
            pages = Path(tempfile.mkdtemp(prefix="pages-", dir=self.work))
            for page in search.html_pages(site_dir, site_dir / search.BUNDLE):
                target = pages / page.relative_to(site_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(page, target)
                except OSError:
                    shutil.copy2(page, target)
            published = site_dir / search.BUNDLE
            if self.bundle.is_dir():
                link_tree(self.bundle, published)
            published.mkdir(exist_ok=True)
            (published / STALE).write_text("The search index is older than the pages; it is being rebuilt.\n")
            if self.pending is not None:  # a build that was never indexed: this one supersedes it
                shutil.rmtree(self.pending[2], ignore_errors=True)
            self.pending = (self.generation, site_dir, pages)
            self.idle.clear()
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="onrecord-search", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        while True:
            with self.lock:
                if self.pending is None:
                    self.thread = None
                    self.idle.set()
                    return
                generation, site_dir, pages = self.pending
                self.pending = None
            try:
                log.info("%s (in the background)", self.indexer(pages))
            except Exception as exc:  # noqa: BLE001 (a thread's exception would vanish: say it, keep serving)
                log.error("search: the index could not catch up: %s", exc)
                shutil.rmtree(pages, ignore_errors=True)
                continue
            self._publish(generation, site_dir, pages / search.BUNDLE)
            shutil.rmtree(pages, ignore_errors=True)

    def _publish(self, generation: int, site_dir: Path, bundle: Path) -> None:
        with self.lock:
            shutil.rmtree(self.bundle, ignore_errors=True)
            os.replace(bundle, self.bundle)
            if generation != self.generation or not site_dir.is_dir():
                return  # a newer build is under way: it has the stale marker, and its own run will come
            published = site_dir / search.BUNDLE
            incoming = site_dir / f".{search.BUNDLE}-incoming"
            shutil.rmtree(incoming, ignore_errors=True)
            link_tree(self.bundle, incoming)
            shutil.rmtree(published, ignore_errors=True)  # the marker goes with the old index
            os.replace(incoming, published)

    def close(self) -> None:
        """Forget the set-aside pages and the kept index (``mkdocs serve`` is stopping)."""
        with self.lock:
            self.pending = None
        shutil.rmtree(self.work, ignore_errors=True)
