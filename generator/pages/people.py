"""The speakers index and one page per person."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from urllib.parse import urlencode

from .. import quotes
from ..model import Appearance, Archive, Person
from . import Page, PageBuilder
from .markup import esc, href, markdown_text, plural, time_tag


def render(archive: Archive) -> Iterator[Page]:
    yield index(archive)
    for pid, person in sorted(archive.people.items()):
        if archive.appearances.get(pid) or person.declared:
            yield person_page(archive, person)


def sort_name(person: Person) -> str:
    return person.name.casefold()


def index(archive: Archive) -> Page:
    page = PageBuilder("speakers/")
    people = sorted(
        (p for p in archive.people.values() if archive.appearances.get(p.id) or p.declared), key=sort_name
    )
    parts = ["<h1>Speakers</h1>", f"<p>{esc(plural(len(people), 'person', 'people'))} in the archive.</p>"]
    for letter, group in groupby(people, key=lambda p: sort_name(p)[:1].upper()):
        items = "".join(
            f'<li><a href="{href(page.url, f"speakers/{p.id}/")}">{esc(p.name)}</a> '
            f'<span class="onr-count">{esc(plural(len(archive.appearances.get(p.id, ())), "appearance"))}</span></li>'
            for p in group
        )
        parts.append(f'<h2 id="letter-{esc(letter)}">{esc(letter)}</h2>\n<ul class="onr-people">{items}</ul>')
    page.html("\n".join(parts))
    return page.page("Speakers")


def person_page(archive: Archive, person: Person) -> Page:
    url = f"speakers/{person.id}/"
    page = PageBuilder(url)
    apps = archive.appearances.get(person.id, ())
    # Only who they are is indexed for search; their words are found on the episode pages.
    head = [f'<div class="onr-person-head" data-pagefind-body>\n<h1>{esc(person.name)}</h1>',
            '<div hidden data-pagefind-ignore><span data-pagefind-filter="type">Person</span></div>']
    if person.role:
        head.append(f'<p class="onr-role">{esc(person.role)}</p>')
    if person.bio:
        head.append(f'<div class="onr-bio">{markdown_text(person.bio)}</div>')
    head.append("</div>")
    if apps:
        search = href(url, "search/") + "?" + urlencode({"speaker": person.name})
        head.append(f'<p class="onr-search-person"><a href="{esc(search)}">Search {esc(person.name)}’s words</a></p>')
    if person.links:
        links = "".join(f'<li><a href="{esc(link.url)}" rel="nofollow">{esc(link.label)}</a></li>'
                        for link in person.links)
        head.append(f'<ul class="onr-links">{links}</ul>')
    head.append(f"<p>{esc(plural(len(apps), 'appearance'))}.</p>")
    page.html("\n".join(head))
    page.html(appearances(archive, url, apps))
    return page.page(person.name, description=person.role or f"{person.name} in the archive")


def appearances(archive: Archive, url: str, apps: tuple[Appearance, ...]) -> str:
    parts = ['<h2 id="appearances">Appearances</h2>']
    for year, group in groupby(apps, key=lambda a: a.episode.date.year):
        parts.append(f'<h3 id="y{year}">{year}</h3>\n<ul class="onr-appearances">')
        parts.extend(appearance(archive, url, app) for app in group)
        parts.append("</ul>")
    return "\n".join(parts)


def appearance(archive: Archive, url: str, app: Appearance) -> str:
    episode = app.episode
    show = archive.shows[episode.show]
    items = "".join(
        f'<blockquote class="onr-quote"><p>{esc(quotes.excerpt(q.text))}</p>'
        f'<a href="{href(url, f"{episode.uri}#{q.turn.anchor}")}">Go to this moment</a></blockquote>'
        for q in quotes.pick(app.turns, 1)
    )
    return (
        f'<li class="onr-appearance"><a href="{href(url, episode.uri)}">{esc(episode.title)}</a>'
        f' · <a href="{href(url, f"shows/{show.id}/")}">{esc(show.title)}</a> · {time_tag(episode.date)}'
        f"{items}</li>"
    )
