"""The archive timeline: every episode by year and month."""

from __future__ import annotations

from itertools import groupby

from ..model import Archive
from . import charts
from .markup import MONTHS, esc, href, plural, time_tag
from .page import Page, PageBuilder


def render(archive: Archive) -> Page:
    page = PageBuilder("timeline/")
    dated = [(e, e.date) for e in archive.episodes if e.date]
    undated = len(archive.episodes) - len(dated)
    note = f" {plural(undated, 'episode')} with no date {'is' if undated == 1 else 'are'} listed on their shows' pages." \
        if undated else ""
    parts = ["<h1>Timeline</h1>", f"<p>{esc(plural(len(dated), 'episode'))}.{esc(note)}</p>"]
    data = charts.bars((date for _, date in dated), by_month=True)  # the list below is by month too
    parts.append(charts.chart(data, "episode", lambda b: f"#m{b.period}" if "-" in b.period else f"#y{b.period}",
                              "Episodes over time"))
    for year, by_year in groupby(dated, key=lambda pair: pair[1].year):
        parts.append(f'<h2 id="y{year}">{year}</h2>')
        for month, pairs in groupby(by_year, key=lambda pair: pair[1].month):
            group = [e for e, _ in pairs]
            items = "".join(
                f'<li><a href="{href(page.url, e.url)}">{esc(e.title)}</a> · '
                f'{esc(archive.shows[e.show].title)} · {time_tag(e.date)}</li>'
                for e in group
            )
            parts.append(f'<h3 id="m{year}-{month:02d}">{MONTHS[month - 1]} {year}</h3>\n'
                         f'<ul class="onr-episodes">{items}</ul>')
    page.html("\n".join(parts))
    return page.page("Timeline")
