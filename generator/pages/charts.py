"""Bar charts as inline SVG: Appearances Over Time, episodes per month, speaker sparklines.

One bar per month, or per year when the span is longer than :data:`MONTHLY_LIMIT` months (a
bar chart of 200 monthly bars is unreadable; yearly bars keep ten years legible). Empty periods
are drawn as flat ticks so gaps show. Every bar carries ``data-period``, ``data-count`` and a
``<title>`` ("March 2021: 14 appearances"), so screen readers and tools can read it; bars with a
count link to that period's anchor on the same page; a table with the same numbers follows.
Colours come from Material's CSS variables (see people.css), so the chart follows light and dark.

This module computes the bars; ``partials/chart.html`` and ``partials/sparkline.html`` draw them,
with every word in the site's language.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

MONTHLY_LIMIT = 48


@dataclass(frozen=True)
class Bar:
    period: str  # "2021-03" or "2021"
    year: int
    month: int | None  # None for a yearly bar
    count: int


def monthly(first: dt.date, last: dt.date) -> bool:
    return (last.year - first.year) * 12 + last.month - first.month < MONTHLY_LIMIT


def bars(dates: Iterable[dt.date], span: tuple[dt.date, dt.date] | None = None, by_month: bool | None = None) -> list[Bar]:
    """Counts per period from ``span[0]`` to ``span[1]`` (default: the dates' own span), empty periods included."""
    dates = list(dates)
    if not dates and span is None:
        return []
    first, last = span or (min(dates), max(dates))
    if by_month is None:
        by_month = monthly(first, last)
    if by_month:
        counts = Counter(f"{d.year}-{d.month:02d}" for d in dates)
        out = []
        for n in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
            year, month = divmod(n, 12)
            key = f"{year}-{month + 1:02d}"
            out.append(Bar(key, year, month + 1, counts[key]))
        return out
    years = Counter(d.year for d in dates)
    return [Bar(str(y), y, None, years[y]) for y in range(first.year, last.year + 1)]


@dataclass(frozen=True)
class Column:
    """A bar as drawn: its place and height in a chart ``60`` high, ``10`` per bar."""

    bar: Bar
    x: int
    y: float
    height: float


@dataclass(frozen=True)
class Chart:
    """A bar chart's values for ``partials/chart.html``: columns, the busiest count, what it counts
    (``kind``: ``appearance`` or ``episode``) and where each bar with a count links."""

    columns: list[Column]
    top: int
    kind: str
    links: dict[str, str]  # period -> the anchor a bar with a count links to

    @property
    def by_month(self) -> bool:
        return self.columns[0].bar.month is not None


def chart(data: list[Bar], kind: str, link: Callable[[Bar], str]) -> Chart | None:
    """The SVG bar chart's values (bars with a count link to ``link(bar)``), ``None`` without data."""
    if not data:
        return None
    top = max(b.count for b in data) or 1
    columns = []
    for i, bar in enumerate(data):
        height = max(bar.count / top * 56, 1.5) if bar.count else 0.8
        columns.append(Column(bar, i * 10 + 1, 60 - height, height))
    return Chart(columns, top, kind, {b.period: link(b) for b in data if b.count})


@dataclass(frozen=True)
class Spark:
    """A sparkline's values for ``partials/sparkline.html``: ``(x, y, height, empty)`` per bar,
    and for its summary the total, the first, last and busiest bars."""

    rects: list[tuple[int, float, float, bool]]
    total: int
    first: Bar
    last: Bar
    busiest: Bar


def sparkline(data: list[Bar]) -> Spark | None:
    """A small chart for lists: no links, one accessible summary."""
    if not data:
        return None
    top = max(b.count for b in data) or 1
    rects = []
    for i, b in enumerate(data):
        height = b.count / top * 15 if b.count else 0.6
        rects.append((i * 4, 16 - height, height, not b.count))
    return Spark(rects, sum(b.count for b in data), data[0], data[-1], max(data, key=lambda b: b.count))
