"""Small HTML helpers every page module shares.

Everything that came from a file goes through :func:`esc`; links between generated pages are
relative directory URLs built by :func:`href`, so the site works under any base path.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from collections.abc import Iterable
from xml.etree.ElementTree import Element

import markdown as md
from markdown.treeprocessors import Treeprocessor

from .. import urls
from ..timecodes import clock as clock  # re-exported: page modules take every helper from here
from ..timecodes import duration as duration

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def href(source: str, target: str) -> str:
    """Relative URL from the page at directory URL ``source`` to ``target`` (both like
    ``shows/a/b/``; ``""`` is the home page). An ``#anchor`` on the target is kept."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path or ".", source or ".")
    url = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return url + (f"#{anchor}" if anchor else "")


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: dt.date | None) -> str:
    if day is None:
        return '<span class="onr-undated">undated</span>'
    return f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'


def years(dates: Iterable[dt.date | None]) -> str:
    """``2021–2024`` (or ``2021``) for the dated ones of ``dates``, newest first; ``""`` if none."""
    dated = [d for d in dates if d]
    if not dated:
        return ""
    first, last = dated[-1].year, dated[0].year
    return f"{first}–{last}" if first != last else str(first)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


class _SafeLinks(Treeprocessor):
    """Drops every ``href`` and ``src`` that fails the URL policy (:func:`urls.safe_url`),
    inline or reference-style alike; the link's text stays. ``dropped`` lists them."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not urls.safe_url(value):
                    self.dropped.append(value)
                    del element.attrib[attribute]


def _markdown(text: str) -> tuple[str, list[str]]:
    converter = md.Markdown(extensions=["smarty"], output_format="html")
    links = _SafeLinks()
    converter.treeprocessors.register(links, "onrecord-safe-links", 0)  # after inline patterns made the links
    return str(converter.convert(html.escape(text, quote=False))), links.dropped


def markdown_text(text: str) -> str:
    """Markdown from a YAML field (a bio, a description) as HTML, with raw HTML escaped (the
    field is input, not template code) and links held to the URL policy."""
    return _markdown(text)[0]


def unsafe_links(text: str) -> list[str]:
    """The links in Markdown ``text`` that :func:`markdown_text` would drop."""
    return _markdown(text)[1] if ":" in text else []


def paragraphs(text: str) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n") if p.strip())
