"""Rosters: lists that say who a label is (``DE`` is Daniel Ehrenberg, ``CDR`` is Frank Borman).

Three kinds, each giving labels names for one episode (never the whole archive: ``CDR`` is Borman
on Apollo 8 and Armstrong on Apollo 11):

- a **roster file** a show declares in ``show.yml`` (``roster: delegates.txt``, relative to the
  show folder), one ``Name (ABR)`` a line, as TC39's ``delegates.txt``; it serves every episode
  of the show. Blank lines and ``#`` comments are skipped; any other line is a warning.
- a **Markdown attendee table** in the transcript itself, with a name column and an abbreviation
  column (``| Name | Abbreviation | Organization |``), read by the text reader: that episode only.
- a **Spacelog mission's** ``_meta``: each ``characters`` entry names its label (``CDR``) for the
  streams of that mission folder (see :mod:`generator.readers.spacelog`).

How they combine, for one episode: the show's roster file, then the mission's ``_meta``, then the
transcript's own table, then the episode's ``speakers:`` map (sidecar or front matter), each later
one winning for a label it names. A name resolves like a label (``speakers.yml`` names and
aliases, else a person of that name: :mod:`generator.episodes`). Only labels that someone says
are looked up: a roster of 500 people adds a page for each of those who speak and for no one else.
The same abbreviation twice with different names is a warning naming both lines; the first wins.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Notice, ReadError
from .slugs import label_key

ROSTER_LINE = re.compile(r"(?P<name>[^()]*?\S)\s*\((?P<label>[^()\s][^()]{0,15})\)")
EXAMPLE = "'Daniel Ehrenberg (DE)'"
#: Header cells (as label keys) of an attendee table's two columns.
NAME_HEADERS = frozenset({"name", "names", "attendee", "attendees", "delegate", "person"})
LABEL_HEADERS = frozenset({"abbreviation", "abbreviations", "abbr", "abbrev", "initials", "label", "handle"})
_CELLS = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^[\s|:-]+$")


@dataclass(frozen=True)
class Roster:
    """label key -> ``(label, name, line)``; ``notices``: duplicates and lines that were not read."""

    entries: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()

    def names(self) -> dict[str, str]:
        """label -> name."""
        return {label: name for label, name, _ in self.entries.values()}


def _add(entries: dict[str, tuple[str, str, int]], notices: list[Notice], label: str, name: str, line: int) -> None:
    key = label_key(label)
    if not key:
        notices.append(Notice(line, f"{label!r} gives no usable label: expected letters or digits"))
        return
    first = entries.setdefault(key, (label, name, line))
    if first[2] != line and " ".join(first[1].split()) != " ".join(name.split()):
        notices.append(Notice(line, f"{label!r} is {first[1]!r} on line {first[2]} and {name!r} on line {line}: "
                                    f"line {first[2]} is used"))


def parse_roster(text: str) -> Roster:
    """A ``Name (ABR)`` list (see the module docs)."""
    entries: dict[str, tuple[str, str, int]] = {}
    notices: list[Notice] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        m = ROSTER_LINE.fullmatch(line)
        if m is None:
            shown = line if len(line) <= 60 else line[:57] + "..."
            notices.append(Notice(number, f"expected a name and its abbreviation, e.g. {EXAMPLE}, found {shown!r}"))
            continue
        _add(entries, notices, m["label"].strip(), " ".join(m["name"].split()), number)
    return Roster(entries, tuple(notices))


def _cells(line: str) -> list[str] | None:
    m = _CELLS.match(line)
    return [c.strip() for c in m[1].split("|")] if m else None


def attendee_tables(lines: list[str], first: int = 1) -> Roster:
    """Every Markdown table in ``lines`` whose header has a name and an abbreviation column;
    ``first`` is the line number of ``lines[0]``. Rows with no abbreviation are skipped."""
    entries: dict[str, tuple[str, str, int]] = {}
    notices: list[Notice] = []
    columns: tuple[int, int] | None = None
    for index, line in enumerate(lines):
        cells = _cells(line) if "|" in line else None
        if cells is None:
            columns = None
            continue
        if columns is None:
            columns = _header(cells) if index + 1 < len(lines) and _RULE.match(lines[index + 1]) else None
            continue
        if _RULE.match(line) or max(columns) >= len(cells):
            continue
        name, label = (" ".join(cells[i].replace("*", "").split()) for i in columns)
        if name and label:
            _add(entries, notices, label, name, index + first)
    return Roster(entries, tuple(notices))


def _header(cells: list[str]) -> tuple[int, int] | None:
    keys = [label_key(c) for c in cells]
    name = next((i for i, k in enumerate(keys) if k in NAME_HEADERS), None)
    label = next((i for i, k in enumerate(keys) if k in LABEL_HEADERS), None)
    return (name, label) if name is not None and label is not None else None


@dataclass(frozen=True)
class Mission:
    """What a Spacelog ``_meta`` says about the streams beside it."""

    roster: dict[str, str]  # label -> name
    name: str = ""  # the mission's short name: "a8"
    title: str = ""  # "Apollo 8"
    description: str = ""
    launch: dt.datetime | None = None  # mission time zero, UTC
    media: frozenset[str] = frozenset()  # stream file names that hold no speech (MEDIA)


_PAREN = re.compile(r"\s*\([^()]*\)\s*$")


def read_meta(path: Path) -> Mission:
    """The ``_meta`` of a Spacelog mission folder; raises :class:`~generator.model.ReadError` (with
    the JSON error's line) when it is not a JSON object. A character's name is its ``short_name`` without the
    role in brackets (``Frank Borman (CDR)`` -> ``Frank Borman``, the name the same astronaut has
    on every mission), else its ``name``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise ReadError(exc.lineno, f"_meta is not valid JSON ({exc.msg}): labels are shown as written") from None
    if not isinstance(data, dict):
        raise ReadError(1, "_meta is not a JSON object: labels are shown as written")
    roster: dict[str, str] = {}
    characters = data.get("characters")
    for label, entry in (characters.items() if isinstance(characters, dict) else ()):
        if isinstance(entry, dict):
            name = _text(entry.get("short_name")) and _PAREN.sub("", _text(entry.get("short_name")))
            name = name or _text(entry.get("name"))
            if name:
                roster[str(label)] = name
    copy = data.get("copy")
    copy = copy if isinstance(copy, dict) else {}
    media = {Path(_text(data.get(k))).name for k in ("media_transcript",) if _text(data.get(k))}
    return Mission(roster, _text(data.get("name")), _text(copy.get("title")), _text(copy.get("description")),
                   _launch(data.get("utc_launch_time")), frozenset(media))


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _launch(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
