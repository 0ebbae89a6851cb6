"""The MkDocs plugin: the only module that imports MkDocs.

``on_files`` reads the archive and adds every page with ``File.generated`` (nothing is written
into ``docs_dir``, so ``mkdocs serve`` never rebuilds in a loop, and downloads are written straight
into the site folder); ``on_post_page`` swaps the pre-rendered HTML bodies into the pages the
theme rendered; ``on_serve`` watches the content folder.

A problem in one file drops that file's page with a warning, in a build and in ``mkdocs serve``
alike. Anything unexpected while reading the archive (a bug) is different: ``mkdocs build`` stops
with an error naming it, while ``mkdocs serve`` logs that error and builds the last good pages
again. MkDocs itself would leave the preview hung: it empties the site folder before
``on_files``, and after a failed rebuild holds every page request until a rebuild succeeds.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
import shutil
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
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import cache as cache_mod
from . import feeds as feeds_mod
from . import incremental, quotes, readers, search
from .i18n import Messages
from .memo import ByIdentity, give_back
from .pages import Asset, Download, Item, Page
from .pages.page import Heading
from .pages.search import external
from .pages.templates import MemoryBytecode
from .preview import BackgroundSearch, Outputs, index_elsewhere
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
        self.background: BackgroundSearch | None = None  # mkdocs serve: the index catches up after the pages
        self.memo: readers.Memo | None = None  # mkdocs serve: transcripts read already, by their bytes
        self.state: incremental.State | None = None  # mkdocs serve: the last build, for the next (incremental.py)
        self.outputs: Outputs | None = None  # mkdocs serve: the last build's files, to keep what did not change
        self.built: dict[str, tuple[Item, tuple[int, int] | None]] = {}  # ...: what made them
        self.built_key = ""  # ...: and the theme's inputs then (theme_key)
        self.reused: list[str] = []  # this build's files kept from the last
        self.bytecode: MemoryBytecode | None = None
        self.full_build = False  # the last build read everything (mkdocs serve: see on_pre_build)
        self.manifest: bytes | None = None  # mkdocs build: the last one's files and what made them (kept)
        self.made: dict[str, str] = {}  # mkdocs build: this one's, file -> a hash of what made it

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across `mkdocs serve` rebuilds (MkDocs >= 1.4),
        # which is what lets last_good outlive a rebuild.
        self.serving = command == "serve"
        self.background = BackgroundSearch() if self.serving else None
        self.memo = readers.Memo() if self.serving else None
        self.outputs = Outputs() if self.serving and not dirty else None
        self.bytecode = MemoryBytecode() if self.serving else None  # Material's templates, compiled once
        ByIdentity.keeping = self.serving  # values worked out from unchanged episodes, for the next build

    def on_shutdown(self) -> None:
        if self.background is not None:
            self.background.close()
        if self.outputs is not None:
            self.outputs.close()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serving and self.full_build:
            # The archive and pages of a full build stay for the builds after it (incremental.py):
            # millions of objects, which Python's garbage collector would go through again and
            # again (half a second of a rebuild of 1,154 briefings). The last build's garbage is
            # collected, then what is left is set aside from the collector (frozen); it is still
            # freed when no longer used, as it holds no reference cycles.
            gc.collect()
            gc.freeze()
            self.full_build = False
        if self.background is not None:
            self.background.build_started()
        if not self.serving and self.cache is not None:
            # The last mkdocs build's files, if it said what made them (written when it ended
            # well; taken now, so that a build that fails leaves none behind to be trusted).
            self.manifest = self.cache.get("site", site_key(config))
            self.cache.delete("site", site_key(config))
            shutil.rmtree(self.cache.folder / "site-files", ignore_errors=True)  # a failed build's, if any
            self.outputs = Outputs(self.cache.folder / "site-files") if self.manifest else None
        if self.outputs is not None:
            self.outputs.set_aside(Path(config.site_dir))

    def content_dir(self, config: MkDocsConfig) -> Path:
        return Path(self.config.content)  # made absolute, and checked to exist, by c.Dir

    def language(self, config: MkDocsConfig) -> str | None:
        """Material's ``theme.language``: the site's language, and so ours."""
        return str(config.theme["language"]) if "language" in config.theme else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.messages = Messages.for_language(self.language(config))
        self.cache = (cache_mod.Cache.beside(Path(config.config_file_path))
                      if self.config.cache and config.config_file_path else None)
        if self.background is not None:
            self.background.indexer = functools.partial(index_elsewhere, cache=self.cache.folder if self.cache else None)
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
        try:
            settings = incremental.Settings(
                content=content, root=content.parent, drafts=self.config.drafts, site_name=config.site_name,
                custom_dir=config.theme.custom_dir, language=self.language(config), site_url=config.site_url,
                feeds=self.feed_settings(config), search=self.config.search,
                external_search=self.config.external_search, data=self.config.data_)
            state = None
            previous = self.state
            if previous is None and not self.serving and self.cache is not None:
                previous = incremental.load(settings, self.cache)  # the last mkdocs build's
            if previous is not None and previous.settings == settings:
                state = incremental.update(previous, self.progress, self.memo)
            if state is None:
                if self.memo is not None:
                    self.memo.next_build()
                state = incremental.build(settings, self.progress, self.memo)
                self.full_build = True
            for problem in state.archive.problems:
                log.log(logging.INFO if problem.severity == "info" else logging.WARNING, str(problem))
            if self.serving:  # kept for the next build (only while serving: it holds the whole archive)
                self.state = state
            elif self.cache is not None and state is not previous:
                incremental.save(state, self.cache)
            self.last_good = list(state.items)
        except Exception as exc:  # a bug, not bad input (that is a problem above): say what, and where
            log.debug("reading the archive failed", exc_info=True)  # the whole traceback with --verbose
            what = describe(exc)
            if not self.serving:
                raise PluginError(f"On Record could not read {content} ({what}); please report this "
                                  "with the file you last changed") from exc
            log.error("On Record could not read %s (%s); serving the last good pages until it is fixed",
                      content, what)
            self.state = None
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
        items: list[Item] = []
        for item in self.read_archive(config):
            if item.src_uri == "search/index.md" and not self.config.search:
                continue
            if files.get_file_from_path(item.src_uri) is not None:
                log.info("%s: a hand-written page replaces the generated one", item.src_uri)
                continue
            items.append(item)
            if isinstance(item, Asset):
                files.append(File.generated(config, item.src_uri, abs_src_path=item.source))
                continue
            if isinstance(item, Download):
                # Written into the site folder below, unless kept; MkDocs leaves a file whose
                # source is where it goes alone ("Let plugins write directly into site_dir").
                files.append(File.generated(config, item.src_uri,
                                            abs_src_path=os.path.normpath(os.path.join(config.site_dir, item.src_uri))))
                self.feed = self.feed or item.src_uri == feeds_mod.FILE
                continue
            file = File.generated(config, item.src_uri, content="")  # its content below, unless it is kept
            files.append(file)
            self.pages[item.src_uri] = item
        if config.nav is None:
            config.nav = self.navigation(files, self.messages.gettext)
        in_nav = set(nav_paths(config.nav))
        kept = self.kept(files, config, items, in_nav)
        with self.progress.stage("wrote {count} downloads", "writing {count} downloads") as progress:
            for item in items:
                if isinstance(item, Download) and item.src_uri not in kept:
                    item.write(Path(files.get_file_from_path(item.src_uri).abs_dest_path))  # type: ignore[union-attr]
                    progress.tick()
        for uri, page in self.pages.items():
            made = files.get_file_from_path(uri)
            assert made is not None
            if uri not in kept:
                made.content_string = page.markdown
            if uri not in in_nav:  # a page the nav names takes its title from the nav: MkDocs makes it
                made.page = GeneratedPage(None, made, config)
        self.page_count = len(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        self.progress.begin("MkDocs read {count} pages", "MkDocs is reading {count} pages", self.page_count)
        return files

    def kept(self, files: Files, config: MkDocsConfig, items: list[Item], in_nav: set[str]) -> set[str]:
        """The pages and files that are as the last build made them: MkDocs leaves them out of
        this build (excluded), and on_post_build puts the last build's files back (Outputs). Pages
        the nav names are always built, as excluding them would change the nav; and nothing is
        kept unless the theme's inputs are the same (theme_key). While serving, the last build's
        values are in memory (the very objects, where nothing changed); a ``mkdocs build``
        compares a hash of each value with the manifest the last one left in the build cache,
        and each file with the size and time of change it had then."""
        self.reused = []
        theme = theme_key(config, self.feed)
        made = {item.src_uri: file.dest_uri for item in items
                if item.src_uri not in in_nav and (not isinstance(item, Download) or item.comparable)
                and (file := files.get_file_from_path(item.src_uri)) is not None}
        values = {item.src_uri: item for item in items if item.src_uri in made}
        if self.serving:
            built, self.built = (self.built if theme == self.built_key else {}), {
                uri: (item, incremental.stamp(Path(item.source)) if isinstance(item, Asset) else None)
                for uri, item in values.items()}
            same = {uri for uri, value in self.built.items() if built.get(uri) == value
                    and self.outputs is not None and self.outputs.has(made[uri])}
        else:
            parts: dict[int, str] = {}  # the items hold the parts: no id is reused meanwhile
            self.made = {made[uri]: digest(item, parts) for uri, item in values.items()} if self.cache is not None else {}
            try:
                last = json.loads(self.manifest) if self.manifest else {}
            except ValueError:  # not a manifest this code wrote: keep nothing
                last = {}
            same = {uri for uri, dest in made.items() if self.outputs is not None and last.get("theme") == theme
                    and last.get("files", {}).get(dest) == [self.made[dest], *(self.outputs.stamp(dest) or ())]}
        self.built_key = theme
        for uri in same:
            files.get_file_from_path(uri).inclusion = InclusionLevel.EXCLUDED  # type: ignore[union-attr]
            self.reused.append(made[uri])
        return same

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
        if self.bytecode is not None:
            env.bytecode_cache = self.bytecode
        # The sitemap lists the pages kept from the last build too (site_templates/sitemap.xml).
        kept = set(self.reused)
        env.globals["onrecord_sitemap"] = [file for file in files if file.is_documentation_page()
                                           and (file.inclusion.is_included() or file.dest_uri in kept)]
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
        return generated.stand_in  # on_post_page puts the body in its place

    def on_build_error(self, *, error: Exception) -> None:
        self.progress.end()  # the status line and its log filter go with the failed build
        self.built = {}  # what is in the site folder is unknown: the next build makes everything

    @event_priority(100)  # first: a plugin after it may minify the page, comments and all
    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        """The page as the theme rendered it, with the body in the placeholder's place. MkDocs
        holds every page's content from the first page read to the last one written: a second
        copy of every body (0.85 GB for 10,000 hour-long episodes), had the body gone in sooner."""
        self.progress.tick()
        generated = self.pages.get(page.file.src_uri)
        return output if generated is None else generated.fill(output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.progress.end()
        if self.outputs is not None:
            self.outputs.put_back(Path(config.site_dir), self.reused)
        if not self.serving and self.cache is not None and self.made:
            self.cache.put("site", site_key(config), manifest(Path(config.site_dir), self.made, self.built_key))
        if not self.serving:  # the archive and its pages are written: their memory is free for indexing
            self.pages, self.last_good, self.made = {}, [], {}
            quotes.forget()
            give_back()
        if self.config.search and self.background is not None:
            self.background.submit(Path(config.site_dir))  # pages first, the index after (generator/preview.py)
        elif self.config.search:
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
    is the placeholder comment alone, which Markdown passes through as it is and the theme prints;
    on_page_content gives the page the table of contents from its headings, and on_post_page puts
    the body in the placeholder's place."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = (self.markdown or "").strip()
        self.toc = TableOfContents([])
        # Unknown to MkDocs (the body's ids are ours: turns, chapters), so it does not check links
        # into it against an empty list, and does the same whether the page was made in this build
        # or kept from the last (then MkDocs never renders it).
        self.present_anchor_ids = None


def site_key(config: MkDocsConfig) -> str:
    """The build cache's key for the manifest of what a build wrote to its site folder."""
    return cache_mod.key("site", str(Path(config.site_dir).resolve()))


