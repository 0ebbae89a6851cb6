"""The search page: a form whose state lives in the URL, results from Pagefind's index.

The speaker, show and year choices are rendered here from the archive, so the form is
complete before any script runs; ``site_templates/assets/onrecord/search.js`` runs the query.
Without JavaScript the page says so and points to the browsable indexes.
"""

from __future__ import annotations

from ..model import Archive
from .markup import esc, href
from .page import Page, PageBuilder

URL = "search/"


def options(values: list[str], anyone: str) -> str:
    return f'<option value="">{esc(anyone)}</option>' + "".join(
        f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)


def render(archive: Archive) -> Page:
    page = PageBuilder(URL)
    speakers = sorted({archive.people[pid].name for pid in archive.appearances if archive.appearances[pid]},
                      key=str.casefold)
    shows = sorted((s.title for s in archive.shows.values()), key=str.casefold)
    years = [str(y) for y in sorted({e.date.year for e in archive.episodes if e.date}, reverse=True)]
    page.html(f"""<h1>Search</h1>
<form class="onr-search" role="search" method="get">
<p class="onr-search-box"><label for="onr-q">Search the transcripts</label>
<input id="onr-q" name="q" type="search" placeholder="Words, or &quot;an exact phrase&quot;" autocomplete="off">
<button type="submit">Search</button></p>
<p class="onr-search-filters">
<label>Speaker <select name="speaker">{options(speakers, "Anyone")}</select></label>
<label>Show <select name="show">{options(shows, "Any show")}</select></label>
<label>Year <select name="year">{options(years, "Any year")}</select></label>
<label>Order <select name="sort"><option value="">Best match</option><option value="date">Newest first</option>\
<option value="date-asc">Oldest first</option></select></label>
</p>
</form>
<p class="onr-search-status" role="status" aria-live="polite"></p>
<ol class="onr-results"></ol>
<noscript><p>Search runs in your browser and needs JavaScript. You can still browse the
<a href="{href(URL, "shows/")}">shows</a>, <a href="{href(URL, "speakers/")}">speakers</a> and the
<a href="{href(URL, "timeline/")}">timeline</a>.</p></noscript>
<script type="module" src="{href(URL, "assets/onrecord/search.js")}"></script>""")
    return page.page("Search", description="Search every transcript in the archive")
