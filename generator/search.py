"""Full-text search with Pagefind, run on the built site at the end of every build.

Why Pagefind: Material's built-in search ships one JSON index holding every word (68 MB for
1,000 hour-long episodes) that the browser must download before the first result. Pagefind
indexes the built HTML into chunks and a browser fetches only the chunks a query needs. Its
bundled binary (PyPI ``pagefind[bin]``) indexes the built HTML files of ``site_dir``, fed to it
through its service mode (the protocol its own Node and Python wrappers speak; see below).

What is indexed is decided in the page markup, so this module only runs the indexer:

- only regions marked ``data-pagefind-body`` are indexed: an episode's title, description and
  transcript, and a person's name, role and bio. Navigation, header, footer, and the chrome
  around a transcript (facts, speaker list, downloads, player) are not. Pages without such a
  region (indexes, timeline, home) are not in the index; drafts are never built, so never indexed.
- every turn's speaker line is a heading with the turn's anchor as its id: Pagefind makes a
  sub-result of each, so a result inside a transcript links to the turn, and the sub-result's
  title starts with the speaker's name, which the search page uses to keep only that speaker's
  turns when the speaker filter is set.
- filters ``speaker`` (each person in the episode), ``show``, ``year``, ``type``; ``date`` sorts.
- the search page's "Did you mean" needs the archive's words, which Pagefind's API does not list:
  they are written beside its index from the text it indexed (``pagefind/onrecord-words.txt``,
  generator/vocabulary.py), in a byte-stable order.

Shards: one Pagefind service holds the whole index in memory until its last step, which runs on
one core (about 1.9 MB a 6,800-word page: 2.2 GB and 37 s for 1,154 briefings). So a site with
more than :data:`PAGES_PER_SHARD` indexed pages is indexed in shards, two services at a time (one
a core, at most :data:`SERVICES`), and the search page merges them (Pagefind's ``mergeIndex``).

- A shard is a run of consecutive dates: the indexed pages in (date, URL) order, the date being
  the page's ``data-pagefind-sort="date"``, the pages without one (people) last, cut every
  :data:`PAGES_PER_SHARD` pages from the oldest. Pagefind's merged search ranks the shards'
  results by score alone, even when asked to sort by date; consecutive dates let the search page
  sort anyway, asking each shard in turn (each shard's pages carry a filter of its number) and
  listing the shards oldest or newest first. A new episode (the newest) changes the last shards
  only; a changed transcript, its own shard (and the people's, if a quote changed).
- Each shard is fed in path order, as one index is. A site of one shard is fed every HTML file,
  as always, and keeps the layout and bytes it always had. With several, only the pages with a
  ``data-pagefind-body`` region are fed (the others give Pagefind nothing to index when any page
  has one), so the home page and the lists, which change with every new episode, never change a
  shard. The whole HTML of a page is fed, not only its indexed regions: an episode page's links
  to its neighbours and a person page's quotes are outside them, but keeping a shard's key when
  they change would need a proof that the index stays the same, which we have not made.
- The first shard's bundle is ``pagefind/``, as one index; shard N's index is ``pagefind/shards/N/``
  (its entry, metadata, index, filter and fragment files: the first shard's script and
  WebAssembly serve them all), listed in the first's ``pagefind-entry.json`` under
  ``onrecord_shards``, which the search page reads (``merge``: the folders; ``undated``: the
  shards without a dated page, which a date sort leaves out as Pagefind leaves undated pages out).
- Each shard's stabilised bundle, word counts and skipped pages are cached (kind ``search``) under
  a key of Pagefind's version and every page's URL and bytes, in order; a cached build writes the
  same bytes. The shards are assembled in their order, whichever service ends first.
- "Did you mean": each shard's words are counted from its fragments, and the counts added up,
  which gives the file one index of the same pages gives.

The shard size is a trade-off, measured on 1,154 briefings (BENCHMARKS.md, "Pagefind in
shards"): fewer pages a shard is less memory (two services each hold about 1.9 MB a page) but a
larger first query (each shard adds its metadata, filters and one index chunk, 25–50 KB). At
300 pages: 4 shards, the search stage 22.9 s instead of 37.1 s, 1.2 GB at its peak instead of
2.3 GB, a first query of 271–359 KB instead of 169–239 KB (over the 300 KB budget for some
words). Meeting 1 GB for the whole build would take about 100 pages a shard (12 shards, over
500 KB a first query); at 10,000 hour-long episodes no page-range split keeps both the memory
within 4 GB and the first query within 300 KB.

Same input, same bytes: an unchanged archive builds a byte-identical site, on any machine.

- Pagefind numbers pages in the order it meets them, and those numbers are in every index chunk.
  Its CLI walks ``site_dir`` in directory order, which differs between file systems (ext4 orders
  names by a hash seeded per disk; tmpfs lists the newest first). So the pages are sent to its
  service one by one in sorted path order. That costs about a fifth more CPU than the CLI (see
  BENCHMARKS.md). Its Python wrapper is not used: it waits 0.1 s per answer, 2 minutes for 1,000.
- The service hands the finished files back (``GetFiles``) and they are written here: it answers
  ``WriteFiles`` before its asynchronous writes reach the disk.
- Pagefind writes each filter chunk (``filter/*.pf_filter``) and the filter and sort lists of its
  metadata (``pagefind.*.pf_meta``) in the order of a randomly seeded hash map, with no option or
  environment variable to seed it (upstream: Pagefind/pagefind#638). ``stabilise`` rewrites those
  sorted, names them from a hash of what they now hold, and updates the references.
- The only remaining date is MkDocs' ``sitemap.xml`` ``lastmod``, the build date: set
  ``SOURCE_DATE_EPOCH`` to pin it (the reproducible-builds convention MkDocs follows).
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

import pagefind_bin

from . import vocabulary
from .cache import Cache
from .cache import key as cache_key
from .progress import Progress

BUNDLE = "pagefind"
#: The most pages one Pagefind service indexes (see the module's docstring for the trade-off).
PAGES_PER_SHARD = 300
#: The most services run at once (and never more than the machine's cores).
SERVICES = 2
#: Where the second shard on is, inside the bundle folder, and the key of the top entry that lists them.
SHARDS = "shards"
ENTRY_KEY = "onrecord_shards"
#: The cache's kind for a shard's index.
CACHE_KIND = "search"


class SearchError(Exception):
    """Pagefind failed; carries its output."""


def index(site_dir: Path, progress: Progress | None = None, cache: Cache | None = None) -> str:
    """Index ``site_dir`` into ``site_dir/pagefind``; returns a one-line summary. ``progress``
    counts the pages as Pagefind reads them; ``cache`` keeps each shard's index for the next build."""
    executable = pagefind_bin.get_executable()
    if executable is None:
        raise SearchError("the Pagefind binary is missing: reinstall the 'pagefind[bin]' package")
    began = time.perf_counter()
    bundle = site_dir / BUNDLE
    shards = split(read_pages(site_dir, html_pages(site_dir, bundle)))
    if progress:
        progress.expect(sum(len(shard) for shard in shards))
    finished, reused = index_shards(executable, site_dir, shards, cache, _ticker(progress))
    write_bundle(bundle, assemble(finished, [number for number, shard in enumerate(shards)
                                             if not any(page.date for page in shard)]))
    indexed = sum(1 for shard in finished for name in shard.files if name.startswith("fragment/"))
    skipped = sum(shard.skipped for shard in finished)
    unread = f" ({skipped} HTML files Pagefind could not read)" if skipped else ""
    parts = f" in {len(shards)} shards ({reused} from the cache)" if len(shards) > 1 else (
        " (from the cache)" if reused else "")
    return f"search: indexed {indexed} pages{parts} in {time.perf_counter() - began:.1f} s{unread}"


