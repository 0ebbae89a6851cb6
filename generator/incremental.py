"""Building again after a change: what the change did not touch is neither read nor rendered again.

``mkdocs serve`` builds the whole site after every save; on 1,154 briefings that was half a minute
of reading and rendering before the saved page was served again. The plugin keeps the last build's
:class:`State` and asks :func:`update` for the next one. The change it follows is the common one,
transcripts edited in place, when each edited episode keeps everything other pages show of it
(:func:`signature`): its metadata, URL and length, the people in it and their order by words, the
downloads it offers, and its problems. Then the edited episodes are read again and only their pages
and files, their people's pages and the data files are rendered again: the pages that list
episodes (home, shows, timeline, tags, the speakers' lists) and the feeds show nothing that changed.
Any other change (a file added or deleted, speakers.yml, a show.yml, a sidecar, a template of the
site's ``custom_dir``, a setting) is answered with ``None``, and the plugin builds everything, taking
the transcripts whose bytes have not changed from its :class:`generator.readers.Memo`.

Either way the pages are the same values a full build makes (tests/test_incremental.py compares them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import archive as archive_mod
from . import cache, readers
from . import data as data_mod
from . import feeds as feeds_mod
from .model import Archive, Episode
from .pages import Item, Only, render
from .pages.downloads import available
from .progress import Progress


@dataclass(frozen=True)
class Settings:
    """Everything besides the archive that the pages depend on (mkdocs.yml and the plugin's options)."""

    content: Path
    root: Path
    drafts: bool
    site_name: str
    custom_dir: str | None
    language: str | None
    site_url: str | None
    feeds: feeds_mod.Settings | None
    search: bool
    external_search: str | None
    data: bool


#: Every file of a build: path -> size, time of last change, and a hash of its bytes.
Stamps = dict[str, tuple[int, int, str]]


@dataclass(frozen=True)
class State:
    """A build: its settings, the files it read (:data:`Stamps`), the archive and every page and
    file, in order."""

    settings: Settings
    files: Stamps
    archive: Archive
    items: tuple[Item, ...]


def key(settings: Settings) -> str:
    """The build cache's key for a build with ``settings`` (generator/cache.py adds the code's)."""
    feeds = settings.feeds and (settings.feeds.site_url, settings.feeds.site_name, settings.feeds.description,
                                settings.feeds.limit, settings.feeds.messages.code)
    return cache.key("incremental", repr(dataclasses.replace(settings, feeds=None)), repr(feeds))


def load(settings: Settings, store: cache.Cache) -> State | None:
    """The last ``mkdocs build`` with ``settings``, from the build cache, if it has it.

    It is kept with :mod:`pickle`, which runs code of the classes it names as it loads: that is
    safe here only as the cache is the project's own folder, written by its own builds (whoever
    can write there can write mkdocs.yml, whose hooks run anyway), and the entry's checksum and
    key (On Record's code included) are checked first. Anything unexpected is a cache miss."""
    stored = store.open("incremental", key(settings))
    if stored is None:
        return None
    with stored:
        try:
            files, archive, items = pickle.load(stored)  # noqa: S301 (see above)
        except Exception:  # noqa: BLE001 (a damaged or foreign entry: build everything)
            return None
    return State(settings, files, archive, items)


def save(state: State, store: cache.Cache) -> None:
    """Keep ``state`` for the next ``mkdocs build`` (see :func:`load`)."""
    store.write("incremental", key(state.settings),  # as it is pickled: 228 MB for 1,154 briefings
                lambda out: pickle.dump((state.files, state.archive, state.items), out, protocol=pickle.HIGHEST_PROTOCOL))
    store.prune("incremental", [key(state.settings)], ratio=2)


def stamps(settings: Settings, before: Stamps | None = None) -> Stamps:
    """Every file under the content folder and the site's ``custom_dir``, hashed unless its size
    and time of change are those it had ``before``. A file is changed when its bytes are: a fresh
    checkout (CI restoring the build cache) gives every file a new time and changes none."""
    tops = [settings.content, *(Path(d) for d in [settings.custom_dir] if d)]
    found: Stamps = {}
    for path in (path for top in tops for path in walk(top)):
        size, changed = stamp(Path(path))
        known = (before or {}).get(path)
        found[path] = known if known and known[:2] == (size, changed) else (size, changed, _digest(Path(path)))
    return found


def _digest(path: Path) -> str:
    try:
        with path.open("rb") as data:
            return hashlib.file_digest(data, "sha256").hexdigest()
    except OSError:  # gone as we walk: a change either way
        return ""


def walk(top: Path) -> Iterator[str]:
    """Every file under ``top``."""
    for folder, _, names in os.walk(top):
        for name in names:
            yield os.path.join(folder, name)


def stamp(path: Path) -> tuple[int, int]:
    """``path``'s size and time of last change: a file saved again has a new one."""
    try:
        stat = path.stat()
    except OSError:  # a dangling link, or a file deleted as we walk: a change either way
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def build(settings: Settings, progress: Progress, memo: readers.Memo | None = None) -> State:
    """Everything read and rendered."""
    files = stamps(settings)  # before reading: a file saved meanwhile is a change next time
    with progress.stage("read {count} transcripts", "reading {count} transcripts"):
        archive = archive_mod.build(settings.content, root=settings.root, drafts=settings.drafts,
                                    progress=progress.tick, memo=memo)
    with progress.stage("made {count} pages and files", "making {count} pages and files"):
        items = tuple(_counted(_render(settings, archive), progress))
    return State(settings, files, archive, items)


def update(state: State, progress: Progress, memo: readers.Memo | None = None) -> State | None:
    """The next build after ``state``, if only transcripts were edited in a way it can follow."""
    settings = state.settings
    files = stamps(settings, state.files)
    changed = sorted(path for path in files.keys() | state.files.keys()
                     if (files.get(path) or ())[2:] != (state.files.get(path) or ())[2:])
    if any(path not in files or path not in state.files for path in changed):
        return None  # a file added or deleted
    if not changed:
        return dataclasses.replace(state, files=files) if files != state.files else state
    archive = state.archive
    by_path = {Path(settings.root, episode.path): episode for episode in archive.episodes}
    edits: list[tuple[Episode, Episode]] = []
    with progress.stage("read {count} of the transcripts again", "reading {count} of the transcripts again"):
        for path in map(Path, changed):
            old = by_path.get(path)
            if old is None or old.draft or old.original or archive.translations.get(old.key):
                return None  # not a published episode's transcript, or one with translations
            again = archive_mod.reread(settings.content, path, root=settings.root, memo=memo)
            progress.tick()
            new = again.episode
            if new is None or new.draft or signature(archive, new) != signature(archive, old):
                return None
            if list(again.problems) != [p for p in archive.problems if p.path == old.path]:
                return None  # its warnings changed: where they go in the list is the full build's to say
            edits.append((old, new))
    replaced = {old.url: new for old, new in edits}
    episodes = [replaced.get(episode.url, episode) for episode in archive.episodes]
    translated = [t for versions in archive.translations.values() for t in versions]
    if archive_mod.find_people(again.people, [*episodes, *translated]) != archive.people:
        return None  # someone's name comes from how a label is written, and the first writing changed
    archive = dataclasses.replace(
        archive, episodes=tuple(episodes), appearances=archive_mod.appearances(episodes),
        labels=archive_mod.unresolved(episodes, again.people))
    only = Only(frozenset(replaced), frozenset(pid for _, new in edits for pid in _people(new)))
    with progress.stage("made {count} pages and files", "making {count} pages and files"):
        fresh = {item.src_uri: item for item in _counted(_render(settings, archive, only), progress)}
    owned = [uri for uri in (item.src_uri for item in state.items) if any(uri.startswith(url) for url in replaced)]
    if not set(owned) <= fresh.keys() or not fresh.keys() <= {item.src_uri for item in state.items}:
        return None  # the episode's files changed (a download it no longer offers)
    items = tuple(fresh.get(item.src_uri, item) for item in state.items)
    return State(settings, files, archive, items)


def signature(archive: Archive, episode: Episode) -> tuple[object, ...]:
    """What pages other than its own and its people's show of ``episode``: everything but its
    turns, plus what the turns give them (length, downloads, the people by words)."""
    words: Counter[str] = Counter()
    for placed in episode.turns:
        if placed.person:
            words[placed.person] += placed.words
    people = archive.people
    if any(pid not in people for pid in words):
        return (None,)  # someone new: the archive's people change
    order = sorted(words, key=lambda pid: (-words[pid], people[pid].name.casefold(), pid))
    kinds = available([placed.turn for placed in episode.turns])
    return dataclasses.replace(episode, turns=()), episode.length, tuple(order), tuple(kinds), tuple(
        (pid, people[pid]) for pid in order)


def _people(episode: Episode) -> set[str]:
    return {p.person for p in episode.turns if p.person} | {pid for pid, _ in episode.credited}


def _render(settings: Settings, archive: Archive, only: Only | None = None) -> Iterator[Item]:
    yield from render(archive, settings.site_name, custom_dir=settings.custom_dir, language=settings.language,
                      site_url=settings.site_url, feeds=settings.feeds is not None, search=settings.search,
                      external_search=settings.external_search, data=settings.data, only=only)
    if settings.feeds is not None and only is None:  # a feed shows nothing of an episode its signature leaves out
        yield from feeds_mod.render(archive, settings.feeds)
    if settings.data:
        yield from data_mod.render(archive, settings.site_url)


def _counted(items: Iterable[Item], progress: Progress) -> Iterator[Item]:
    for item in items:
        progress.tick()
        yield item

