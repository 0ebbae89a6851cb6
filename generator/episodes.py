"""Read one transcript file into one :class:`~generator.model.Episode`.

The file's reader gives the turns and any front matter; a sidecar ``<same stem>.yml`` overrides
that metadata, and an RTTM ``<same stem>.rttm`` names the speakers of turns that name nobody
(diarization.py). Then each turn's label is resolved to a person (the episode's ``speakers:`` map
first, then ``speakers.yml``), given a stable anchor and its length, and the episode's chapters,
credits and audio are checked. Problems go to the :class:`~generator.collector.Collector`; the
whole archive is gathered by archive.py.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import diarization, filenames, readers, rosters, schema, sources, urls
from .collector import Collector, line_of, read_mapping
from .model import Chapter, Episode, EpisodeTurn, ReadError, Show, Transcript, Turn
from .readers import captions, spacelog
from .slugs import label_key, slugify
from .speakers import PeopleIndex

#: Metadata keys that credit the people who made the transcript, and how the page says it.
CREDITS = {"transcript_by": "Transcribed by", "translation_by": "Translated by"}


def read_episode(path: Path, show: Show, people_index: PeopleIndex, out: Collector,
                 memo: readers.Memo | None = None) -> tuple[Episode, bool] | None:
    """The episode in ``path`` and whether it is a draft; ``None`` when its sidecar is broken.
    A file that cannot be read at all raises :class:`~generator.model.ReadError`. ``memo``:
    transcripts read before (:class:`generator.readers.Memo`)."""
    sidecar = _sidecar(path, out)
    if sidecar is None:
        return None
    rttm = diarization.companion(path)  # its speakers go to the cues, before they are joined into paragraphs
    transcript = readers.read_file(path, out.display(path), _format(sidecar), memo, join=rttm is None)
    for notice in transcript.notices:
        out.add(path, notice.line, notice.message, severity="warning")
    front = transcript.meta
    mission = _mission(path, out) if transcript.format == "spacelog" else None
    meta = {**_mission_meta(mission, path), **_metadata(path, front, sidecar, out)}

    def line(key: str) -> int:
        return line_of(sidecar if key in sidecar else front, key)

    named, title = filenames.date_and_title(path)
    date = meta.get("date") or named
    if date is None and "date" not in front and "date" not in sidecar:  # a wrong date is reported already
        out.add(path, line("date"), "no date: listed as undated and left out of time charts; give it a 'date:' in its "
                "metadata or start its file name with one (2024-05-01-title.vtt)", severity="warning")
    said = transcript.turns
    if rttm is not None:  # speakers from <same stem>.rttm, then the captions' paragraphs
        said = diarization.apply(path, rttm, said, meta, out)
        said = captions.paragraphs(said) if transcript.format in readers.JOINED else said
    mapping, given = _labels(show, mission, dataclasses.replace(transcript, turns=said), meta.get("speakers"),
                             people_index, path, out)
    turns = _place(said, people_index, mapping, meta.get("duration"))
    credited = _credited(meta.get("speakers"), people_index)
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
        named=tuple((pid, name) for pid, name in given.items() if any(t.person == pid for t in turns)),
        credits=tuple((what, meta[key]) for key, what in CREDITS.items() if meta.get(key)),
        source_dir=str(path.parent), content_dir=str(out.content), draft=bool(meta.get("draft")),
    )
    return episode, episode.draft


def _sidecar(path: Path, out: Collector) -> dict[str, Any] | None:
    """The metadata in ``<same stem>.yml`` beside a transcript; ``None`` (reported) when it is
    broken: the episode is then left out, since the sidecar may be what marks it a draft."""
    return read_mapping(path.with_suffix(".yml"), out, "title: Episode title")


def _format(sidecar: dict[str, Any]) -> str | None:
    """A reader forced by the sidecar's ``format:`` (front matter's is read by readers.read_file)."""
    if sidecar.get("format") is None:
        return None
    try:
        return str(schema.EPISODE["format"].parse(sidecar["format"]))
    except schema.Invalid as exc:
        raise ReadError(line_of(sidecar, "format"), f"sidecar 'format': {exc}") from None


def _metadata(path: Path, front: Any, sidecar: dict[str, Any], out: Collector) -> dict[str, Any]:
    """The episode's checked metadata: front matter, overridden by the sidecar."""
    meta: dict[str, Any] = {}
    for source, raw in ((path, front), (path.with_suffix(".yml"), sidecar)):
        report = schema.Report([])
        meta.update(schema.validate(raw, schema.EPISODE, "episode metadata", report, functools.partial(line_of, raw)))
        out.report(source, report)
    return meta


