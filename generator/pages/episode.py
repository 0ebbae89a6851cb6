"""The episode page: header, audio player, who spoke when, chapters, downloads and every turn.

Everything is readable and every link works without JavaScript: timestamps, chapters and strip
segments are links to turn anchors. ``assets/onrecord/episode.js`` (loaded by this page only)
adds seeking, highlighting the turn being spoken, ``#t=`` deep links and copying a turn's link;
``assets/onrecord/cite.js`` adds "Cite" to each turn, from the facts :func:`citation` puts in the
page once (the turn's speaker and time it reads from the turn's heading).

This module builds the values (:class:`EpisodeView`); ``site_templates/onrecord/episode.html``
and its partials build the HTML.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .. import notes, quotes, stats
from ..i18n import Messages
from ..model import Archive, Chapter, Episode, EpisodeTurn, Person, Show
from . import downloads, markup, strip, structured, wordtimes
from .listing import Listing, Tag, collect
from .markup import Markup
from .page import Asset, Download, Heading, Page
from .templates import Templates, href
from .turntext import TurnText


@dataclass(frozen=True)
class Speaker:
    """A person in the episode's speaker list: their share of the talk (``None``: credited in
    the episode's ``speakers:`` list but named by no turn) and their colour in the strip."""

    person: Person
    share: float | None
    colour: str


@dataclass(frozen=True)
class TalkTime:
    """A row of the talk-time table of an episode with no text (an RTTM alone): every speaker,
    named or not (``person`` ``None``: the label as written), with their colour in the strip."""

    person: Person | None
    label: str
    seconds: float
    turns: int
    share: float
    colour: str


@dataclass(frozen=True)
class TurnView:
    placed: EpisodeTurn
    person: Person | None
    colour: str
    text: Markup
    words: str = ""  # data-words: when each word shown starts (generator/pages/wordtimes.py), "" for none


@dataclass(frozen=True)
class Version:
    """The episode in one of its languages (see generator/languages.py); the template names the
    language in its own words (:meth:`generator.i18n.Messages.language_name`)."""

    episode: Episode
    current: bool


@dataclass(frozen=True)
class EpisodeView:
    episode: Episode
    show: Show
    speakers: list[Speaker]
    timed: bool
    strip: strip.Strip | None
    chapters: list[tuple[Chapter, str]]  # each chapter and the anchor of the turn it starts in
    downloads: list[downloads.Link]
    turns: list[TurnView]
    versions: list[Version]
    search: list[tuple[str, str, str]]  # Pagefind (kind, key, value): see generator/search.py
    words: bool = False  # a turn has word times: the page loads words.js
    previous: Episode | None = None  # the show's episode before this one (older); none for a translation
    next: Episode | None = None  # the one after it (newer)
    tags: list[Tag] = field(default_factory=list)  # linked to their pages (generator/pages/tags.py)
    #: who spoke when only, no words (an RTTM alone): the page shows talk times and a table of turns
    textless: bool = False
    talk: list[TalkTime] = field(default_factory=list)  # for a textless episode, every speaker


Neighbours = tuple[Episode | None, Episode | None]


def render(archive: Archive, episode: Episode, templates: Templates, neighbours: Neighbours = (None, None),
           listing: Listing | None = None, site_name: str = "") -> Iterator[Page | Download | Asset]:
    """The episode's page and its files; ``neighbours`` are its previous and next episodes
    (:func:`generator.pages.shows.sequence`), ``listing`` the archive's tags (made when ``None``),
    ``site_name`` mkdocs.yml's (the publisher its citations name)."""
    text = TurnText(episode)
    view = episode_view(archive, episode, text, neighbours, listing)
    versions = archive.versions(episode)
    alternates = [{"lang": v.language or "x-default", "href": href(episode.url, v.url)} for v in versions]
    description = episode.description or describe(view, templates.messages)
    data = structured.episode(archive, episode, [link.kind for link in view.downloads],
                              structured.Links(templates.site_url, episode.url))
    cite = citation(archive, episode, site_name, templates.messages) if not view.textless else {}
    body = templates.render("episode.html", episode.url, view=view, cite=cite) + markup.json_ld(data)
    yield Page(f"{episode.url}index.md", episode.title, body,
               {"description": description, "onrecord_og_type": "article",
                **({"onrecord_alternates": alternates} if len(versions) > 1 else {})},
               toc(view, templates.messages.gettext))
    yield from downloads.render(archive, episode)
    if episode.audio_file:
        yield Asset(f"{episode.url}{episode.audio}", episode.audio_file)
    for path, source in text.files.items():  # images and documents the transcript links to
        yield Asset(f"{episode.url}{path}", source)


