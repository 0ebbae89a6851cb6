"""The episode page: header, speakers, downloads and every turn with a stable anchor."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Archive, Episode, EpisodeTurn
from . import Download, Page, PageBuilder, downloads
from .markup import clock, duration, esc, href, paragraphs, plural, time_tag


def render(archive: Archive, episode: Episode) -> Iterator[Page | Download]:
    page = PageBuilder(episode.uri)
    page.html(header(archive, episode))
    page.html(transcript(archive, episode))
    yield page.page(episode.title, description=episode.description or f"Transcript: {episode.title}")
    yield from downloads.render(archive, episode)


def header(archive: Archive, episode: Episode) -> str:
    show = archive.shows[episode.show]
    facts = [f'<a href="{href(episode.uri, f"shows/{show.id}/")}">{esc(show.title)}</a>', time_tag(episode.date)]
    if episode.length:
        facts.append(esc(duration(episode.length)))
    facts.append(esc(plural(len(episode.turns), "turn")))
    description = f'<div class="onr-description">{paragraphs(episode.description)}</div>' if episode.description else ""
    parts = [
        f'<div class="onr-episode-head" data-pagefind-body>\n<h1>{esc(episode.title)}</h1>\n'
        f"{search_fields(archive, episode)}\n{description}</div>",
        f'<p class="onr-facts">{" · ".join(facts)}</p>',
    ]
    parts.append(speaker_list(archive, episode))
    parts.append(downloads.links(archive, episode))
    return "\n".join(parts)


def search_fields(archive: Archive, episode: Episode) -> str:
    """Pagefind filters, sort key and metadata (not indexed as text; see generator/search.py)."""
    show = archive.shows[episode.show]
    date = episode.date.isoformat()
    fields = [("filter", "type", "Episode"), ("filter", "show", show.title), ("filter", "year", str(episode.date.year)),
              ("meta", "date", date), ("meta", "show", show.title), ("sort", "date", date)]
    people = dict.fromkeys(p.person for p in episode.turns if p.person)
    fields += [("filter", "speaker", archive.people[pid].name) for pid in people]
    spans = "".join(f'<span data-pagefind-{kind}="{key}">{esc(value)}</span>' for kind, key, value in fields)
    return f'<div hidden data-pagefind-ignore>{spans}</div>'


def speaker_list(archive: Archive, episode: Episode) -> str:
    """Who speaks in the episode, in order of first turn, linked to their pages."""
    seen: dict[str, None] = {}
    for placed in episode.turns:
        if placed.person:
            seen.setdefault(placed.person)
    if not seen:
        return ""
    items = "".join(
        f'<li><a href="{href(episode.uri, f"speakers/{pid}/")}">{esc(archive.people[pid].name)}</a></li>'
        for pid in seen
    )
    return f'<ul class="onr-speakers" aria-label="Speakers">{items}</ul>'


def transcript(archive: Archive, episode: Episode) -> str:
    turns = "\n".join(turn(archive, episode, placed) for placed in episode.turns)
    return f'<h2 id="transcript">Transcript</h2>\n<div class="onr-transcript" data-pagefind-body>\n{turns}\n</div>'


def turn(archive: Archive, episode: Episode, placed: EpisodeTurn) -> str:
    """One turn: a heading carrying the turn's anchor, with the speaker (linked when it names a
    person) and timestamp (a link to the anchor, which the page script also uses to seek), then
    the escaped text. The heading makes each turn a Pagefind sub-result (see generator/search.py)."""
    t = placed.turn
    person = archive.people.get(placed.person) if placed.person else None
    if person:
        who = f'<a class="onr-who" href="{href(episode.uri, f"speakers/{person.id}/")}">{esc(person.name)}</a>'
    else:
        who = f'<span class="onr-who">{esc(t.speaker or "Unknown speaker")}</span>'
    when = ""
    start = ""
    if t.start is not None:
        when = f'<a class="onr-time" href="#{placed.anchor}">{clock(t.start)}</a>'
        start = f' data-start="{t.start:g}"'
    data_person = f' data-person="{placed.person}"' if placed.person else ""
    return (
        f'<div class="onr-turn"{start}{data_person}>'
        f'<h3 class="onr-turn-head" id="{placed.anchor}">{who} {when}</h3>'
        f'<div class="onr-turn-text">{paragraphs(t.text)}</div></div>'
    )
