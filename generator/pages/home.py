"""The home page: what the archive holds and the latest episodes (``onrecord/home.html``)."""

from __future__ import annotations

from ..model import Archive
from .page import Page
from .templates import Templates

LATEST = 10


def render(archive: Archive, templates: Templates, title: str = "On Record") -> Page:
    episodes = archive.episodes
    hours = sum(e.length or 0 for e in episodes) / 3600
    hours = round(hours) if hours >= 1 else 0  # under an hour of audio is not worth saying
    dated = [e.date for e in episodes if e.date]
    span = (dated[-1].year, dated[0].year) if dated else None
    body = templates.render("home.html", "", archive=archive, title=title, hours=hours, span=span, latest=episodes[:LATEST])
    m = templates.messages
    count = m.ngettext("%(num)s transcript", "%(num)s transcripts", len(episodes), num=m.number(len(episodes)))
    # The site's own site_description says it better when mkdocs.yml has one (main.html).
    summary = m.gettext("%(site)s: %(count)s, searchable.", site=title, count=count)
    return Page("index.md", title, body, {"onrecord_summary": summary})