def describe(view: EpisodeView, m: Messages) -> str:
    """The page's description for search results and shared links when the episode's metadata has
    none: its show and date, who speaks most, and its best line (generator/quotes.py), so a shared
    link says more than the title it already shows."""
    said = [view.show.title]
    if view.episode.date:
        said.append(m.date(view.episode.date))
    named = [s.person.name for s in view.speakers if s.share][:3]
    head = ", ".join(said) + (": " + m.list(named) if named else "") + "."
    # The three longest named turns: a page's description need not weigh all of quotes.pick's
    # eight (they cost 14% of rendering on 1,154 briefings; three cost a third of that).
    longest = heapq.nlargest(3, (p for p in view.episode.turns if p.person), key=lambda p: len(p.turn.text))
    best = quotes.pick(tuple(sorted(longest, key=lambda p: p.index)), 1)
    line = quotes.excerpt(best[0].text, 160) if best else ""
    return f"{head} {m.gettext('“%(word)s”', word=line)}" if line else head  # the quotation marks of search.js


def episode_view(archive: Archive, episode: Episode, text: TurnText | None = None,
                 neighbours: Neighbours = (None, None), listing: Listing | None = None) -> EpisodeView:
    """The values the episode template shows; ``text`` collects the files the turns link to."""
    text = text or TurnText(episode)
    if listing is None and episode.tags:
        listing = Listing(people={}, tags=collect(archive))
    order = strip.shares(archive, episode)
    palette = strip.colours(order)
    textless = bool(episode.turns) and not any(p.turn.text.strip() for p in episode.turns)
    talk = talk_times(archive, episode) if textless else []
    if talk:  # every speaker gets a colour, named or not (strip.key)
        palette = {strip.key(row.person.id if row.person else None, row.label): row.colour for row in talk}
    speakers = [Speaker(archive.people[pid], share, palette[pid]) for pid, share in order]
    speakers += [Speaker(archive.people[pid], None, "") for pid, _ in episode.credited if pid not in palette]
    versions = archive.versions(episode)
    turns = turn_views(archive, episode, palette, text)
    return EpisodeView(
        episode=episode,
        show=archive.shows[episode.show],
        speakers=speakers,
        timed=any(p.turn.start is not None for p in episode.turns),
        strip=strip.strip(archive, episode, palette),
        chapters=chapters(episode),
        downloads=downloads.links(archive, episode),
        turns=turns,
        versions=[Version(v, v is episode) for v in versions] if len(versions) > 1 else [],
        search=search_fields(archive, episode),
        words=any(view.words for view in turns),
        previous=neighbours[0],
        next=neighbours[1],
        tags=listing.tags_of(episode) if listing else [],
        textless=textless,
        talk=talk,
    )


def talk_times(archive: Archive, episode: Episode) -> list[TalkTime]:
    """Talk time per speaker (generator/stats.py), each with their share and colour."""
    rows = stats.episode_talk(episode)
    total = sum(row.seconds for row in rows)
    return [TalkTime(archive.people[row.person] if row.person else None, row.label, row.seconds, row.turns,
                     row.seconds / total if total else 0.0, f"onr-s{i}" if i < strip.PALETTE else strip.OTHERS)
            for i, row in enumerate(rows)]


