"""The build cache: what one build computed that the next can reuse, in a folder safe to delete.

``.onrecord-cache/`` beside ``mkdocs.yml`` (the plugin's ``cache`` option turns it off). Deleting
it costs one slower build and nothing else. It keeps itself out of version control (a ``.gitignore``
of ``*`` inside it, as pytest's cache does) and out of backups (``CACHEDIR.TAG``, the convention
backup tools honour).

An entry is found by a key, a hash of everything its value depends on: the input's bytes, the
relevant configuration, and :func:`code_version`, so a value computed by other code is never found.
Each entry carries a checksum of its value: one that does not match (a half-written or damaged
file) is ignored, never trusted, and is computed again. Entries are written whole (to a temporary
file, then renamed), so a build that is killed leaves no half entry behind, and two builds writing
the same key write the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import IO

from . import __version__
from .resources import templates_dir

FOLDER = ".onrecord-cache"

_MAGIC = b"onrecord-cache 1\n"
_README = f"""\
On Record's build cache: parsed transcripts, rendered pages and search indexes that the next
build reuses. It is safe to delete; the next build is slower, and makes it again.
Version {__version__}.
"""


@cache
def code_version() -> str:
    """A hash of On Record's own code and templates: an edited checkout is another version, not
    only a released one (``__version__`` alone would trust what older code computed)."""
    digest = hashlib.sha256(__version__.encode())
    for root in (Path(__file__).parent, templates_dir()):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix not in (".pyc", ".mo") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    """A key for a value computed from ``parts`` by this version of On Record."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(raw).to_bytes(8, "big") + raw)  # lengths first: ("ab", "c") is not ("a", "bc")
    return digest.hexdigest()


class Cache:
    """Entries by kind (``search``, ``pages``…) and key, under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, config_file: Path) -> Cache:
        """The cache of the project whose ``mkdocs.yml`` is ``config_file``."""
        return cls(config_file.parent / FOLDER)

    def path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The value stored under ``key``, or ``None``: never stored, unreadable or damaged."""
        stored = self.open(kind, key)
        if stored is None:
            return None
        with stored:
            try:
                return stored.read()
            except OSError:
                return None

    def put(self, kind: str, key: str, value: bytes) -> None:
        """Store ``value`` under ``key``. A cache that cannot be written (a read-only checkout, a
        full disk) is skipped: the build never fails for want of a cache."""
        self.write(kind, key, lambda out: out.write(value))

    def write(self, kind: str, key: str, writer: Callable[[IO[bytes]], object]) -> None:
        """Store under ``key`` what ``writer`` writes to the file it is given, as it writes it (a
        value of hundreds of megabytes need not be held whole), as :meth:`put` does."""
        target = self.path(kind, key)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w+b") as out:
                    out.write(_MAGIC + bytes(32))  # the checksum's place, filled in once it is known
                    writer(out)
                    digest = hashlib.sha256()
                    out.seek(len(_MAGIC) + 32)
                    while chunk := out.read(1 << 20):
                        digest.update(chunk)
                    out.seek(len(_MAGIC))
                    out.write(digest.digest())
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return

    def open(self, kind: str, key: str) -> IO[bytes] | None:
        """The value under ``key`` as a file to read, checked as :meth:`get` checks it, or ``None``."""
        try:
            stored = self.path(kind, key).open("rb")
        except OSError:
            return None
        try:
            head = stored.read(len(_MAGIC) + 32)
            digest = hashlib.sha256()
            while chunk := stored.read(1 << 20):
                digest.update(chunk)
        except OSError:
            stored.close()
            return None
        if not head.startswith(_MAGIC) or len(head) < len(_MAGIC) + 32 or digest.digest() != head[len(_MAGIC):]:
            stored.close()
            return None
        with contextlib.suppress(OSError):
            os.utime(self.path(kind, key))
        stored.seek(len(head))
        return stored

    def delete(self, kind: str, key: str) -> None:
        with contextlib.suppress(OSError):
            self.path(kind, key).unlink()

    def prune(self, kind: str, keep: Iterable[str], ratio: float = 3.0) -> None:
        """Delete the least recently used entries of ``kind`` other than ``keep`` (what the build
        just used) while the kind holds more than ``ratio`` times what ``keep`` takes: a cache
        that every changed file adds to must not grow without end, yet a few other versions
        (a preview's, another setting's) may stay."""
        kept = set(keep)
        entries = []
        for path in (self.folder / kind).glob("*/*"):
            with contextlib.suppress(OSError):
                stat = path.stat()
                entries.append((stat.st_mtime_ns, path.name in kept, stat.st_size, path))
        allowed = ratio * sum(size for _, mine, size, _ in entries if mine)
        total = sum(size for _, _, size, _ in entries)
        for _, mine, size, path in sorted(entries):
            if total <= allowed:
                break
            if not mine:
                with contextlib.suppress(OSError):
                    path.unlink()  # a half-written ".tmp-" file of a killed build goes this way too
                    total -= size

    def _prepare(self) -> None:
        """The folder, with what keeps it out of version control and backups."""
        if (self.folder / ".gitignore").is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by On Record.\n"
            "# For information about cache directory tags, see https://bford.info/cachedir/\n", encoding="utf-8")
        (self.folder / "README.txt").write_text(_README, encoding="utf-8")
        (self.folder / ".gitignore").write_text("# Created by On Record: the build cache is never committed.\n*\n",
                                                encoding="utf-8")
