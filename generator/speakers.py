"""People: ``speakers.yml``, and resolving the labels transcripts use to the people they name.

A label resolves, in order, through the episode's ``speakers:`` map, then the names, aliases and
ids in ``speakers.yml``, compared by :func:`label_key` (case, accents and punctuation ignored,
so ``MR. KIRBY``, ``Mr Kirby`` and ``mr kirby`` are one label). Declared unnamed labels (``Q``,
``AUDIENCE MEMBER``) resolve to nobody. A named label that resolves to no one still gets a
person page (``declared=False``, id from the label) so an archive without ``speakers.yml``
works; anonymous diarization labels (``SPEAKER_00``, ``spk_1``, ``A``) never do, because the
same label means a different person in every episode.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import yamlio
from .model import Link, Person, Problem, ReadError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANONYMOUS = re.compile(r"^(?:speaker|spk|spkr|voice|unknown)?[\s_-]*\d+$|^[a-z]$", re.I)
EXAMPLE = "people:\n  jane-doe:\n    name: Jane Doe\n    aliases: [Jane Do]\nunnamed: [Q, AUDIENCE MEMBER]"


def slugify(text: str) -> str:
    """ASCII lowercase words joined by hyphens: ``"José Álvarez" -> "jose-alvarez"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def label_key(label: str) -> str:
    """The form labels are compared in: no case, accents or punctuation, single spaces."""
    return " ".join(slugify(label).split("-"))


def is_anonymous(label: str) -> bool:
    return bool(ANONYMOUS.match(label.strip()))


@dataclass(frozen=True)
class Directory:
    """Everything ``speakers.yml`` declares, indexed for resolution."""

    people: Mapping[str, Person]
    unnamed: frozenset[str]  # label keys
    index: Mapping[str, str]  # label key -> person id

    def resolve(self, label: str, episode_map: Mapping[str, str] | None = None) -> str | None:
        """The person id a label names, or ``None`` (unnamed, anonymous or empty)."""
        key = label_key(label)
        if episode_map and key in episode_map:
            return episode_map[key]
        if key in self.index:
            return self.index[key]
        if not key or key in self.unnamed or is_anonymous(label):
            return None
        return slugify(label)

    def is_unnamed(self, label: str) -> bool:
        return label_key(label) in self.unnamed


def load_directory(path: Path, display: str) -> tuple[Directory, list[Problem]]:
    """Read ``speakers.yml`` (a missing file is an empty directory)."""
    if not path.exists():
        return Directory({}, frozenset(), {}), []
    try:
        data = yamlio.load(path) or {}
    except ReadError as exc:
        return Directory({}, frozenset(), {}), [Problem(display, exc.line, exc.message)]
    problems: list[Problem] = []
    if not isinstance(data, dict):
        problems.append(Problem(display, 1, f"expected a mapping with 'people' and 'unnamed', e.g.\n{EXAMPLE}"))
        data = {}
    people = _people(data.get("people") or {}, display, problems, path.parent)
    unnamed = data.get("unnamed") or []
    if not isinstance(unnamed, list):
        problems.append(Problem(display, _line(data, "unnamed"), "'unnamed' must be a list of labels"))
        unnamed = []
    keys = frozenset(label_key(str(u)) for u in unnamed)
    return Directory(people, keys, _index(people, display, problems)), problems


def _people(entries: Any, display: str, problems: list[Problem], content: Path) -> dict[str, Person]:
    if not isinstance(entries, dict):
        problems.append(Problem(display, 1, f"'people' must map ids to entries, e.g.\n{EXAMPLE}"))
        return {}
    people: dict[str, Person] = {}
    for pid, entry in entries.items():
        line = _line(entries, pid)
        if not SLUG.match(pid):
            problems.append(Problem(display, line, f"person id {pid!r} must be a slug such as {slugify(pid)!r}"))
            continue
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(Problem(display, line, f"person {pid!r}: expected a mapping with a 'name'"))
            continue
        aliases = entry.get("aliases") or []
        links = entry.get("links") or {}
        if not isinstance(aliases, list) or not isinstance(links, dict):
            problems.append(Problem(display, line, f"person {pid!r}: 'aliases' must be a list, 'links' a mapping"))
            continue
        image, image_file = _image(str(entry.get("image") or ""), content)
        if image is None:
            problems.append(Problem(display, _line(entry, "image"), f"person {pid!r}: image {entry['image']!r} "
                                    "is neither a URL nor a file under content/", "warning"))
        people[pid] = Person(
            id=pid, name=entry["name"].strip(), aliases=tuple(str(a) for a in aliases),
            bio=str(entry.get("bio") or ""), image=image or "", image_file=image_file,
            role=str(entry.get("role") or ""),
            links=tuple(Link(str(k), str(v)) for k, v in links.items()), path=display, line=line,
        )
    return people


def _image(value: str, content: Path) -> tuple[str | None, str]:
    """A portrait: a URL as it is, or a file under content/ (published beside the person page)."""
    if not value or "://" in value or value.startswith("/"):
        return value, ""
    local = (content / value).resolve()
    if not local.is_file() or not local.is_relative_to(content.resolve()):
        return None, ""
    return local.name, str(local)


def _index(people: Mapping[str, Person], display: str, problems: list[Problem]) -> dict[str, str]:
    """Label key -> id for every id, name and alias; a label claimed twice is an error."""
    index: dict[str, str] = {}
    for person in people.values():
        for label in {person.id, person.name, *person.aliases}:
            key = label_key(label)
            other = index.setdefault(key, person.id)
            if other != person.id:
                first = people[other]
                problems.append(Problem(
                    display, person.line,
                    f"{label!r} is claimed by both {first.id!r} (line {first.line}) and {person.id!r}",
                ))
    return index


def _line(mapping: Any, key: str) -> int:
    return mapping.line_of(key) if isinstance(mapping, yamlio.LineDict) else 1
