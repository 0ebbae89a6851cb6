"""A turn's text as HTML: inline Markdown for Markdown transcripts, notes shown as notes.

Only transcripts read by the ``text`` reader (``.md``, ``.txt``) are Markdown; in captions and
JSON a ``*`` or ``_`` is a literal character, so their text stays escaped plain text.

Speed (DESIGN.md: Markdown per turn made the naive site 30x slower): a turn's paragraph goes
through markdown-it-py only when it contains a character that can start Markdown syntax
(:func:`syntax`); all others take the escaped plain path. The parser is the ``zero`` preset with
only the inline rules a sentence needs (escapes, code, emphasis, links, images, autolinks,
entities): block syntax means nothing inside a turn, and raw HTML is never parsed (``html=False``)
so it is shown escaped.

Links and images (untrusted input, the same rules as every other link on the site):

- every ``href`` and ``src`` must pass :func:`generator.urls.safe_url`; a link that fails keeps
  its text and loses its link, an image that fails is shown as its alt text;
- a remote image (http, https) is shown from where it is;
- a relative link or image names a file beside the transcript (``chart.png``, ``slides/deck.pdf``;
  never one outside its folder through ``..`` or ``/``). It is published beside the episode page
  (so the same relative URL works there) when :func:`generator.sources.media` accepts it: inside
  ``content/``, and an image (:data:`generator.sources.IMAGES`) or a PDF (:data:`DOCUMENTS`) by
  its extension *and* first bytes. Anything else would be a broken link on the site, or a file
  the site must not publish: an image is shown as its alt text and a link as its text. Links with
  only a ``#fragment`` or ``?query`` are kept.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .. import sources, urls
from ..model import Episode
from .markup import Markup, joined, notes_marked, paragraph, rendered, section_title

_ENTITY = re.compile(r"&#?\w+;")
_HEADING = re.compile(r"#{1,6}[ \t]+(?P<title>[^\n]*\S)\Z")
#: Files other than images that a transcript may link to and have published.
DOCUMENTS = sources.DOCUMENTS
_LINKABLE = {**sources.IMAGES, **DOCUMENTS}


class TurnText:
    """Renders the turns of one episode and collects the local files they link to
    (``files``: path beside the page -> absolute source path, for :class:`~generator.pages.Asset`)."""

    def __init__(self, episode: Episode) -> None:
        self.markdown = episode.format == "text"
        self.folder = Path(episode.source_dir) if episode.source_dir else None
        self.content = Path(episode.content_dir) if episode.content_dir else None
        self.files: dict[str, str] = {}

    def html(self, text: str) -> Markup:
        """The turn's paragraphs (split on blank lines, as readers write them) as ``<p>``s. In a
        Markdown transcript a ``## Heading`` paragraph (an untimed file keeps its headings in the
        text) is shown as a section title, not as hashes."""
        if self.markdown and (syntax(text) or "#" in text):
            return joined(self.paragraph(p) for p in text.split("\n\n") if p.strip())
        return joined(paragraph(notes_marked(p)) for p in text.split("\n\n") if p.strip())

    def paragraph(self, text: str) -> Markup:
        heading = _HEADING.match(text)
        if heading:
            return section_title(self.inline(heading["title"].rstrip(" #")))
        return paragraph(self.inline(text))

    def inline(self, paragraph: str) -> Markup:
        if syntax(paragraph):
            return rendered(_PARSER.renderInline(paragraph, {"turntext": self}))
        return notes_marked(paragraph)

    def publish(self, url: str, kinds: dict[str, tuple[tuple[int, bytes], ...]]) -> bool:
        """Whether relative ``url`` names a file beside the transcript that may be published
        (then it is added to ``files``)."""
        path = beside(url)
        if path is None or self.folder is None or self.content is None:
            return False
        found = sources.media(path, self.folder, self.content, kinds)
        if isinstance(found, str):
            return False
        self.files[path] = str(found)
        return True


def syntax(text: str) -> bool:
    """Whether ``text`` has a character (or an entity) that can start inline Markdown. Plain
    ``in`` tests: 6x faster than one regex over the White House archive's 3.3 MB."""
    return ("*" in text or "_" in text or "[" in text or "\\" in text or "`" in text or "<" in text
            or ("&" in text and _ENTITY.search(text) is not None))


def beside(url: str) -> str | None:
    """The file path (``a b.png`` for ``a%20b.png``) a relative URL names inside the transcript's
    folder; ``None`` for absolute URLs, bare fragments and queries, and paths leaving the folder."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(unquote(parts.path))
    return None if path == ".." or path.startswith("../") or path == "." else path


def is_relative(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def _safe(url: str) -> bool:
    # Checked as written and percent-decoded: markdown-it has already percent-encoded the URL.
    return urls.safe_url(url) and urls.safe_url(unquote(url))


def _image(token: Token, text: TurnText) -> bool:
    """Whether an image may be shown: a safe remote one, or a publishable file beside the transcript."""
    src = token.attrGet("src")
    if not isinstance(src, str) or not src or not _safe(src):
        return False
    token.attrSet("loading", "lazy")  # a transcript may carry many; none is needed before it is read
    if is_relative(src):
        return text.publish(src, sources.IMAGES)
    return urlsplit(src).scheme.lower() in ("http", "https")


def _link(token: Token, text: TurnText) -> bool:
    href = token.attrGet("href")
    if not isinstance(href, str) or not href or not _safe(href):
        return False
    return not is_relative(href) or text.publish(href, _LINKABLE)


def _police(children: Sequence[Token], text: TurnText, md: MarkdownIt, env: Any) -> list[Token]:
    """The tokens with unsafe links unwrapped (their text kept), refused images as their alt
    text, and notes in text split out as note markup."""
    out: list[Token] = []
    dropping = False  # inside a refused link (links do not nest in CommonMark)
    for token in children:
        if token.type == "link_open" and not _link(token, text):
            dropping = True
        elif token.type == "link_close" and dropping:
            dropping = False
        elif token.type == "image" and not _image(token, text):
            alt = Token("text", "", 0)
            alt.content = _TEXT.renderInlineAsText(token.children or [], md.options, env)
            out.append(alt)
        elif token.type == "text" and ("[" in token.content or "(" in token.content):
            out.append(_with_notes(token.content))
        else:
            out.append(token)
    return out


def _with_notes(content: str) -> Token:
    token = Token("html_inline", "", 0)  # escaped by notes_marked(); the renderer prints html_inline as it is
    token.content = str(notes_marked(content))
    return token


def _core_rule(state: StateCore) -> None:
    text = state.env.get("turntext")
    if not isinstance(text, TurnText):
        return
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = _police(token.children, text, state.md, state.env)


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False})
    md.enable(["escape", "backticks", "emphasis", "link", "image", "autolink", "entity"])
    # Every link is parsed (the hook lets all through) so that one failing the URL policy can
    # keep its text: with validateLink refusing, markdown-it shows the raw "[text](url)" syntax.
    # The policy is applied by _core_rule, after parsing, on the normalized URL.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.after("text_join", "onrecord_links_notes", _core_rule)
    return md


_PARSER = _parser()
_TEXT = RendererHTML()  # an image's alt text as plain text, as the HTML renderer writes alt=""
