"""Read the whole content folder into one validated :class:`~generator.model.Archive`.

Nothing is rendered until everything is read: person pages and timelines need every episode.
Each problem is collected as a :class:`~generator.model.Problem`; an episode with an error is
left out and every other one still builds.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import filenames, languages, readers, schema, sources, yamlio
from .model import Appearance, Archive, Chapter, Episode, EpisodeTurn, Person, Problem, ReadError, Show
from .schema import SLUG
from .speakers import Directory, is_anonymous, label_key, load_directory, slugify

#: Metadata keys that credit the people who made the transcript, and how the page says it.
CREDITS = {"transcript_by": "Transcribed by", "translation_by": "Translated by"}
EPISODE_EXAMPLE = "---\ntitle: Episode title\ndate: 2024-05-01\n---\nJane Doe: Hello."


class Collector:
    """Problems found while reading, with paths shown relative to the project.

    An unknown key is reported once, where it is first met, with the number of other files
    that have it: real archives carry their own keys (``transcript_by``) in every file.
    """

    def __init__(self, root: Path, content: Path) -> None:
        self.root, self.content = root, content
        self.problems: list[Problem] = []
        self.unknown: dict[str, tuple[int, set[Path]]] = {}

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, message: str, severity: str = "error") -> None:
        if message.startswith("unknown key"):
            first = self.unknown.setdefault(message, (len(self.problems), set()))
            first[1].add(path)
            if len(first[1]) > 1:
                return
        self.problems.append(Problem(self.display(path), line, message, severity))

    def report(self, path: Path, report: schema.Report) -> None:
        for line, message, severity in report.items:
            self.add(path, line, message, severity)

    def finish(self) -> tuple[Problem, ...]:
        for at, paths in self.unknown.values():
            if len(paths) > 1:
                first = self.problems[at]
                others = len(paths) - 1
                message = f"{first.message} (and in {others} other file{'s' if others > 1 else ''})"
                self.problems[at] = Problem(first.path, first.line, message, first.severity)
        return tuple(self.problems)


def build(content: Path, *, root: Path | None = None, drafts: bool = False) -> Archive:
    """Read ``content/`` (shows, transcripts, speakers.yml) into an :class:`Archive`."""
    out = Collector(root or content.parent, content)
    directory, problems = _directory(content, out)
    out.problems.extend(problems)
    shows: dict[str, Show] = {}
    episodes: list[Episode] = []
    held: list[str] = []
    for folder in _show_folders(content, out):
        show = _read_show(folder, directory, out)
        if show is None:
            continue
        if show.id in shows:
            out.add(folder, 1, f"show id {show.id!r} is already used by {shows[show.id].path}: rename a folder")
            continue
        published, hidden = _read_episodes(folder, show, directory, out, drafts)
        held.extend(hidden)
        if published or not hidden:  # a show with only drafts is a draft too
            shows[show.id] = show
            episodes.extend(published)
    episodes, pending = languages.split(episodes, held)
    episodes = _unique(episodes, out)
    episodes.sort(key=lambda e: (e.when, e.show, _natural(e.slug)), reverse=True)
    translations = languages.attach(episodes, pending)
    people = _people(directory, [*episodes, *(t for versions in translations.values() for t in versions)])
    return Archive(
        shows=shows, people=people, episodes=tuple(episodes),
        appearances=_appearances(episodes), labels=_unresolved(episodes, directory),
        unnamed=directory.unnamed, problems=out.finish(), translations=translations,
    )


def _natural(slug: str) -> tuple[tuple[int, str], ...]:
    """A slug in number order: ``js-party-292`` after ``js-party-65`` (undated episodes, and
    episodes of one day, are ordered by it)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", slug) if part)


def _directory(content: Path, out: Collector) -> tuple[Directory, list[Problem]]:
    path = content / "speakers.yml"
    if path.is_symlink() and not sources.inside(path, content):
        out.add(path, 1, "symlink leads outside content/: not read", severity="warning")
        path = content / ".missing"
    return load_directory(path, out.display(content / "speakers.yml"), content)


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


