"""``mkdocs serve``: a saved page is served at once, and the search index catches up in the background.

Pages first: MkDocs empties the site folder before every build and renders every page again, 5 s
for 1,154 briefings after generator/incremental.py has made the few pages a save changes. So the
last build's files are set aside before MkDocs empties the folder (:class:`Outputs`), MkDocs is
given only the pages whose values changed (the plugin excludes the others from its build), and
the files of the others are put back as they were. (``mkdocs build`` does the same with the last
build's files when the build cache holds its manifest: generator/plugin.py, ``kept``.)

Then the index.

A preview rebuilds after every save, and indexing is most of a build (36 s of CPU for 1,154
briefings, see BENCHMARKS.md). So while serving, the pages are served as soon as MkDocs has written
them and the index follows:

- each build's pages are mirrored as hard links (so the next build emptying the site folder does
  not pull them from under the indexer; only the pages a build wrote are linked again) and indexed
  in a process of its own (:func:`index_elsewhere`), one run at a time; saves that land meanwhile
  are indexed once, as the latest, when that run ends;
- until then the site keeps the last index that finished, with a marker file beside it
  (:data:`STALE`) that the search page looks for and says, in one line, that the index is catching
  up (site_templates/assets/onrecord/search.js); the first build of a session has no index until
  its run ends;
- a finished index replaces the one in the site, unless a newer build has started since (its own
  run will), and is kept for the builds that follow.

``mkdocs build`` indexes before it returns, as always: a published site is never stale.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from . import search
from .cache import Cache

log = logging.getLogger("mkdocs.plugins.onrecord")

#: Beside the index while it is older than the pages (only ever in a preview).
STALE = "onrecord-stale"

Indexer = Callable[[Path], str]


def index_elsewhere(pages: Path, cache: Path | None = None) -> str:
    """:func:`generator.search.index` of ``pages`` in a process of its own, at a low priority: on a
    thread its Python half (encoding the pages for Pagefind, reading the bundle back) held the
    interpreter's lock against the next build, which is what the editor waits for. ``cache``: the
    build cache's folder (a save re-indexes only its shard)."""
    done = subprocess.run([sys.executable, "-m", "generator.preview", str(pages), *([str(cache)] if cache else [])],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise search.SearchError((done.stderr.strip().splitlines() or ["no output"])[-1])
    return done.stdout.strip()


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

    def __init__(self, indexer: Indexer = index_elsewhere) -> None:
        self.indexer = indexer
        self.work = Path(tempfile.mkdtemp(prefix="onrecord-preview-"))
        self.lock = threading.Lock()
        self.generation = 0  # builds started; a run publishes only into the build it indexed
        self.pending: tuple[int, Path] | None = None  # the latest build not yet indexed: (generation, site)
        self.thread: threading.Thread | None = None
        self.mirroring: threading.Thread | None = None  # linking the latest build's pages (submit)
        self.idle = threading.Event()  # no run going or waiting (for tests, and for closing)
        self.idle.set()

    @property
    def bundle(self) -> Path:
        """The last index that finished."""
        return self.work / "bundle"

    @property
    def pages(self) -> Path:
        """The pages of the latest build, as hard links: what the runs index."""
        return self.work / "pages"

    def build_started(self) -> None:
        if self.mirroring is not None:
            self.mirroring.join()  # the pages are linked before the build moves them
        with self.lock:
            self.generation += 1

    def submit(self, site_dir: Path) -> None:
        """The build of ``site_dir`` is written: give it the last index, marked stale, and index it.
        The pages are mirrored on a thread too: the page is served meanwhile (0.3 s of 1,171 links)."""
        with self.lock:
            published = site_dir / search.BUNDLE
            if self.bundle.is_dir() and not published.exists():  # (Outputs may have put the last one back)
                link_tree(self.bundle, published)
            published.mkdir(exist_ok=True)
            (published / STALE).write_text("The search index is older than the pages; it is being rebuilt.\n")
            self.idle.clear()
            self.mirroring = threading.Thread(target=self._queue, args=(self.generation, site_dir),
                                              name="onrecord-search-pages", daemon=True)
            self.mirroring.start()

    def _queue(self, generation: int, site_dir: Path) -> None:
        self._mirror(site_dir)
        with self.lock:
            self.pending = (generation, site_dir)  # a build never indexed is superseded by this one
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="onrecord-search", daemon=True)
                self.thread.start()

    def _mirror(self, site_dir: Path) -> None:
        """Make :attr:`pages` hold ``site_dir``'s pages: only the pages this build wrote are linked
        again (a page put back by :class:`Outputs` is the same file). A run going on meanwhile may
        read some of both builds: it will not be published, a newer run follows."""
        made: set[Path] = set()
        current = set()
        for page in search.html_pages(site_dir, site_dir / search.BUNDLE):
            relative = page.relative_to(site_dir)
            current.add(relative)
            target = self.pages / relative
            with contextlib.suppress(OSError):
                if os.path.samefile(page, target):
                    continue
                target.unlink()
            _make(target.parent, made)
            try:
                os.link(page, target)
            except OSError:
                shutil.copy2(page, target)
        for page in search.html_pages(self.pages, self.pages / search.BUNDLE):
            if page.relative_to(self.pages) not in current:
                page.unlink()

    def _run(self) -> None:
        while True:
            with self.lock:
                if self.pending is None:
                    self.thread = None
                    if self.mirroring is None or not self.mirroring.is_alive():
                        self.idle.set()  # (a build being mirrored will start a run of its own)
                    return
                generation, site_dir = self.pending
                self.pending = None
            try:
                log.info("%s (in the background)", self.indexer(self.pages))
            except Exception as exc:  # noqa: BLE001 (a thread's exception would vanish: say it, keep serving)
                log.error("search: the index could not catch up: %s", exc)
                continue
            self._publish(generation, site_dir, self.pages / search.BUNDLE)

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