def _audio(value: str, path: Path, line: int, out: Collector) -> tuple[str, str]:
    """The player's source and, for a file beside the transcript, the file to publish.

    A URL must be http(s) and is used as it is. A file name is looked up next to the
    transcript: it must be an audio file (by extension and first bytes) inside content/.
    Anything else is a warning: the page builds without a player.
    """
    if not value or "://" in value or value.startswith("/"):
        if urls.safe_url(value) and not value.lower().startswith("mailto:"):
            return value, ""
        out.add(path, line, f"audio {value!r} left out: expected an http(s) URL or a file beside the transcript",
                severity="warning")
        return "", ""
    found = sources.media(value, path.parent, out.content, sources.AUDIO)
    if isinstance(found, str):
        out.add(path, line, f"audio left out: {found}", severity="warning")
        return "", ""
    return found.name, str(found)


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


def _speaker_map(value: Any, people_index: PeopleIndex, path: Path,
                 out: Collector) -> tuple[dict[str, str], dict[str, str]]:
    """The episode's ``speakers:`` map as label key -> person id ("" for unnamed in this episode),
    and the names of people it names whom speakers.yml does not declare. A value is a person id
    from speakers.yml, or a name (``CDR: Frank Borman``), which resolves as a label does; a value
    shaped like an id (``jane-doe``) that speakers.yml lacks is an error, as a typo would be.
    A *list* of names maps no label: see :func:`_credited`."""
    if isinstance(value, list) or value is None:
        return {}, {}
    if not isinstance(value, dict):
        out.add(path, 1, f"'speakers' must map labels to person ids, e.g. {{SPEAKER_00: jane-doe}}, "
                f"found {schema.found(value)}")
        return {}, {}
    mapping: dict[str, str] = {}
    names: dict[str, str] = {}
    for label, pid in value.items():
        if pid is not None and str(pid) not in people_index.people and schema.SLUG.match(str(pid)):
            known = ", ".join(sorted(people_index.people)[:5])
            out.add(path, line_of(value, label), f"speaker {label!r} maps to {pid!r}, which is not a person id "
                    f"in speakers.yml (known ids: {known or 'none'})")
            continue
        if pid is None or str(pid) in people_index.people:
            mapping[label_key(str(label))] = "" if pid is None else str(pid)
        else:
            found, named = _rostered({label_key(str(label)): " ".join(str(pid).split())}, None, people_index)
            mapping.update(found)
            names.update(named)
    return mapping, names


def _labels(show: Show, mission: rosters.Mission | None, transcript: Transcript, speakers: Any,
            people_index: PeopleIndex, path: Path, out: Collector) -> tuple[dict[str, str], dict[str, str]]:
    """The episode's labels as label key -> person id, from the show's roster, the mission's
    ``_meta``, the file's attendee table and its ``speakers:`` map, each later one winning
    (rosters.py); and the names of the people speakers.yml does not declare."""
    # Spacelog labels are call signs and roles (CDR, BELL 7): one _meta lacks is kept as written, not as "Cdr".
    written = {label_key(t.speaker): t.speaker for t in transcript.turns} if transcript.format == "spacelog" else {}
    roster = {**dict(show.roster), **written, **_keyed(mission.roster if mission else {}), **_keyed(transcript.roster)}
    spoken = {label_key(t.speaker) for t in transcript.turns}
    mapping, given = _rostered(roster, spoken, people_index)
    more, more_given = _speaker_map(speakers, people_index, path, out)
    return {**mapping, **more}, {**given, **more_given}


