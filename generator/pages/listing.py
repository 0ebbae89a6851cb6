"""What a list of episodes shows beyond titles and dates, worked out once per build: each
episode's speakers and its tags (``partials/episode-item.html`` with ``details``).

Tags are the ``tags:`` of episodes' metadata. A tag is its text with case and spacing ignored
(``Sea wall`` and ``sea  wall`` are one tag), named as most of its episodes write it, with a page
at ``tags/<slug>/`` (:mod:`generator.pages.tags`). Its slug is :func:`generator.slugs.slugify`
of its name, or ``tag`` when nothing is left of it (``!!!``). Different tags can want one slug
(``C++`` and ``C#`` both want ``c``; ``call-in`` and ``call in``): the tag on most episodes gets
it, the others ``-2``, ``-3``... after it, never a slug another tag wants for itself; so every tag
has its own page, and the same tags get the same URLs in every build.

A translation is a version of its episode, not an episode (languages.py): it is listed under a
tag only when its original is not (its own tags may differ).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Archive, Episode, Person
from ..slugs import slugify

TAGS_URL = "tags/"
#: The speakers an episode item names; "and 3 more" after them.
SHOWN = 4


def tag_key(text: str) -> str:
    """What makes two tags one tag: their words, case ignored."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Tag:
    name: str  # as most of its episodes write it (on a tie, the newest), single-spaced
    slug: str
    episodes: tuple[Episode, ...]  # newest first

    @property
    def url(self) -> str:
        return f"{TAGS_URL}{self.slug}/"


@dataclass(frozen=True)
class Listing:
    """Every episode's speakers (by their URL, most words first) and every tag (by :func:`tag_key`)."""

    people: Mapping[str, tuple[Person, ...]]
    tags: Mapping[str, Tag]

    @classmethod
    def of(cls, archive: Archive) -> Listing:
        return cls(speakers(archive), collect(archive))

    def speakers(self, episode: Episode) -> tuple[Person, ...]:
        """Everyone who speaks in (or is credited by) the episode, who said most first."""
        return self.people.get(episode.url, ())

    def shown(self, episode: Episode) -> tuple[tuple[Person, ...], int]:
        """The first :data:`SHOWN` speakers of the episode, and how many more there are."""
        everyone = self.speakers(episode)
        return everyone[:SHOWN], max(len(everyone) - SHOWN, 0)

    def tags_of(self, episode: Episode) -> list[Tag]:
        """The episode's tags in its own order, each once."""
        keys = dict.fromkeys(tag_key(text) for text in episode.tags)
        return [self.tags[k] for k in keys if k in self.tags]

    def sorted_tags(self) -> list[Tag]:
        return sorted(self.tags.values(), key=lambda t: (t.name.casefold(), t.slug))


def speakers(archive: Archive) -> dict[str, tuple[Person, ...]]:
    """Episode URL -> its people, most words first (the credited who say nothing last)."""
    words: dict[str, list[tuple[int, str, Person]]] = {}
    for pid, apps in archive.appearances.items():
        person = archive.people[pid]
        for app in apps:
            words.setdefault(app.episode.url, []).append((-app.words, person.name.casefold(), person))
    return {url: tuple(p for *_, p in sorted(ranked, key=lambda r: r[:2])) for url, ranked in words.items()}


def collect(archive: Archive) -> dict[str, Tag]:
    """Every tag of the archive's episodes and their translations, with its episodes and slug."""
    episodes: dict[str, list[Episode]] = {}
    spellings: dict[str, Counter[str]] = {}
    for episode in archive.episodes:
        listed: set[str] = set()  # the tags this episode (or an earlier version of it) is listed under
        for version in (episode, *archive.translations.get(episode.key, ())):
            for text in dict.fromkeys(version.tags):
                k = tag_key(text)
                spellings.setdefault(k, Counter())[" ".join(text.split())] += 1
                if k not in listed:
                    listed.add(k)
                    episodes.setdefault(k, []).append(version)
    names = {k: counts.most_common(1)[0][0] for k, counts in spellings.items()}
    slugs = assign({k: len(eps) for k, eps in episodes.items()}, names)
    return {k: Tag(names[k], slugs[k], tuple(sorted(eps, key=lambda e: e.when, reverse=True)))
            for k, eps in episodes.items()}


def assign(sizes: Mapping[str, int], names: Mapping[str, str]) -> dict[str, str]:
    """A distinct slug for every tag (by key), as the module's docstring says."""
    wanted: dict[str, list[str]] = {}
    for k in sizes:
        wanted.setdefault(slugify(names[k]) or "tag", []).append(k)
    taken = set(wanted)
    out: dict[str, str] = {}
    for slug, keys in sorted(wanted.items()):
        first, *others = sorted(keys, key=lambda k: (-sizes[k], k))
        out[first] = slug
        n = 2
        for k in others:
            while f"{slug}-{n}" in taken:
                n += 1
            out[k] = f"{slug}-{n}"
            taken.add(out[k])
    return out
