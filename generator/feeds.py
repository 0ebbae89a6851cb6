"""Podcast feeds: RSS 2.0 with the Podcasting 2.0 and iTunes namespaces, built from the archive.

Three kinds, each a ``feed.xml`` beside the page it follows:

- ``feed.xml`` at the site root: every episode;
- ``shows/<show>/feed.xml``: the show's episodes;
- ``speakers/<person>/feed.xml``: the episodes a person appears in ("new appearances of ...").
  A person who appears nowhere gets no feed.

Each lists the newest :attr:`Settings.limit` episodes, newest first (undated ones last, as the
archive orders them; they have no ``pubDate``). An item carries the episode's title, page, a
``guid`` that does not change when the site moves (``<show>/<slug>``, not a URL), its date and
description, the audio as an ``enclosure`` (none when the episode has no audio; the length is
the local file's size, ``0`` for a remote URL, as RSS advises when it is unknown),
``itunes:duration`` when the length is known, one ``podcast:transcript`` for each transcript
export the episode page offers (:mod:`generator.pages.downloads`), ``podcast:chapters`` (the
``chapters.json`` published beside the page) when it has chapters, and a ``podcast:person`` for
each named speaker: ``host`` when the show's ``show.yml`` lists them as a host, else ``guest``,
with their portrait and their page.

Podcast apps need absolute URLs, so feeds are only made with MkDocs' ``site_url`` (the plugin
warns when it is unset). The XML is built with ElementTree, so every value from a file is
escaped; characters XML 1.0 cannot hold at all (control characters other than tab, newline and
carriage return, U+FFFE, U+FFFF, lone surrogates) are dropped, so every feed parses. This module
does not import MkDocs: the plugin hands it the archive and :class:`Settings`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from itertools import islice
from pathlib import PurePosixPath
from urllib.parse import quote, urljoin, urlsplit

from . import exports
from .i18n import Messages
from .model import Archive, Episode, Person, Show
from .pages.downloads import CHAPTERS, available
from .pages.page import Download
from .urls import absolute

PODCAST = "https://podcastindex.org/namespace/1.0"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
for _prefix, _uri in (("podcast", PODCAST), ("itunes", ITUNES), ("atom", ATOM)):
    ET.register_namespace(_prefix, _uri)

FILE = "feed.xml"
LIMIT = 100
RSS_TYPE = "application/rss+xml"

#: Audio extension (sources.AUDIO's) -> the enclosure's media type. A remote URL with none of
#: these is said to be MP3, what nearly every podcast publishes (apps sniff the audio anyway).
AUDIO_TYPES = {
    ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4", ".m4b": "audio/mp4", ".aac": "audio/aac",
    ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".flac": "audio/flac",
    ".webm": "audio/webm",
}
#: Transcript export kind -> the ``podcast:transcript`` attributes besides url and type.
TRANSCRIPT_REL = {"vtt": {"rel": "captions"}}
#: What XML 1.0 forbids anywhere in a document (``]]>`` needs nothing: ElementTree escapes ``>``).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Settings:
    """What the feeds need besides the archive: ``site_url`` (absolute, ending in ``/``), the
    site's name and description (MkDocs' ``site_name``, ``site_description``), the most items
    a feed lists, and the site's language."""

    site_url: str
    site_name: str
    description: str = ""
    limit: int = LIMIT
    messages: Messages = field(default_factory=lambda: Messages.for_language(None))


def render(archive: Archive, settings: Settings) -> Iterator[Download]:
    """Every feed of the site, as files to publish."""
    items: dict[tuple[str, str], ET.Element] = {}  # one item per episode, shared by the feeds it is in

    def feed(url: str, channel: Channel, episodes: Iterable[Episode]) -> Download:
        chosen = list(islice(episodes, settings.limit))
        for episode in chosen:
            if episode.key not in items:
                items[episode.key] = item(archive, episode, settings.site_url)
        return Download.text(f"{url}{FILE}", document(channel, [items[e.key] for e in chosen], settings))

    gettext = settings.messages.gettext
    site = Channel(settings.site_name, "", settings.description or settings.site_name)
    yield feed("", site, archive.episodes)
    for show in archive.shows.values():
        url = f"shows/{show.id}/"
        channel = Channel(show.title, url, show.description or show.title, show.language, show.image)
        yield feed(url, channel, (e for e in archive.episodes if e.show == show.id))
    for person in archive.people.values():
        appearances = archive.appearances.get(person.id, ())
        if appearances:
            url = f"speakers/{person.id}/"
            title = gettext("New appearances of %(name)s", name=person.name)
            channel = Channel(title, url, person.role or title, image=_image_url(person, settings.site_url) or "")
            yield feed(url, channel, (a.episode for a in appearances))


