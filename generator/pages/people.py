"""The speakers index (by name, and by appearances) and one page per person.

A person page shows who they are, their numbers (generator/stats.py), Appearances Over Time
(pages/charts.py), who they appear with, the labels transcripts used for them, and every
appearance newest first, grouped by year, with quotes linking to the moment (generator/quotes.py).

Scale: someone with 1,000 appearances still gets one light page. Quotes are chosen for the
newest :data:`FULL` appearances (up to three each) and one each for the next :data:`BRIEF`;
older appearances are listed with episode, show and date only, their words one click away on
the episode page. Everything is linear in the person's turns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby
from urllib.parse import urlencode

from .. import quotes
from ..model import Appearance, Archive, Person
from ..stats import PersonStats, person_stats
from . import charts
from .markup import duration, esc, href, long_date, markdown_text, plural, time_tag, years
from .page import Asset, Page, PageBuilder

FULL, BRIEF = 30, 170
SHOWN_WITH = 15


def render(archive: Archive) -> Iterator[Page | Asset]:
    people = listed(archive)
    yield index(archive, people, by_count=False)
    yield index(archive, people, by_count=True)
    for person in people:
        yield person_page(archive, person)
        if person.image_file:
            yield Asset(f"speakers/{person.id}/{person.image}", person.image_file)


def listed(archive: Archive) -> list[Person]:
    """Everyone with a page: declared in speakers.yml, or named in a transcript."""
    people = (p for p in archive.people.values() if archive.appearances.get(p.id) or p.declared)
    return sorted(people, key=lambda p: p.name.casefold())


def index(archive: Archive, people: list[Person], by_count: bool) -> Page:
    url = "speakers/by-appearances/" if by_count else "speakers/"
    page = PageBuilder(url)
    dates = [e.date for e in archive.episodes if e.date]
    span = (min(dates), max(dates)) if dates else None
    other = (f'<a href="{href(url, "speakers/")}">by name</a>' if by_count
             else f'<a href="{href(url, "speakers/by-appearances/")}">by number of appearances</a>')
    parts = ["<h1>Speakers</h1>", f"<p>{esc(plural(len(people), 'person', 'people'))} in the archive. "
             f"Also listed {other}.</p>"]
    if by_count:
        ranked = sorted(people, key=lambda p: (-len(archive.appearances.get(p.id, ())), p.name.casefold()))
        parts.append(f'<ol class="onr-people">{"".join(row(archive, url, p, span) for p in ranked)}</ol>')
    else:
        for letter, group in groupby(people, key=lambda p: p.name[:1].upper()):
            parts.append(f'<h2 id="letter-{esc(letter)}">{esc(letter)}</h2>\n'
                         f'<ul class="onr-people">{"".join(row(archive, url, p, span) for p in group)}</ul>')
    page.html("\n".join(parts))
    return page.page("Speakers by appearances" if by_count else "Speakers")


def row(archive: Archive, url: str, person: Person, span: tuple[dt.date, dt.date] | None) -> str:
    apps = archive.appearances.get(person.id, ())
    dated = [a.episode.date for a in apps if a.episode.date]
    span_text = years(dated)
    years_text = f" · {span_text}" if span_text else ""
    spark = charts.sparkline(charts.bars(dated, span, by_month=False), "appearance") if dated else ""
    return (f'<li><a href="{href(url, f"speakers/{person.id}/")}">{esc(person.name)}</a> '
            f'<span class="onr-count">{esc(plural(len(apps), "appearance"))}{years_text}</span> {spark}</li>')


def person_page(archive: Archive, person: Person) -> Page:
    url = f"speakers/{person.id}/"
    page = PageBuilder(url)
    apps = archive.appearances.get(person.id, ())
    stats = person_stats(archive, person.id)
    page.html(head(url, person, bool(apps)))
    if apps:
        page.html(numbers(archive, url, stats))
        page.html(over_time(url, person, apps))
        page.html(appears_with(archive, url, stats) + also_as(stats))
        page.html(appearances(archive, url, apps))
    return page.page(person.name, description=person.role or f"{person.name} in the archive")


def head(url: str, person: Person, appeared: bool) -> str:
    # Only who they are is indexed for search; their words are found on the episode pages.
    parts = ['<div class="onr-person-head" data-pagefind-body>']
    if person.image:
        parts.append(f'<img class="onr-portrait" src="{esc(person.image)}" alt="" width="128" height="128">')
    parts += [f"<h1>{esc(person.name)}</h1>",
              '<div hidden data-pagefind-ignore><span data-pagefind-filter="type">Person</span></div>']
    if person.role:
        parts.append(f'<p class="onr-role">{esc(person.role)}</p>')
    if person.bio:
        parts.append(f'<div class="onr-bio">{markdown_text(person.bio)}</div>')
    parts.append("</div>")
    links = [f'<li><a href="{esc(link.url)}" rel="nofollow">{esc(link.label)}</a></li>' for link in person.links]
    if appeared:
        search = href(url, "search/") + "?" + urlencode({"speaker": person.name})
        links.append(f'<li><a href="{esc(search)}">Search this person’s words</a></li>')
    if links:
        parts.append(f'<ul class="onr-links">{"".join(links)}</ul>')
    return "\n".join(parts)


def numbers(archive: Archive, url: str, stats: PersonStats) -> str:
    shows = ", ".join(f'<a href="{href(url, f"shows/{sid}/")}">{esc(archive.shows[sid].title)}</a> ({n})'
                      for sid, n in stats.shows.most_common())
    rows = [("Appearances", f"{stats.appearances:,}"), ("Shows", shows)]
    for name, episode in (("First appearance", stats.first), ("Latest appearance", stats.last)):
        if episode and episode.date:
            rows.append((name, f'<a href="{href(url, episode.url)}">{esc(long_date(episode.date))}</a>'))
    rows.append(("Words spoken", f"{stats.words:,}"))
    if stats.seconds is not None:
        partial = "" if stats.timed == stats.appearances else f" (in {stats.timed} of {stats.appearances} appearances)"
        rows.append(("Talk time", esc(duration(stats.seconds)) + partial))
    if stats.share is not None:
        rows.append(("Share of the conversation", f"{stats.share:.0%} of the words spoken in their episodes"))
    items = "".join(f'<div><dt>{name}</dt><dd>{value}</dd></div>' for name, value in rows)
    return f'<h2 id="numbers">In the archive</h2>\n<dl class="onr-stats">{items}</dl>'


def period_anchor(period: str) -> str:
    return f"#a{period}" if "-" in period else f"#y{period}"


def over_time(url: str, person: Person, apps: tuple[Appearance, ...]) -> str:
    data = charts.bars(a.episode.date for a in apps if a.episode.date)
    chart = charts.chart(data, "appearance", lambda b: period_anchor(b.period),
                         f"Appearances by {person.name} over time")
    return f'<h2 id="over-time">Appearances Over Time</h2>\n{chart}'


def appears_with(archive: Archive, url: str, stats: PersonStats) -> str:
    if not stats.with_:
        return ""
    ranked = sorted(stats.with_.items(), key=lambda item: (-item[1], archive.people[item[0]].name.casefold()))
    items = "".join(f'<li><a href="{href(url, f"speakers/{pid}/")}">{esc(archive.people[pid].name)}</a> '
                    f'<span class="onr-count">{esc(plural(n, "episode"))}</span></li>' for pid, n in ranked[:SHOWN_WITH])
    more = f"<p>and {len(ranked) - SHOWN_WITH} more.</p>" if len(ranked) > SHOWN_WITH else ""
    return f'<h2 id="appears-with">Appears with</h2>\n<ul class="onr-with">{items}</ul>{more}\n'


def also_as(stats: PersonStats) -> str:
    if not stats.labels:
        return ""
    labels = ", ".join(f"<q>{esc(label)}</q>" for label in stats.labels)
    return f'<h2 id="also-transcribed-as">Also transcribed as</h2>\n<p class="onr-labels">{labels}</p>'


def appearances(archive: Archive, url: str, apps: tuple[Appearance, ...]) -> str:
    dated = [a.episode.date for a in apps if a.episode.date]
    by_month = bool(dated) and charts.monthly(dated[-1], dated[0])
    stock = quotes.recurring([a.turns for a in apps[: FULL + BRIEF]])
    parts = ['<h2 id="appearances">Appearances</h2>']
    seen: set[str] = set()
    position = 0
    for year, group in groupby(apps, key=lambda a: a.episode.date.year if a.episode.date else None):
        parts.append(f'<h3 id="y{year}">{year}</h3>' if year else '<h3 id="undated">Undated</h3>')
        parts.append('<ul class="onr-appearances">')
        for app in group:
            month = f"a{year}-{app.episode.date.month:02d}" if app.episode.date else ""
            anchor = f' id="{month}"' if by_month and month and month not in seen else ""
            seen.add(month)
            count = 3 if position < FULL else 1 if position < FULL + BRIEF else 0
            parts.append(appearance(archive, url, app, anchor, count, stock))
            position += 1
        parts.append("</ul>")
    return "\n".join(parts)


def appearance(archive: Archive, url: str, app: Appearance, anchor: str, count: int, stock: frozenset[str]) -> str:
    episode = app.episode
    show = archive.shows[episode.show]
    items = "".join(
        f'<blockquote class="onr-quote"><p>{esc(quotes.excerpt(q.text))}</p>'
        f'<a href="{href(url, f"{episode.url}#{q.turn.anchor}")}">Go to this moment</a></blockquote>'
        for q in (quotes.pick(app.turns, count, stock) if count else ())
    )
    return (
        f'<li class="onr-appearance"{anchor}><a href="{href(url, episode.url)}">{esc(episode.title)}</a>'
        f' · <a href="{href(url, f"shows/{show.id}/")}">{esc(show.title)}</a> · {time_tag(episode.date)}'
        f'{"" if app.turns else " · credited in the episode’s speaker list"}{items}</li>'
    )
