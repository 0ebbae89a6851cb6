"""What every YAML file under ``content/`` may say: one table per file kind, key -> parser.

As Pelican's ``METADATA_PROCESSORS`` and MkDocs' ``config_options`` do it, each key has one
parser that takes the raw YAML value and returns the checked value, or raises :class:`Invalid`
with what was expected and what was found. :func:`validate` runs a table over a mapping:

- a known key with a bad value is an error naming the key (the value is dropped; the item
  builds without it unless the key is required);
- an unknown key is a warning with a "did you mean" (``tittle`` -> ``title``), so a typo never
  silently does nothing; a known key in other case (``Draft``) is read as that key, with a
  warning, because a draft must not go out over a capital letter;
- links pass one URL policy (:func:`~generator.urls.safe_url`): ``http``, ``https``, ``mailto`` and relative
  URLs; anything else (``javascript:``, ``data:``) is dropped with a warning.

The README's reference tables are tested against these tables (tests/test_docs.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from .model import ReadError
from .timecodes import HOURS, in_range, parse_time
from .urls import safe_url

SLUG = re.compile(r"^[^\W_A-Z]+(?:-[^\W_A-Z]+)*$")


class Invalid(Exception):
    """A value that does not fit its key; the message says what was expected and found."""


def found(value: Any) -> str:
    """How a wrong value is described in a message: its kind, and a short form of it."""
    kinds = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "nothing"}
    kind = next((name for cls, name in kinds.items() if isinstance(value, cls)), None)
    if kind in ("a mapping", "a list", "nothing"):
        return str(kind)
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return shown if isinstance(value, str | int | float) else f"{kind or type(value).__name__} {shown}"


# Parsers: raw YAML value -> checked value, or Invalid.

def text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        raise Invalid(f"expected text, found {found(value)}")
    return str(value).strip()


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, found {found(value)}")
    return value


def texts(value: Any) -> tuple[str, ...]:
    """A list of short texts; a single text is a list of one (``tags: budget``)."""
    items = value if isinstance(value, list) else [value]
    return tuple(t for t in (text(v) for v in items if v is not None) if t)


def slug(value: Any) -> str:
    result = text(value)
    if not SLUG.match(result):
        raise Invalid(f"expected a slug (lowercase letters, digits and hyphens), found {result!r}")
    return result


def seconds(value: Any) -> float:
    """Seconds as a number or ``hh:mm:ss``; finite, not negative, under :data:`~generator.timecodes.MAX_SECONDS`."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Invalid(f"expected seconds or hh:mm:ss, found {found(value)}")
    if isinstance(value, str):
        try:
            value = parse_time(value)
        except ReadError as exc:
            raise Invalid(exc.message) from None
    if not in_range(value):  # NaN fails it, and 10**400
        raise Invalid(f"expected a time from 0 to {HOURS} hours, found {found(value)}")
    return float(value)


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(text(value)[:10])
    except (ValueError, Invalid):
        raise Invalid(f"expected a date such as 2024-05-01, found {found(value)}") from None


def url(value: Any) -> str:
    result = text(value)
    if not safe_url(result):
        raise Invalid(f"expected an http, https or mailto URL, or a relative one, found {result!r}")
    return result


def mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(f"expected a mapping, found {found(value)}")
    return value


