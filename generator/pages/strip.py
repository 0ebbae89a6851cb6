"""Who spoke when: an inline SVG strip across an episode, one segment per turn, coloured by speaker.

Speakers get colours from a fixed palette (Okabe–Ito, safe for colour-blind readers, darkened
where a colour would vanish against a light or dark page) in order of talk time; past the
palette, and for unnamed labels, segments are grey. Each segment is a link to its turn (so the
strip works without JavaScript; the page script also seeks the audio) with a ``<title>`` that
names the speaker and time. Segments are not in the tab order: the transcript's timestamps are
the keyboard path to the same places, and a long episode has thousands of segments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Archive, Episode

PALETTE = 8  # colours onr-s0 ... onr-s7 in episode.css
OTHERS = "onr-sx"  # everyone else
WIDTH = 1000


def shares(archive: Archive, episode: Episode) -> list[tuple[str, float]]:
    """People by share of the conversation, largest first: talk time where the transcript is
    timed, else words. Unnamed labels count in the whole but get no entry."""
    timed = any(placed.seconds for placed in episode.turns)
    amount: dict[str, float] = defaultdict(float)
    total = 0.0
    for placed in episode.turns:
        size = (placed.seconds or 0.0) if timed else float(placed.words)
        total += size
        if placed.person:
            amount[placed.person] += size
    ordered = sorted(amount.items(), key=lambda item: (-item[1], archive.people[item[0]].name))
    return [(pid, size / total if total else 0.0) for pid, size in ordered]


def key(person: str | None, label: str) -> str:
    """A turn's key in a palette: its person's id; for a label naming no one, ``~`` and the label
    (coloured only in an episode of who spoke when alone, where every speaker has a colour)."""
    return person or f"~{label}"


def colours(order: list[tuple[str, float]]) -> dict[str, str]:
    """Person id -> colour class."""
    return {pid: f"onr-s{i}" if i < PALETTE else OTHERS for i, (pid, _) in enumerate(order)}


@dataclass(frozen=True)
class Segment:
    """One turn in the strip: where it starts (``x``, on a :data:`WIDTH`-wide scale) and how wide it is."""

    anchor: str
    start: float
    x: float
    width: float
    colour: str
    who: str


@dataclass(frozen=True)
class Strip:
    length: float
    segments: list[Segment]

    @property
    def others(self) -> bool:
        """Whether some segments are grey (``onr-sx``: unnamed speakers, and people past the
        palette): the page's key then has an entry for them (episode.html, ``onrecord_speakers``)."""
        return any(segment.colour == OTHERS for segment in self.segments)


def strip(archive: Archive, episode: Episode, palette: dict[str, str]) -> Strip | None:
    """The strip's segments, or ``None`` when the episode has no length or no timed turn."""
    length = episode.length
    if not length:
        return None
    segments = []
    for placed in episode.turns:
        start, seconds = placed.turn.start, placed.seconds
        if start is None or seconds is None or start >= length:
            continue
        person = archive.people.get(placed.person) if placed.person else None
        who = person.name if person else placed.turn.speaker  # "" reads "Unknown speaker" (strip.html)
        x, width = start / length * WIDTH, max(min(seconds, length - start) / length * WIDTH, 0.6)
        colour = palette.get(key(placed.person, placed.turn.speaker), OTHERS)
        segments.append(Segment(placed.anchor, start, x, width, colour, who))
    return Strip(length, segments) if segments else None