def index_shards(executable: Any, site_dir: Path, shards: Sequence[Sequence[Page]], cache: Cache | None,
                 tick: Callable[[int], None] | None) -> tuple[list[Shard], int]:
    """Every shard's index, in shard order, from ``cache`` or from :func:`services` Pagefind
    services at once (whichever ends first); and how many came from the cache."""
    keys = [shard_key(shard) for shard in shards]
    done: list[Shard | None] = [cached(cache, key) for key in keys]
    for shard, found in zip(shards, done, strict=True):
        if found and tick:
            tick(len(shard))
    missing = [number for number, found in enumerate(done) if found is None]

    def run(number: int) -> Shard:
        return index_shard(executable, site_dir, shards[number], tick)

    with ThreadPoolExecutor(max_workers=max(1, min(services(), len(missing)))) as pool:
        for number, made in zip(missing, pool.map(run, missing), strict=True):
            done[number] = made
            if cache is not None:
                cache.put(CACHE_KIND, keys[number], pack(made))
    if cache is not None:
        cache.prune(CACHE_KIND, keys)
    return [shard for shard in done if shard is not None], len(shards) - len(missing)


def services() -> int:
    """How many Pagefind services run at once: one a core, at most :data:`SERVICES`."""
    return max(1, min(SERVICES, os.cpu_count() or 1))


