"""The archive timeline: every episode by year and month."""

from __future__ import annotations

from itertools import groupby

from ..model import Archive
from . import Page, PageBuilder, charts
from .markup import MONTHS, esc, href, plural, time_tag


def render(archive: Archive) -> Page:
    page = PageBuilder("timeline/")
    parts = ["<h1>Timeline</h1>", f"<p>{esc(plural(len(archive.episodes), 'episode'))}.</p>"]
    data = charts.bars((e.date for e in archive.episodes), by_month=True)  # the list below is by month too
    parts.append(charts.chart(data, "episode", lambda b: f"#m{b.period}" if "-" in b.period else f"#y{b.period}",
                              "Episodes over time"))
    for year, by_year in groupby(archive.episodes, key=lambda e: e.date.year):
        parts.append(f'<h2 id="y{year}">{year}</h2>')
        for month, group in groupby(by_year, key=lambda e: e.date.month):
            items = "".join(
                f'<li><a href="{href(page.url, e.uri)}">{esc(e.title)}</a> · '
                f'{esc(archive.shows[e.show].title)} · {time_tag(e.date)}</li>'
                for e in group
            )
            parts.append(f'<h3 id="m{year}-{month:02d}">{MONTHS[month - 1]} {year}</h3>\n'
                         f'<ul class="onr-episodes">{items}</ul>')
    page.html("\n".join(parts))
    return page.page("Timeline")