class Outputs:
    """The files of the last build, set aside (moved, not copied) from the site folder as the next
    build begins, to put back the ones that build did not write again. ``work``: where (a
    temporary folder if not given; ``mkdocs build`` uses the build cache's, on the site's disk)."""

    def __init__(self, work: Path | None = None) -> None:
        self.work = work or Path(tempfile.mkdtemp(prefix="onrecord-outputs-"))
        self.aside = self.work / "previous"

    def set_aside(self, site_dir: Path) -> None:
        """Move what ``site_dir`` holds out of MkDocs' way (it would delete it). Anything that
        cannot be moved (another file system) stays for MkDocs to delete, and is built again."""
        shutil.rmtree(self.aside, ignore_errors=True)
        self.aside.mkdir(parents=True)
        if site_dir.is_dir():
            for entry in site_dir.iterdir():
                if not entry.name.startswith("."):  # as MkDocs' clean_directory leaves them
                    with contextlib.suppress(OSError):
                        os.replace(entry, self.aside / entry.name)

    def has(self, path: str) -> bool:
        return (self.aside / path).is_file()

    def stamp(self, path: str) -> tuple[int, int] | None:
        """The set-aside file's size and time of change (None: there is none)."""
        try:
            stat = (self.aside / path).stat()
        except OSError:
            return None
        return (stat.st_size, stat.st_mtime_ns)

    def put_back(self, site_dir: Path, paths: list[str]) -> None:
        """Put the set-aside files at ``paths`` back into ``site_dir``, and the search index (the
        background search replaces it when it has a newer one), and forget the rest. A folder
        holding only files to put back, which the build did not make, goes back whole (an
        episode's page and downloads): a thousand renames instead of three thousand."""
        folders: dict[str, list[str]] = {}
        for path in paths:
            folders.setdefault(posixpath.dirname(path), []).append(path)
        made: set[Path] = set()
        for folder, inside in folders.items():
            source, target = self.aside / folder, site_dir / folder
            if folder and not target.exists() and sorted(p.name for p in source.iterdir()) == sorted(
                    posixpath.basename(path) for path in inside):
                _make(target.parent, made)
                os.replace(source, target)
                continue
            _make(target, made)
            for path in inside:
                os.replace(self.aside / path, site_dir / path)
        if (self.aside / search.BUNDLE).is_dir() and not (site_dir / search.BUNDLE).exists():
            os.replace(self.aside / search.BUNDLE, site_dir / search.BUNDLE)
        shutil.rmtree(self.aside, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def _make(folder: Path, made: set[Path]) -> None:
    """``folder`` and its parents, asking the file system once for each."""
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)


if __name__ == "__main__":  # index_elsewhere's process
    if hasattr(os, "nice"):
        os.nice(10)  # and so Pagefind's, which it starts
    try:
        print(search.index(Path(sys.argv[1]), cache=Cache(Path(sys.argv[2])) if len(sys.argv) > 2 else None))
    except search.SearchError as exc:
        sys.exit(str(exc))