def _read_show(folder: Path, directory: Directory, out: Collector) -> Show | None:
    path = folder / "show.yml"
    sid = folder.name if SLUG.match(folder.name) else slugify(folder.name)
    if not sid:
        out.add(folder, 1, f"show folder {folder.name!r} gives no usable id: use letters, digits and hyphens")
        return None
    data = _mapping(path, out, "title: My Show")
    if data is None:
        return None
    report = schema.Report([])
    fields = schema.validate(data, schema.SHOW, "show.yml", report, lambda k: _line_of(data, k))
    out.report(path, report)
    for host in fields.get("hosts", ()):
        if host not in directory.people:
            out.add(path, _line_of(data, "hosts"), f"host {host!r} is not a person id in speakers.yml")
    return Show(
        id=sid, title=fields.get("title") or folder.name.replace("-", " ").title(),
        description=fields.get("description", ""), url=fields.get("url", ""), feed=fields.get("feed", ""),
        image=fields.get("image", ""), hosts=tuple(h for h in fields.get("hosts", ()) if h in directory.people),
        language=fields.get("language", ""), path=out.display(path),
    )


def transcript_files(folder: Path, out: Collector) -> Iterator[Path]:
    """Transcripts under a show folder (see :func:`sources.walk` for what is skipped)."""
    def warn(path: Path, message: str) -> None:
        out.add(path, 1, message, severity="warning")

    return (p for p in sources.walk(folder, out.content, warn) if readers.is_transcript(p))


def _read_episodes(
    folder: Path, show: Show, directory: Directory, out: Collector, drafts: bool
) -> tuple[list[Episode], list[str]]:
    """The show's episodes, and the paths of the drafts left out."""
    published: list[Episode] = []
    hidden: list[str] = []
    for path in transcript_files(folder, out):
        try:
            episode = _read_episode(path, show, directory, out)
        except ReadError as exc:
            out.add(path, exc.line, exc.message)
            continue
        except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError, OSError) as exc:
            # Defence in depth: every reader raises ReadError (tests/test_fuzz.py holds them to
            # it); should one slip, this file is left out and the rest of the archive builds.
            out.add(path, 1, f"could not read this file ({type(exc).__name__}: {exc}); please report it")
            continue
        if episode is not None and (drafts or not episode[1]):
            published.append(episode[0])
        elif episode is not None:
            hidden.append(episode[0].path)
    return published, hidden


def _mapping(path: Path, out: Collector, example: str) -> dict[str, Any] | None:
    """A YAML mapping under content/ (``{}`` when there is no such file); ``None``, reported,
    when it is broken: what it describes is then left out."""
    if not path.exists() or not sources.inside(path, out.content):
        return {}
    try:
        data = yamlio.load(path) or {}
    except ReadError as exc:
        out.add(path, exc.line, exc.message)
        return None
    if not isinstance(data, dict):
        out.add(path, 1, f"expected a mapping such as '{example}'")
        return None
    return data


def _sidecar(path: Path, out: Collector) -> dict[str, Any] | None:
    """The metadata in ``<same stem>.yml`` beside a transcript; ``None`` (reported) when it is
    broken: the episode is then left out, since the sidecar may be what marks it a draft."""
    return _mapping(path.with_suffix(".yml"), out, "title: Episode title")


def _format(sidecar: dict[str, Any]) -> str | None:
    """A reader forced by the sidecar's ``format:`` (front matter's is read by readers.read_file)."""
    if sidecar.get("format") is None:
        return None
    try:
        return str(schema.EPISODE["format"].parse(sidecar["format"]))
    except schema.Invalid as exc:
        raise ReadError(_line_of(sidecar, "format"), f"sidecar 'format': {exc}") from None


def _metadata(path: Path, front: Any, sidecar: dict[str, Any], out: Collector) -> dict[str, Any]:
    """The episode's checked metadata: front matter, overridden by the sidecar."""
    meta: dict[str, Any] = {}
    for source, raw in ((path, front), (path.with_suffix(".yml"), sidecar)):
        report = schema.Report([])
        meta.update(schema.validate(raw, schema.EPISODE, "episode metadata", report, functools.partial(_line_of, raw)))
        out.report(source, report)
    return meta


