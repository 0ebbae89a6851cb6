"""The search page: a form whose state lives in the URL, results from Pagefind's index.

The speaker, show and year choices are rendered here from the archive, so the form is
complete before any script runs; ``site_templates/assets/onrecord/search.js`` runs the query.
Without JavaScript the page says so and points to the browsable indexes (``onrecord/search.html``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..model import Archive
from .page import Page
from .templates import Templates

URL = "search/"


@dataclass(frozen=True)
class External:
    """The plugin's ``external_search`` as a form's ``action`` and its hidden fields (``q`` is
    the reader's words): where a search box goes when the reader has no JavaScript."""

    action: str
    fields: tuple[tuple[str, str], ...]


def external(url: str | None) -> External | None:
    """``https://duckduckgo.com/?sites=example.org&q=x`` -> ``https://duckduckgo.com/`` and
    ``sites=example.org``: its parameters are kept, but ``q`` is the box's."""
    if not url:
        return None
    parts = urlsplit(url)
    fields = tuple((name, value) for name, value in parse_qsl(parts.query) if name != "q")
    return External(urlunsplit(parts._replace(query="", fragment="")), fields)


def render(archive: Archive, templates: Templates) -> Page:
    speakers = sorted({archive.people[pid].name for pid in archive.appearances if archive.appearances[pid]},
                      key=str.casefold)
    shows = sorted((s.title for s in archive.shows.values()), key=str.casefold)
    years = [str(y) for y in sorted({e.date.year for e in archive.episodes if e.date}, reverse=True)]
    body = templates.render("search.html", URL, speakers=speakers, shows=shows, years=years)
    gettext = templates.messages.gettext
    description = gettext("Search every transcript in the archive")
    return Page(f"{URL}index.md", gettext("Search"), body, {"description": description})
