"""Read the whole content folder into one validated :class:`~generator.model.Archive`.

Nothing is rendered until everything is read: person pages and timelines need every episode.
This module finds the shows and their transcript files, has each one read (episodes.py), makes
the episodes' URLs unique, and works out the people, their appearances and the labels that
resolve to no one. Each problem is collected as a :class:`~generator.model.Problem`
(collector.py); an episode with an error is left out and every other one still builds.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from . import diarization, languages, names, readers, rosters, schema, sources, unread
from .collector import Collector, line_of, read_mapping
from .decoding import decode
from .episodes import read_episode
from .model import Appearance, Archive, Episode, Person, Problem, ReadError, Show
from .schema import SLUG
from .slugs import is_anonymous, label_key, slugify
from .speakers import PeopleIndex, load_people


def build(content: Path, *, root: Path | None = None, drafts: bool = False,
          progress: Callable[[], None] | None = None, memo: readers.Memo | None = None) -> Archive:
    """Read ``content/`` (shows, transcripts, speakers.yml) into an :class:`Archive`; ``progress``
    is called after each transcript file (generator/progress.py counts them); ``memo`` holds
    transcripts read before (a ``mkdocs serve`` rebuild)."""
    out = Collector(root or content.parent, content)
    people_index, problems = _people_index(content, out)
    out.problems.extend(problems)
    shows: dict[str, Show] = {}
    episodes: list[Episode] = []
    held: list[str] = []
    for folder in _show_folders(content, out):
        show = _read_show(folder, people_index, out)
        if show is None:
            continue
        if show.id in shows:
            out.add(folder, 1, f"show id {show.id!r} is already used by {shows[show.id].path}: rename a folder")
            continue
        published, hidden = _read_episodes(folder, show, people_index, out, drafts, progress, memo)
        held.extend(hidden)
        if published or not hidden:  # a show with only drafts is a draft too
            shows[show.id] = show
            episodes.extend(published)
    episodes, pending = languages.split(episodes, held)
    episodes = _unique(episodes, out)
    episodes.sort(key=lambda e: (e.when, e.show, _natural(e.slug)), reverse=True)
    translations = languages.attach(episodes, pending)
    people = find_people(people_index, [*episodes, *(t for versions in translations.values() for t in versions)])
    return Archive(
        shows=shows, people=people, episodes=tuple(episodes),
        appearances=appearances(episodes), labels=unresolved(episodes, people_index),
        unnamed=people_index.unnamed, problems=out.finish(), translations=translations,
    )


@dataclasses.dataclass(frozen=True)
class Reread:
    """One transcript read again as :func:`build` reads it (generator/incremental.py): the
    episode (``None`` when it cannot be read), the problems found in the file, and the people."""

    episode: Episode | None
    problems: tuple[Problem, ...]
    people: PeopleIndex


def reread(content: Path, path: Path, *, root: Path | None = None, memo: readers.Memo | None = None) -> Reread:
    """The transcript at ``path``, one of ``content``'s shows, read again; its show.yml and
    speakers.yml are read again too (they are small, and the episode is made with them)."""
    out = Collector(root or content.parent, content)
    people_index, _ = _people_index(content, out)
    show = _read_show(content / "shows" / path.relative_to(content / "shows").parts[0], people_index, out)
    episode = None
    if show is not None:
        try:
            read = read_episode(path, show, people_index, out, memo)
        except (ReadError, ValueError, TypeError, LookupError, ArithmeticError, RecursionError, OSError):
            read = None  # build() reports it; the caller builds everything to have it said
        if read is not None:
            episode = languages.split([read[0]], [])[0][0]
    where = out.display(path)
    return Reread(episode, tuple(p for p in out.finish() if p.path == where), people_index)


def _natural(slug: str) -> tuple[tuple[int, str], ...]:
    """A slug in number order: ``js-party-292`` after ``js-party-65`` (undated episodes, and
    episodes of one day, are ordered by it)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", slug) if part)


def _people_index(content: Path, out: Collector) -> tuple[PeopleIndex, list[Problem]]:
    path = content / "speakers.yml"
    if path.is_symlink() and not sources.inside(path, content):
        out.add(path, 1, "symlink leads outside content/: not read", severity="warning")
        path = content / ".missing"
    return load_people(path, out.display(content / "speakers.yml"), content)


