"""The one place that makes HTML from text: every :class:`markupsafe.Markup` of the site
starts here or in a template (which Jinja autoescapes, see :mod:`generator.pages.templates`).

- :func:`escape` is markupsafe's: the same escaping Jinja applies to every template value.
- :func:`markdown_text` renders a Markdown field from YAML (a bio, a show's description) with
  raw HTML escaped and links held to the URL policy, as ``Markup``.
- :func:`notes_marked` and :func:`rendered` serve the transcript's hot path
  (:mod:`generator.pages.turntext`): a turn's text is escaped once, and editorial notes are
  marked up as notes. :func:`turn` writes a whole turn; see its docstring for why in Python.
- Plain formatting (``clock``, ``years``) returns text, which the template escapes; words,
  dates and numbers in the site's language come from :mod:`generator.i18n`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from xml.etree.ElementTree import Element

import markdown as md
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from .. import notes, urls
from ..timecodes import clock as clock  # re-exported: templates and turn() use it from here

__all__ = ["Markup", "escape"]

NOTE = Markup('<span class="onr-note" data-pagefind-ignore>{}</span>')


def years(dates: Iterable[dt.date | None]) -> str:
    """``2021–2024`` (or ``2021``) for the dated ones of ``dates``, newest first; ``""`` if none."""
    dated = [d for d in dates if d]
    if not dated:
        return ""
    first, last = dated[-1].year, dated[0].year
    return f"{first}–{last}" if first != last else str(first)


_SLOT = re.compile("\x00(\\d+)\x00")


def listed(items: Sequence[object], join: Callable[[Sequence[str]], str]) -> Markup:
    """``items`` (text, or Markup such as links) as one list in the site's language: ``join`` is
    :meth:`generator.i18n.Messages.list`, which writes the words between them."""
    text = join([f"\x00{i}\x00" for i in range(len(items))])
    parts = _SLOT.split(text)  # separators at even places, item numbers at odd ones
    return Markup("").join(escape(part) if i % 2 == 0 else escape(items[int(part)]) for i, part in enumerate(parts))


def paragraphs(text: str) -> list[str]:
    """Plain text's paragraphs (split on blank lines), for ``<p>`` each in a template."""
    return [p for p in text.split("\n\n") if p.strip()]


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
    # Raw HTML in the field is escaped before Markdown sees it (the field is input, not template
    # code); quotes stay, for SmartyPants to curl.
    return str(converter.convert(html.escape(text, quote=False))), links.dropped


def markdown_text(text: str) -> Markup:
    """Markdown from a YAML field (a bio, a description) as HTML, with raw HTML escaped (the
    field is input, not template code) and links held to the URL policy."""
    return Markup(_markdown(text)[0])


def unsafe_links(text: str) -> list[str]:
    """The links in Markdown ``text`` that :func:`markdown_text` would drop."""
    return _markdown(text)[1] if ":" in text else []


def notes_marked(text: str) -> Markup:
    """Escaped text with its editorial notes marked up as notes (see :mod:`generator.notes`)."""
    if "[" not in text and "(" not in text:
        return escape(text)
    parts, at = [], 0
    for match in notes.NOTE.finditer(text):
        parts += [escape(text[at:match.start()]), NOTE.format(notes.label(match))]
        at = match.end()
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def rendered(html: str) -> Markup:
    """HTML written by markdown-it-py from a turn's text (which escapes what it does not parse,
    with raw HTML off; :mod:`generator.pages.turntext` holds its links to the URL policy)."""
    return Markup(html)


def turn(anchor: str, start: float | None, colour: str, text: Markup, who: tuple[str, str] | None,
         speaker: str, words: tuple[str, str, str]) -> Markup:
    """One turn, exactly as ``site_templates/onrecord/partials/turn.html`` writes it (a test holds
    the two equal). ``who`` is the person's ``(page URL, name)``; else ``speaker`` is the label;
    ``words`` are "Unattributed", the link's title and its label in the site's language.

    Why Python: an episode has hundreds to thousands of turns, and a template per turn cost 23 µs
    against 4 µs here (``benchmarks/build_site.py``: the page stage would be about 15% slower). A
    site that overrides the partial gets its template for every turn instead (templates.py).
    Every value is escaped here; ``text`` is already Markup."""
    anchor = escape(anchor)
    unattributed, title, label = map(escape, words)
    if who:
        name = f'<a class="onr-who" href="{escape(who[0])}">{escape(who[1])}</a>'
    elif speaker:
        name = f'<span class="onr-who">{escape(speaker)}</span>'
    else:
        name = f'<span class="onr-who onr-unattributed">{unattributed}</span>'
    when, at = "", ""
    if start is not None:
        when = f' <a class="onr-time" href="#{anchor}">{clock(start)}</a>'
        at = f' data-start="{start:g}"'
    return Markup(
        f'<div class="onr-turn {escape(colour)}"{at}><h3 class="onr-turn-head" id="{anchor}">{name}{when}'
        f'<a class="onr-link" href="#{anchor}" title="{title}" aria-label="{label}">#</a>'
        f'</h3><div class="onr-turn-text">{text}</div></div>'
    )
