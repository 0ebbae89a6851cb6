"""People: ``speakers.yml``, and resolving the labels transcripts use to the people they name.

A label resolves, in order, through the episode's ``speakers:`` map, then the names, aliases and
ids in ``speakers.yml``, compared by :func:`~generator.slugs.label_key` (case, accents and punctuation ignored,
so ``MR. KIRBY``, ``Mr Kirby`` and ``mr kirby`` are one label). Declared unnamed labels (``Q``,
``AUDIENCE MEMBER``) resolve to nobody. A named label that resolves to no one still gets a
person page (``declared=False``, id from the label) so an archive without ``speakers.yml``
works; anonymous diarization labels (``SPEAKER_00``, ``spk_1``, ``A``) never do, because the
same label means a different person in every episode, and neither do role labels (``MODERATOR``,
``AUDIENCE MEMBER``), which are nobody in particular.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema, sources, urls, yamlio
from .model import Link, Person, Problem, ReadError
from .names import kind
from .schema import SLUG
from .slugs import is_anonymous, label_key, slugify

EXAMPLE = "people:\n  jane-doe:\n    name: Jane Doe\n    aliases: [Jane Do]\nunnamed: [Q, AUDIENCE MEMBER]"
#: Ids that would be generated pages under speakers/, so no person may have them.
RESERVED = frozenset({"by-appearances"})


@dataclass(frozen=True)
class PeopleIndex:
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
        if not key or key in self.unnamed or is_anonymous(label) or _is_role(key):
            return None
        pid = slugify(label)
        return f"{pid}-speaker" if pid in RESERVED else pid

    def is_unnamed(self, label: str) -> bool:
        return label_key(label) in self.unnamed


@functools.lru_cache(maxsize=8192)
def _is_role(key: str) -> bool:
    """A label that is a role (``MODERATOR``, ``AUDIENCE MEMBER``, ``AIDE``: see names.kind) names
    nobody unless speakers.yml declares it: it gets no person page, as if listed under ``unnamed:``."""
    return kind(key) == "role"


def load_people(path: Path, display: str, content: Path | None = None) -> tuple[PeopleIndex, list[Problem]]:
    """Read ``speakers.yml`` (a missing file is an empty index), checked against
    :data:`schema.SPEAKERS` and :data:`schema.PERSON`."""
    empty = PeopleIndex({}, frozenset(), {})
    if not path.exists():
        return empty, []
    try:
        data = yamlio.load(path) or {}
    except ReadError as exc:
        return empty, [Problem(display, exc.line, exc.message)]
    if not isinstance(data, dict):
        return empty, [Problem(display, 1, f"expected a mapping with 'people' and 'unnamed', e.g.\n{EXAMPLE}")]
    report = schema.Report([])
    top = schema.validate(data, schema.SPEAKERS, "speakers.yml", report, lambda k: _line(data, k))
    people = _people(top.get("people") or {}, report, content or path.parent, display)
    keys = frozenset(label_key(u) for u in top.get("unnamed", ()))
    index = _index(people, report)
    problems = [Problem(display, line, message, severity) for line, message, severity in report.items]
    return PeopleIndex(people, keys - {""}, index), problems


def _people(entries: dict[str, Any], report: schema.Report, content: Path, display: str) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for pid, entry in entries.items():
        line = _line(entries, pid)
        if pid in RESERVED:
            report.error(line, f"person id {pid!r} is taken by the page speakers/{pid}/: choose another id")
            continue
        if not SLUG.match(pid):
            report.error(line, f"person id {pid!r} must be a slug such as {slugify(pid) or 'jane-doe'!r}")
            continue
        fields = _fields(pid, entry, report)
        if not fields.get("name"):
            report.error(line, f"person {pid!r}: expected a mapping with a 'name', e.g.\n{EXAMPLE}")
            continue
        image, image_file = _image(fields.get("image", ""), content)
        if image is None:
            report.warning(_line(entry, "image"), f"person {pid!r}: image left out: {image_file}")
        people[pid] = Person(
            id=pid, name=fields["name"], aliases=fields.get("aliases", ()), bio=fields.get("bio", ""),
            image=image or "", image_file=image_file if image else "", role=fields.get("role", ""),
            links=_links(pid, fields.get("links", {}), report), path=display, line=line,
        )
    return people


def _fields(pid: str, entry: Any, report: schema.Report) -> dict[str, Any]:
    """A person entry's checked fields; ``jane-doe: Jane Doe`` is short for a name alone."""
    if isinstance(entry, str):
        return {"name": entry.strip()}
    if isinstance(entry, dict):
        return schema.validate(entry, schema.PERSON, f"person {pid!r}", report, lambda k: _line(entry, k),
                               prefix=f"person {pid!r}: ")
    return {}


def _links(pid: str, links: dict[str, Any], report: schema.Report) -> tuple[Link, ...]:
    result = []
    for label, value in links.items():
        try:
            result.append(Link(str(label), schema.url(value)))
        except schema.Invalid as exc:
            report.warning(_line(links, label), f"person {pid!r}: link {label!r} left out: {exc}")
    return tuple(result)


def _image(value: str, content: Path) -> tuple[str | None, str]:
    """A portrait: a URL as it is, or an image file under content/ (published beside the
    person page); ``(None, why)`` for anything else."""
    if not value or "://" in value or value.startswith(("/", "mailto:")):
        return (value, "") if urls.safe_url(value) else (None, f"{value!r} is not an http(s) URL")
    found = sources.media(value, content, content, sources.IMAGES)
    return (None, found) if isinstance(found, str) else (found.name, str(found))


def _index(people: Mapping[str, Person], report: schema.Report) -> dict[str, str]:
    """Label key -> id for every id, name and alias; a label claimed twice is an error."""
    index: dict[str, str] = {}
    for person in people.values():
        for label in {person.id, person.name, *person.aliases}:
            key = label_key(label)
            other = index.setdefault(key, person.id) if key else person.id
            if other != person.id:
                first = people[other]
                report.error(person.line, f"{label!r} is claimed by both {first.id!r} (line {first.line}) "
                             f"and {person.id!r}")
    return index


def _line(mapping: Any, key: str) -> int:
    return mapping.line_of(key) if isinstance(mapping, yamlio.LineDict) else 1
