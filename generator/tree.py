"""The tree ``onrecord generate --out DIR`` writes: a ``docs_dir`` that any MkDocs-compatible engine
(MkDocs with Material, ProperDocs, Zensical reading ``mkdocs.yml``) renders without On Record's plugin.

What is in it: every generated page as ``<path>/index.md`` (YAML front matter, then the page's HTML
written in as raw HTML blocks: no ``<!--onrecord:body-->`` placeholder is left), the transcript
downloads and local audio beside their pages, the data files (``data/``: generator/data.py, their
links absolute under ``site_url`` when given), and On Record's stylesheets and scripts in
``assets/onrecord/``. Pages link to each other, and to those files, by relative URLs, so the built
site works under any base path (with directory URLs, MkDocs' default). Pagefind, run over the
built site, makes the search page work.

Decisions, and why:

- **Stylesheets are linked from each page, not listed for the engine's config.** Every page starts
  with ``<div class="onr-styles">`` holding one ``<link rel="stylesheet">`` per file of
  ``assets/onrecord/`` (all of them, in the order the plugin lists them in ``extra_css``, so the
  cascade is the same). A stylesheet link in the body is valid HTML5, every Markdown engine passes
  a raw ``<div>`` through, and the tree then needs nothing in ``mkdocs.yml`` to look right: an
  ``extra_css`` list would have to be copied into each engine's own config, and forgetting it
  leaves a working but unstyled site with nothing to say why. The div is first, not last:
  Material zeroes the last child's margin, and the styles load before the page's content.
- **Front matter stays HTML-escaped, as the plugin writes it** (:attr:`pages.Page.markdown`).
  Escaping is not one engine's quirk here: MkDocs, ProperDocs and Zensical's MkDocs compatibility
  all print ``page.meta`` and ``page.title`` unescaped, into text and into attributes
  (``<meta name="description" content="...">``), so in every engine that reads this tree the
  values are HTML, and raw ones would let an episode title run script. Only ``& < > " '`` change,
  so ordinary titles read the same either way. (An engine that escaped meta itself would show
  ``&amp;``: visible, never unsafe.)
- **The page bodies are HTML, escaped once, for no engine in particular.** Nothing is escaped for
  Markdown (no backslashes): text inside a raw HTML block is left alone. Python-Markdown, which
  every MkDocs-compatible engine uses, keeps an HTML block whole, blank lines inside it included,
  when it begins at a line start with one of its block-level tags (``div``, ``h1``, ``p``,
  ``figure``, ``script``...); text outside such an element, or an inline element such as ``svg``
  at the top, would be rendered as Markdown. So every fragment is made of block-level elements
  only, and nothing here rewrites them: tests/test_generate_tree.py checks that rule for every
  fragment, and that the plain ``mkdocs build`` of the tree gives every page the same HTML as the
  plugin's build, apart from whitespace between tags and the links to feeds (the tree has no feeds:
  they need the site's address, ``site_url``, which only the MkDocs build knows). (A CommonMark engine ends an HTML block at
  a blank line instead; it is not an engine this tree is for.)
- **Nothing is lost or overwritten unasked, nothing is written outside DIR.** A folder that has
  files is refused unless ``force`` is given; every path is checked before the first file is
  written, and a path that would leave DIR (``..``, an absolute path, a symlink inside DIR that
  points out) or that two files want is refused, naming it.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from . import data
from .model import Archive
from .pages import Asset, Download, Page, render
from .pages.markup import stylesheet_links
from .resources import ASSETS, assets, stylesheets


class TreeError(Exception):
    """Nothing was written: the folder has files, or a path would leave it or is wanted twice."""


def write(archive: Archive, out: Path, *, force: bool = False, site_name: str = "On Record",
          language: str | None = None, templates: Path | None = None, site_url: str | None = None) -> int:
    """Write the tree of ``archive`` into ``out``, in ``language`` (Material's codes), with the
    page templates a site overrides in ``templates`` (its ``custom_dir``) and the structured data's
    links absolute under ``site_url`` when given; returns how many files were written."""
    pages = render(archive, site_name, custom_dir=templates, language=language, site_url=site_url, data=True)
    items = [*pages, *data.render(archive, site_url), *(Asset(f"{ASSETS}/{path.name}", str(path)) for path in assets())]
    targets = checked(out, (item.src_uri for item in items), force)
    styles = stylesheets()
    for item, target in zip(items, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, Asset):
            shutil.copyfile(item.source, target)
        elif isinstance(item, Download):
            item.write(target)
        else:
            target.write_text(markdown(item, styles), encoding="utf-8")
    return len(items)


def checked(out: Path, uris: Iterable[str], force: bool) -> list[Path]:
    """The file each of ``uris`` is written to, once all of them are known to be safe to write."""
    if out.exists() and not out.is_dir():
        raise TreeError(f"{out}: not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise TreeError(f"{out}: folder is not empty; pass --force to write into it")
    root = out.resolve()
    targets: list[Path] = []
    seen: set[str] = set()
    for uri in uris:
        path = PurePosixPath(uri)
        target = out.joinpath(*path.parts)
        if path.is_absolute() or ".." in path.parts or not target.resolve().is_relative_to(root):
            raise TreeError(f"{uri}: refusing a path outside {out}")
        if uri in seen:
            raise TreeError(f"{uri}: two generated files want this path")
        seen.add(uri)
        targets.append(target)
    return targets


def markdown(page: Page, styles: Sequence[str]) -> str:
    """The page as the tree holds it: links to ``styles`` (site URLs) first, then its body."""
    links = stylesheet_links(posixpath.relpath(css, page.url or ".") for css in styles)
    return f'{page.front_matter}<div class="onr-styles">{links}</div>\n\n{page.html}\n'

