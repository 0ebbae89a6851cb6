"""The archive timeline: every episode by year and month (``onrecord/timeline.html``)."""

from __future__ import annotations

from itertools import groupby

from ..i18n import Messages
from ..model import Archive, Episode
from . import charts, markup
from .page import Heading, Page
from .templates import Templates

Months = list[tuple[int, list[Episode]]]


def render(archive: Archive, templates: Templates) -> Page:
    dated = [e for e in archive.episodes if e.date]
    data = charts.bars((e.date for e in dated if e.date), by_month=True)  # the list below is by month too
    chart = charts.chart(data, "episode", lambda b: f"#m{b.period}" if "-" in b.period else f"#y{b.period}")
    years: list[tuple[int, Months]] = []
    for year, by_year in groupby(dated, key=lambda e: e.date.year if e.date else 0):
        months = [(month, list(group)) for month, group in groupby(by_year, key=lambda e: e.date.month if e.date else 0)]
        years.append((year, months))
    body = templates.render("timeline.html", "timeline/", archive=archive, dated=len(dated),
                            undated=len(archive.episodes) - len(dated), chart=chart, years=years)
    m = templates.messages
    span = markup.years(e.date for e in dated)
    description = m.ngettext("%(num)s episode by date", "%(num)s episodes by date", len(dated), num=m.number(len(dated)))
    return Page("timeline/index.md", m.gettext("Timeline"), body,
                {"description": f"{description}, {span}." if span else f"{description}."}, toc=toc(years, m))


def toc(years: list[tuple[int, Months]], messages: Messages) -> tuple[Heading, ...]:
    """Years and their months, as timeline.html heads them: the way through a long archive."""
    heads: list[Heading] = []
    for year, months in years:
        heads.append((2, f"y{year}", str(year)))
        heads += [(3, f"m{year}-{month:02d}", messages.month_year(year, month)) for month, _ in months]
    return tuple(heads)
