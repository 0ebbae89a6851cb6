"""The shows index and one page per show, episodes grouped by year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby

from ..model import Archive, Episode, Show
from .markup import esc, href, markdown_text, plural, time_tag, years
from .page import Page, PageBuilder


def render(archive: Archive) -> Iterator[Page]:
    yield index(archive)
    for show in archive.shows.values():
        yield show_page(archive, show)


def episodes_of(archive: Archive, show: Show) -> list[Episode]:
    return [e for e in archive.episodes if e.show == show.id]


def index(archive: Archive) -> Page:
    page = PageBuilder("shows/")
    items = []
    for show in sorted(archive.shows.values(), key=lambda s: s.title.casefold()):
        eps = episodes_of(archive, show)
        span = years(e.date for e in eps)
        span = f", {span}" if span else ""
        items.append(
            f'<li><a href="{href(page.url, f"shows/{show.id}/")}">{esc(show.title)}</a> '
            f'<span class="onr-count">{esc(plural(len(eps), "episode"))}{span}</span></li>'
        )
    page.html(f'<h1>Shows</h1>\n<ul class="onr-shows">{"".join(items)}</ul>')
    return page.page("Shows")


def show_page(archive: Archive, show: Show) -> Page:
    url = f"shows/{show.id}/"
    page = PageBuilder(url)
    parts = [f"<h1>{esc(show.title)}</h1>"]
    if show.description:
        parts.append(f'<div class="onr-description">{markdown_text(show.description)}</div>')
    if show.url:
        parts.append(f'<p><a href="{esc(show.url)}" rel="nofollow">{esc(show.url)}</a></p>')
    if show.hosts:
        hosts = ", ".join(
            f'<a href="{href(url, f"speakers/{h}/")}">{esc(archive.people[h].name)}</a>' for h in show.hosts
        )
        parts.append(f"<p>Hosted by {hosts}.</p>")
    parts.append(guests(archive, url, show))
    parts.append(episode_list(url, episodes_of(archive, show)))
    page.html("\n".join(parts))
    return page.page(show.title, description=show.description or show.title)


def guests(archive: Archive, url: str, show: Show) -> str:
    """Everyone but the hosts who speaks on the show, by number of episodes."""
    counts: Counter[str] = Counter()
    for episode in episodes_of(archive, show):
        counts.update({t.person for t in episode.turns if t.person and t.person not in show.hosts})
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], archive.people[item[0]].name.casefold()))
    items = "".join(f'<li><a href="{href(url, f"speakers/{pid}/")}">{esc(archive.people[pid].name)}</a> '
                    f'<span class="onr-count">{esc(plural(n, "episode"))}</span></li>' for pid, n in ranked)
    return f'<h2 id="guests">Guests</h2>\n<ul class="onr-with">{items}</ul>'


def episode_list(url: str, episodes: Iterable[Episode], heading: str = "h2") -> str:
    """Episodes grouped by year, newest first; undated ones last, under "Undated"."""
    parts = []
    for year, group in groupby(episodes, key=lambda e: e.date.year if e.date else None):
        items = "".join(
            f'<li><a href="{href(url, e.url)}">{esc(e.title)}</a> · {time_tag(e.date)}</li>' for e in group
        )
        anchor, title = (f"y{year}", year) if year else ("undated", "Undated")
        parts.append(f'<{heading} id="{anchor}">{title}</{heading}>\n<ul class="onr-episodes">{items}</ul>')
    return "\n".join(parts)
