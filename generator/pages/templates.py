"""The Jinja environment that renders every generated page body from ``site_templates/onrecord/``.

Python builds values (the :class:`~generator.model.Archive` model and one view value per page);
templates build the HTML, with autoescaping on, so every value from a file is escaped by Jinja
unless it is a :class:`markupsafe.Markup` made in :mod:`generator.pages.markup` (rendered
Markdown, a turn's text).

A site owner overrides a template from the MkDocs ``custom_dir``, as Material's are overridden:

- a whole template: ``overrides/onrecord/person.html`` replaces ours;
- one block: the same file starting ``{% extends "!onrecord/person.html" %}`` extends *our*
  template of that name (Sphinx's ``!`` convention: the name alone would be the override itself),
  and redefines only the blocks it names, calling ``{{ super() }}`` to keep ours.

Links between generated pages are relative (the site works under any base path): ``href(target)``
in a template is the URL from the page being rendered to ``target`` (``speakers/ada/``). Words,
dates and numbers are in the site's language (:mod:`generator.i18n`): ``_()``, ``ngettext()``
and the ``date``, ``number``, ``percent``, ``duration``, ``list`` filters.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import resources
from ..i18n import Messages
from . import markup

#: Where our page templates live inside ``site_templates/`` (and inside a ``custom_dir``).
FOLDER = "onrecord"


@lru_cache(maxsize=65536)  # pages link to the same people and shows over and over
def href(source: str, target: str) -> str:
    """Relative URL from the page at directory URL ``source`` to ``target`` (both like
    ``shows/a/b/``; ``""`` is the home page). An ``#anchor`` on the target is kept."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path or ".", source or ".")
    url = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return url + (f"#{anchor}" if anchor else "")


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: str) -> str:
    return href(context["page_url"], target)


@jinja2.pass_context
def _turns(context: jinja2.runtime.Context, views: list[Any]) -> Markup:
    """The transcript's turns (:class:`~generator.pages.episode.TurnView`), each on its line: by
    :func:`markup.turns`, or by the site's own ``onrecord/partials/turn.html`` when it has one."""
    page_url = context["page_url"]
    partial = context.environment.globals["onrecord_turn_partial"]
    if isinstance(partial, jinja2.Template):
        values = context.get_all()
        return Markup("".join(partial.render(values | {"turn": view}) + "\n" for view in views))
    words: tuple[str, str, str] = context.environment.globals["onrecord_turn_words"]  # type: ignore[assignment]
    return markup.turns(views, lambda pid: href(page_url, f"speakers/{pid}/"), words)


@jinja2.pass_context
def _chart_bars(context: jinja2.runtime.Context, chart: Any) -> Markup:
    """A chart's bars (:func:`markup.chart_bars`), each titled in the site's language."""
    m: Messages = context.environment.globals["messages"]  # type: ignore[assignment]
    return markup.chart_bars(chart.columns, chart.links, lambda bar: bar_title(m, chart.kind, bar))


def bar_title(m: Messages, kind: str, bar: Any) -> str:
    """``March 2021: 14 appearances``, ``March 2021: no episodes``."""
    period = m.month_year(bar.year, bar.month) if bar.month else str(bar.year)
    if kind == "appearance":
        if not bar.count:
            return m.gettext("%(period)s: no appearances", period=period)
        return m.ngettext("%(period)s: %(num)s appearance", "%(period)s: %(num)s appearances", bar.count,
                          num=m.number(bar.count), period=period)
    if not bar.count:
        return m.gettext("%(period)s: no episodes", period=period)
    return m.ngettext("%(period)s: %(num)s episode", "%(period)s: %(num)s episodes", bar.count,
                      num=m.number(bar.count), period=period)


def _iso(day: dt.date) -> str:
    return day.isoformat()


class MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by name and source: ``mkdocs serve`` builds again after
    every save with new environments (ours and MkDocs'), and compiling the templates again took a
    tenth of a rebuild. A template whose source changed is compiled again (Jinja compares checksums).
    One for each kind of environment: what a template compiles to depends on its settings."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.stored.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


BYTECODE = MemoryBytecode()  # for every Templates (they have the same settings)


class Templates:
    """Our templates, under the site's ``custom_dir`` overrides (when it has any), speaking
    ``language`` (Material's ``theme.language``: every string through :mod:`generator.i18n`).
    ``site_url`` is mkdocs.yml's: the pages' structured data links absolutely with it; with
    ``feeds``, show and person pages link the feeds the plugin publishes beside them."""

    def __init__(self, custom_dir: Path | str | None = None, language: str | None = None,
                 site_url: str | None = None, *, feeds: bool = False) -> None:
        self.messages = m = Messages.for_language(language)
        self.site_url = site_url or None
        self.feeds = feeds
        self.custom_dir = Path(custom_dir) if custom_dir else None
        ours = jinja2.FileSystemLoader(resources.templates_dir())
        loaders: list[jinja2.BaseLoader] = [ours, jinja2.PrefixLoader({"": ours}, delimiter="!")]
        if custom_dir:
            loaders.insert(0, jinja2.FileSystemLoader(str(custom_dir)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            auto_reload=False,  # one build never sees a template change (mkdocs serve makes a new Templates)
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,  # a misspelt value is an error, not an empty string
            extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
            bytecode_cache=BYTECODE,
        )
        # Newstyle: {{ _("Hosted by %(hosts)s.", hosts=...) }} formats and escapes the values itself.
        self.env.install_gettext_callables(m.gettext, m.ngettext, newstyle=True)  # type: ignore[attr-defined]
        self.env.globals.update(
            href=_href, messages=m, onrecord_feeds=feeds,
            # The hot paths, written in Python (generator/pages/markup.py explains why):
            turns=_turns, strip_segments=markup.strip_segments, chart_bars=_chart_bars,
            onrecord_turn_partial=self._overridden("partials/turn.html"),
            onrecord_turn_words=(m.gettext("Unattributed"), m.gettext("Copy a link to this moment"),
                                 m.gettext("Link to this moment")),
        )
        self.env.filters.update(
            clock=markup.clock, duration=m.duration, date=m.date, number=m.number, percent=m.percent,
            month_year=m.month_year, language_name=m.language_name, iso=_iso,
            list=lambda items: markup.listed(items, m.list),
            period=lambda bar: m.month_year(bar.year, bar.month) if bar.month else str(bar.year),
            markdown=markup.markdown_text, paragraphs=markup.paragraphs,
        )

    def _overridden(self, name: str) -> jinja2.Template | None:
        """Our template ``name`` as the site overrides it, if it does."""
        if self.custom_dir is None or not (self.custom_dir / FOLDER / name).is_file():
            return None
        return self.env.get_template(f"{FOLDER}/{name}")

    def render(self, name: str, page_url: str, **values: Any) -> Markup:
        """The body of the page at ``page_url`` from template ``onrecord/<name>``."""
        template = self.env.get_template(f"{FOLDER}/{name}")
        return Markup(template.render(page_url=page_url, **values).rstrip("\n"))  # autoescaped by Jinja