@dataclass(frozen=True)
class Channel:
    """A feed's own fields: ``url`` is its page (``shows/a/``, ``""`` for the home page)."""

    title: str
    url: str
    description: str
    language: str = ""
    image: str = ""


def document(channel: Channel, items: list[ET.Element], settings: Settings) -> str:
    """The feed as an XML document (UTF-8 once written)."""
    rss = ET.Element("rss", {"version": "2.0"})
    root = _sub(rss, "channel")
    page = absolute(settings.site_url, channel.url)
    _sub(root, "title", channel.title)
    _sub(root, "link", page)
    _sub(root, "description", channel.description)
    _sub(root, "language", channel.language or settings.messages.code)
    _sub(root, "generator", "On Record")
    _sub(root, f"{{{ATOM}}}link", href=absolute(settings.site_url, channel.url + FILE), rel="self", type=RSS_TYPE)
    image = urljoin(page, channel.image) if channel.image else ""
    if _web(image):
        _sub(root, f"{{{ITUNES}}}image", href=image)
    root.extend(items)
    ET.indent(rss, space=" ")
    # ElementTree writes the namespace declarations it needs on the root element.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def item(archive: Archive, episode: Episode, site_url: str) -> ET.Element:
    """The episode as a feed item (see the module docs for what it carries)."""
    page = absolute(site_url, episode.url)
    node = ET.Element("item")
    _sub(node, "title", episode.title)
    _sub(node, "link", page)
    _sub(node, "guid", f"{episode.show}/{episode.slug}", isPermaLink="false")
    if episode.date:
        _sub(node, "pubDate", format_datetime(dt.datetime.combine(episode.date, dt.time(), dt.UTC), usegmt=True))
    _sub(node, "description", episode.description or episode.title)
    if episode.audio:
        _sub(node, "enclosure", **enclosure(episode, page))
    length = episode.length  # worked out from the turns when the metadata has no duration
    if length:
        _sub(node, f"{{{ITUNES}}}duration", str(round(length)))
    for kind in available([p.turn for p in episode.turns]):
        attrs = {"url": page + f"transcript.{kind}", "type": exports.EXPORTS[kind][1], **TRANSCRIPT_REL.get(kind, {})}
        _sub(node, f"{{{PODCAST}}}transcript", **attrs, **({"language": episode.language} if episode.language else {}))
    if episode.chapters:
        _sub(node, f"{{{PODCAST}}}chapters", url=page + CHAPTERS, type="application/json+chapters")
    show = archive.shows[episode.show]
    for person in people(archive, episode):
        _person(node, person, show, site_url)
    return node


def enclosure(episode: Episode, page: str) -> dict[str, str]:
    """The audio's URL, size in bytes (``0`` when not a local file) and media type."""
    if episode.audio_file:
        url, length = page + quote(episode.audio), str(os.stat(episode.audio_file).st_size)
    else:
        url, length = urljoin(page, episode.audio), "0"
    kind = AUDIO_TYPES.get(PurePosixPath(urlsplit(url).path).suffix.lower(), "audio/mpeg")
    return {"url": url, "length": length, "type": kind}


def people(archive: Archive, episode: Episode) -> list[Person]:
    """The episode's named people: who speaks, in the order they first do, then those credited."""
    ids = dict.fromkeys([*(p.person for p in episode.turns if p.person), *(pid for pid, _ in episode.credited)])
    return [archive.people[pid] for pid in ids if pid in archive.people]


def _person(node: ET.Element, person: Person, show: Show, site_url: str) -> None:
    attrs = {"role": "host" if person.id in show.hosts else "guest"}
    image = _image_url(person, site_url)
    if image:
        attrs["img"] = image
    attrs["href"] = absolute(site_url, f"speakers/{person.id}/")
    _sub(node, f"{{{PODCAST}}}person", person.name, **attrs)


def _image_url(person: Person, site_url: str) -> str | None:
    """The person's portrait as an absolute http(s) URL: a local one is beside their page."""
    if not person.image:
        return None
    page = absolute(site_url, f"speakers/{person.id}/")
    url = page + quote(person.image) if person.image_file else urljoin(page, person.image)
    return url if _web(url) else None


def _web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _FORBIDDEN.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {key: clean(value) for key, value in attrs.items()})
    if text is not None:
        node.text = clean(text)
    return node
