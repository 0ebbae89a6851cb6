"""The numbers on a person page, computed once from the archive (linear in their turns)."""

from __future__ import annotations

from collections import Counter
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