def citation(archive: Archive, episode: Episode, site_name: str, messages: Messages) -> dict[str, str | bool]:
    """What a citation of any moment of the episode needs besides the turn (its speaker and time,
    which cite.js reads from the turn's heading) and the address (the page's own, at run time):
    written once in the page as JSON (``episode.html``, ``#onr-cite``), never guessed from the
    page's text. Dates as ISO and in the page's language (``date``: ``October 19, 2023``;
    ``month_day``: ``October 19``, for APA's ``2023, October 19``); ``audio``: the page plays the
    episode (a podcast episode to cite, else a transcript); ``key``: the BibTeX key's stable part."""
    data: dict[str, str | bool] = {
        "site": site_name, "show": archive.shows[episode.show].title, "title": episode.title,
        "audio": bool(episode.audio), "key": bibtex_key(episode),
    }
    if episode.date:
        data |= {"iso": episode.date.isoformat(), "date": messages.date(episode.date),
                 "month_day": messages.month_day(episode.date)}
    return data


def bibtex_key(episode: Episode) -> str:
    """``city-desk:2023-10-19-town-hall-the-sea-wall``: the show and the episode's slug, as the URL
    has them, in the characters every BibTeX reads in a key (cite.js adds the turn: ``:t12``)."""
    text = unicodedata.normalize("NFKD", f"{episode.show}:{episode.slug}").encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9:_-]+", "-", text).strip("-") or "onrecord"


def toc(view: EpisodeView, gettext: Callable[[str], str]) -> tuple[Heading, ...]:
    """The page's sections as episode.html heads them, and the chapters under the transcript
    (each at the turn it starts in): a long episode is dozens of screens, and its chapters are
    the way through it. In page order, so Material's table of contents follows the reader."""
    heads: list[Heading] = [(2, "speakers", gettext("Speakers"))] if view.speakers else []
    if view.chapters:
        heads.append((2, "chapters", gettext("Chapters")))
    heads.append((2, "transcript", gettext("Who spoke when") if view.textless else gettext("Transcript")))
    # An untimed transcript's chapters all point at the transcript's heading: nothing to add.
    return (*heads, *((3, anchor, chapter.title) for chapter, anchor in view.chapters if anchor != "transcript"))


def turn_views(archive: Archive, episode: Episode, palette: dict[str, str], text: TurnText) -> list[TurnView]:
    """Every turn as the template shows it; the place and time lines a transcript opens and closes
    with ("East Room", "4:27 P.M. EST", "END") are shown as notes (generator/notes.py). Word
    times are given to turns that have them when the page has audio to play them in, and its
    text is not Markdown (generator/pages/wordtimes.py)."""
    dates = notes.datelines([(p.turn.speaker, p.turn.text) for p in episode.turns])
    timed_words = bool(episode.audio) and not text.markdown
    views = []
    for placed in episode.turns:
        turn = placed.turn
        if placed.index in dates:
            views.append(TurnView(placed, None, f"{strip.OTHERS} onr-dateline", markup.dateline(turn.text)))
            continue
        person = archive.people.get(placed.person) if placed.person else None
        words = wordtimes.data_words(turn.text, turn.start, turn.word_times) if timed_words and turn.word_times else ""
        colour = palette.get(strip.key(placed.person, turn.speaker), strip.OTHERS)
        views.append(TurnView(placed, person, colour, text.html(turn.text), words))
    return views


def search_fields(archive: Archive, episode: Episode) -> list[tuple[str, str, str]]:
    """Pagefind filters, sort key and metadata (not indexed as text; see generator/search.py)."""
    show = archive.shows[episode.show]
    fields = [("filter", "type", "Episode"), ("filter", "show", show.title), ("meta", "show", show.title)]
    if episode.date:
        date = episode.date.isoformat()
        fields += [("filter", "year", str(episode.date.year)), ("meta", "date", date), ("sort", "date", date)]
    people = dict.fromkeys(p.person for p in episode.turns if p.person)
    return fields + [("filter", "speaker", archive.people[pid].name) for pid in people]


def chapters(episode: Episode) -> list[tuple[Chapter, str]]:
    """Chapters from the metadata, each with the anchor of the turn being spoken when it starts."""
    timed = [p for p in episode.turns if p.turn.start is not None]
    out = []
    for chapter in episode.chapters:
        at = next((p for p in reversed(timed) if (p.turn.start or 0.0) <= chapter.start + 0.5), timed[0] if timed else None)
        out.append((chapter, at.anchor if at else "transcript"))
    return out
