"""Pages as values: every generated page as a :class:`Page`, no engine involved.

A page's body is HTML made from our templates (transcripts are thousands of turns: DESIGN.md
measured Markdown-rendering them 30x slower). Its Markdown for MkDocs is front matter and one
placeholder comment, which the plugin swaps for the body after Markdown has run;
:meth:`Page.inline` writes the body in for ``onrecord generate``, as a raw HTML block any
Markdown engine passes through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from markupsafe import Markup, escape

PLACEHOLDER = "<!--onrecord:body-->"

#: A heading in a page's table of contents: its level (2 for an ``<h2>``), the ``id`` on it, and
#: its title as plain text (user text: the plugin escapes it, since Material prints titles as HTML).
Heading = tuple[int, str, str]


@dataclass(frozen=True)
class Page:
    """A generated page: ``src_uri`` is its source path (``shows/a/b/index.md``), ``html`` its body,
    ``toc`` its table of contents (the page's Markdown has no headings for MkDocs to find them in)."""

    src_uri: str
    title: str
    html: Markup
    meta: dict[str, object] = field(default_factory=dict)
    toc: tuple[Heading, ...] = ()

    @property
    def url(self) -> str:
        """The page's directory URL: ``shows/a/b/`` (``""`` for the home page)."""
        return self.src_uri.removesuffix("index.md")

    @property
    def front_matter(self) -> str:
        # MkDocs' and Material's templates print page.title and page.meta unescaped, into text
        # and into attributes (<meta name="description" content="...">): escape every value here.
        meta = {key: _escaped(value) for key, value in {"title": self.title, **self.meta}.items()}
        return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n"

    @property
    def markdown(self) -> str:
        """Front matter and the placeholder (for the plugin, which fills it in with :meth:`fill`)."""
        return f"{self.front_matter}{PLACEHOLDER}\n"

    def inline(self) -> str:
        """Self-contained Markdown: the body written in as a raw HTML block."""
        return f"{self.front_matter}{self.html}\n"

    def fill(self, text: str) -> str:
        """``text`` (the page as HTML) with the placeholder swapped for the body."""
        return text.replace(PLACEHOLDER, self.html, 1)


def _escaped(value: object) -> object:
    """Every string in a front matter value, HTML-escaped for an attribute (lists and mappings too)."""
    if isinstance(value, list | tuple):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return str(escape(str(value)))


@dataclass(frozen=True)
class Download:
    """A file published beside a page (a transcript export)."""

    src_uri: str
    content: str


@dataclass(frozen=True)
class Asset:
    """A file copied as it is beside a page (an episode's local audio)."""

    src_uri: str
    source: str


Item = Page | Download | Asset
