"""The episode page: header, audio player, who spoke when, chapters, downloads and every turn.

Everything is readable and every link works without JavaScript: timestamps, chapters and strip
segments are links to turn anchors. ``assets/onrecord/episode.js`` (loaded by this page only)
adds seeking, highlighting the turn being spoken, ``#t=`` deep links and copying a turn's link.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import languages
from ..model import Archive, Episode, EpisodeTurn
from . import downloads, strip
from .markup import clock, duration, esc, href, paragraphs, plural, time_tag
from .page import Asset, Download, Page, PageBuilder
from .turntext import TurnText


def render(archive: Archive, episode: Episode) -> Iterator[Page | Download | Asset]:
    page = PageBuilder(episode.url)
    order = strip.shares(archive, episode)
    palette = strip.colours(order)
    page.html(header(archive, episode))
    page.html(overview(archive, episode, order, palette))
    text = TurnText(episode)
    page.html(transcript(archive, episode, palette, text))
    page.html(f'<script src="{href(episode.url, "assets/onrecord/episode.js")}" defer></script>')
    versions = archive.versions(episode)
    alternates = [{"lang": v.language or "x-default", "href": href(episode.url, v.url)} for v in versions]
    yield page.page(episode.title, description=episode.description or f"Transcript: {episode.title}",
                    **({"onrecord_alternates": alternates} if len(versions) > 1 else {}))
    yield from downloads.render(archive, episode)
    if episode.audio_file:
        yield Asset(f"{episode.url}{episode.audio}", episode.audio_file)
    for path, source in text.files.items():  # images and documents the transcript links to
        yield Asset(f"{episode.url}{path}", source)


def header(archive: Archive, episode: Episode) -> str:
    show = archive.shows[episode.show]
    facts = [f'<a href="{href(episode.url, f"shows/{show.id}/")}">{esc(show.title)}</a>', time_tag(episode.date)]
    if episode.length:
        facts.append(esc(duration(episode.length)))
    facts.append(esc(plural(len(episode.turns), "turn")))
    if episode.source_url:
        facts.append(f'<a href="{esc(episode.source_url)}" rel="nofollow">source</a>')
    facts.extend(esc(f"{what} {who}") for what, who in episode.credits)
    description = f'<div class="onr-description">{paragraphs(episode.description)}</div>' if episode.description else ""
    return (
        f'<div class="onr-episode-head" data-pagefind-body{lang(episode)}>\n<h1>{esc(episode.title)}</h1>\n'
        f"{search_fields(archive, episode)}\n{description}</div>\n"
        f'<p class="onr-facts">{" · ".join(facts)}</p>{switcher(archive, episode)}'
    )


def lang(episode: Episode) -> str:
    return f' lang="{esc(episode.language)}"' if episode.language else ""


def switcher(archive: Archive, episode: Episode) -> str:
    """Links to the episode in its other languages (see generator/languages.py)."""
    versions = archive.versions(episode)
    if len(versions) < 2:
        return ""
    items = []
    for version in versions:
        code = esc(version.language)
        attributes = f' hreflang="{code}" lang="{code}"' if code else ""
        attributes += ' aria-current="page"' if version is episode else ""
        items.append(f'<li><a href="{href(episode.url, version.url)}"{attributes}>'
                     f"{esc(languages.name(version.language))}</a></li>")
    return f'<nav class="onr-languages" aria-label="Languages"><ul>{"".join(items)}</ul></nav>'


def search_fields(archive: Archive, episode: Episode) -> str:
    """Pagefind filters, sort key and metadata (not indexed as text; see generator/search.py)."""
    show = archive.shows[episode.show]
    fields = [("filter", "type", "Episode"), ("filter", "show", show.title), ("meta", "show", show.title)]
    if episode.date:
        date = episode.date.isoformat()
        fields += [("filter", "year", str(episode.date.year)), ("meta", "date", date), ("sort", "date", date)]
    people = dict.fromkeys(p.person for p in episode.turns if p.person)
    fields += [("filter", "speaker", archive.people[pid].name) for pid in people]
    spans = "".join(f'<span data-pagefind-{kind}="{key}">{esc(value)}</span>' for kind, key, value in fields)
    return f'<div hidden data-pagefind-ignore>{spans}</div>'


def overview(archive: Archive, episode: Episode, order: list[tuple[str, float]], palette: dict[str, str]) -> str:
    """Everything between the header and the transcript (none of it indexed for search)."""
    parts = [player(episode), speakers(archive, episode, order, palette), strip.render(archive, episode, palette),
             chapters(episode), downloads.links(archive, episode)]
    return '<div class="onr-overview" data-pagefind-ignore>\n' + "\n".join(p for p in parts if p) + "\n</div>"


def player(episode: Episode) -> str:
    if not episode.audio:
        return ""
    return (
        '<div class="onr-player">'
        f'<audio controls preload="metadata" src="{esc(episode.audio)}">'
        f'<a href="{esc(episode.audio)}">Download the audio</a></audio>'
        '<label class="onr-follow"><input type="checkbox"> Follow along</label></div>'
    )


def speakers(archive: Archive, episode: Episode, order: list[tuple[str, float]], palette: dict[str, str]) -> str:
    """Who speaks, largest share first, each linked to their page with a colour key for the strip;
    then anyone the episode credits (``speakers:`` list) whom no turn names."""
    silent = [pid for pid, _ in episode.credited if pid not in palette]
    if not order and not silent:
        return ""
    timed = any(p.turn.start is not None for p in episode.turns)
    measure = "of the talk time" if timed else "of the words"
    items = "".join(
        f'<li><span class="onr-key {palette[pid]}" aria-hidden="true"></span>'
        f'<a href="{href(episode.url, f"speakers/{pid}/")}">{esc(archive.people[pid].name)}</a> '
        f'<span class="onr-share">{share:.0%}</span></li>'
        for pid, share in order
    ) + "".join(
        f'<li><span class="onr-key" aria-hidden="true"></span>'
        f'<a href="{href(episode.url, f"speakers/{pid}/")}">{esc(archive.people[pid].name)}</a> '
        f'<span class="onr-share">credited</span></li>'
        for pid in silent
    )
    heading = f"Speakers <small>(share {measure})</small>" if order else "Speakers"
    return f'<h2 id="speakers">{heading}</h2>\n<ul class="onr-speakers">{items}</ul>'


def chapters(episode: Episode) -> str:
    """Chapters from the metadata, each linked to the turn being spoken when it starts."""
    if not episode.chapters:
        return ""
    timed = [p for p in episode.turns if p.turn.start is not None]
    items = []
    for chapter in episode.chapters:
        at = next((p for p in reversed(timed) if (p.turn.start or 0.0) <= chapter.start + 0.5), timed[0] if timed else None)
        target = f"#{at.anchor}" if at else "#transcript"
        items.append(f'<li><a href="{target}" data-seek="{chapter.start:g}"><span class="onr-time">'
                     f"{clock(chapter.start)}</span> {esc(chapter.title)}</a></li>")
    return f'<h2 id="chapters">Chapters</h2>\n<ol class="onr-chapters">{"".join(items)}</ol>'


def transcript(archive: Archive, episode: Episode, palette: dict[str, str] | None = None,
               text: TurnText | None = None) -> str:
    """Every turn; ``text`` collects the files the turns link to (see generator/pages/turntext.py)."""
    palette, text = palette or {}, text or TurnText(episode)
    turns = "\n".join(turn(archive, episode, placed, palette, text) for placed in episode.turns)
    body = f'<div class="onr-transcript" data-pagefind-body{lang(episode)}>'
    return f'<h2 id="transcript">Transcript</h2>\n{body}\n{turns}\n</div>'


def turn(archive: Archive, episode: Episode, placed: EpisodeTurn, palette: dict[str, str] | None = None,
         text: TurnText | None = None) -> str:
    """One turn: a heading carrying the turn's anchor, with the speaker (linked when it names a
    person), the timestamp (a link to the anchor, which the page script also uses to seek) and a
    link to this moment; then the text (escaped; inline Markdown for Markdown transcripts;
    editorial notes marked up as notes: see generator/pages/turntext.py). The heading makes each turn a Pagefind
    sub-result (see generator/search.py)."""
    t = placed.turn
    person = archive.people.get(placed.person) if placed.person else None
    if person:
        who = f'<a class="onr-who" href="{href(episode.url, f"speakers/{person.id}/")}">{esc(person.name)}</a>'
    else:
        # A turn that names nobody (a talk's paragraphs, a caption file without speakers) says so to
        # screen readers only: "Unknown speaker" above every paragraph of a lecture is noise.
        who = (f'<span class="onr-who">{esc(t.speaker)}</span>' if t.speaker
               else '<span class="onr-who onr-unattributed">Unattributed</span>')
    when, start = "", ""
    if t.start is not None:
        when = f' <a class="onr-time" href="#{placed.anchor}">{clock(t.start)}</a>'
        start = f' data-start="{t.start:g}"'
    colour = (palette or {}).get(placed.person or "", "onr-sx")
    return (
        f'<div class="onr-turn {colour}"{start}>'
        f'<h3 class="onr-turn-head" id="{placed.anchor}">{who}{when}'
        f'<a class="onr-link" href="#{placed.anchor}" title="Copy a link to this moment" '
        f'aria-label="Link to this moment">#</a></h3>'
        f'<div class="onr-turn-text">{(text or TurnText(episode)).html(t.text)}</div></div>'
    )
