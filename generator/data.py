"""The archive as data for research: ``data/episodes.json``, ``data/people.json``, ``data/turns.csv``.

Three files at the site's root that pandas (``read_json``, ``read_csv``), sqlite-utils and
Datasette load as they are: each JSON file is an array of flat objects, one per row (a list value,
such as ``tags``, becomes a JSON column); the CSV is UTF-8 with a header row, quoted as RFC 4180
says (Python's ``csv`` module: ``"`` doubled, a field with a comma, quote or line break quoted,
lines ending in CRLF). The README's "Data" section lists every column.

Decisions, and why:

- **Keys.** An episode's ``id`` is ``<show>/<slug>`` (the feeds' ``guid``): it does not change
  when the site moves, and ``turns.csv``'s ``episode`` column holds the same string. A person's
  ``id`` is their page's (``speakers/<id>/``) and ``turns.csv``'s ``person``.
- **What is in.** Only what the site publishes. Drafts never are, even while the plugin's
  ``drafts`` option previews them (the model marks them, :attr:`Episode.draft`; a translation of
  a draft is left out with it): a data file is easily copied somewhere for good. Translations are
  in, as episodes of their own with their ``language`` and the ``id`` of the episode they translate
  in ``original``: their text is part of the archive. They are not appearances, as on the person
  pages: ``people.json`` counts originals only, so a sum over ``turns.csv`` that should match it
  keeps the rows whose episode has no ``original``.
- **Named people only.** ``turns.csv`` holds the turns of named people, the ones with a person
  page (:attr:`EpisodeTurn.person` set: declared in ``speakers.yml``, mapped by the episode, or a
  name the transcript gives that nobody declared, ``declared`` false in ``people.json``). Turns by
  unnamed labels (``Q``, ``AUDIENCE MEMBER``), anonymous diarization labels (``SPEAKER_01``) and
  roles are left out, as they are from person pages, quotes and feeds; ``episodes.json``'s
  ``turns`` and ``words`` count the whole transcript. ``people.json`` lists everyone with at
  least one published appearance (a host declared in ``speakers.yml`` who speaks nowhere is not
  data about the archive).
- **Text as it is.** A turn's ``text`` is the transcript's, exactly as ``transcript.txt`` writes
  it (paragraphs kept as line breaks); ``words`` leaves editorial notes (``[laughs]``) out, as every
  count on the site does. Nothing is changed for spreadsheets: a cell starting with ``=``, ``+``,
  ``-`` or ``@`` is a formula to Excel or LibreOffice when the file is opened there, and OWASP's
  remedy (a leading ``'``) would change the text that pandas, sqlite and Datasette read. The
  README says to import the file as text in a spreadsheet.
- **Order.** Episodes newest first, as the site lists them (undated last), each translation right
  after its original; ``turns.csv`` in the same order, each episode's turns in transcript order
  (``turn`` is the position among all its turns, so the left-out ones leave gaps); people by id.
  The same archive gives byte-identical files.
- **Links.** ``url`` values are the site's own paths (``shows/a/b/``, percent-encoded), made
  absolute with MkDocs' ``site_url`` when there is one, as the feeds make theirs.

This module does not import MkDocs: the plugin and ``onrecord generate`` (tree.py) publish what
:func:`render` returns.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit

from . import exports
from .feeds import people as episode_people
from .memo import ByIdentity
from .model import Archive, Episode
from .pages.downloads import CHAPTERS, available
from .pages.page import Download
from .stats import person_stats
from .urls import absolute

FOLDER = "data/"
EPISODES = f"{FOLDER}episodes.json"
PEOPLE = f"{FOLDER}people.json"
TURNS = f"{FOLDER}turns.csv"
#: turns.csv's columns, in order.
TURN_COLUMNS = ("episode", "turn", "anchor", "person", "start", "end", "words", "text")


def render(archive: Archive, site_url: str | None = None) -> Iterator[Download]:
    """The three data files of the published part of ``archive``."""
    archive = published(archive)
    links = Links(site_url)
    episodes = list(versions(archive))
    rows = [ROWS.get(e, lambda e=e: episode_row(archive, e, links), (archive.shows[e.show].title, links))  # type: ignore[misc]
            for e in episodes]
    yield Download.text(EPISODES, _json(rows))
    yield Download.text(PEOPLE, _json(people_rows(archive, links)))
    yield Download(TURNS, turns_csv, (tuple(episodes),), comparable=False)  # written piece by piece


def published(archive: Archive) -> Archive:
    """``archive`` without its drafts (there are some only while the ``drafts`` option previews them)."""
    if not any(e.draft for e in archive.episodes):
        return archive
    episodes = tuple(e for e in archive.episodes if not e.draft)
    keys = {e.key for e in episodes}
    appearances = {pid: kept for pid, apps in archive.appearances.items()
                   if (kept := tuple(a for a in apps if a.episode.key in keys))}
    translations = {key: tuple(t for t in versions_ if not t.draft)
                    for key, versions_ in archive.translations.items() if key in keys}
    return dataclasses.replace(archive, episodes=episodes, appearances=appearances, translations=translations)


def versions(archive: Archive) -> Iterator[Episode]:
    """Every published episode, newest first, each followed by its translations."""
    for episode in archive.episodes:
        yield episode
        yield from archive.translations.get(episode.key, ())


@dataclasses.dataclass(frozen=True)
class Links:
    """A site path (``shows/a/b/``) as the data gives it: absolute under ``site_url`` when set."""

    site_url: str | None

    def __call__(self, path: str) -> str:
        if self.site_url:
            return absolute(self.site_url, path)
        return path if urlsplit(path).scheme or path.startswith("/") else quote(path)


def key(episode: Episode) -> str:
    """The episode's id in the data: ``<show>/<slug>`` (a translation's slug is ``<original>/<code>``)."""
    return f"{episode.show}/{episode.slug}"


#: Each episode's row of episodes.json, and its rows of turns.csv, kept while the episode lives
#: (generator/memo.py: a preview's next build has the same episode objects where nothing changed).
ROWS: ByIdentity[Episode, dict[str, Any]] = ByIdentity()
TURNS_ROWS: ByIdentity[Episode, str] = ByIdentity()


def episode_row(archive: Archive, episode: Episode, link: Links) -> dict[str, Any]:
    """Its row: made of the episode, its show's title and ``link``; who is in it, by id, comes
    from its turns."""
    kinds = available([p.turn for p in episode.turns])  # what downloads.render publishes beside the page
    length = episode.length
    return {
        "id": key(episode), "title": episode.title, "show": episode.show, "show_title": archive.shows[episode.show].title,
        "date": episode.date.isoformat() if episode.date else None,
        "duration": round(length, 3) if length else None, "language": episode.language or None,
        "original": f"{episode.show}/{episode.original}" if episode.original else None,
        "description": episode.description or None, "url": link(episode.url),
        "audio": link(episode.url + episode.audio if episode.audio_file else episode.audio) if episode.audio else None,
        "source": episode.source_url or None,
        **{f"transcript_{kind}": link(f"{episode.url}transcript.{kind}") if kind in kinds else None
           for kind in exports.EXPORTS},
        "chapters": link(episode.url + CHAPTERS) if episode.chapters else None,
        "tags": list(episode.tags), "people": [p.id for p in episode_people(archive, episode)],
        "turns": len(episode.turns), "words": sum(t.words for t in episode.turns),
    }


def people_rows(archive: Archive, link: Links) -> list[dict[str, Any]]:
    """Everyone with a published appearance, by id."""
    rows = []
    for pid in sorted(pid for pid, apps in archive.appearances.items() if apps):
        person, stats = archive.people[pid], person_stats(archive, pid)
        rows.append({
            "id": pid, "name": person.name, "role": person.role or None, "declared": person.declared,
            "url": link(f"speakers/{pid}/"), "appearances": stats.appearances,
            "first": stats.first.date.isoformat() if stats.first and stats.first.date else None,
            "last": stats.last.date.isoformat() if stats.last and stats.last.date else None,
            "words": stats.words, "seconds": round(stats.seconds, 3) if stats.seconds is not None else None,
            "aliases": list(person.aliases), "links": [ln.url for ln in person.links],
        })
    return rows


def turns_csv(episodes: Iterable[Episode]) -> Iterator[str]:
    """One row per turn of a named person (see the module docs), in :data:`TURN_COLUMNS`: the
    header, then each episode's rows."""
    out = io.StringIO()
    csv.writer(out).writerow(TURN_COLUMNS)  # RFC 4180: CRLF line ends, fields quoted only when they must be
    yield out.getvalue()
    for e in episodes:
        yield TURNS_ROWS.get(e, lambda e=e: _turn_rows(e))  # type: ignore[misc]


def _turn_rows(episode: Episode) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    ident = key(episode)
    for placed in episode.turns:
        if placed.person is None:
            continue
        start = placed.turn.start
        end = start + placed.seconds if start is not None and placed.seconds is not None else None
        writer.writerow((ident, placed.index + 1, placed.anchor, placed.person, _seconds(start), _seconds(end),
                         placed.words, placed.turn.text))
    return out.getvalue()



def _seconds(value: float | None) -> str:
    """``12.5``, ``83`` (to the millisecond); empty when unknown."""
    if value is None:
        return ""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
