"""Transcript downloads published beside each episode page: ``transcript.json|vtt|srt|txt``,
and ``chapters.json`` (Podcasting 2.0 chapters, which the feeds link) when the episode has chapters.

The exports are written from the model with speakers resolved to display names, so a file that
arrived in any format is offered in every format it can be written as (see :mod:`generator.exports`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .. import exports
from ..model import Archive, Episode, EpisodeTurn, Turn
from .page import Download

#: The chapters file beside an episode page that has chapters.
CHAPTERS = "chapters.json"


@dataclass(frozen=True)
class Link:
    """A download link on the episode page: ``transcript.<kind>``, relative to the page itself."""

    kind: str
    mime: str
    label: str


def display_turns(turns: Sequence[EpisodeTurn], names: Mapping[str, str]) -> list[Turn]:
    """The turns with each label replaced by the person's display name (``names``: id -> name)."""
    result = []
    for placed in turns:
        t = placed.turn
        result.append(Turn(names.get(placed.person or "", t.speaker), t.text, t.start, t.end, t.line))
    return result


def available(turns: Sequence[Turn]) -> list[str]:
    return [kind for kind in exports.EXPORTS if exports.exportable(turns, kind)]


def render(archive: Archive, episode: Episode) -> Iterator[Download]:
    # Made from the episode's own turns when written (page.Download), so they are not held twice.
    names = _names(archive, episode)
    for kind in available([placed.turn for placed in episode.turns]):
        yield Download(f"{episode.url}transcript.{kind}", export, (kind, episode.turns, names))
    if episode.chapters:
        yield Download(f"{episode.url}{CHAPTERS}", exports.to_chapters, (episode.chapters,))


def export(kind: str, turns: Sequence[EpisodeTurn], names: tuple[tuple[str, str], ...]) -> str:
    """The ``transcript.<kind>`` of an episode's turns, its people called by ``names``."""
    return exports.EXPORTS[kind][0](display_turns(turns, dict(names)))


def _names(archive: Archive, episode: Episode) -> tuple[tuple[str, str], ...]:
    """The display name of each person in the episode, by id."""
    found = {p.person for p in episode.turns if p.person}
    return tuple((pid, archive.people[pid].name) for pid in sorted(found) if pid in archive.people)


def links(archive: Archive, episode: Episode) -> list[Link]:
    """The episode's download links."""
    return [Link(kind, exports.EXPORTS[kind][1], exports.EXPORTS[kind][2])
            for kind in available([placed.turn for placed in episode.turns])]