def _ticker(progress: Progress | None) -> Callable[[int], None] | None:
    """``progress.tick``, safe to call from the shards' threads."""
    if progress is None:
        return None
    lock = threading.Lock()

    def tick(n: int = 1) -> None:
        with lock:
            progress.tick(n)
    return tick


# Shards ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """A built HTML file as the split sees it: where it is, its URL, the date it sorts by ("" for
    none), whether it marks a region to index, and a hash of its bytes."""

    path: Path
    url: str
    date: str
    body: bool
    digest: bytes


@dataclass
class Shard:
    """One shard's stabilised Pagefind bundle, its words' counts, and the pages it could not read."""

    files: dict[str, bytes]
    counts: Counter[str]
    skipped: int = 0


_BODY = re.compile(rb"<[^<>]*\sdata-pagefind-body[\s=/>]")
_DATE = re.compile(rb'<[^<>]*\sdata-pagefind-sort="date"[^<>]*>([^<]*)<')


def read_pages(site_dir: Path, paths: Sequence[Path]) -> list[Page]:
    """Each page's URL, sort date, body mark and hash (read once here; Pagefind reads it again)."""
    pages = []
    for path in paths:
        data = path.read_bytes()
        date = _DATE.search(data)
        pages.append(Page(path, page_url(site_dir, path),
                          date[1].decode("utf-8", "replace").strip() if date else "",
                          _BODY.search(data) is not None, hashlib.sha256(data).digest()))
    return pages


def split(pages: Sequence[Page], size: int | None = None) -> list[list[Page]]:
    """The pages Pagefind indexes, in shards of at most ``size`` (:data:`PAGES_PER_SHARD`): oldest
    dated pages first, in (date, URL) order, the undated ones (people) last; each shard in path
    order, as Pagefind is fed. One shard holds every page given, as one index always did."""
    size = size or PAGES_PER_SHARD
    # Pagefind indexes only the marked pages, when any page is marked
    marked = [page for page in pages if page.body] if any(page.body for page in pages) else list(pages)
    if len(marked) <= size:
        return [list(pages)]  # as one index was always fed: every HTML file
    ordered = sorted(marked, key=lambda page: (not page.date, page.date, page.url))
    return [sorted(ordered[at:at + size], key=lambda page: page.url) for at in range(0, len(ordered), size)]


def pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:  # a Pagefind found some other way: its own bytes
        executable = pagefind_bin.get_executable()
        return hashlib.sha256(Path(str(executable)).read_bytes()).hexdigest() if executable else "none"


def shard_key(shard: Sequence[Page]) -> str:
    """The cache key of a shard: Pagefind's version, and every page's URL and bytes, in order."""
    parts: list[str | bytes] = [pagefind_version()]
    for page in shard:
        parts += [page.url, page.digest]
    return cache_key(*parts)


def index_shard(executable: Any, site_dir: Path, shard: Sequence[Page],
                tick: Callable[[int], None] | None = None) -> Shard:
    """Run one Pagefind service on ``shard``'s pages."""
    with tempfile.TemporaryFile() as log:
        files, skipped = run_service([str(executable), "--service"], site_dir, [page.path for page in shard], log,
                                     (lambda: tick(1)) if tick else None)
    files = stabilise(files)
    return Shard(files, word_counts(files), skipped)


def word_counts(files: dict[str, bytes]) -> Counter[str]:
    """The words of a shard's fragments, counted (generator/vocabulary.py)."""
    try:
        return vocabulary.bundle_counts(files)
    except (OSError, EOFError, ValueError) as exc:  # gzip, JSON: not the fragments Pagefind writes
        raise SearchError(f"unexpected Pagefind fragment: {exc}") from exc


