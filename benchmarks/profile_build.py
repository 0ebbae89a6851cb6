"""Where a cold ``mkdocs build`` of a big archive spends its time and memory (issue 15).

Runs MkDocs' build in this process on a project written by ``synthetic.py`` and wraps each stage:
reading the archive (``archive.build``), rendering pages as values (``pages.render``), feeds,
MkDocs reading pages (``_populate_page``: Python-Markdown and our ``on_page_content``), the
theme (Jinja, Material's templates and nav) and writing files, and Pagefind (``search.index``).

    .venv/bin/python benchmarks/synthetic.py /tmp/a --episodes 1154 --words 6800 --style briefing
    .venv/bin/python benchmarks/profile_build.py /tmp/a                 # CPU time and RSS per stage
    .venv/bin/python benchmarks/profile_build.py /tmp/a --tracemalloc   # Python memory per stage
    .venv/bin/python benchmarks/profile_build.py /tmp/a --cprofile out.prof [--no-search]

CPU time is ``time.process_time`` (every thread of this process) plus, for Pagefind, the CPU
time of its binary (``RUSAGE_CHILDREN``): on a shared machine wall time says more about the
neighbours than about the build. The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import mkdocs.utils  # noqa: E402
from mkdocs.commands import build as mk_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.files import Files, get_files  # noqa: E402
from mkdocs.structure.nav import Navigation, get_navigation  # noqa: E402
from mkdocs.structure.pages import Page as MkPage  # noqa: E402
from mkdocs.structure.toc import TableOfContents  # noqa: E402

from generator import archive, exports, feeds, plugin, quotes, search, vocabulary  # noqa: E402
from generator.pages import Download  # noqa: E402
from generator.pages import render as render_pages  # noqa: E402


def rss() -> int:
    """This process's resident memory now, in bytes."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Stages:
    """CPU time, wall time and memory of each stage, summed over its calls."""

    def __init__(self, traced: bool) -> None:
        self.traced = traced
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.rss_after: dict[str, int] = {}
        self.rss_peak: dict[str, int] = {}
        self.traced_after: dict[str, int] = {}
        self.traced_peak: dict[str, int] = {}
        self.child_cpu = 0.0
        self.open: list[str] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        nested = bool(self.open)
        self.open.append(name)
        cpu, wall = time.process_time(), time.perf_counter()
        if self.traced and not nested:
            tracemalloc.reset_peak()
        try:
            yield
        finally:
            self.open.pop()
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall
            self.calls[name] = self.calls.get(name, 0) + 1
            now = rss()
            self.rss_after[name] = now
            self.rss_peak[name] = max(self.rss_peak.get(name, 0), now)
            if self.traced:
                current, peak = tracemalloc.get_traced_memory()
                self.traced_after[name] = current
                self.traced_peak[name] = max(self.traced_peak.get(name, 0), peak if not nested else current)

    def wrap(self, name: str, function: Callable[..., Any], consume: bool = False) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                result = function(*args, **kwargs)
                return list(result) if consume else result
        return wrapped


def patch(module: Any, name: str, value: Any) -> None:
    """Replace ``module.name`` (a function as the build calls it) with ``value``."""
    setattr(module, name, value)