def _show_folders(content: Path, out: Collector) -> list[Path]:
    def warn(path: Path, message: str) -> None:
        out.add(path, 1, message, severity="warning")

    folders = []
    for folder in sorted(p for p in (content / "shows").glob("*") if p.is_dir() and p.name[0] not in "._"):
        if sources.inside(folder, content):
            folders.append(folder)
        else:
            warn(folder, "symlinked folder leads outside content/: not read")
    return folders


def _read_show(folder: Path, people_index: PeopleIndex, out: Collector) -> Show | None:
    path = folder / "show.yml"
    sid = folder.name if SLUG.match(folder.name) else slugify(folder.name)
    if not sid:
        out.add(folder, 1, f"show folder {folder.name!r} gives no usable id: use letters, digits and hyphens")
        return None
    data = read_mapping(path, out, "title: My Show")
    if data is None:
        return None
    report = schema.Report([])
    fields = schema.validate(data, schema.SHOW, "show.yml", report, lambda k: line_of(data, k))
    out.report(path, report)
    for host in fields.get("hosts", ()):
        if host not in people_index.people:
            out.add(path, line_of(data, "hosts"), f"host {host!r} is not a person id in speakers.yml")
    roster, roster_file = _roster(folder, fields.get("roster", ""), line_of(data, "roster"), out)
    return Show(
        id=sid, title=fields.get("title") or folder.name.replace("-", " ").title(),
        description=fields.get("description", ""), url=fields.get("url", ""), feed=fields.get("feed", ""),
        image=fields.get("image", ""), hosts=tuple(h for h in fields.get("hosts", ()) if h in people_index.people),
        language=fields.get("language", ""), path=out.display(path), roster=roster, roster_file=roster_file,
    )


def _roster(folder: Path, name: str, line: int, out: Collector) -> tuple[tuple[tuple[str, str], ...], str]:
    """The roster file show.yml names (rosters.py), as ``(label key, name)`` pairs, and its path;
    a file that is missing or outside content/ is an error, and the show builds without it."""
    if not name:
        return (), ""
    path = folder / name
    if not path.is_file() or not sources.inside(path, out.content):
        out.add(folder / "show.yml", line, f"roster {name!r}: no such file under content/ (looked in {folder.name}/); "
                "expected a file of lines such as 'Daniel Ehrenberg (DE)'")
        return (), ""
    try:
        roster = rosters.parse_roster(decode(path.read_bytes()))
    except OSError as exc:
        out.add(folder / "show.yml", line, f"roster {name!r} could not be read: {exc.strerror}")
        return (), ""
    for notice in roster.notices:
        out.add(path, notice.line, notice.message, severity="warning")
    return tuple((key, entry[1]) for key, entry in roster.entries.items()), str(path.resolve())


def show_files(folder: Path, out: Collector) -> tuple[list[Path], list[Path]]:
    """Every file under a show folder (see :func:`sources.walk` for what is skipped), and the
    transcripts among them: an RTTM is one only when no transcript of its stem is beside it."""
    def warn(path: Path, message: str) -> None:
        out.add(path, 1, message, severity="warning")

    files = list(sources.walk(folder, out.content, warn))
    names: dict[Path, set[str]] = defaultdict(set)
    for path in files:
        names[path.parent].add(path.name)
    return files, [p for p in files if readers.is_transcript(p) and not diarization.paired(p, names[p.parent])]


def _read_episodes(
    folder: Path, show: Show, people_index: PeopleIndex, out: Collector, drafts: bool,
    progress: Callable[[], None] | None = None, memo: readers.Memo | None = None,
) -> tuple[list[Episode], list[str]]:
    """The show's episodes, and the paths of the drafts left out."""
    published: list[Episode] = []
    hidden: list[str] = []
    files, transcripts = show_files(folder, out)
    audio: list[str] = []
    for path in transcripts:
        if show.roster_file and str(path.resolve()) == show.roster_file:
            continue  # the show's roster, not a transcript
        if progress:
            progress()
        try:
            episode = read_episode(path, show, people_index, out, memo)
        except ReadError as exc:
            out.add(path, exc.line, exc.message)
            continue
        except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError, OSError) as exc:
            # Defence in depth: every reader raises ReadError (tests/test_fuzz.py holds them to
            # it); should one slip, this file is left out and the rest of the archive builds.
            out.add(path, 1, f"could not read this file ({type(exc).__name__}: {exc}); please report it")
            continue
        if episode is not None and episode[0].audio_file:
            audio.append(episode[0].audio_file)
        if episode is not None and (drafts or not episode[1]):
            published.append(episode[0])
        elif episode is not None:
            hidden.append(episode[0].path)
    unread.report(folder, files, transcripts, audio, out)
    return published, hidden


