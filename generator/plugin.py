"""The MkDocs plugin: the only module that imports MkDocs.

``on_files`` reads the archive and adds every page with ``File.generated`` (nothing is written
into ``docs_dir``, so ``mkdocs serve`` never rebuilds in a loop); ``on_page_content`` swaps the
pre-rendered HTML fragments in; ``on_serve`` watches the content folder.

A problem in one file drops that file's page with a warning, in a build and in ``mkdocs serve``
alike. Anything unexpected while reading the archive (a bug) is different: ``mkdocs build`` stops
with an error naming it, while ``mkdocs serve`` logs that error and builds the last good pages
again. MkDocs itself would leave the preview hung: it empties the site folder before
``on_files``, and after a failed rebuild holds every page request until a rebuild succeeds.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import archive as archive_mod
from . import cache as cache_mod
from . import data as data_mod
from . import feeds as feeds_mod
from . import search
from .i18n import Messages
from .pages import Asset, Download, Item, Page, render
from .pages.page import Heading
from .pages.search import external
from .progress import Progress
from .resources import stylesheets, templates_dir
from .schema import unknown_hint

log = logging.getLogger("mkdocs.plugins.onrecord")


def describe(exc: BaseException) -> str:
    """``ValueError: message, at yamlio.py:42``: the innermost line of On Record's own code."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).is_relative_to(Path(__file__).parent)]
    where = (ours or frames)[-1] if frames else None
    return f"{type(exc).__name__}: {exc}" + (f", at {Path(where.filename).name}:{where.lineno}" if where else "")


class OnRecordConfig(base.Config):
    content = c.Dir(exists=True, default="content")
    """The archive folder (speakers.yml, shows/), relative to mkdocs.yml; it must exist."""
    drafts = c.Type(bool, default=False)
    """Build episodes marked `draft: true` too (for previewing them; never for publishing)."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind after every build and show the search box and page."""
    external_search = c.Optional(c.URL())
    """A web search for the header's box when the reader has no JavaScript (Pagefind needs it),
    such as `https://duckduckgo.com/?sites=example.org`: its parameters are kept, the words go in `q`."""
    feeds = c.Type(bool, default=True)
    """Publish podcast feeds (`feed.xml`, and one per show and per person); they need `site_url`."""
    feed_items = c.Type(int, default=feeds_mod.LIMIT)
    """The most episodes a feed lists, newest first."""
    cache = c.Type(bool, default=True)
    """Keep what a build computed in `.onrecord-cache/` beside mkdocs.yml for the next build (safe to delete)."""
    data_ = c.Type(bool, default=True)  # the option `data` (MkDocs drops the `_`; `data` is the Config's own dict)
    """Publish the archive as data for research: `data/episodes.json`, `data/people.json`, `data/turns.csv`."""

    def validate(self) -> tuple[Any, Any]:
        """MkDocs' checks, with a "did you mean" added to its "Unrecognised configuration name"."""
        failed, warnings = super().validate()
        names = [name for name, _ in self._schema]
        if isinstance(self.feed_items, int) and self.feed_items < 1:
            failed.append(("feed_items", ValidationError(f"expected a whole number of at least 1, found {self.feed_items}")))
        return failed, [(key, message + unknown_hint(key, names) if message.startswith("Unrecognised") else message)
                        for key, message in warnings]


