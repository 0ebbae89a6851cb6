"""Pagefind in shards (generator/search.py, issue 15): the search stage of a built site at several
shard sizes, each in a fresh interpreter, then again with the build cache after one page changed.

    .venv/bin/python benchmarks/search_shards.py SITE [--sizes 100000,600,400,300,200] [--words presid,budget]

SITE is a built site (``mkdocs build``); its ``pagefind/`` is rewritten. Per size: shards, wall
time, CPU of this process and of the Pagefind services, the largest service's peak RSS, the peak
RSS of the whole process tree (sampled every 50 ms), and the bytes a first query for each word
fetches (gzip files as stored: the first shard's script, WebAssembly, entry, metadata and filters,
plus every merged shard's entry, metadata, filters and the index chunk holding the word). Then,
with ``--cached``, a build into an empty cache, one page's indexed text changed, and the search
stage again with that cache. The load average is printed with each row.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pagefind_variants import chunk, first_query  # noqa: E402

from generator import search  # noqa: E402
from generator.cache import Cache  # noqa: E402


def tree_rss(pid: int) -> int:
    """The RSS of ``pid`` and its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measured(run: Callable[[], str]) -> dict[str, Any]:
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], tree_rss(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began, cpu = time.perf_counter(), time.process_time()
    summary = run()
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    stop.set()
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "cpu": cpu, "child_cpu": children.ru_utime + children.ru_stime,
            "child_rss": children.ru_maxrss * 1024, "tree_rss": peak[0], "load": os.getloadavg()[0],
            "summary": summary}


def one(site: Path, size: int, cache_dir: str | None, change: bool) -> dict[str, Any]:
    search.PAGES_PER_SHARD = size
    cache = Cache(Path(cache_dir)) if cache_dir else None
    if change:  # one episode's indexed text changed, as when one transcript is edited
        pages = sorted(p for p in site.glob("shows/*/*/index.html"))
        page = pages[len(pages) // 2]
        html = page.read_text(encoding="utf-8")
        marker = 'data-pagefind-body>' if 'data-pagefind-body>' in html else "data-pagefind-body"
        page.write_text(html.replace(marker, marker + " zyxwordchanged ", 1), encoding="utf-8")
    return measured(lambda: search.index(site, cache=cache))


def query_bytes(bundle: Path, word: str) -> int:
    total = sum(first_query(bundle, word).values())
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    for folder in entry.get(search.ENTRY_KEY, {}).get("merge", []):  # no script, no wasm: the first's serve
        shard = bundle / folder
        language = next(iter(json.loads((shard / "pagefind-entry.json").read_text())["languages"].values()))
        meta_path = shard / f"pagefind.{language['hash']}.pf_meta"
        meta = chunk(meta_path.read_bytes())
        hit = next((r for r in meta[2] if r[0] <= word <= r[1]), meta[2][0])
        total += ((shard / "pagefind-entry.json").stat().st_size + meta_path.stat().st_size
                  + sum((shard / "filter" / f"{r[1]}.pf_filter").stat().st_size for r in meta[3])
                  + (shard / "index" / f"{hit[2]}.pf_index").stat().st_size)
    return total


def child(site: Path, size: int, cache: str | None = None, change: bool = False) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, str(site), "--one", str(size), *(["--cache", cache] if cache else []),
                          *(["--change"] if change else [])], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.splitlines()[-1]))


def row(label: str, r: dict[str, Any], site: Path, words: list[str]) -> None:
    bundle = site / search.BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    shards = 1 + len(entry.get(search.ENTRY_KEY, {}).get("merge", []))
    queries = " ".join(f"{w}:{query_bytes(bundle, w) / 1000:.0f}" for w in words)
    print(f"{label:>18} {shards:6} {r['wall']:6.1f}s {r['cpu']:6.1f}s {r['child_cpu']:7.1f}s "
          f"{int(r['child_rss']) / 1e6:8.0f}MB {int(r['tree_rss']) / 1e6:8.0f}MB {r['load']:5.1f}  {queries}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--sizes", default="100000,600,400,300,200")
    parser.add_argument("--words", default="presid,question,budget,inflat,zebra")
    parser.add_argument("--cached", type=int, help="then a cached rebuild with one page changed, at this size")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--change", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.site, args.one, args.cache, args.change)))
        return
    words = args.words.split(",")
    print(f"{'pages per shard':>18} {'shards':>6} {'wall':>7} {'CPU':>7} {'Pagefind':>8} {'max svc':>10} "
          f"{'tree peak':>10} {'load':>5}  first query KB per word")
    for size in (int(s) for s in args.sizes.split(",")):
        row(str(size), child(args.site, size), args.site, words)
    if args.cached:
        cache = tempfile.mkdtemp()
        backup = Path(tempfile.mkdtemp()) / "shows"
        shutil.copytree(args.site / "shows", backup)
        try:
            row(f"{args.cached} cold+cache", child(args.site, args.cached, cache), args.site, words)
            row(f"{args.cached} unchanged", child(args.site, args.cached, cache), args.site, words)
            row(f"{args.cached} 1 page changed", child(args.site, args.cached, cache, change=True), args.site, words)
        finally:
            shutil.rmtree(args.site / "shows")
            shutil.copytree(backup, args.site / "shows")
            shutil.rmtree(cache)


if __name__ == "__main__":
    main()