def _unique(episodes: list[Episode], out: Collector) -> list[Episode]:
    """Episodes that would write the same page all build: the oldest keeps the URL, and each
    later one is named after its folder (``2025-02/asmap.md`` -> ``2025-02-asmap``), else
    numbered. Archives grow by adding newer files, so a published URL stays where it was.
    """
    taken: dict[tuple[str, str], Episode] = {}
    for episode in sorted(episodes, key=lambda e: (e.when, e.path)):
        first = taken.get(episode.key)
        if first is not None:
            folder = slugify(Path(episode.path).parent.name)
            base = f"{folder}-{episode.slug}" if folder and folder != episode.show else episode.slug
            slug, n = base, 2
            while (episode.show, slug) in taken:
                slug, n = f"{base}-{n}", n + 1
            episode = dataclasses.replace(episode, slug=slug)
            out.problems.append(Problem(episode.path, 1, f"{first.path} has the URL {first.url}, so this file is at "
                                        f"{episode.url} (set 'slug:' in its metadata to choose)", "info"))
        taken[episode.key] = episode
    return list(taken.values())


def find_people(people_index: PeopleIndex, episodes: list[Episode]) -> dict[str, Person]:
    """Declared people, plus one undeclared person per named label that resolved to no one, named
    as a roster names them (``DE`` is Daniel Ehrenberg: rosters.py), else as :func:`names.display`
    writes the label (``MS. PSAKI`` is shown as ``Ms. Psaki``)."""
    people = dict(people_index.people)
    named = {pid: name for episode in episodes for pid, name in episode.named}
    for episode in episodes:
        for placed in episode.turns:
            if placed.person and placed.person not in people:
                name = named.get(placed.person) or names.display(placed.turn.speaker.strip())
                people[placed.person] = Person(placed.person, name, declared=False)
        for pid, name in episode.credited:
            people.setdefault(pid, Person(pid, name, declared=False))
    return people


def appearances(episodes: list[Episode]) -> dict[str, tuple[Appearance, ...]]:
    """Person id -> appearances, newest first (episodes are already newest first)."""
    result: dict[str, list[Appearance]] = defaultdict(list)
    for episode in episodes:
        by_person: dict[str, list[int]] = defaultdict(list)
        for placed in episode.turns:
            if placed.person:
                by_person[placed.person].append(placed.index)
        for pid, indexes in by_person.items():
            timed = [episode.turns[i].seconds for i in indexes if episode.turns[i].seconds is not None]
            result[pid].append(Appearance(
                person=pid, episode=episode, turns=tuple(episode.turns[i] for i in indexes),
                words=sum(episode.turns[i].words for i in indexes),
                seconds=sum(t for t in timed if t is not None) if timed else None,
            ))
        for pid, _ in episode.credited:
            if pid not in by_person:
                result[pid].append(Appearance(person=pid, episode=episode, turns=(), words=0, seconds=None))
    return {pid: tuple(apps) for pid, apps in result.items()}


def unresolved(episodes: list[Episode], people_index: PeopleIndex) -> dict[str, tuple[tuple[str, Episode], ...]]:
    """Labels that no declared person, map or unnamed entry accounts for: key -> (label, episode)."""
    found: dict[str, list[tuple[str, Episode]]] = defaultdict(list)
    for episode in episodes:
        rostered = {pid for pid, _ in episode.named}
        for placed in episode.turns:
            label = placed.turn.speaker
            known = placed.person in people_index.people or placed.person in rostered or people_index.is_unnamed(label)
            if label and not known and (placed.person is not None or is_anonymous(label)):
                found[label_key(label)].append((label, episode))
    return {key: tuple(v) for key, v in found.items()}
