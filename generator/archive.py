"""Read the whole content folder into one validated :class:`~generator.model.Archive`.

Nothing is rendered until everything is read: person pages and timelines need every episode.
Each problem is collected as a :class:`~generator.model.Problem`; an episode with an error is
left out and every other one still builds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import readers, yamlio
from .model import Appearance, Archive, Chapter, Episode, EpisodeTurn, Person, Problem, ReadError, Show
from .readers.common import parse_time
from .speakers import SLUG, Directory, is_anonymous, label_key, load_directory, slugify

EPISODE_EXAMPLE = "---\ntitle: Episode title\ndate: 2024-05-01\n---\nJane Doe: Hello."
#: A date in a file or folder name (``2024-05-01-budget.vtt``, ``20240501_briefing.json``): formats
#: such as WebVTT, SRT and Whisper JSON carry no metadata, and real archives date them this way.
NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


class Collector:
    """Problems found while reading, with paths shown relative to the project."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.display(path), line, message, severity))


def build(content: Path, *, root: Path | None = None, drafts: bool = False) -> Archive:
    """Read ``content/`` (shows, transcripts, speakers.yml) into an :class:`Archive`."""
    out = Collector(root or content.parent)
    directory, problems = load_directory(content / "speakers.yml", out.display(content / "speakers.yml"))
    out.problems.extend(problems)
    shows: dict[str, Show] = {}
    episodes: list[Episode] = []
    for folder in sorted(p for p in (content / "shows").glob("*") if p.is_dir()):
        show = _read_show(folder, directory, out)
        if show is None:
            continue
        if show.id in shows:
            out.add(folder, 1, f"show id {show.id!r} is already used by {shows[show.id].path}: rename a folder")
            continue
        shows[show.id] = show
        episodes.extend(_read_episodes(folder, show, directory, out, drafts))
    episodes = _unique(episodes, out)
    episodes.sort(key=lambda e: (e.date, e.show, e.slug), reverse=True)
    people = _people(directory, episodes)
    return Archive(
        shows=shows, people=people, episodes=tuple(episodes),
        appearances=_appearances(episodes), labels=_unresolved(episodes, directory),
        unnamed=directory.unnamed, problems=tuple(out.problems),
    )


def _read_show(folder: Path, directory: Directory, out: Collector) -> Show | None:
    path = folder / "show.yml"
    sid = folder.name if SLUG.match(folder.name) else slugify(folder.name)
    if not sid:
        out.add(folder, 1, f"show folder {folder.name!r} gives no usable id: use letters, digits and hyphens")
        return None
    data: Any = {}
    if path.exists():
        try:
            data = yamlio.load(path) or {}
        except ReadError as exc:
            out.add(path, exc.line, exc.message)
            return None
        if not isinstance(data, dict):
            out.add(path, 1, "expected a mapping such as 'title: My Show'")
            return None
    hosts = data.get("hosts") or []
    for host in hosts if isinstance(hosts, list) else []:
        if host not in directory.people:
            out.add(path, data.line_of("hosts"), f"host {host!r} is not a person id in speakers.yml")
    return Show(
        id=sid, title=str(data.get("title") or folder.name.replace("-", " ").title()),
        description=str(data.get("description") or ""), url=str(data.get("url") or ""),
        feed=str(data.get("feed") or ""), image=str(data.get("image") or ""),
        hosts=tuple(h for h in hosts if h in directory.people) if isinstance(hosts, list) else (),
        language=str(data.get("language") or ""), path=out.display(path),
    )