def instrument(stages: Stages) -> None:
    """Wrap every stage of the build (the functions as the build calls them)."""
    archive.build = stages.wrap("1 read archive (archive.build)", archive.build)
    patch(plugin, "render", stages.wrap("2 render pages as values (pages.render)", render_pages, consume=True))
    feeds.render = stages.wrap("3 feeds (feeds.render)", feeds.render, consume=True)
    quotes.pick = stages.wrap("2a  of which quotes.pick (descriptions, person pages)", quotes.pick)
    quotes.recurring = stages.wrap("2b  of which quotes.recurring (person pages)", quotes.recurring)
    exports.to_json = stages.wrap("2c  of which exports.to_json (transcript.json)", exports.to_json)
    exports.EXPORTS["json"] = (exports.to_json, *exports.EXPORTS["json"][1:])
    vocabulary.from_bundle = stages.wrap("10a  of which vocabulary.from_bundle (Did you mean)", vocabulary.from_bundle)
    on_files = plugin.OnRecordPlugin.on_files
    plugin.OnRecordPlugin.on_files = stages.wrap("0 on_files (1-3 + File.generated)", on_files)  # type: ignore[method-assign]
    patch(mk_build, "get_files", stages.wrap("4a get_files + theme files", get_files))
    patch(mk_build, "get_navigation", stages.wrap("4b get_navigation", get_navigation))
    mk_build._populate_page = stages.wrap("5 populate pages (read, Markdown, on_page_content)",
                                          mk_build._populate_page)
    MkPage.render = stages.wrap("5a  of which Page.render (Python-Markdown)", MkPage.render)  # type: ignore[method-assign]
    on_page_content = plugin.OnRecordPlugin.on_page_content
    plugin.OnRecordPlugin.on_page_content = stages.wrap(  # type: ignore[method-assign]
        "5b  of which on_page_content (toc, fill)", on_page_content)
    mk_build._build_page = stages.wrap("6 build pages (context, theme, write)", mk_build._build_page)
    mk_build.get_context = stages.wrap("6a  of which get_context", mk_build.get_context)
    mkdocs.utils.write_file = stages.wrap("6c  of which write_file", mkdocs.utils.write_file)
    Files.copy_static_files = stages.wrap("7 copy static files", Files.copy_static_files)  # type: ignore[method-assign]
    mk_build._build_theme_template = stages.wrap("8 theme templates (404, sitemap)", mk_build._build_theme_template)
    validate = MkPage.validate_anchor_links
    MkPage.validate_anchor_links = stages.wrap("9 validate anchor links", validate)  # type: ignore[method-assign]
    index = search.index

    def timed_index(site_dir: Path, progress: Any = None, cache: Any = None) -> str:
        before = children_cpu()
        with stages.stage("10 Pagefind (search.index), Python side"):
            result = index(site_dir, progress, cache)
        stages.child_cpu += children_cpu() - before
        return result

    search.index = timed_index
    # Jinja's template.render is called from _build_page: time it by wrapping the environment's class.
    import jinja2

    render = jinja2.Template.render
    theme = stages.wrap("6b  of which Jinja template.render (Material + nav)", render)

    def template_render(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        inside_theme = bool(stages.open) and stages.open[0].startswith("6 ")
        return str(theme(self, *args, **kwargs) if inside_theme else render(self, *args, **kwargs))

    jinja2.Template.render = template_render  # type: ignore[method-assign]


def skip_markdown() -> None:
    """Prototype: a page On Record generated skips Python-Markdown (its Markdown is front matter,
    already parsed, and one placeholder comment, which Markdown passes through as it is)."""
    render = MkPage.render

    def direct(self: MkPage, config: Any, files: Any) -> None:
        if self.file.generated_by is None:
            render(self, config, files)
            return
        self.content = (self.markdown or "").strip()  # what Python-Markdown makes of the placeholder
        self.toc = TableOfContents([])

    MkPage.render = direct  # type: ignore[method-assign]


def no_nav_in_episodes() -> None:
    """Prototype: episode pages (``shows/<show>/<episode>/``) are rendered without the site nav."""
    get_context = mk_build.get_context

    def context(nav: Any, files: Any, config: Any, page: Any = None, base_url: str = "") -> Any:
        if page is not None and page.file.src_uri.count("/") == 3 and page.file.src_uri.startswith("shows/"):
            nav = Navigation([], [])
        return get_context(nav, files, config, page, base_url)

    mk_build.get_context = context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a folder with mkdocs.yml (synthetic.py writes one)")
    parser.add_argument("--no-search", action="store_true", help="build with the plugin's search: false")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--skip-markdown", action="store_true", help="prototype: no Python-Markdown for our pages")
    parser.add_argument("--no-nav", action="store_true", help="prototype: no nav in episode pages")
    parser.add_argument("--keep-site", type=Path, help="build into this folder (kept) rather than a temporary one")
    parser.add_argument("--cprofile", type=Path, help="profile the build into this file instead of timing stages")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    os.chdir(args.project)
    if args.skip_markdown:
        skip_markdown()
    if args.no_nav:
        no_nav_in_episodes()
    stages = Stages(args.tracemalloc)
    if not args.cprofile:
        instrument(stages)  # before the plugin is loaded: MkDocs keeps its bound methods
    with tempfile.TemporaryDirectory() as scratch:
        site = str(args.keep_site.resolve()) if args.keep_site else scratch
        config = load_config("mkdocs.yml", site_dir=site)
        if args.no_search:
            config.plugins["onrecord"].config.search = False
        config.strict = False
        held: list[MkPage] = []
        populate = mk_build._populate_page

        def keep(page: MkPage, *a: Any, **k: Any) -> None:
            held.append(page)
            populate(page, *a, **k)

        mk_build._populate_page = keep
        if args.cprofile:
            cpu = time.process_time()
            profiler = cProfile.Profile(time.process_time)  # CPU time: the neighbours do not count
            profiler.runcall(mk_build.build, config)
            profiler.dump_stats(args.cprofile)
            print(f"profiled build: {time.process_time() - cpu:.1f} s CPU (with cProfile's overhead), "
                  f"Pagefind binary {children_cpu():.1f} s CPU; load average {os.getloadavg()}")
            return
        if args.tracemalloc:
            tracemalloc.start()
        cpu, wall = time.process_time(), time.perf_counter()
        mk_build.build(config)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        ours = config.plugins["onrecord"]
        assert isinstance(ours, plugin.OnRecordPlugin)
        items_html = sum(len(str(getattr(item, "html", "")).encode()) for item in ours.last_good)
        downloads = sum(len(item.content) for item in ours.last_good if isinstance(item, Download))
        mk_markdown = sum(len((page.markdown or "").encode()) for page in held)
        mk_content = sum(len((page.content or "").encode()) for page in held)
        site_bytes = sum(p.stat().st_size for p in Path(site).rglob("*") if p.is_file() and "pagefind" not in p.parts)
        bundle = Path(site) / "pagefind"
        bundle_bytes = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) if bundle.exists() else 0
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"{'stage':58} {'CPU s':>7} {'wall s':>7} {'calls':>6} {'RSS after':>10} {'RSS peak':>9}"
              + (f" {'traced after':>12} {'traced peak':>11}" if args.tracemalloc else ""))
        for name in sorted(stages.cpu, key=lambda n: (int(n.split()[0].rstrip("abc")), n)):
            line = (f"{name:58} {stages.cpu[name]:7.2f} {stages.wall[name]:7.2f} {stages.calls[name]:6} "
                    f"{stages.rss_after[name] / 1e6:8.0f}MB {stages.rss_peak[name] / 1e6:7.0f}MB")
            if args.tracemalloc:
                line += f" {stages.traced_after[name] / 1e6:10.0f}MB {stages.traced_peak[name] / 1e6:9.0f}MB"
            print(line)
        print(f"{'Pagefind binary (child process CPU)':58} {stages.child_cpu:7.2f}")
        print(f"whole build: {cpu:.1f} s CPU in this process + {stages.child_cpu:.1f} s Pagefind, {wall:.1f} s wall; "
              f"max RSS this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB, "
              f"largest child {child.ru_maxrss / 1e3:.0f} MB")
        print(f"held at the end: {len(ours.last_good)} items ({items_html / 1e6:.0f} MB of body HTML, "
              f"{downloads / 1e6:.0f} MB of downloads), "
              f"{len(held)} MkDocs pages ({mk_markdown / 1e6:.1f} MB markdown, {mk_content / 1e6:.0f} MB content)")
        print(f"site: {site_bytes / 1e6:.0f} MB without the bundle, Pagefind bundle {bundle_bytes / 1e6:.1f} MB")
        if args.tracemalloc:
            gc.collect()
            top = tracemalloc.take_snapshot().statistics("filename")[:12]
            print("still traced at the end, by file:")
            for stat in top:
                print(f"  {stat.size / 1e6:8.1f} MB {stat.count:9} blocks  {stat.traceback[0].filename}")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
