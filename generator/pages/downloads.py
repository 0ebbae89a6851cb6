"""Transcript downloads published beside each episode page: ``transcript.json|vtt|srt|txt``.

The exports are written from the model with speakers resolved to display names, so a file that
arrived in any format is offered in every format it can be written as (see :mod:`generator.exports`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import exports
from ..model import Archive, Episode, Turn
from .markup import esc
from .page import Download


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


def links(archive: Archive, episode: Episode) -> str:
    """The download links for the episode page (relative to the page itself)."""
    items = "".join(
        f'<li><a href="transcript.{kind}" download type="{exports.EXPORTS[kind][1]}">'
        f'{esc(exports.EXPORTS[kind][2])} <span class="onr-ext">.{kind}</span></a></li>'
        for kind in available(display_turns(archive, episode))
    )
    return f'<nav class="onr-downloads" aria-label="Download the transcript"><ul>{items}</ul></nav>' if items else ""
