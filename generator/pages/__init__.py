"""Every page of the site as a value (:mod:`generator.pages.page`), rendered from the archive
by our templates (:mod:`generator.pages.templates`), no engine involved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Archive
from .page import Asset, Download, Item, Page
from .templates import Templates

__all__ = ["Asset", "Download", "Item", "Page", "Templates", "render"]


def render(archive: Archive, site_name: str = "On Record", *, custom_dir: Path | str | None = None,
           language: str | None = None, site_url: str | None = None, feeds: bool = False) -> Iterator[Item]:
    """Every generated page and download of the site; ``custom_dir`` holds the site's template
    overrides, ``language`` is Material's ``theme.language`` (English when ``None``), ``site_url``
    mkdocs.yml's (absolute links in the pages' structured data); ``feeds``: the site publishes feeds
    (generator/feeds.py), so show and person pages link theirs."""
    from . import episode, home, people, search, shows, timeline

    templates = Templates(custom_dir, language, site_url, feeds=feeds)
    yield home.render(archive, templates, site_name)
    yield from shows.render(archive, templates)
    sequence = shows.sequence(archive)
    for ep in archive.episodes:
        yield from episode.render(archive, ep, templates, sequence[ep.url])
        for translation in archive.translations.get(ep.key, ()):
            yield from episode.render(archive, translation, templates)
    yield from people.render(archive, templates)
    yield timeline.render(archive, templates)
    yield search.render(archive, templates)