def _keyed(roster: Mapping[str, str]) -> dict[str, str]:
    return {label_key(label): name for label, name in roster.items()}


def _rostered(roster: Mapping[str, str], spoken: set[str] | None,
              people_index: PeopleIndex) -> tuple[dict[str, str], dict[str, str]]:
    """A roster (label key -> name) as label key -> person id ("" for a name that names nobody,
    such as ``Unknown``), for the labels in ``spoken`` (all when ``None``); and the names of the
    people speakers.yml does not declare (rosters.py)."""
    mapping: dict[str, str] = {}
    names: dict[str, str] = {}
    for key in roster if spoken is None else spoken & roster.keys():
        pid = people_index.resolve(roster[key]) or ""
        mapping[key] = pid
        if pid and pid not in people_index.people:
            names.setdefault(pid, roster[key])
    return mapping, names


def _mission(path: Path, out: Collector) -> rosters.Mission | None:
    """The ``_meta`` of the Spacelog mission a stream belongs to; ``None`` (a warning) when it is
    missing or broken: the stream builds with its labels as names."""
    meta = path.parent / spacelog.META
    if not meta.is_file() or not sources.inside(meta, out.content):
        return None
    try:
        return rosters.read_meta(meta)
    except ReadError as exc:
        out.add(meta, exc.line, exc.message, severity="warning")
        return None


def _mission_meta(mission: rosters.Mission | None, path: Path) -> dict[str, Any]:
    """Metadata a Spacelog stream takes from its mission unless its own says otherwise: the
    launch date, the mission's title with the stream's name (``Apollo 8 (TEC)``), a slug of both
    (``a8-tec``: every mission has a ``TEC``), and the mission's description."""
    if mission is None:
        return {}
    meta: dict[str, Any] = {"slug": slugify(f"{mission.name or path.parent.name}-{path.name}")}
    if mission.launch:
        meta["date"] = mission.launch.date()
    if mission.title:
        meta["title"] = f"{mission.title} ({path.name})"
    if mission.description:
        meta["description"] = mission.description
    return meta


def _credited(value: Any, people_index: PeopleIndex) -> tuple[tuple[str, str], ...]:
    """``speakers: [Jason Potts, ...]``: the people an episode credits (real archives list
    speakers this way for talks whose text names nobody), resolved like any label."""
    if not isinstance(value, list):
        return ()
    credited: dict[str, str] = {}
    for value_ in value:
        name = " ".join(str(value_).split()) if isinstance(value_, str | int | float) else ""
        pid = people_index.resolve(name) if name else None
        if pid:
            credited.setdefault(pid, name)
    return tuple(credited.items())


def _place(turns: Sequence[Turn], people_index: PeopleIndex, mapping: Mapping[str, str],
           duration: float | None) -> tuple[EpisodeTurn, ...]:
    """Resolve every turn's speaker and give it a stable anchor and its length.

    Anchors come from the turn's start time (``t83``: second 83), so they survive edits that
    add or remove turns elsewhere; untimed turns use their position (``p12``).
    """
    placed: list[EpisodeTurn] = []
    seen: set[str] = set()
    for index, (turn, seconds) in enumerate(zip(turns, _lengths(turns, duration), strict=True)):
        anchor = f"t{int(turn.start)}" if turn.start is not None else f"p{index + 1}"
        base, n = anchor, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        person = people_index.resolve(turn.speaker, mapping) or None
        placed.append(EpisodeTurn(turn, person, anchor, index, seconds))
    return tuple(placed)


def _lengths(turns: Sequence[Turn], duration: float | None) -> list[float | None]:
    """Each turn's length: its end, else the next timed turn's start, else the episode's end
    (``duration`` from its metadata); ``None`` for an untimed turn."""
    result: list[float | None] = []
    for i, turn in enumerate(turns):
        if turn.start is None:
            result.append(None)
            continue
        end = turn.end
        if end is None:
            end = next((t.start for t in turns[i + 1:] if t.start is not None), duration)
        result.append(max(0.0, end - turn.start) if end is not None else None)
    return result