def words(files: dict[str, bytes]) -> bytes:
    """The archive's words for the search page's suggestions (generator/vocabulary.py)."""
    return vocabulary.from_counts(word_counts(files))


def merged_file(name: str) -> bool:
    """Whether a shard merged into the first needs ``name`` (the first's script and WebAssembly serve all)."""
    return (name == "pagefind-entry.json" or name.startswith(("index/", "filter/", "fragment/"))
            or (name.startswith("pagefind.") and name.endswith(".pf_meta")))


def assemble(shards: Sequence[Shard], undated: Sequence[int] = ()) -> dict[str, bytes]:
    """The bundle folder's files: the first shard's bundle at the top, as one index always was;
    every other shard's index under ``shards/N/``, listed in the top entry for the search page to
    merge (``onrecord_shards``: ``merge``, their folders; ``undated``, the numbers of the shards
    without a dated page, 0 the first); the words of all of them."""
    files = dict(shards[0].files)
    counts: Counter[str] = Counter()
    for shard in shards:
        counts.update(shard.counts)
    if len(shards) > 1:
        folders = [f"{SHARDS}/{number}/" for number in range(1, len(shards))]
        for folder, shard in zip(folders, shards[1:], strict=True):
            files.update((folder + name, content) for name, content in shard.files.items()
                         if merged_file(name))
        entry = json.loads(files["pagefind-entry.json"])
        entry[ENTRY_KEY] = {"merge": folders, "undated": list(undated)}
        files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    files[vocabulary.NAME] = vocabulary.from_counts(counts)
    return dict(sorted(files.items()))


# A shard in the cache: a signature, then records of a 4-byte name length, the name, an 8-byte
# content length and the content: the bundle's files by path, then the word counts and the
# number of pages skipped under names no bundle path can have.
_PACKED = b"onrecord-search-shard 1\n"
_COUNTS = "\0counts"
_SKIPPED = "\0skipped"


def pack(shard: Shard) -> bytes:
    records = [*shard.files.items(),
               (_COUNTS, "".join(f"{word}\t{n}\n" for word, n in sorted(shard.counts.items())).encode("utf-8")),
               (_SKIPPED, str(shard.skipped).encode("ascii"))]
    out = [_PACKED]
    for name, content in records:
        raw = name.encode("utf-8")
        out += [len(raw).to_bytes(4, "big"), raw, len(content).to_bytes(8, "big"), content]
    return b"".join(out)