class OnRecordPlugin(BasePlugin[OnRecordConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.feed = False  # feed.xml is published (the pages' heads link it)
        self.serving = False
        self.last_good: list[Item] = []  # the pages of the last archive read without an exception
        self.progress = Progress(live=False)  # a new one each build (on_files)
        self.page_count = 0
        self.cache: cache_mod.Cache | None = None  # on_config: the project's build cache, unless turned off

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across `mkdocs serve` rebuilds (MkDocs >= 1.4),
        # which is what lets last_good outlive a rebuild.
        self.serving = command == "serve"

    def content_dir(self, config: MkDocsConfig) -> Path:
        return Path(self.config.content)  # made absolute, and checked to exist, by c.Dir

    def language(self, config: MkDocsConfig) -> str | None:
        """Material's ``theme.language``: the site's language, and so ours."""
        return str(config.theme["language"]) if "language" in config.theme else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.messages = Messages.for_language(self.language(config))
        self.cache = (cache_mod.Cache.beside(Path(config.config_file_path))
                      if self.config.cache and config.config_file_path else None)
        # Theme overrides go after the user's own custom_dir, before Material's templates.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(templates_dir()))
        # Every stylesheet in site_templates/assets/onrecord/, one per component.
        config.extra_css[:0] = stylesheets()
        # Episodes are deliberately not in the nav; listing thousands of them on every build helps no one.
        config.validation.nav.omitted_files = logging.DEBUG
        return config

    def read_archive(self, config: MkDocsConfig) -> list[Item]:
        """Every generated page; while serving, the last good ones if reading fails unexpectedly."""
        content = self.content_dir(config)
        progress = self.progress
        try:
            with progress.stage("read {count} transcripts", "reading {count} transcripts"):
                archive = archive_mod.build(content, root=content.parent, drafts=self.config.drafts,
                                            progress=progress.tick)
            for problem in archive.problems:
                log.log(logging.INFO if problem.severity == "info" else logging.WARNING, str(problem))
            settings = self.feed_settings(config)
            with progress.stage("made {count} pages and files", "making {count} pages and files"):
                items: list[Item] = []
                for item in render(archive, config.site_name, custom_dir=config.theme.custom_dir,
                                   language=self.language(config), site_url=config.site_url,
                                   feeds=settings is not None, search=self.config.search,
                                   external_search=self.config.external_search, data=self.config.data_):
                    items.append(item)
                    progress.tick()
                if settings is not None:
                    items += feeds_mod.render(archive, settings)
                if self.config.data_:
                    items += data_mod.render(archive, config.site_url)
            self.last_good = items
        except Exception as exc:  # a bug, not bad input (that is a problem above): say what, and where
            log.debug("reading the archive failed", exc_info=True)  # the whole traceback with --verbose
            what = describe(exc)
            if not self.serving:
                raise PluginError(f"On Record could not read {content} ({what}); please report this "
                                  "with the file you last changed") from exc
            log.error("On Record could not read %s (%s); serving the last good pages until it is fixed",
                      content, what)
            # An audio file deleted since would fail the copy, and so the whole rebuild.
            return [item for item in self.last_good if not isinstance(item, Asset) or Path(item.source).is_file()]
        return self.last_good

    def feed_settings(self, config: MkDocsConfig) -> feeds_mod.Settings | None:
        """What the feeds need, or ``None`` when there are none: turned off, or no ``site_url``
        (podcast apps need absolute URLs; ``mkdocs serve`` always sets one)."""
        if not self.config.feeds:
            return None
        if not config.site_url:
            log.warning("feeds left out: podcast apps need absolute links, so set site_url in mkdocs.yml to the "
                        "address the site is published at (or set the onrecord plugin's 'feeds: false')")
            return None
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return feeds_mod.Settings(site_url, config.site_name, config.site_description or "",
                                  self.config.feed_items, self.messages)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.pages = {}
        self.feed = False
        self.progress = Progress.for_terminal(log)
        for item in self.read_archive(config):
            if item.src_uri == "search/index.md" and not self.config.search:
                continue
            if files.get_file_from_path(item.src_uri) is not None:
                log.info("%s: a hand-written page replaces the generated one", item.src_uri)
                continue
            if isinstance(item, Asset):
                files.append(File.generated(config, item.src_uri, abs_src_path=item.source))
            elif isinstance(item, Download):
                files.append(File.generated(config, item.src_uri, content=item.content))
                self.feed = self.feed or item.src_uri == feeds_mod.FILE
            else:
                self.pages[item.src_uri] = item
                files.append(File.generated(config, item.src_uri, content=item.markdown))
        if config.nav is None:
            config.nav = self.navigation(files, self.messages.gettext)
        in_nav = set(nav_paths(config.nav))
        for uri in self.pages.keys() - in_nav:  # a page the nav names takes its title from the nav: MkDocs makes it
            file = files.get_file_from_path(uri)
            assert file is not None
            file.page = GeneratedPage(None, file, config)
        self.page_count = len(files.documentation_pages())
        self.progress.begin("MkDocs read {count} pages", "MkDocs is reading {count} pages", self.page_count)
        return files

    @staticmethod
    def navigation(files: Files, gettext: Callable[[str], str]) -> list[Any]:
        """Index pages only: episodes stay out of the nav (it is rendered into every page)."""
        nav: list[Any] = [{gettext("Home"): "index.md"}, {gettext("Shows"): "shows/index.md"},
                          {gettext("Speakers"): "speakers/index.md"}, {gettext("Timeline"): "timeline/index.md"}]
        if files.get_file_from_path("tags/index.md") is not None:  # an archive without tags has no tag pages
            nav.append({gettext("Tags"): "tags/index.md"})
        generated = {"index.md", "shows/index.md", "speakers/index.md", "timeline/index.md", "tags/index.md"}
        for file in files.documentation_pages():
            if file.src_uri.count("/") == 0 and file.src_uri not in generated:
                nav.append(file.src_uri)
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # MkDocs has converted every page; it renders each into the theme's template next.
        self.progress.begin("wrote {count} pages", "writing {count} pages", self.page_count)
        # Our theme partials (the header's search box) speak the site's language too.
        env.globals["onrecord_messages"] = self.messages
        env.globals["onrecord_external_search"] = external(self.config.external_search)
        # The site's feed, linked from every page's head (main.html): its title, escaped as page.meta is.
        env.globals["onrecord_feed"] = str(escape(config.site_name)) if self.feed else None
        return env

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        self.progress.tick()
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        if generated.toc:  # MkDocs has just set page.toc from the Markdown, which has no headings
            page.toc = table_of_contents(generated.toc)
        return generated.fill(html)

    def on_build_error(self, *, error: Exception) -> None:
        self.progress.end()  # the status line and its log filter go with the failed build

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        self.progress.tick()
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.progress.end()
        if self.config.search:
            try:
                with self.progress.stage("indexed {count} pages", "indexing {count} pages for search") as progress:
                    log.info(search.index(Path(config.site_dir), progress=progress, cache=self.cache))
            except search.SearchError as exc:
                log.error(str(exc))
        log.info(self.progress.summary())

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir(config)))
        return server


