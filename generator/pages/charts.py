"""Bar charts as inline SVG: Appearances Over Time, episodes per month, speaker sparklines.

One bar per month, or per year when the span is longer than :data:`MONTHLY_LIMIT` months (a
bar chart of 200 monthly bars is unreadable; yearly bars keep ten years legible). Empty periods
are drawn as flat ticks so gaps show. Every bar carries ``data-period``, ``data-count`` and a
``<title>`` ("March 2021: 14 appearances"), so screen readers and tools can read it; bars with a
count link to that period's anchor on the same page; a table with the same numbers follows.
Colours come from Material's CSS variables (see people.css), so the chart follows light and dark.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .markup import MONTHS, esc, plural

MONTHLY_LIMIT = 48


@dataclass(frozen=True)
class Bar:
    period: str  # "2021-03" or "2021"
    label: str  # "March 2021" or "2021"
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
            out.append(Bar(key, f"{MONTHS[month]} {year}", counts[key]))
        return out
    years = Counter(str(d.year) for d in dates)
    return [Bar(str(y), str(y), years[str(y)]) for y in range(first.year, last.year + 1)]


def chart(data: list[Bar], noun: str, link: Callable[[Bar], str], label: str) -> str:
    """The SVG bar chart (bars with a count link to ``link(bar)``) and its table fallback."""
    if not data:
        return ""
    top = max(b.count for b in data) or 1
    width = 10
    rects = []
    for i, bar in enumerate(data):
        height = max(bar.count / top * 56, 1.5) if bar.count else 0.8
        title = f"{bar.label}: {plural(bar.count, noun)}" if bar.count else f"{bar.label}: no {noun}s"
        rect = (f'<rect class="{"onr-bar" if bar.count else "onr-bar onr-empty"}" x="{i * width + 1}" '
                f'y="{60 - height:.1f}" width="{width - 2}" height="{height:.1f}" data-period="{bar.period}" '
                f'data-count="{bar.count}"><title>{esc(title)}</title></rect>')
        rects.append(f'<a href="{esc(link(bar))}">{rect}</a>' if bar.count else rect)
    svg = (f'<svg class="onr-chart" viewBox="0 0 {len(data) * width} 60" preserveAspectRatio="none" role="group" '
           f'aria-label="{esc(label)}">{"".join(rects)}</svg>')
    axis = (f'<p class="onr-chart-axis"><span>{esc(data[0].label)}</span>'
            f'<span>most in one {"month" if "-" in data[0].period else "year"}: {top}</span>'
            f'<span>{esc(data[-1].label)}</span></p>')
    rows = "".join(f'<tr><th scope="row"><a href="{esc(link(b))}">{esc(b.label)}</a></th><td>{b.count}</td></tr>'
                   for b in data if b.count)
    unit = "month" if "-" in data[0].period else "year"
    table = (f'<details class="onr-chart-table"><summary>{esc(label)} as a table</summary>'
             f'<table><thead><tr><th scope="col">{unit.title()}</th><th scope="col">{esc(noun.title())}s</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></details>")
    return f'<figure class="onr-figure">{svg}{axis}</figure>\n{table}'


def sparkline(data: list[Bar], noun: str) -> str:
    """A small chart for lists: no links, one accessible summary."""
    if not data:
        return ""
    top = max(b.count for b in data) or 1
    parts = []
    for i, b in enumerate(data):
        height = b.count / top * 15 if b.count else 0.6
        empty = "" if b.count else ' class="onr-empty"'
        parts.append(f'<rect x="{i * 4}" y="{16 - height:.1f}" width="3" height="{height:.1f}"{empty}/>')
    rects = "".join(parts)
    busiest = max(data, key=lambda b: b.count)
    summary = f"{plural(sum(b.count for b in data), noun)}, {data[0].label}–{data[-1].label}; most in {busiest.label}"
    return (f'<svg class="onr-spark" viewBox="0 0 {len(data) * 4} 16" preserveAspectRatio="none" role="img" '
            f'aria-label="{esc(summary)}"><title>{esc(summary)}</title>{rects}</svg>')
