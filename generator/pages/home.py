"""The home page: what the archive holds and the latest episodes (``onrecord/home.html``)."""

from __future__ import annotations

from ..model import Archive
from .markup import plural
from .page import Page
from .templates import Templates

LATEST = 10


def render(archive: Archive, templates: Templates, title: str = "On Record") -> Page:
    episodes = archive.episodes
    hours = sum(e.length or 0 for e in episodes) / 3600
    facts = [plural(len(episodes), "episode"), plural(len(archive.shows), "show"),
             plural(len(archive.appearances), "speaker")]
    if hours >= 1:
        facts.append(f"{hours:,.0f} hours")
    dated = [e.date for e in episodes if e.date]
    return Page("index.md", title, templates.render(
        "home.html", "", archive=archive, title=title, facts=facts, span=(dated[-1].year, dated[0].year) if dated else None,
        latest=episodes[:LATEST]))
