"""Transcript downloads published beside each episode page: ``transcript.json|vtt|srt|txt``,
and ``chapters.json`` (Podcasting 2.0 chapters, which the feeds link) when the episode has chapters.

The exports are written from the model with speakers resolved to display names, so a file that
arrived in any format is offered in every format it can be written as (see :mod:`generator.exports`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import exports
from ..model import Archive, Episode, Turn
from .page import Download

#: The chapters file beside an episode page that has chapters.
CHAPTERS = "chapters.json"


@dataclass(frozen=True)
class Link:
    """A download link on the episode page: ``transcript.<kind>``, relative to the page itself."""

    kind: str
    mime: str
    label: str


def display_turns(archive: Archive, episode: Episode) -> list[Turn]:
    """The episode's turns with each label replaced by the person's display name."""
    result = []
    for placed in episode.turns:
        person = archive.people.get(placed.person) if placed.person else None
        t = placed.turn
        result.append(Turn(person.name if person else t.speaker, t.text, t.start, t.end, t.line))
    return result


def available(turns: list[Turn]) -> list[str]:
    return [kind for kind in exports.EXPORTS if exports.exportable(turns, kind)]


def render(archive: Archive, episode: Episode) -> Iterator[Download]:
    turns = display_turns(archive, episode)
    for kind in available(turns):
        yield Download(f"{episode.url}transcript.{kind}", exports.EXPORTS[kind][0](turns))
    if episode.chapters:
        yield Download(f"{episode.url}{CHAPTERS}", exports.to_chapters(episode.chapters))


def links(archive: Archive, episode: Episode) -> list[Link]:
    """The episode's download links."""
    return [Link(kind, exports.EXPORTS[kind][1], exports.EXPORTS[kind][2])
            for kind in available(display_turns(archive, episode))]
