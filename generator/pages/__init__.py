"""Pages as values: every page of the site as ``Page(uri, markdown)``, no engine involved.

The values themselves are in :mod:`.page` (re-exported here); each page module renders one kind
of page, and :func:`render` yields them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Archive
from . import episode, home, people, search, shows, timeline
from .page import PLACEHOLDER, PLACEHOLDER_RE, Asset, Download, Item, Page, PageBuilder

__all__ = ["PLACEHOLDER", "PLACEHOLDER_RE", "Asset", "Download", "Item", "Page", "PageBuilder", "render"]


def render(archive: Archive, site_name: str = "On Record") -> Iterator[Item]:
    """Every generated page and download of the site."""
    yield home.render(archive, site_name)
    yield from shows.render(archive)
    for ep in archive.episodes:
        yield from episode.render(archive, ep)
        for translation in archive.translations.get(ep.key, ()):
            yield from episode.render(archive, translation)
    yield from people.render(archive)
    yield timeline.render(archive)
    yield search.render(archive)