def unpack(data: bytes) -> Shard | None:
    """The shard :func:`pack` stored, or ``None`` for anything else."""
    if not data.startswith(_PACKED):
        return None
    records: dict[str, bytes] = {}
    at = len(_PACKED)
    try:
        while at < len(data):
            length = int.from_bytes(data[at:at + 4], "big")
            name = data[at + 4:at + 4 + length].decode("utf-8")
            at += 4 + length
            size = int.from_bytes(data[at:at + 8], "big")
            if at + 8 + size > len(data):
                return None
            records[name] = data[at + 8:at + 8 + size]
            at += 8 + size
        counts: Counter[str] = Counter()
        for line in records.pop(_COUNTS).decode("utf-8").splitlines():
            word, _, n = line.partition("\t")
            counts[word] = int(n)
        skipped = int(records.pop(_SKIPPED))
    except (KeyError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    if "pagefind-entry.json" not in records:
        return None
    return Shard(records, counts, skipped)


def cached(cache: Cache | None, key: str) -> Shard | None:
    """The shard stored under ``key``, if any and whole."""
    data = cache.get(CACHE_KIND, key) if cache is not None else None
    return unpack(data) if data is not None else None


def html_pages(site_dir: Path, bundle: Path) -> list[Path]:
    """Every HTML file of the site (what the CLI's default glob finds), in sorted path order."""
    return sorted((page for page in site_dir.rglob("*.html") if bundle not in page.parents),
                  key=lambda page: page.relative_to(site_dir).as_posix())


def page_url(site_dir: Path, page: Path) -> str:
    """The URL Pagefind's CLI gives a file: ``/shows/x/index.html`` is ``/shows/x/``."""
    relative = page.relative_to(site_dir).as_posix()
    return "/" + (relative.removesuffix("index.html") if page.name == "index.html" else relative)


def message(number: int, payload: dict[str, Any]) -> bytes:
    """A service request: base64 of its JSON, then a comma."""
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + b","


def requests(site_dir: Path, pages: Sequence[Path]) -> Iterator[bytes]:
    """A new index (0), every page in order (1..n, read one at a time), then its files (n + 1)."""
    yield message(0, {"type": "NewIndex", "config": None})
    for number, page in enumerate(pages, 1):
        html = page.read_text(encoding="utf-8", errors="replace")
        yield message(number, {"type": "AddFile", "index_id": 0, "file_path": None,
                               "url": page_url(site_dir, page), "file_contents": html})
    yield message(len(pages) + 1, {"type": "GetFiles", "index_id": 0})


def responses(stdout: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The service's answers as they arrive (base64 JSON, each followed by a comma)."""
    pending = bytearray()
    while chunk := os.read(stdout.fileno(), 1 << 20):
        searched = len(pending)  # the last answer (all the files) is large: look for its end once
        pending += chunk
        while (comma := pending.find(b",", searched)) >= 0:
            try:
                yield json.loads(base64.b64decode(pending[:comma], validate=True))
            except ValueError as exc:  # binascii.Error, JSONDecodeError: not the protocol we speak
                raise SearchError(f"unexpected output from Pagefind's service: {bytes(pending[:80])!r}") from exc
            del pending[:comma + 1]
            searched = 0


def run_service(command: list[str], site_dir: Path, pages: Sequence[Path], log: IO[bytes],
                tick: Callable[[], None] | None = None) -> tuple[dict[str, bytes], int]:
    """Index ``pages`` with a Pagefind service; returns the bundle's files by path, and the
    number of pages it could not read (skipped, as its CLI skips them). ``tick`` is called as
    each page is answered.

    A thread writes while this one reads: the service answers every page, and with neither side
    reading, both pipes would fill and block.
    """
    service = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    assert service.stdin is not None and service.stdout is not None
    failed: list[BaseException] = []
    writer = threading.Thread(target=_send, args=(requests(site_dir, pages), service.stdin, failed), daemon=True)
    writer.start()
    skipped = 0
    try:
        for response in responses(service.stdout):
            payload = response.get("payload") or {}
            if tick and 0 < (response.get("message_id") or 0) <= len(pages):
                tick()
            if payload.get("type") == "GetFiles":
                return {file["path"]: base64.b64decode(file["content"]) for file in payload["files"]}, skipped
            if payload.get("type") == "Error" and 0 < (response.get("message_id") or 0) <= len(pages):
                skipped += 1
            elif payload.get("type") == "Error":
                raise SearchError(f"Pagefind failed: {payload.get('message')}")
        log.seek(0)
        problem = failed[0] if failed else log.read().decode("utf-8", "replace").strip() or "no output"
        raise SearchError(f"Pagefind stopped before writing its index: {problem}")
    finally:
        service.kill()  # its files are in hand (or it failed): nothing left for it to do
        service.wait()
        writer.join()
        service.stdout.close()
        with contextlib.suppress(OSError):
            service.stdin.close()


def _send(outgoing: Iterator[bytes], stdin: IO[bytes], failed: list[BaseException]) -> None:
    """Write every request; on a failure, close the input, which stops the service. (Not after
    the last request: the service quits as its input ends, maybe before it has answered.)"""
    try:
        for request in outgoing:
            stdin.write(request)
            stdin.flush()
    except Exception as exc:  # a page that cannot be read, or the service gone (BrokenPipeError)
        failed.append(exc)
        with contextlib.suppress(OSError):
            stdin.close()


def write_bundle(bundle: Path, files: dict[str, bytes]) -> None:
    """Replace ``bundle`` with ``files``, refusing any path that would leave it."""
    for name in files:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts:
            raise SearchError(f"Pagefind returned a file outside its folder: {name}")
    shutil.rmtree(bundle, ignore_errors=True)  # stale chunks of a previous build (mkdocs build --dirty)
    for name, content in files.items():
        target = bundle / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


# Pagefind's index chunks are gzipped CBOR after a signature. Filter chunks and the metadata hold
# only unsigned integers, text and arrays (its structs are encoded as arrays), so a codec for
# those three suffices; anything else means the format changed, and is refused, not guessed at.
SIGNATURE = b"pagefind_dcd"
Cbor = int | str | list["Cbor"]


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """The major type and argument of the CBOR item at ``at``, and where its content starts."""
    if at >= len(data):
        raise SearchError("a Pagefind index chunk ends early")
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise SearchError(f"unexpected CBOR head {data[at]:#x} in a Pagefind index chunk")
    width = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + width], "big"), at + 1 + width


