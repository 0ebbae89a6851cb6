"""The home page: what the archive holds and the latest episodes."""

from __future__ import annotations

from ..model import Archive
from .markup import esc, href, plural, time_tag
from .page import Page, PageBuilder

LATEST = 10


def render(archive: Archive, title: str = "On Record") -> Page:
    page = PageBuilder("")
    episodes = archive.episodes
    hours = sum(e.length or 0 for e in episodes) / 3600
    facts = [plural(len(episodes), "episode"), plural(len(archive.shows), "show"),
             plural(len(archive.appearances), "speaker")]
    if hours >= 1:
        facts.append(f"{hours:,.0f} hours")
    dated = [e.date for e in episodes if e.date]
    span = f" from {dated[-1].year} to {dated[0].year}" if dated else ""
    latest = "".join(
        f'<li><a href="{href("", e.url)}">{esc(e.title)}</a> · '
        f'<a href="{href("", f"shows/{e.show}/")}">{esc(archive.shows[e.show].title)}</a> · {time_tag(e.date)}</li>'
        for e in episodes[:LATEST]
    )
    page.html(
        f"<h1>{esc(title)}</h1>\n"
        f'<p class="onr-lead">{esc(", ".join(facts))}{esc(span)}.</p>\n'
        f'<p><a href="shows/">Shows</a> · <a href="speakers/">Speakers</a> · <a href="timeline/">Timeline</a></p>\n'
        f'<h2 id="latest">Latest episodes</h2>\n<ul class="onr-episodes">{latest}</ul>'
    )
    return page.page(title)