def transcript_files(folder: Path) -> Iterator[Path]:
    """Transcripts under a show folder; names starting with ``.`` or ``_`` are skipped."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and readers.is_transcript(path) and not any(p[0] in "._" for p in parts):
            yield path


def _read_episodes(
    folder: Path, show: Show, directory: Directory, out: Collector, drafts: bool
) -> Iterator[Episode]:
    for path in transcript_files(folder):
        try:
            episode = _read_episode(path, show, directory, out)
        except ReadError as exc:
            out.add(path, exc.line, exc.message)
            continue
        if episode is not None and (drafts or not episode[1]):
            yield episode[0]


def _read_episode(
    path: Path, show: Show, directory: Directory, out: Collector
) -> tuple[Episode, bool] | None:
    sidecar_path = path.with_suffix(".yml")
    sidecar: Any = yamlio.load(sidecar_path) if sidecar_path.exists() else {}
    if not isinstance(sidecar, dict):
        raise ReadError(1, f"{sidecar_path.name}: expected a mapping of episode metadata")
    transcript = readers.read_file(path, out.display(path), sidecar.get("format"))
    for notice in transcript.notices:
        out.add(path, notice.line, notice.message, severity="warning")
    meta = {**transcript.meta, **sidecar}

    def line(key: str) -> int:
        return _line_of(sidecar if key in sidecar else transcript.meta, key)

    named, title = name_date(path)
    date = _date(meta.get("date") or named, line("date"))
    mapping = _speaker_map(meta.get("speakers"), directory, path, out)
    turns = _place(transcript.turns, directory, mapping)
    slug = str(meta.get("slug") or slugify(path.stem))
    if not SLUG.match(slug):
        raise ReadError(line("slug"), f"slug {slug!r} must be lowercase letters, digits and hyphens")
    audio, audio_file = _audio(str(meta.get("audio") or meta.get("media") or ""), path, line("audio"), out)
    episode = Episode(
        show=show.id, slug=slug, date=date, path=out.display(path), turns=turns,
        title=str(meta.get("title") or title),
        audio=audio, audio_file=audio_file,
        duration=_seconds(meta.get("duration"), line("duration")),
        description=str(meta.get("description") or meta.get("summary") or ""),
        source_url=str(meta.get("source") or meta.get("source_url") or ""),
        tags=tuple(str(t) for t in meta.get("tags") or () if t),
        chapters=_chapters(meta.get("chapters"), line("chapters")),
        language=str(meta.get("language") or show.language),
        format=transcript.format,
    )
    return episode, bool(meta.get("draft"))


def name_date(path: Path) -> tuple[dt.date | None, str]:
    """The date a file's name (or else its folder's) gives, and a title from the rest of the name."""
    stem = path.stem
    for name in (stem, path.parent.name):
        for m in NAME_DATE.finditer(name):
            try:
                date = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
            rest = f"{name[:m.start()]} {name[m.end():]}" if name == stem else stem
            return date, _title(rest) or _title(stem)
    return None, _title(stem)


def _title(name: str) -> str:
    words = re.sub(r"[-_\s]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def _audio(value: str, path: Path, line: int, out: Collector) -> tuple[str, str]:
    """The player's source and, for a file beside the transcript, the file to publish.

    A URL is used as it is. A file name is looked up next to the transcript; it must exist and
    stay inside the content folder. A missing file is a warning: the page builds without a player.
    """
    if not value or "://" in value or value.startswith("/"):
        return value, ""
    local = (path.parent / value).resolve()
    if not local.is_file() or not local.is_relative_to(out.root.resolve()):
        out.add(path, line, f"audio file {value!r} not found next to the transcript; expected a URL or a file "
                "in the same folder", severity="warning")
        return "", ""
    return local.name, str(local)


def _line_of(meta: Any, key: str) -> int:
    return meta.line_of(key) if isinstance(meta, yamlio.LineDict) else 1


def _date(value: Any, line: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        raise ReadError(line, f"missing 'date': every episode needs one, in its metadata or its file name "
                       f"(2024-05-01-title.vtt), e.g.\n{EPISODE_EXAMPLE}")
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ReadError(line, f"expected a date such as 2024-05-01, found {value!r}") from None


def _seconds(value: Any, line: int) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    return parse_time(str(value), line)


def _chapters(value: Any, line: int) -> tuple[Chapter, ...]:
    if not value:
        return ()
    if not isinstance(value, list) or not all(isinstance(c, dict) and "title" in c for c in value):
        raise ReadError(line, "'chapters' must be a list such as [{start: '00:05:00', title: Intro}]")
    return tuple(Chapter(_seconds(c.get("start"), line) or 0.0, str(c["title"])) for c in value)


def _speaker_map(value: Any, directory: Directory, path: Path, out: Collector) -> dict[str, str]:
    """The episode's ``speakers:`` map as label key -> person id ("" for unnamed in this episode).

    A *list* of names (as some archives write) only documents who spoke and maps nothing.
    """
    if not isinstance(value, dict):
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
    """Two episodes that would write the same page: both named, the second left out."""
    kept: dict[tuple[str, str], Episode] = {}
    for episode in episodes:
        first = kept.setdefault(episode.key, episode)
        if first is not episode:
            out.problems.append(Problem(episode.path, 1, f"episode URL {episode.uri} is already used by "
                                        f"{first.path}: rename one file or set 'slug:' in its metadata"))
    return list(kept.values())


def _people(directory: Directory, episodes: list[Episode]) -> dict[str, Person]:
    """Declared people, plus one undeclared person per named label that resolved to no one."""
    people = dict(directory.people)
    for episode in episodes:
        for placed in episode.turns:
            if placed.person and placed.person not in people:
                people[placed.person] = Person(placed.person, placed.turn.speaker.strip(), declared=False)
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