def _read_episode(
    path: Path, show: Show, directory: Directory, out: Collector
) -> tuple[Episode, bool] | None:
    sidecar = _sidecar(path, out)
    if sidecar is None:
        return None
    transcript = readers.read_file(path, out.display(path), _format(sidecar))
    for notice in transcript.notices:
        out.add(path, notice.line, notice.message, severity="warning")
    front = transcript.meta
    meta = _metadata(path, front, sidecar, out)

    def line(key: str) -> int:
        return _line_of(sidecar if key in sidecar else front, key)

    named, title = filenames.date_and_title(path)
    date = meta.get("date") or named
    if date is None and "date" not in front and "date" not in sidecar:  # a wrong date is reported already
        out.add(path, line("date"), "no date: listed as undated and left out of time charts; give it a 'date:' in its "
                "metadata or start its file name with one (2024-05-01-title.vtt)", severity="warning")
    mapping = _speaker_map(meta.get("speakers"), directory, path, out)
    turns = _place(transcript.turns, directory, mapping)
    credited = _credited(meta.get("speakers"), directory)
    slug = meta.get("slug") or slugify(path.stem)
    if not slug:
        raise ReadError(1, f"file name {path.name!r} gives no URL name: set 'slug:' in its metadata")
    audio, audio_file = _audio(meta.get("audio", ""), path, line("audio"), out)
    episode = Episode(
        show=show.id, slug=slug, date=date, path=out.display(path), turns=turns,
        title=meta.get("title") or title, audio=audio, audio_file=audio_file,
        duration=meta.get("duration"), description=meta.get("description", ""),
        source_url=meta.get("source", ""), tags=meta.get("tags", ()),
        chapters=_chapters(meta.get("chapters"), line("chapters"), path, out),
        language=meta.get("language") or show.language, format=transcript.format, credited=credited,
        credits=tuple((what, meta[key]) for key, what in CREDITS.items() if meta.get(key)),
        source_dir=str(path.parent), content_dir=str(out.content),
    )
    return episode, bool(meta.get("draft"))


def _audio(value: str, path: Path, line: int, out: Collector) -> tuple[str, str]:
    """The player's source and, for a file beside the transcript, the file to publish.

    A URL must be http(s) and is used as it is. A file name is looked up next to the
    transcript: it must be an audio file (by extension and first bytes) inside content/.
    Anything else is a warning: the page builds without a player.
    """
    if not value or "://" in value or value.startswith("/"):
        if schema.safe_url(value) and not value.lower().startswith("mailto:"):
            return value, ""
        out.add(path, line, f"audio {value!r} left out: expected an http(s) URL or a file beside the transcript",
                severity="warning")
        return "", ""
    found = sources.media(value, path.parent, out.content, sources.AUDIO)
    if isinstance(found, str):
        out.add(path, line, f"audio left out: {found}", severity="warning")
        return "", ""
    return found.name, str(found)


def _line_of(meta: Any, key: str) -> int:
    return meta.line_of(key) if isinstance(meta, yamlio.LineDict) else 1


def _chapters(value: Any, line: int, path: Path, out: Collector) -> tuple[Chapter, ...]:
    if not value:
        return ()
    try:
        if not isinstance(value, list) or not all(isinstance(c, dict) and "title" in c for c in value):
            raise schema.Invalid("expected a list such as [{start: '00:05:00', title: Intro}]")
        return tuple(Chapter(schema.seconds(c.get("start") or 0), schema.text(c["title"])) for c in value)
    except schema.Invalid as exc:
        out.add(path, line, f"'chapters' left out: {exc}")
        return ()


def _speaker_map(value: Any, directory: Directory, path: Path, out: Collector) -> dict[str, str]:
    """The episode's ``speakers:`` map as label key -> person id ("" for unnamed in this episode).
    A *list* of names maps no label: see :func:`_credited`."""
    if isinstance(value, list) or value is None:
        return {}
    if not isinstance(value, dict):
        out.add(path, 1, f"'speakers' must map labels to person ids, e.g. {{SPEAKER_00: jane-doe}}, "
                f"found {schema.found(value)}")
        return {}
    mapping: dict[str, str] = {}
    for label, pid in value.items():
        if pid is not None and str(pid) not in directory.people:
            known = ", ".join(sorted(directory.people)[:5])
            out.add(path, _line_of(value, label), f"speaker {label!r} maps to {pid!r}, which is not a person id "
                    f"in speakers.yml (known ids: {known or 'none'})")
            continue
        mapping[label_key(str(label))] = "" if pid is None else str(pid)
    return mapping


