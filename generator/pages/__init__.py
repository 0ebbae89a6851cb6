"""Every page of the site as a value (:mod:`generator.pages.page`), rendered from the archive
by our templates (:mod:`generator.pages.templates`), no engine involved."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Archive
from .listing import Listing
from .page import Asset, Download, Item, Page
from .templates import Templates

__all__ = ["Asset", "Download", "Item", "Only", "Page", "Templates", "render"]


@dataclass(frozen=True)
class Only:
    """The episodes (by URL) and people (by id) whose pages :func:`render` renders."""

    episodes: frozenset[str]
    people: frozenset[str]


def render(archive: Archive, site_name: str = "On Record", *, custom_dir: Path | str | None = None,
           language: str | None = None, site_url: str | None = None, feeds: bool = False,
           search: bool = True, external_search: str | None = None, data: bool = False,
           only: Only | None = None) -> Iterator[Item]:
    """Every generated page and download of the site; ``custom_dir`` holds the site's template
    overrides, ``language`` is Material's ``theme.language`` (English when ``None``), ``site_url``
    mkdocs.yml's (absolute links in the pages' structured data); ``feeds``: the site publishes feeds
    (generator/feeds.py), so show and person pages link theirs; ``search`` says the site has a search
    page (the home page's box goes there), ``external_search`` is the plugin's option of that name
    (where the box goes without JavaScript); ``data``: the site publishes the data files
    (generator/data.py), so the home page links them; ``only``: render only the pages of these
    episodes and people (a build after a change that shows nowhere else: generator/incremental.py)."""
    from . import episode, home, people, shows, tags, timeline
    from . import search as search_page

    templates = Templates(custom_dir, language, site_url, feeds=feeds)
    listing = Listing.of(archive)  # every episode's speakers and tags, for the lists of episodes
    if only is None:
        yield home.render(archive, templates, site_name, listing, search=search,
                          external=search_page.external(external_search), data=data)
        yield from shows.render(archive, templates, listing)
    sequence = shows.sequence(archive)
    for ep in archive.episodes:
        if only is not None and ep.url not in only.episodes:
            continue
        yield from episode.render(archive, ep, templates, sequence[ep.url], listing, site_name)
        for translation in archive.translations.get(ep.key, ()):
            yield from episode.render(archive, translation, templates, listing=listing, site_name=site_name)
    yield from people.render(archive, templates, None if only is None else only.people)
    if only is None:
        yield timeline.render(archive, templates)
        yield from tags.render(archive, templates, listing)
        yield search_page.render(archive, templates)
