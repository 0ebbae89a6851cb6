"""The speakers index (by name, and by appearances) and one page per person
(``onrecord/speakers.html``, ``onrecord/person.html``).

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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from .. import quotes
from ..i18n import Messages
from ..model import Appearance, Archive, Person
from ..stats import PersonStats, person_stats
from . import charts, markup, structured
from .markup import years
from .page import Asset, Heading, Page
from .templates import Templates, href

FULL, BRIEF = 30, 170
SHOWN_WITH = 15


@dataclass(frozen=True)
class Row:
    """A person in the speakers index."""

    person: Person
    appearances: int
    years: str
    spark: charts.Spark | None


@dataclass(frozen=True)
class Said:
    """A quote on a person page: its excerpt, its turn's anchor, and when the turn starts
    (seconds, ``None`` untimed), so the link can name the moment ("04:20 in Marine Heatwaves")."""

    text: str
    anchor: str
    start: float | None


@dataclass(frozen=True)
class Listed:
    """One appearance on a person page: ``anchor`` is the month's anchor on its first appearance
    (the chart's bars link there), ``quotes`` what they said."""

    appearance: Appearance
    anchor: str
    quotes: list[Said]


@dataclass(frozen=True)
class PersonView:
    person: Person
    stats: PersonStats | None
    chart: charts.Chart | None
    appears_with: list[tuple[Person, int]]
    more_with: int
    years: list[tuple[int | None, list[Listed]]]
    search: str  # the search page's URL for their words, "" when they never spoke


def render(archive: Archive, templates: Templates, only: frozenset[str] | None = None) -> Iterator[Page | Asset]:
    """The speakers' indexes and every person's page, or only the pages of the people in ``only``."""
    people = listed(archive)
    if only is None:
        yield index(archive, people, templates, by_count=False)
        yield index(archive, people, templates, by_count=True)
    for person in people:
        if only is not None and person.id not in only:
            continue
        yield person_page(archive, person, templates)
        if person.image_file:
            yield Asset(f"speakers/{person.id}/{person.image}", person.image_file)


def listed(archive: Archive) -> list[Person]:
    """Everyone with a page: everyone who speaks (or whom an episode credits), and the shows'
    hosts. Someone speakers.yml (or a roster) declares who speaks nowhere has no page."""
    hosts = {h for show in archive.shows.values() for h in show.hosts}
    people = (p for p in archive.people.values() if archive.appearances.get(p.id) or p.id in hosts)
    return sorted(people, key=lambda p: p.name.casefold())


def index(archive: Archive, people: list[Person], templates: Templates, by_count: bool) -> Page:
    url = "speakers/by-appearances/" if by_count else "speakers/"
    dates = [e.date for e in archive.episodes if e.date]
    span = (min(dates), max(dates)) if dates else None
    if by_count:
        people = sorted(people, key=lambda p: (-len(archive.appearances.get(p.id, ())), p.name.casefold()))
    rows = [row(archive, p, span) for p in people]
    groups = [] if by_count else [(letter, list(group)) for letter, group in groupby(rows, key=_initial)]
    body = templates.render("speakers.html", url, by_count=by_count, rows=rows, letters=groups)
    gettext = templates.messages.gettext
    title = gettext("Speakers by appearances") if by_count else gettext("Speakers")
    description = gettext("Everyone who speaks in the archive: %(num)s people.", num=templates.messages.number(len(people)))
    return Page(f"{url}index.md", title, body, {"description": description},
                toc=tuple((2, f"letter-{letter}", letter) for letter, _ in groups))


def _initial(row: Row) -> str:
    return row.person.name[:1].upper()


def row(archive: Archive, person: Person, span: tuple[dt.date, dt.date] | None) -> Row:
    apps = archive.appearances.get(person.id, ())
    dated = [a.episode.date for a in apps if a.episode.date]
    spark = charts.sparkline(charts.bars(dated, span, by_month=False)) if dated else None
    return Row(person, len(apps), years(dated), spark)


def person_page(archive: Archive, person: Person, templates: Templates) -> Page:
    url = f"speakers/{person.id}/"
    view = person_view(archive, person)
    data = structured.person(archive, person, structured.Links(templates.site_url, url))
    body = templates.render("person.html", url, archive=archive, view=view) + markup.json_ld(data)
    gettext = templates.messages.gettext
    meta: dict[str, object] = {
        "description": describe(archive, person, templates.messages),
        "onrecord_og_type": "profile", **({"onrecord_image": person.image} if person.image else {}),
    }
    if templates.feeds and view.stats:  # someone who appears nowhere has no feed (generator/feeds.py)
        meta["onrecord_feed"] = gettext("New appearances of %(name)s", name=person.name)
    return Page(f"{url}index.md", person.name, body, meta, toc(view, gettext))


def describe(archive: Archive, person: Person, m: Messages) -> str:
    """The page's description for search results and shared links: who they are, and how often
    and when they speak in the archive ("City councillor. 4 appearances, 2021–2024.")."""
    apps = archive.appearances.get(person.id, ())
    said = [person.role.rstrip(".") + "."] if person.role else []
    if apps:
        span = years(a.episode.date for a in apps)
        count = m.ngettext("%(num)s appearance", "%(num)s appearances", len(apps), num=m.number(len(apps)))
        said.append(m.gettext("%(appearances)s, %(years)s.", appearances=count, years=span) if span else f"{count}.")
    return " ".join(said) or m.gettext("%(name)s in the archive", name=person.name)


def toc(view: PersonView, gettext: Callable[[str], str]) -> tuple[Heading, ...]:
    """The person page's headings, as person.html writes them, with the years of their
    appearances under Appearances: someone on the record for decades has a long page."""
    if not view.stats:
        return ()
    heads: list[Heading] = [(2, "numbers", gettext("In the archive")), (2, "over-time", gettext("Appearances Over Time"))]
    if view.appears_with:
        heads.append((2, "appears-with", gettext("Appears with")))
    if view.stats.labels:
        heads.append((2, "also-transcribed-as", gettext("Also transcribed as")))
    heads.append((2, "appearances", gettext("Appearances")))
    return (*heads, *((3, f"y{year}", str(year)) if year else (3, "undated", gettext("Undated")) for year, _ in view.years))


def person_view(archive: Archive, person: Person) -> PersonView:
    apps = archive.appearances.get(person.id, ())
    if not apps:
        return PersonView(person, None, None, [], 0, [], "")
    stats = person_stats(archive, person.id)
    ranked = sorted(stats.with_.items(), key=lambda item: (-item[1], archive.people[item[0]].name.casefold()))
    data = charts.bars(a.episode.date for a in apps if a.episode.date)
    chart = charts.chart(data, "appearance", lambda b: period_anchor(b.period))
    search = href(f"speakers/{person.id}/", "search/") + "?" + urlencode({"speaker": person.name, "sort": "date"})
    search = search if stats.words else ""  # talk time only (who spoke when, generator/readers/rttm.py): no words to find
    return PersonView(person, stats, chart, [(archive.people[pid], n) for pid, n in ranked[:SHOWN_WITH]],
                      max(len(ranked) - SHOWN_WITH, 0), appearances(apps), search)


def period_anchor(period: str) -> str:
    return f"#a{period}" if "-" in period else f"#y{period}"


def said(app: Appearance, count: int, stock: frozenset[str]) -> list[Said]:
    """Up to ``count`` quotes from ``app``; one whose excerpt would end inside a quotation is dropped."""
    picked = quotes.pick(app.turns, count, stock) if count else []
    excerpts = [(quotes.excerpt(q.text), q) for q in picked]
    return [Said(text, q.turn.anchor, q.turn.turn.start) for text, q in excerpts if text]


def appearances(apps: tuple[Appearance, ...]) -> list[tuple[int | None, list[Listed]]]:
    """Appearances by year, newest first, each with its month anchor and quotes."""
    dated = [a.episode.date for a in apps if a.episode.date]
    by_month = bool(dated) and charts.monthly(dated[-1], dated[0])
    stock = quotes.recurring([a.turns for a in apps[: FULL + BRIEF]])
    out: list[tuple[int | None, list[Listed]]] = []
    seen: set[str] = set()
    for position, app in enumerate(apps):
        date = app.episode.date
        if not out or out[-1][0] != (date.year if date else None):
            out.append((date.year if date else None, []))
        month = f"a{date.year}-{date.month:02d}" if date else ""
        anchor = month if by_month and month and month not in seen else ""
        seen.add(month)
        count = 3 if position < FULL else 1 if position < FULL + BRIEF else 0
        out[-1][1].append(Listed(app, anchor, said(app, count, stock)))
    return out