def _credited(value: Any, directory: Directory) -> tuple[tuple[str, str], ...]:
    """``speakers: [Jason Potts, ...]``: the people an episode credits (real archives list
    speakers this way for talks whose text names nobody), resolved like any label."""
    if not isinstance(value, list):
        return ()
    credited: dict[str, str] = {}
    for value_ in value:
        name = " ".join(str(value_).split()) if isinstance(value_, str | int | float) else ""
        pid = directory.resolve(name) if name else None
        if pid:
            credited.setdefault(pid, name)
    return tuple(credited.items())


def _place(turns: Any, directory: Directory, mapping: Mapping[str, str]) -> tuple[EpisodeTurn, ...]:
    """Resolve every turn's speaker and give it a stable anchor.

    Anchors come from the turn's start time (``t83``: second 83), so they survive edits that
    add or remove turns elsewhere; untimed turns use their position (``p12``).
    """
    placed: list[EpisodeTurn] = []
    seen: set[str] = set()
    for index, turn in enumerate(turns):
        anchor = f"t{int(turn.start)}" if turn.start is not None else f"p{index + 1}"
        base, n = anchor, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        person = directory.resolve(turn.speaker, mapping) or None
        placed.append(EpisodeTurn(turn, person, anchor, index))
    return tuple(placed)


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
            out.problems.append(Problem(episode.path, 1, f"{first.path} has the URL {first.uri}, so this file is at "
                                        f"{episode.uri} (set 'slug:' in its metadata to choose)", "info"))
        taken[episode.key] = episode
    return list(taken.values())


def _people(directory: Directory, episodes: list[Episode]) -> dict[str, Person]:
    """Declared people, plus one undeclared person per named label that resolved to no one."""
    people = dict(directory.people)
    for episode in episodes:
        for placed in episode.turns:
            if placed.person and placed.person not in people:
                people[placed.person] = Person(placed.person, placed.turn.speaker.strip(), declared=False)
        for pid, name in episode.credited:
            people.setdefault(pid, Person(pid, name, declared=False))
    return people


def turn_seconds(episode: Episode) -> list[float | None]:
    """Each turn's length: its end, else the next timed turn's start, else the episode's end."""
    turns = episode.turns
    result: list[float | None] = []
    for i, placed in enumerate(turns):
        start = placed.turn.start
        if start is None:
            result.append(None)
            continue
        end = placed.turn.end
        if end is None:
            end = next((t.turn.start for t in turns[i + 1:] if t.turn.start is not None), episode.duration)
        result.append(max(0.0, end - start) if end is not None else None)
    return result


def _appearances(episodes: list[Episode]) -> dict[str, tuple[Appearance, ...]]:
    """Person id -> appearances, newest first (episodes are already newest first)."""
    result: dict[str, list[Appearance]] = defaultdict(list)
    for episode in episodes:
        lengths = turn_seconds(episode)
        by_person: dict[str, list[int]] = defaultdict(list)
        for placed in episode.turns:
            if placed.person:
                by_person[placed.person].append(placed.index)
        for pid, indexes in by_person.items():
            timed = [lengths[i] for i in indexes if lengths[i] is not None]
            result[pid].append(Appearance(
                person=pid, episode=episode, turns=tuple(episode.turns[i] for i in indexes),
                words=sum(episode.turns[i].words for i in indexes),
                seconds=sum(t for t in timed if t is not None) if timed else None,
            ))
        for pid, _ in episode.credited:
            if pid not in by_person:
                result[pid].append(Appearance(person=pid, episode=episode, turns=(), words=0, seconds=None))
    return {pid: tuple(apps) for pid, apps in result.items()}


def _unresolved(episodes: list[Episode], directory: Directory) -> dict[str, tuple[tuple[str, Episode], ...]]:
    """Labels that no declared person, map or unnamed entry accounts for: key -> (label, episode)."""
    found: dict[str, list[tuple[str, Episode]]] = defaultdict(list)
    for episode in episodes:
        for placed in episode.turns:
            label = placed.turn.speaker
            known = placed.person in directory.people or directory.is_unnamed(label)
            if label and not known and (placed.person is not None or is_anonymous(label)):
                found[label_key(label)].append((label, episode))
    return {key: tuple(v) for key, v in found.items()}
