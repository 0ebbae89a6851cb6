"""Every English string the site shows a reader, marked for the message catalogue.

The pages are moving from Python modules to Jinja templates (``site_templates/``), where a string
is marked where it is used: ``{{ _("Speakers") }}``, ``{{ ngettext("%(num)s turn", "%(num)s
turns", n, num=n|number) }}``. Until a page's strings live in its template they are listed here,
so that ``make messages`` (``pybabel extract``) finds every one of them and the catalogues
(``site_templates/locales/``) stay complete; a string moved into a template can be deleted here.

:func:`~generator.i18n.N_` marks a message, :func:`~generator.i18n.NP_` a message with a plural; both
return what they are given and translate nothing (:class:`generator.i18n.Messages` does). Placeholders are named
(``%(name)s``), as Jinja's newstyle gettext formats them; a count is ``%(num)s``. Nothing that
comes from the user's files is a message: titles, names, roles, bios and show descriptions are
shown as written, and so are Pagefind's filter values (``Episode``, ``Person``), which the search
script matches on. A message holds no ``<``, ``>``, ``&`` or ``"``: Jinja's newstyle gettext marks
translations safe, so they would be read as HTML (typographic quotes, as “this”, are fine).
"""

from __future__ import annotations

from .i18n import N_, NP_

# Shared: dates, counts, durations (generator/pages/markup.py)
UNDATED = N_("undated")
UNDATED_HEADING = N_("Undated")
EPISODES = NP_("%(num)s episode", "%(num)s episodes")
APPEARANCES = NP_("%(num)s appearance", "%(num)s appearances")

# Charts (generator/pages/charts.py): bar titles, axis, the table and the sparkline summary
BAR_APPEARANCES = NP_("%(period)s: %(num)s appearance", "%(period)s: %(num)s appearances")
BAR_EPISODES = NP_("%(period)s: %(num)s episode", "%(period)s: %(num)s episodes")
BAR_EMPTY = (N_("%(period)s: no appearances"), N_("%(period)s: no episodes"))
AXIS = (N_("most in one month: %(num)s"), N_("most in one year: %(num)s"))
TABLE = (N_("%(chart)s as a table"), N_("Month"), N_("Year"), N_("Appearances"), N_("Episodes"))
SPARKLINE = NP_("%(num)s appearance, %(first)s–%(last)s; most in %(busiest)s",
                "%(num)s appearances, %(first)s–%(last)s; most in %(busiest)s")

# Episode page (generator/pages/episode.py, strip.py, downloads.py; CREDITS in generator/archive.py)
EPISODE = (
    N_("Transcript: %(title)s"), N_("source"), N_("Transcribed by %(name)s"), N_("Translated by %(name)s"),
    N_("Languages"), N_("Original"), N_("Download the audio"), N_("Follow along"), N_("Speakers"),
    N_("(share of the talk time)"), N_("(share of the words)"), N_("credited"), N_("Chapters"), N_("Transcript"),
    N_("Unattributed"), N_("Copy a link to this moment"), N_("Link to this moment"), N_("Unknown speaker"),
    N_("Download the transcript"), N_("Podcasting 2.0 JSON"), N_("Plain text"),
)
TURNS = NP_("%(num)s turn", "%(num)s turns")
STRIP = NP_("Who spoke when: %(num)s turn across %(length)s", "Who spoke when: %(num)s turns across %(length)s")

# Speakers index and person pages (generator/pages/people.py)
PEOPLE = (
    N_("Speakers by appearances"), N_("Also listed %(link)s."), N_("by name"), N_("by number of appearances"),
    N_("%(name)s in the archive"), N_("Search this person’s words"), N_("In the archive"), N_("Shows"),
    N_("First appearance"), N_("Latest appearance"), N_("Words spoken"), N_("Talk time"),
    N_("Share of the conversation"), N_("%(percent)s of the words spoken in their episodes"),
    N_("Appearances by %(name)s over time"), N_("Appearances Over Time"), N_("Appears with"),
    N_("Also transcribed as"), N_("Go to this moment"), N_("credited in the episode’s speaker list"),
)
PEOPLE_COUNT = NP_("%(num)s person in the archive.", "%(num)s people in the archive.")
PARTIAL = NP_("(in %(timed)s of %(num)s appearance)", "(in %(timed)s of %(num)s appearances)")
MORE = NP_("and %(num)s more.", "and %(num)s more.")

# Shows, home and timeline (generator/pages/shows.py, home.py, timeline.py)
SHOWS = (N_("Hosted by %(hosts)s."), N_("Guests"), N_("Timeline"), N_("Latest episodes"),
         N_("%(facts)s."), N_("%(facts)s from %(first)s to %(last)s."), N_("Episodes over time"))
HOME = (NP_("%(num)s show", "%(num)s shows"), NP_("%(num)s speaker", "%(num)s speakers"),
        NP_("%(num)s hour", "%(num)s hours"))
TIMELINE = (NP_("%(num)s episode.", "%(num)s episodes."),
            NP_("%(num)s episode with no date is listed on its show’s page.",
                "%(num)s episodes with no date are listed on their shows’ pages."))

# Search page (generator/pages/search.py) and the header's search box (partials/onrecord-search.html)
SEARCH = (
    N_("Search"), N_("Search the transcripts"), N_("Words, or “an exact phrase”"), N_("Speaker"), N_("Anyone"),
    N_("Show"), N_("Any show"), N_("Year"), N_("Any year"), N_("Order"), N_("Best match"), N_("Newest first"),
    N_("Oldest first"), N_("Search every transcript in the archive"),
    N_("Search runs in your browser and needs JavaScript. You can still browse the %(shows)s, %(speakers)s "
       "and the %(timeline)s."),
    N_("shows"), N_("speakers"), N_("timeline"), N_("Search the archive"),
)
