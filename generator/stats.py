"""The numbers on a person page, computed once from the archive (linear in their turns)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import Appearance, Archive, Episode


@dataclass(frozen=True)
class PersonStats:
    appearances: int
    shows: Counter[str]  # show id -> appearances
    first: Episode | None  # the first and latest dated appearance
    last: Episode | None
    words: int
    seconds: float | None  # talk time where the transcripts are timed
    timed: int  # appearances with talk time
    share: float | None  # their words / all words spoken in their episodes
    with_: Counter[str]  # co-speaker id -> shared episodes
    labels: tuple[str, ...]  # labels met in transcripts that resolved to them, other than their name


def person_stats(archive: Archive, pid: str) -> PersonStats:
    apps: tuple[Appearance, ...] = archive.appearances.get(pid, ())
    person = archive.people[pid]
    shows: Counter[str] = Counter(a.episode.show for a in apps)
    with_: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    total_words = 0
    for app in apps:
        others = {t.person for t in app.episode.turns if t.person and t.person != pid}
        with_.update(others)
        if app.turns:  # credited with no words of their own: their share there is unknown, not zero
            total_words += sum(t.words for t in app.episode.turns)
        labels.update(t.turn.speaker for t in app.turns)
    timed = [a.seconds for a in apps if a.seconds is not None]
    words = sum(a.words for a in apps)
    dated = [a.episode for a in apps if a.episode.date]
    return PersonStats(
        appearances=len(apps), shows=shows, first=dated[-1] if dated else None,
        last=dated[0] if dated else None, words=words,
        seconds=sum(timed) if timed else None, timed=len(timed),
        share=words / total_words if total_words else None, with_=with_,
        labels=tuple(sorted((label for label in labels if label and label != person.name), key=str.casefold)),
    )


@dataclass(frozen=True)
class Talk:
    """One speaker's talk time in one episode: ``person`` when the label names one (else
    ``None``: an anonymous or unnamed label, still counted), the label as written, the seconds
    their turns last and how many turns."""

    person: str | None
    label: str
    seconds: float
    turns: int


def episode_talk(episode: Episode) -> list[Talk]:
    """Talk time per speaker in a timed episode, most first: one entry per person, and one per
    label that names no one (an episode of who spoke when only, generator/readers/rttm.py, shows
    them all). Overlapping turns each count in full for their speaker."""
    seconds: dict[tuple[str | None, str], float] = defaultdict(float)
    turns: Counter[tuple[str | None, str]] = Counter()
    labels: dict[tuple[str | None, str], str] = {}
    for placed in episode.turns:
        if placed.seconds is None:
            continue
        key = (placed.person, "" if placed.person else placed.turn.speaker)
        labels.setdefault(key, placed.turn.speaker)
        seconds[key] += placed.seconds
        turns[key] += 1
    ordered = sorted(seconds, key=lambda key: (-seconds[key], labels[key].casefold()))
    return [Talk(key[0], labels[key], seconds[key], turns[key]) for key in ordered]