def decode(data: bytes, at: int = 0) -> tuple[Cbor, int]:
    """The CBOR item at ``at`` in ``data``, and the offset after it."""
    major, argument, at = _head(data, at)
    if major == 0:
        return argument, at
    if major == 3:
        return data[at:at + argument].decode("utf-8"), at + argument
    if major == 4:
        items: list[Cbor] = []
        for _ in range(argument):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise SearchError(f"unexpected CBOR major type {major} in a Pagefind index chunk")


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):  # the shortest that fits, as Pagefind writes
        if argument < 1 << (8 * width):
            return bytes([major << 5 | info]) + argument.to_bytes(width, "big")
    raise SearchError(f"a number too large for CBOR: {argument}")


def encode(value: Cbor) -> bytes:
    if isinstance(value, int):
        return _encode_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    return _encode_head(4, len(value)) + b"".join(encode(item) for item in value)


def read_chunk(data: bytes, name: str) -> Cbor:
    data = gzip.decompress(data)
    if not data.startswith(SIGNATURE):
        raise SearchError(f"{name}: not a Pagefind index chunk")
    value, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise SearchError(f"{name}: unexpected data after the index")
    return value


def chunk_bytes(value: Cbor) -> bytes:
    # mtime=0: otherwise the gzip header holds the time of writing.
    return gzip.compress(SIGNATURE + encode(value), compresslevel=9, mtime=0)


def _items(value: Cbor, where: str, length: int = 0) -> list[Cbor]:
    """``value`` as an array (of at least ``length`` items), or a clear error."""
    if not isinstance(value, list) or len(value) < length:
        raise SearchError(f"{where}: unexpected layout (Pagefind's format changed?)")
    return value


def _by_name(rows: list[Cbor], where: str) -> list[Cbor]:
    """``[[name, ...], ...]`` sorted by name."""
    named = [_items(row, where, 1) for row in rows]
    named.sort(key=lambda row: str(row[0]))
    return list(named)


def stable_name(old: str, content: bytes) -> str:
    """``old``'s language prefix (``en_``) with a hash of ``content``."""
    prefix, _, _ = old.rpartition("_")
    digest = hashlib.sha256(content).hexdigest()[:10]
    return f"{prefix}_{digest}" if prefix else digest


def stabilise(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's bundle with every hash-map order sorted, and the files renamed to match."""
    files = dict(files)
    entry = json.loads(files["pagefind-entry.json"])
    languages = {code: entry["languages"][code] for code in sorted(entry["languages"])}
    for language in languages.values():
        language["hash"] = _stabilise_language(files, language["hash"])
    entry["languages"] = languages
    # As Pagefind writes it: compact, UTF-8.
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return dict(sorted(files.items()))


def _stabilise_language(files: dict[str, bytes], meta_hash: str) -> str:
    """Sort one language's filters and sorts in ``files``; returns its metadata's new hash."""
    meta_name = f"pagefind.{meta_hash}.pf_meta"
    meta = _items(read_chunk(files.pop(meta_name), meta_name), meta_name, 5)
    filters: list[Cbor] = []
    for row in _by_name(_items(meta[3], meta_name), meta_name):
        name, old = _items(row, meta_name, 2)[:2]
        path = f"filter/{old}.pf_filter"
        filter_name, values = _items(read_chunk(files.pop(path), path), path, 2)[:2]
        content = chunk_bytes([filter_name, _by_name(_items(values, path), path)])
        new = stable_name(str(old), content)
        files[f"filter/{new}.pf_filter"] = content
        filters.append([name, new])
    meta[3] = filters
    meta[4] = _by_name(_items(meta[4], meta_name), meta_name)
    content = chunk_bytes(meta)
    new_meta = stable_name(meta_hash, content)
    files[f"pagefind.{new_meta}.pf_meta"] = content
    return new_meta
