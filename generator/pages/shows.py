"""The shows index and one page per show, episodes grouped by year (``onrecord/shows.html``,
``onrecord/show.html``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import groupby

from ..model import Archive, Episode, Person, Show
from . import markup, structured
from .listing import Listing
from .markup import years
from .page import Heading, Page
from .templates import Templates


def render(archive: Archive, templates: Templates, listing: Listing | None = None) -> Iterator[Page]:
    listing = listing or Listing.of(archive)
    yield index(archive, templates)
    for show in archive.shows.values():
        yield show_page(archive, show, templates, listing)


def episodes_of(archive: Archive, show: Show) -> list[Episode]:
    return [e for e in archive.episodes if e.show == show.id]


def sequence(archive: Archive) -> dict[str, tuple[Episode | None, Episode | None]]:
    """Each episode's previous (older) and next (newer) episode of its show, by its URL: the show
    page's order read upwards (undated episodes sort as the oldest). Translations are versions of
    an episode, not episodes (languages.py), so they are not in :attr:`Archive.episodes` nor here."""
    by_show: dict[str, list[Episode]] = {}
    for episode in archive.episodes:  # newest first
        by_show.setdefault(episode.show, []).append(episode)
    out: dict[str, tuple[Episode | None, Episode | None]] = {}
    for eps in by_show.values():
        for i, episode in enumerate(eps):
            out[episode.url] = (eps[i + 1] if i + 1 < len(eps) else None, eps[i - 1] if i else None)
    return out


def index(archive: Archive, templates: Templates) -> Page:
    shows = []
    for show in sorted(archive.shows.values(), key=lambda s: s.title.casefold()):
        eps = episodes_of(archive, show)
        shows.append((show, len(eps), years(e.date for e in eps)))
    m = templates.messages
    description = m.gettext("The shows in the archive: %(shows)s.", shows=m.list([show.title for show, _, _ in shows]))
    return Page("shows/index.md", m.gettext("Shows"), templates.render("shows.html", "shows/", shows=shows),
                {"description": description})


def show_page(archive: Archive, show: Show, templates: Templates, listing: Listing) -> Page:
    """Its hosts and guests, and every episode with its speakers and tags, by year."""
    url = f"shows/{show.id}/"
    people, grouped = guests(archive, show), by_year(episodes_of(archive, show))
    body = templates.render("show.html", url, archive=archive, listing=listing, show=show, guests=people, years=grouped)
    body += markup.json_ld(structured.series(archive, show, structured.Links(templates.site_url, url)))
    meta: dict[str, object] = {"description": show.description or show.title}
    if show.image:
        meta["onrecord_image"] = show.image
    if templates.feeds:
        meta["onrecord_feed"] = show.title
    return Page(f"{url}index.md", show.title, body, meta, toc(bool(people), grouped, templates.messages.gettext))


def toc(guests: bool, years: list[tuple[int | None, list[Episode]]], gettext: Callable[[str], str]) -> tuple[Heading, ...]:
    """The show page's headings, as show.html and partials/episodes-by-year.html write them: a
    long-running show is many screens of episodes, and the years are the way through them."""
    heads: list[Heading] = [(2, "guests", gettext("Guests"))] if guests else []
    heads += [(2, f"y{year}", str(year)) if year else (2, "undated", gettext("Undated")) for year, _ in years]
    return tuple(heads)


def guests(archive: Archive, show: Show) -> list[tuple[Person, int]]:
    """Everyone but the hosts who speaks on the show, by number of episodes."""
    counts: Counter[str] = Counter()
    for episode in episodes_of(archive, show):
        counts.update({t.person for t in episode.turns if t.person and t.person not in show.hosts})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], archive.people[item[0]].name.casefold()))
    return [(archive.people[pid], n) for pid, n in ranked]


def by_year(episodes: list[Episode]) -> list[tuple[int | None, list[Episode]]]:
    """Episodes grouped by year, newest first; undated ones last (year ``None``)."""
    return [(year, list(group)) for year, group in groupby(episodes, key=lambda e: e.date.year if e.date else None)]
