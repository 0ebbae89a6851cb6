"""What every page module builds: a page as a value (:class:`Page`), the builder that collects
its Markdown and HTML fragments, and the files published beside pages (:class:`Download`,
:class:`Asset`).

Heavy HTML (transcript turns, tables) is rendered once, escaped, and kept out of Markdown:
the page's Markdown carries a placeholder comment per fragment. The MkDocs plugin swaps the
fragments in after Markdown has run (DESIGN.md: about 30x faster than Markdown-rendering
transcripts); :meth:`Page.inline` gives the self-contained Markdown that ``onrecord generate``
writes for any other engine.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import yaml

PLACEHOLDER = "<!--onrecord:{}-->"
PLACEHOLDER_RE = re.compile(r"<!--onrecord:(\d+)-->")


@dataclass(frozen=True)
class Page:
    """A Markdown page at ``uri`` (a source path such as ``shows/a/b/index.md``)."""

    uri: str
    title: str
    body: str  # Markdown with placeholders
    fragments: tuple[str, ...] = ()
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The page's directory URL: ``shows/a/b/`` (``""`` for the home page)."""
        return self.uri.removesuffix("index.md")

    @property
    def markdown(self) -> str:
        """Markdown with front matter, placeholders left in (for the plugin)."""
        # MkDocs' and Material's templates print page.title and page.meta unescaped, into text
        # and into attributes (<meta name="description" content="...">): escape every value here.
        meta = {key: _escaped(value) for key, value in {"title": self.title, **self.meta}.items()}
        return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n{self.body}"

    def inline(self) -> str:
        """Self-contained Markdown: fragments written in as raw HTML blocks."""
        return self.fill(self.markdown)

    def fill(self, text: str) -> str:
        """Swap the placeholders for their fragments (one pass: a fragment is never rescanned)."""
        count = len(self.fragments)
        return PLACEHOLDER_RE.sub(lambda m: self.fragments[int(m[1])] if int(m[1]) < count else m[0], text)


def _escaped(value: object) -> object:
    """Every string in a front matter value, HTML-escaped for an attribute (lists and mappings too)."""
    if isinstance(value, list | tuple):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return html.escape(str(value), quote=True)


class PageBuilder:
    """Collects Markdown and HTML fragments for one page."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.parts: list[str] = []
        self.fragments: list[str] = []

    def md(self, text: str) -> None:
        self.parts.append(text)

    def html(self, fragment: str) -> None:
        """Add escaped HTML that Markdown must not touch."""
        self.parts.append(PLACEHOLDER.format(len(self.fragments)))
        self.fragments.append(fragment)

    def page(self, title: str, **meta: object) -> Page:
        uri = f"{self.url}index.md"
        return Page(uri, title, "\n\n".join(self.parts) + "\n", tuple(self.fragments), dict(meta))


@dataclass(frozen=True)
class Download:
    """A file published beside a page (a transcript export)."""

    uri: str
    content: str


@dataclass(frozen=True)
class Asset:
    """A file copied as it is beside a page (an episode's local audio)."""

    uri: str
    source: str


Item = Page | Download | Asset
