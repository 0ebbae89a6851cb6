"""What Pagefind costs on a built site, and what the alternatives of issue 15 would cost.

    .venv/bin/python benchmarks/pagefind_variants.py SITE_DIR [--shard shows/briefings/2022-] [--api-pages 100]

``SITE_DIR`` is a built On Record site (``mkdocs build -d SITE_DIR``). Each variant runs in a fresh
interpreter that indexes a copy of the site's HTML the way ``generator/search.py`` does (its
service, pages in sorted order, the bundle stabilised and written), and reports its CPU time, the
Pagefind binary's CPU time and peak memory (``RUSAGE_CHILDREN``), and the bundle's size:

- ``turn``: the pages as built, each turn's heading a sub-result (what the project does);
- ``every-N``: only every Nth turn's heading keeps its ``id`` (fewer, larger sub-results);
- ``page``: no turn heading has an ``id`` (one result per page, no sub-results);
- ``shard``: only the pages under ``--shard`` (one show-year), as a per-shard index would;
- ``api``: Pagefind's own Python wrapper (``pagefind.index.PagefindIndex.add_html_file``) on the
  first ``--api-pages`` pages, for its time per page.

Then what a first query loads: the entry file, the wasm, the metadata, the filter chunks and the
index chunk holding the query's word, for one index and for the whole site split into shards
merged with ``mergeIndex`` (every shard's metadata, filters and matching chunk).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HEADING = re.compile(r'<h3 class="onr-turn-head" id="[^"]*">')


def thin(html: str, every: int) -> str:
    """``html`` with the ``id`` kept on every ``every``th turn heading only (none when 0)."""
    count = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if every and (count - 1) % every == 0:
            return match.group(0)
        return '<h3 class="onr-turn-head">'

    return HEADING.sub(keep, html)


def copy_site(site: Path, target: Path, every: int | None, under: str | None) -> int:
    """The site's HTML (no bundle) into ``target``, thinned; returns the number of pages."""
    count = 0
    for page in site.rglob("*.html"):
        relative = page.relative_to(site)
        if relative.parts[0] == "pagefind" or (under and not relative.as_posix().startswith(under)):
            continue
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        html = page.read_text(encoding="utf-8")
        out.write_text(thin(html, every) if every is not None else html, encoding="utf-8")
        count += 1
    return count


class Sampler:
    """The Pagefind process's resident memory, sampled four times a second, and what it was
    when the last page had been sent (before ``GetFiles``: the index is built then)."""

    def __init__(self) -> None:
        self.peak = 0
        self.at_last_page = 0
        self.cpu_at_last_page = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def child_rss(self) -> int:
        total = 0
        for entry in Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{entry}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        return total

    def run(self) -> None:
        while not self.done.wait(0.25):
            self.peak = max(self.peak, self.child_rss())

    def last_page(self) -> None:
        self.at_last_page = self.child_rss()
        for entry in Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                self.cpu_at_last_page += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one(site: Path, variant: str, shard: str, api_pages: int, bundle_to: Path | None) -> dict[str, Any]:
    """Index one variant in this process; its figures."""
    from generator import search

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        every = None if variant in ("turn", "shard", "api") else 0 if variant == "page" else int(variant.split("-")[1])
        pages = copy_site(site, copy, every, shard if variant == "shard" else None)
        turns = sum(len(HEADING.findall(p.read_text(encoding="utf-8"))) for p in copy.rglob("*.html"))
        sampler = Sampler()
        responses, last = search.responses, len(search.html_pages(copy, copy / "pagefind"))

        def marked(stdout: Any) -> Any:
            for response in responses(stdout):
                if response.get("message_id") == last:  # the last page is in: the index is built next
                    sampler.last_page()
                yield response

        search.responses = marked
        sampler.thread.start()
        cpu, wall = time.process_time(), time.perf_counter()
        if variant == "api":
            pages = api(copy, api_pages)
            summary = f"{pages} pages through PagefindIndex.add_html_file"
        else:
            summary = search.index(copy)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        sampler.done.set()
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        bundle = copy / "pagefind"
        files = [p for p in bundle.rglob("*") if p.is_file()] if bundle.exists() else []
        if bundle_to is not None and bundle.exists():
            shutil.copytree(bundle, bundle_to, dirs_exist_ok=True)
        return {"variant": variant, "pages": pages, "turn_ids": turns, "summary": summary,
                "python_cpu": cpu, "wall": wall, "pagefind_cpu": child.ru_utime + child.ru_stime,
                "pagefind_rss": child.ru_maxrss * 1024,
                "rss_at_last_page": sampler.at_last_page, "cpu_at_last_page": sampler.cpu_at_last_page,
                "rss_sampled_peak": sampler.peak,
                "python_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "bundle_bytes": sum(p.stat().st_size for p in files), "bundle_files": len(files),
                "fragments": sum(1 for p in files if p.parent.name == "fragment"),
                "load": os.getloadavg()[0]}


