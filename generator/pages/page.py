"""Pages as values: every generated page as a :class:`Page`, no engine involved.

A page's body is HTML made from our templates (transcripts are thousands of turns: DESIGN.md
measured Markdown-rendering them 30x slower). Its Markdown for MkDocs is front matter and one
placeholder comment, which the plugin swaps for the body after Markdown has run;
:meth:`Page.inline` writes the body in for ``onrecord generate``, as a raw HTML block any
Markdown engine passes through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from . import markup

PLACEHOLDER = "<!--onrecord:body-->"
TITLED = "<!--onrecord:body <h1>-->"  # the placeholder of a body with a title (Page.stand_in)

#: A heading in a page's table of contents: its level (2 for an ``<h2>``), the ``id`` on it, and
#: its title as plain text (user text: the plugin escapes it, since Material prints titles as HTML).
Heading = tuple[int, str, str]


@dataclass(frozen=True, init=False)
class Page:
    """A generated page: ``src_uri`` is its source path (``shows/a/b/index.md``), ``html`` its body,
    ``toc`` its table of contents (the page's Markdown has no headings for MkDocs to find them in).

    The body is kept as UTF-8 (``utf8``). As a Python string, one character beyond Latin-1 (a
    name's, or a typographic quote) makes every character of a page take two or four bytes,
    and a build holds every page until MkDocs has written it: 1.9 GB of bodies for 10,000
    hour-long episodes, against 0.9 GB as UTF-8. Bytes are also kept in the build cache as they
    are, where a ``Markup`` string was copied whole to be pickled (issue 15)."""

    src_uri: str
    title: str
    utf8: bytes
    meta: dict[str, object]
    toc: tuple[Heading, ...]

    def __init__(self, src_uri: str, title: str, html: Markup, meta: dict[str, object] | None = None,
                 toc: tuple[Heading, ...] = ()) -> None:
        for name, value in (("src_uri", src_uri), ("title", title), ("utf8", _utf8(html)),
                            ("meta", {} if meta is None else meta), ("toc", toc)):
            object.__setattr__(self, name, value)

    @property
    def html(self) -> Markup:
        return markup.body(self.body)

    @property
    def body(self) -> str:
        """The body as it was given (``html``), as a plain string."""
        return self.utf8.decode("utf-8", "surrogatepass")

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
        return f"{self.front_matter}{self.body}\n"

    @property
    def stand_in(self) -> str:
        """What the theme is given for the body, for :meth:`fill` to swap: the placeholder, saying
        whether the body has a title (Material adds an ``<h1>`` to content that has none)."""
        return TITLED if b"<h1" in self.utf8 else PLACEHOLDER

    def fill(self, text: str) -> str:
        """``text`` (the page as the theme rendered it) with :attr:`stand_in` swapped for the body."""
        return text.replace(self.stand_in, self.body, 1)


def _utf8(html: str) -> bytes:
    # A lone surrogate (JSON may spell one out: "\\ud800") is kept as it was, as MkDocs writes it.
    return html.encode("utf-8", "surrogatepass")


def _escaped(value: object) -> object:
    """Every string in a front matter value, HTML-escaped for an attribute (lists and mappings too)."""
    if isinstance(value, list | tuple):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return str(escape(str(value)))


@dataclass(frozen=True)
class Download:
    """A file published beside a page (a transcript export) or at the site's root (a feed, a data
    file), made as it is written: ``make(*parts)`` gives its text, whole or in pieces. Held as
    text, the downloads of 10,000 hour-long episodes took 2.5 GB of a build's memory; their
    parts are what the archive holds anyway (issue 15). Two downloads with equal parts are the
    same file, so a build keeps one the last build wrote, except a download whose parts are too
    many to compare (``turns.csv``: every turn), made again every time."""

    src_uri: str
    make: Callable[..., str | Iterable[str]]
    parts: tuple[Any, ...]
    comparable: bool = True

    @classmethod
    def text(cls, src_uri: str, content: str) -> Download:
        return cls(src_uri, str, (content,))

    def pieces(self) -> Iterator[str]:
        made = self.make(*self.parts)
        yield from (made,) if isinstance(made, str) else made

    @property
    def content(self) -> str:
        return "".join(self.pieces())

    def write(self, path: Path) -> None:
        """Write the file at ``path``, piece by piece, its line ends as they are."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as out:
            for piece in self.pieces():
                out.write(piece)


@dataclass(frozen=True)
class Asset:
    """A file copied as it is beside a page (an episode's local audio)."""

    src_uri: str
    source: str


Item = Page | Download | Asset
