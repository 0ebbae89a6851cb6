"""The one place that makes HTML from text: every :class:`markupsafe.Markup` of the site
starts here or in a template (which Jinja autoescapes, see :mod:`generator.pages.templates`);
tests/test_templates.py fails if any other module calls ``Markup``.

- :func:`escape` is markupsafe's: the same escaping Jinja applies to every template value.
- :func:`markdown_text` renders a Markdown field from YAML (a bio, a show's description) with
  raw HTML escaped and links held to the URL policy.
- A turn's text (:mod:`generator.pages.turntext`): :func:`notes_marked` escapes it and marks
  editorial notes up as notes, :func:`rendered` takes markdown-it's HTML, :func:`paragraph`,
  :func:`section_title` and :func:`joined` put it together.
- The hot paths, in Python for speed with the same discipline (every value from a file escaped
  here): :func:`turns` writes a transcript's turns, :func:`strip_segments` the strip's links and
  :func:`chart_bars` a chart's bars; see their docstrings for the measurements.
- Plain formatting (``clock``, ``years``) returns text, which the template escapes; words,
  dates and numbers in the site's language come from :mod:`generator.i18n`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
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


def paragraph(inner: Markup) -> Markup:
    return Markup(f"<p>{inner}</p>")


def section_title(inner: Markup) -> Markup:
    """A ``## heading`` kept in an untimed transcript's text, shown as a section title."""
    return Markup(f'<p class="onr-section"><strong>{inner}</strong></p>')


def joined(parts: Iterable[Markup]) -> Markup:
    return Markup("".join(parts))


def stylesheet_links(hrefs: Iterable[str]) -> Markup:
    """``<link rel="stylesheet">`` for each of ``hrefs`` (for the tree ``onrecord generate`` writes)."""
    return Markup("".join(f'<link rel="stylesheet" href="{escape(href)}">' for href in hrefs))


def dateline(text: str) -> Markup:
    """A place or time line a transcript opens or closes with (:func:`generator.notes.datelines`),
    as a note: not speech, and not indexed for search."""
    return paragraph(NOTE.format(" ".join(text.split())))


def body(html: str) -> Markup:
    """A page's body as it was made: a Markup from our templates, kept as UTF-8 by
    :class:`generator.pages.page.Page` and given back."""
    return Markup(html)


def rendered(html: str) -> Markup:
    """HTML written by markdown-it-py from a turn's text (which escapes what it does not parse,
    with raw HTML off; :mod:`generator.pages.turntext` holds its links to the URL policy)."""
    return Markup(html)


def turns(views: Iterable[Any], link: Callable[[str], str], words: tuple[str, str, str]) -> Markup:
    """Every turn of a transcript (:class:`~generator.pages.episode.TurnView`), each followed by a
    newline, exactly as ``site_templates/onrecord/partials/turn.html`` writes it (a test holds the
    two equal). ``link`` gives the URL of a person's page from their id; ``words`` are
    "Unattributed", the link's title and its label in the site's language.

    Why Python: an episode has hundreds to thousands of turns, and the partial cost 23 µs a turn
    against 4 µs here (``benchmarks/build_site.py``'s page stage would be about 15% slower). A
    site that overrides the partial gets its template for every turn instead (templates.py).
    What came from a file (a name, a label, a person's id) is escaped here; ``text`` is already
    Markup; anchors (``t12``), colours (``onr-s3``) and word times (``data-words``) are ours."""
    unattributed, title, label = (escape(word) for word in words)
    out = []
    for view in views:
        t, anchor = view.placed.turn, view.placed.anchor
        if view.person:
            name = f'<a class="onr-who" href="{escape(link(view.person.id))}">{escape(view.person.name)}</a>'
        elif t.speaker:
            name = f'<span class="onr-who">{escape(t.speaker)}</span>'
        else:
            name = f'<span class="onr-who onr-unattributed">{unattributed}</span>'
        when, at = "", ""
        if t.start is not None:
            when = f' <a class="onr-time" href="#{anchor}">{clock(t.start)}</a>'
            at = f' data-start="{t.start:g}"'
            if view.words:  # numbers and spaces, made by generator/pages/wordtimes.py
                at += f' data-words="{view.words}"'
        out.append(
            f'<div class="onr-turn {view.colour}"{at}><h3 class="onr-turn-head" id="{anchor}">{name}{when}'
            f'<a class="onr-link" href="#{anchor}" title="{title}" aria-label="{label}">#</a>'
            f'</h3><div class="onr-turn-text">{view.text}</div></div>\n'
        )
    return Markup("".join(out))


def strip_segments(segments: Iterable[Any], unknown: str) -> Markup:
    """The strip's segments (:class:`~generator.pages.strip.Segment`), one link per turn, for
    ``partials/strip.html``; ``unknown`` names a turn without a speaker. In Python for the same
    reason as :func:`turns`: a segment per turn, 4 µs here against 14 µs in the template."""
    unknown = escape(unknown)
    return Markup("".join(
        f'<a href="#{escape(s.anchor)}" data-seek="{s.start:g}" tabindex="-1"><rect class="{escape(s.colour)}" '
        f'x="{s.x:.1f}" y="0" width="{s.width:.1f}" height="20"><title>{escape(s.who) if s.who else unknown} · '
        f"{clock(s.start)}</title></rect></a>"
        for s in segments
    ))


# What could end a <script> element or open a comment in it ("</script>", "<!--"), and the two
# line separators older JavaScript parsers choke on: written as JSON escapes, which mean the same.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld(data: dict[str, Any]) -> Markup:
    """``data`` (:mod:`generator.pages.structured`) as a JSON-LD ``<script>``: no text from a
    transcript or YAML can end the element, since no ``<`` is left in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def chart_bars(columns: Iterable[Any], links: dict[str, str], title: Callable[[Any], str]) -> Markup:
    """The bars of a chart (:class:`~generator.pages.charts.Column`) for ``partials/chart.html``:
    a bar with a count links to ``links[period]``; ``title(bar)`` says what it counts, in the
    site's language. Our SVG, made here as the issue of one escaping path asks: a person page
    has up to 48 bars and the template cost 3x this."""
    out = []
    for c in columns:
        bar = c.bar
        rect = (f'<rect class="onr-bar{"" if bar.count else " onr-empty"}" x="{c.x}" y="{c.y:.1f}" width="8" '
                f'height="{c.height:.1f}" data-period="{escape(bar.period)}" data-count="{bar.count}">'
                f"<title>{escape(title(bar))}</title></rect>")
        out.append(f'<a href="{escape(links[bar.period])}">{rect}</a>' if bar.count else rect)
    return Markup("".join(out))
