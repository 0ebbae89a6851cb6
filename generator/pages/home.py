"""The home page (``onrecord/home.html``): what the archive holds, a search box, the latest
episodes with who speaks in them, the people heard most often, and the archive's episodes over
time (the chart of the person pages and the timeline, :mod:`generator.pages.charts`)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Archive, Person
from . import charts
from .listing import Listing
from .page import Heading, Page
from .search import External
from .templates import Templates

LATEST = 10
#: The people the home page names, most appearances first.
PEOPLE = 12


def render(archive: Archive, templates: Templates, title: str = "On Record", listing: Listing | None = None, *,
           search: bool = True, external: External | None = None, data: bool = False) -> Page:
    """``search``: the site has a search page (the box goes there); ``external``: where the box
    goes without JavaScript (the plugin's ``external_search``); ``data``: the site publishes the
    data files (generator/data.py), which the page links at its foot."""
    episodes = archive.episodes
    hours = sum(e.length or 0 for e in episodes) / 3600
    hours = round(hours) if hours >= 1 else 0  # under an hour of audio is not worth saying
    dated = [e.date for e in episodes if e.date]
    span = (dated[-1].year, dated[0].year) if dated else None
    people = frequent(archive)
    chart = charts.chart(charts.bars(dated), "episode", timeline_anchor)
    body = templates.render("home.html", "", archive=archive, listing=listing or Listing.of(archive), title=title,
                            hours=hours, span=span, latest=episodes[:LATEST], people=people, chart=chart,
                            search=search, external=external, data=data)
    m = templates.messages
    count = m.ngettext("%(num)s transcript", "%(num)s transcripts", len(episodes), num=m.number(len(episodes)))
    # The site's own site_description says it better when mkdocs.yml has one (main.html).
    summary = m.gettext("%(site)s: %(count)s, searchable.", site=title, count=count)
    return Page("index.md", title, body, {"onrecord_summary": summary},
                toc(bool(episodes), bool(people), bool(chart), m.gettext))


def frequent(archive: Archive) -> list[tuple[Person, int]]:
    """The :data:`PEOPLE` people with most appearances, and how many."""
    ranked = sorted(((archive.people[pid], len(apps)) for pid, apps in archive.appearances.items() if apps),
                    key=lambda item: (-item[1], item[0].name.casefold()))
    return ranked[:PEOPLE]


def timeline_anchor(bar: charts.Bar) -> str:
    """Where a bar of the home page's chart links: its month or year on the timeline page."""
    return f"timeline/#m{bar.period}" if bar.month else f"timeline/#y{bar.period}"


def toc(latest: bool, people: bool, chart: bool, gettext: Callable[[str], str]) -> tuple[Heading, ...]:
    """The home page's headings, as home.html writes them."""
    heads = [(latest, "latest", gettext("Latest episodes")), (people, "people", gettext("Heard most often")),
             (chart, "over-time", gettext("Episodes over time"))]
    return tuple((2, anchor, title) for shown, anchor, title in heads if shown)
