"""schema.org data about the archive, for search engines, podcast directories and citation tools:
a ``PodcastEpisode`` on each episode page, a ``Person`` on each person page, a ``PodcastSeries``
on each show page (https://schema.org/PodcastEpisode). :func:`generator.pages.markup.json_ld`
embeds it in the page.

Values are plain dicts, built from the model; links are the site's own paths (``shows/a/b/``)
until a :class:`Links` makes them absolute with ``site_url`` (schema.org wants absolute URLs), or,
for a site without one, relative to the page.
"""

from __future__ import annotations

import mimetypes
import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..model import Archive, Episode, Person, Show
from ..urls import absolute
from .templates import href

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class Links:
    """Links from the page at ``page`` (``shows/a/b/``): absolute when the site has a ``site_url``."""

    site_url: str | None
    page: str

    def __call__(self, path: str) -> str:
        if self.site_url:
            return absolute(self.site_url, path)
        return path if urlsplit(path).scheme else href(self.page, path)  # a podcast's own audio URL as it is


def iso_duration(seconds: float) -> str:
    """``PT1H2M3S``: ISO 8601, as schema.org's ``duration`` wants it."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    return f"PT{parts or '0S'}"


def beside(folder: str, value: str) -> str:
    """A file named in YAML (``audio:``, ``image:``): a URL as it is, else published in ``folder``."""
    return value if urlsplit(value).scheme else posixpath.join(folder, value)


def person_ref(person: Person, link: Links) -> dict[str, Any]:
    return {"@type": "Person", "name": person.name, "url": link(f"speakers/{person.id}/")}


def series_ref(show: Show, link: Links) -> dict[str, Any]:
    return {"@type": "PodcastSeries", "name": show.title, "url": link(f"shows/{show.id}/")}


def episode(archive: Archive, ep: Episode, kinds: list[str], link: Links) -> dict[str, Any]:
    """``PodcastEpisode``: ``kinds`` are the transcript exports published beside the page
    (``transcript`` names the plain-text one: schema.org's ``transcript`` is text, and the
    text is the page itself, so the data points at it rather than repeat it)."""
    people = [archive.people[pid] for pid in dict.fromkeys(t.person for t in ep.turns if t.person)]
    people += [archive.people[pid] for pid, _ in ep.credited if pid not in {p.id for p in people}]
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "PodcastEpisode", "name": ep.title, "url": link(ep.url),
                            "partOfSeries": series_ref(archive.shows[ep.show], link)}
    if ep.description:
        data["description"] = ep.description
    if ep.date:
        data["datePublished"] = ep.date.isoformat()
    if ep.language:
        data["inLanguage"] = ep.language
    if ep.length:
        data["duration"] = iso_duration(ep.length)
    if ep.audio:
        media: dict[str, Any] = {"@type": "MediaObject", "contentUrl": link(beside(ep.url, ep.audio))}
        if kind := mimetypes.guess_type(urlsplit(ep.audio).path)[0]:
            media["encodingFormat"] = kind
        if ep.length:
            media["duration"] = iso_duration(ep.length)
        data["associatedMedia"] = media
    if "txt" in kinds:
        data["transcript"] = link(f"{ep.url}transcript.txt")
    if people:
        data["actor"] = [person_ref(p, link) for p in people if p.declared or archive.appearances.get(p.id)]
    if ep.source_url:
        data["sameAs"] = ep.source_url
    if ep.tags:
        data["keywords"] = ", ".join(ep.tags)
    return data


def person(archive: Archive, who: Person, link: Links) -> dict[str, Any]:
    """``Person``: ``sameAs`` their links elsewhere (Wikipedia, a homepage)."""
    data: dict[str, Any] = {"@context": CONTEXT, **person_ref(who, link)}
    if who.role:
        data["jobTitle"] = who.role
    if who.bio:
        data["description"] = who.bio
    if who.image:
        data["image"] = link(beside(f"speakers/{who.id}/", who.image))
    same = [ln.url for ln in who.links if urlsplit(ln.url).scheme in ("http", "https")]
    if same:
        data["sameAs"] = same
    return data


def series(archive: Archive, show: Show, link: Links) -> dict[str, Any]:
    """``PodcastSeries``: ``webFeed`` is the show's own feed when its YAML names one."""
    data: dict[str, Any] = {"@context": CONTEXT, **series_ref(show, link)}
    if show.description:
        data["description"] = show.description
    if show.url:
        data["sameAs"] = show.url
    if show.feed:
        data["webFeed"] = show.feed
    if show.image:
        data["image"] = link(show.image)
    if show.language:
        data["inLanguage"] = show.language
    hosts = [archive.people[h] for h in show.hosts if h in archive.people]
    if hosts:
        data["author"] = [person_ref(p, link) for p in hosts]
    return data