def digest(item: Item, parts: dict[int, str]) -> str:
    """A hash of everything a generated file is made of (an asset: its source's size and time; a
    download: what it is made from, each part hashed once for the downloads that share it, in
    ``parts``: an episode's four transcripts share its turns)."""
    if isinstance(item, Asset):
        return cache_mod.key(item.src_uri, item.source, repr(incremental.stamp(Path(item.source))))
    if isinstance(item, Download):
        made = [parts.get(id(part)) or parts.setdefault(id(part), cache_mod.key(repr(part))) for part in item.parts]
        return cache_mod.key(item.src_uri, item.make.__module__, item.make.__qualname__, *made)
    return cache_mod.key(item.src_uri, item.title, repr(item.meta), repr(item.toc), item.utf8)


def manifest(site_dir: Path, made: dict[str, str], theme: str) -> bytes:
    """What the next ``mkdocs build`` needs to keep this one's files: each file's hash of what made
    it, with the size and time of change it has now, and the theme's inputs."""
    files = {}
    for dest, value in made.items():
        size, changed = incremental.stamp(site_dir / dest)
        if size >= 0:
            files[dest] = [value, size, changed]
    return json.dumps({"theme": theme, "files": files}).encode("utf-8")


def theme_key(config: MkDocsConfig, feed: bool) -> str:
    """What every page MkDocs renders depends on besides its own values: mkdocs.yml as read (with
    its environment variables), the nav, the theme's folders and On Record's code, the hand-written
    pages (their titles are in the nav) and the site's own template overrides."""
    folders = [Path(config.docs_dir), *(Path(d) for d in [config.theme.custom_dir] if d)]
    files = sorted((path, incremental.stamp(Path(path))) for folder in folders for path in incremental.walk(folder))
    settings = {key: value for key, value in config.items() if key != "plugins"}
    settings["theme"] = {"vars": dict(config.theme), "dirs": config.theme.dirs,
                         "static_templates": config.theme.static_templates}
    return cache_mod.key(stable(settings), repr(files), str(feed))


def stable(value: Any) -> str:
    """``repr`` of ``value`` with every set and mapping sorted: a set's order changes from one
    Python process to the next (the theme's ``static_templates``), and the key must not."""
    if isinstance(value, set | frozenset):
        return repr(sorted(stable(v) for v in value))
    if isinstance(value, dict):
        return repr(sorted((str(k), stable(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return repr([stable(v) for v in value])
    return repr(value)


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