def one_of(choices: Callable[[], Mapping[str, object]]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or value.strip() not in choices():
            raise Invalid(f"expected one of {', '.join(sorted(choices()))}, found {found(value)}")
        return value.strip()
    return parse


def anything(value: Any) -> Any:
    return value


def markdown_links(value: str) -> list[str]:
    """Links in a Markdown field that the URL policy drops when it is rendered."""
    from .pages.markup import unsafe_links  # the page code owns Markdown rendering

    return [f"link {link!r} left out: expected an http, https or mailto URL, or a relative one"
            for link in unsafe_links(value)]


@dataclass(frozen=True)
class Key:
    """One key of a file kind: its parser and what it means (the README's reference)."""

    parse: Callable[[Any], Any]
    doc: str
    same_as: str = ""  # another name for this key (``media`` for ``audio``)
    warn: Callable[[Any], list[str]] | None = None  # problems worth a warning in a good value


def _readers() -> Mapping[str, object]:
    from .readers import READERS

    return READERS


EPISODE: dict[str, Key] = {
    "title": Key(text, "the episode's title; defaults to the file name"),
    "date": Key(date, "required, unless the file or folder name starts with it"),
    "audio": Key(text, "a URL, or an audio file beside the transcript (published with the page)"),
    "media": Key(text, "", same_as="audio"),
    "duration": Key(seconds, "seconds or hh:mm:ss"),
    "description": Key(text, "one or two sentences"),
    "summary": Key(text, "", same_as="description"),
    "source": Key(url, "where the original lives (http, https)"),
    "source_url": Key(url, "", same_as="source"),
    "tags": Key(texts, "a list of tags"),
    "speakers": Key(anything, "label -> person id or name, for this episode"),
    "chapters": Key(anything, "a list of {start, title}"),
    "slug": Key(slug, "the URL name; defaults to the file name"),
    "draft": Key(flag, "true: appears nowhere until removed"),
    "format": Key(one_of(_readers), "force a reader instead of detecting one"),
    "language": Key(text, "the transcript's language (en, es...); defaults to the show's"),
    "transcript_by": Key(text, "who transcribed it, credited on the page"),
    "translation_by": Key(text, "who translated it, credited on the page"),
}

SHOW: dict[str, Key] = {
    "title": Key(text, "the show's name; defaults to the folder name"),
    "description": Key(text, "Markdown", warn=markdown_links),
    "url": Key(url, "the show's own website"),
    "feed": Key(url, "its podcast feed"),
    "image": Key(url, "cover art: a URL"),
    "hosts": Key(texts, "person ids from speakers.yml"),
    "language": Key(text, "the default language of its episodes"),
    "roster": Key(text, "a file of 'Name (ABR)' lines, relative to the show folder: who each label is"),
}

SPEAKERS: dict[str, Key] = {
    "people": Key(mapping, "person id -> entry"),
    "unnamed": Key(texts, "labels that name nobody (Q, AUDIENCE MEMBER)"),
}

PERSON: dict[str, Key] = {
    "name": Key(text, "required: the name pages show"),
    "aliases": Key(texts, "other spellings transcripts use"),
    "role": Key(text, "a short description"),
    "bio": Key(text, "Markdown", warn=markdown_links),
    "image": Key(text, "a URL, or an image file under content/"),
    "links": Key(mapping, "label -> URL"),
}


@dataclass
class Report:
    """Problems one table run found, as ``(line, message, severity)``."""

    items: list[tuple[int, str, str]]

    def error(self, line: int, message: str) -> None:
        self.items.append((line, message, "error"))

    def warning(self, line: int, message: str) -> None:
        self.items.append((line, message, "warning"))


def validate(data: Mapping[str, Any], table: Mapping[str, Key], what: str, report: Report,
             line_of: Callable[[str], int], prefix: str = "") -> dict[str, Any]:
    """The keys of ``data`` that fit ``table``, parsed, under their main names. ``what`` names
    the kind of mapping in messages about unknown keys; ``prefix`` starts every other message."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        name = key if key in table else str(key).lower()
        spec = table.get(name)
        if spec is None:
            report.warning(line_of(key), unknown(key, table, what))
            continue
        if key not in table:  # Draft: true means draft: true, and a draft must never go out by a typo
            report.warning(line_of(key), f"key {key!r} read as {str(key).lower()!r}: write keys in lowercase")
        if value is None:
            continue
        try:
            parsed = result.setdefault(spec.same_as or name, spec.parse(value))
        except Invalid as exc:
            report.error(line_of(key), f"{prefix}'{key}': {exc}")
            continue
        for message in spec.warn(parsed) if spec.warn else ():
            report.warning(line_of(key), f"{prefix}'{key}': {message}")
    return result


def unknown(key: str, table: Mapping[str, Key], what: str) -> str:
    """``unknown key 'tittle' in episode metadata; did you mean 'title'?``"""
    return f"unknown key {key!r} in {what}{unknown_hint(key, list(table))}"


def unknown_hint(key: str, names: list[str]) -> str:
    best = process.extractOne(str(key).lower(), names, scorer=fuzz.ratio, score_cutoff=70)
    return f"; did you mean '{best[0]}'?" if best else f"; expected one of {', '.join(sorted(names))}"
