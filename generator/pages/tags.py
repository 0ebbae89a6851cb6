"""The tags index and one page per tag: its people and its episodes by year
(``onrecord/tags.html``, ``onrecord/tag.html``). What a tag is, and its slug:
:mod:`generator.pages.listing`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from ..model import Archive, Person
from .listing import TAGS_URL, Listing, Tag
from .page import Heading, Page
from .shows import by_year, toc
from .templates import Templates

#: The people a tag page names, those on most of its episodes first.
PEOPLE = 12
#: Past this many tags the index is split by initial, each a heading in the table of contents.
LETTERS = 60


def render(archive: Archive, templates: Templates, listing: Listing) -> Iterator[Page]:
    """The index and every tag's page; none at all when no episode has a tag."""
    if not listing.tags:
        return
    yield index(listing, templates)
    for tag in listing.tags.values():
        yield tag_page(archive, tag, templates, listing)


def index(listing: Listing, templates: Templates) -> Page:
    """Every tag A to Z with its number of episodes; by initial past :data:`LETTERS` tags (an
    archive can have thousands)."""
    tags = listing.sorted_tags()
    if len(tags) > LETTERS:
        letters = [(letter, list(group)) for letter, group in groupby(tags, key=lambda t: t.name[:1].upper())]
    else:
        letters = [("", tags)]
    body = templates.render("tags.html", TAGS_URL, count=len(tags), letters=letters)
    return Page(f"{TAGS_URL}index.md", templates.messages.gettext("Tags"), body,
                toc=tuple((2, f"letter-{letter}", letter) for letter, _ in letters if letter))


def tag_page(archive: Archive, tag: Tag, templates: Templates, listing: Listing) -> Page:
    years = by_year(list(tag.episodes))
    people = frequent(tag, listing)
    body = templates.render("tag.html", tag.url, archive=archive, listing=listing, tag=tag, people=people, years=years)
    gettext = templates.messages.gettext
    heads: tuple[Heading, ...] = ((2, "people", gettext("Speakers")),) if people else ()
    return Page(f"{tag.url}index.md", tag.name, body, {"description": gettext("Episodes tagged %(tag)s", tag=tag.name)},
                heads + toc(False, years, gettext))


def frequent(tag: Tag, listing: Listing) -> list[tuple[Person, int]]:
    """The :data:`PEOPLE` people on most of the tag's episodes, with how many."""
    counts: Counter[str] = Counter()
    people: dict[str, Person] = {}
    for episode in tag.episodes:
        for person in listing.speakers(episode):
            counts[person.id] += 1
            people[person.id] = person
    ranked = sorted(counts.items(), key=lambda item: (-item[1], people[item[0]].name.casefold()))
    return [(people[pid], n) for pid, n in ranked[:PEOPLE]]