class GeneratedPage(MkPage):
    """A page On Record generated: its body is HTML already, so Python-Markdown is skipped (1.5 s
    of CPU on 1,154 briefings, the same bytes). Its Markdown, once MkDocs has read the front matter,
    is the placeholder comment alone, which Markdown passes through as it is; on_page_content puts
    the body in its place and the table of contents from the page's headings."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = (self.markdown or "").strip()
        self.toc = TableOfContents([])
        self.present_anchor_ids = set()  # as Markdown finds in the placeholder: none


def nav_paths(nav: Any) -> Iterator[str]:
    """Every file path in a MkDocs ``nav`` (strings in nested lists and mappings)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from nav_paths(entry)
    elif isinstance(nav, dict):
        for entry in nav.values():
            yield from nav_paths(entry)


def table_of_contents(headings: tuple[Heading, ...]) -> TableOfContents:
    """MkDocs' table of contents for a generated page: each heading under the last one above it
    of a lower level. Titles and ids are escaped: MkDocs and Material print a title as HTML and an
    id into ``href`` unescaped, and ours come from the user's files (chapter titles, names' initials)."""
    top: list[AnchorLink] = []
    open_: list[AnchorLink] = []  # the innermost heading of each level above the current one
    for level, anchor, title in headings:
        link = AnchorLink(str(escape(title)), str(escape(anchor)), level)
        while open_ and open_[-1].level >= level:
            open_.pop()
        (open_[-1].children if open_ else top).append(link)
        open_.append(link)
    return TableOfContents(top)
