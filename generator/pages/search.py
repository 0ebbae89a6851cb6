"""The search page: a form whose state lives in the URL, results from Pagefind's index.

The speaker, show and year choices are rendered here from the archive, so the form is
complete before any script runs; ``site_templates/assets/onrecord/search.js`` runs the query.
Without JavaScript the page says so and points to the browsable indexes (``onrecord/search.html``).
"""

from __future__ import annotations

from ..model import Archive
from .page import Page
from .templates import Templates

URL = "search/"


def render(archive: Archive, templates: Templates) -> Page:
    speakers = sorted({archive.people[pid].name for pid in archive.appearances if archive.appearances[pid]},
                      key=str.casefold)
    shows = sorted((s.title for s in archive.shows.values()), key=str.casefold)
    years = [str(y) for y in sorted({e.date.year for e in archive.episodes if e.date}, reverse=True)]
    body = templates.render("search.html", URL, speakers=speakers, shows=shows, years=years)
    gettext = templates.messages.gettext
    description = gettext("Search every transcript in the archive")
    return Page(f"{URL}index.md", gettext("Search"), body, {"description": description})