def api(site: Path, limit: int) -> int:
    """The first ``limit`` pages through Pagefind's Python wrapper, awaited together."""
    from pagefind.index import PagefindIndex

    from generator import search

    pages = search.html_pages(site, site / "pagefind")[:limit]

    async def run() -> None:
        async with PagefindIndex() as index:
            await asyncio.gather(*(index.add_html_file(content=p.read_text(encoding="utf-8"),
                                                       url=search.page_url(site, p)) for p in pages))
            await index.get_files()

    asyncio.run(run())
    return len(pages)


def chunk(data: bytes) -> Any:
    from generator import search

    return search.read_chunk(data, "meta")


def first_query(bundle: Path, word: str) -> dict[str, int]:
    """Bytes a first query for ``word`` (with the search page's filters) fetches from ``bundle``."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    sizes = {"entry": (bundle / "pagefind-entry.json").stat().st_size}
    sizes["js"] = sum((bundle / n).stat().st_size for n in ("pagefind.js",) if (bundle / n).exists())
    language = next(iter(entry["languages"].values()))
    wasm = next(bundle.glob(f"wasm.{next(iter(entry['languages']))}*.pagefind"), None) or next(bundle.glob("wasm.*"))
    sizes["wasm"] = wasm.stat().st_size
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    sizes["meta"] = meta_path.stat().st_size
    meta = chunk(meta_path.read_bytes())
    sizes["filters"] = sum((bundle / "filter" / f"{row[1]}.pf_filter").stat().st_size for row in meta[3])
    index_chunks = meta[2]
    hit = next((row for row in index_chunks if row[0] <= word <= row[1]), index_chunks[0])
    sizes["index_chunk"] = (bundle / "index" / f"{hit[2]}.pf_index").stat().st_size
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--shard", default="shows/briefings/2022-", help="one show-year's folder in the site")
    parser.add_argument("--api-pages", type=int, default=100)
    parser.add_argument("--variants", default="turn,every-5,every-20,page,shard,api")
    parser.add_argument("--word", default="budget", help="the first query's word")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--bundle-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.site, args.one, args.shard, args.api_pages, args.bundle_to)))
        return
    keep = Path(tempfile.mkdtemp())
    print(f"{'variant':10} {'pages':>6} {'turn ids':>9} {'Python CPU':>10} {'Pagefind CPU':>12} "
          f"{'Pagefind RSS':>12} {'Python RSS':>10} {'wall':>7} {'bundle':>9} {'files':>6} {'load':>5}")
    for variant in args.variants.split(","):
        out = subprocess.run([sys.executable, __file__, str(args.site), "--one", variant, "--shard", args.shard,
                              "--api-pages", str(args.api_pages), "--bundle-to", str(keep / variant)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.splitlines()[-1])
        print(f"{variant:10} {r['pages']:6} {r['turn_ids']:9} {r['python_cpu']:9.1f}s {r['pagefind_cpu']:11.1f}s "
              f"{r['pagefind_rss'] / 1e6:10.0f}MB {r['python_rss'] / 1e6:8.0f}MB {r['wall']:6.1f}s "
              f"{r['bundle_bytes'] / 1e6:7.1f}MB {r['bundle_files']:6} {r['load']:5.1f}"
              f"  (Pagefind when the last page was in: {r.get('rss_at_last_page', 0) / 1e6:.0f} MB, "
              f"{r.get('cpu_at_last_page', 0):.1f} s CPU)", flush=True)
    for variant in ("turn", "shard"):
        if (keep / variant / "pagefind-entry.json").exists():
            sizes = first_query(keep / variant, args.word)
            print(f"first query for {args.word!r}, {variant} bundle: "
                  + ", ".join(f"{k} {v / 1e3:.1f} KB" for k, v in sizes.items())
                  + f"; total {sum(sizes.values()) / 1e3:.1f} KB")
    print(f"bundles kept in {keep}")


if __name__ == "__main__":
    main()
