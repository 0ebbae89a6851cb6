"""Which files under ``content/`` may be read and published.

Everything under ``content/`` is untrusted, and only ``content/`` is ever published:

- :func:`walk` lists a folder's files without leaving ``content/``: a symlink (file or folder)
  whose target resolves outside it is refused with a warning, and a folder reached twice
  through symlinks is read once. Names starting with ``.`` or ``_`` are skipped.
- :func:`media` checks a local ``audio:`` or ``image:`` file: it must resolve inside
  ``content/`` and be an audio or image file by its extension *and* its first bytes, so a
  transcript, a YAML file or a key cannot be published by naming it as a portrait.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

#: Extension -> the first-bytes tests one of which the file must pass.
_MP4 = ((4, b"ftyp"),)
AUDIO: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".mp3": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2"), (0, b"\xff\xfa")),
    ".m4a": _MP4, ".mp4": _MP4, ".m4b": _MP4, ".aac": ((0, b"\xff\xf1"), (0, b"\xff\xf9")),
    ".ogg": ((0, b"OggS"),), ".oga": ((0, b"OggS"),), ".opus": ((0, b"OggS"),),
    ".wav": ((0, b"RIFF"),), ".flac": ((0, b"fLaC"),), ".webm": ((0, b"\x1a\x45\xdf\xa3"),),
}
#: SVG is left out on purpose: it can carry script that runs when the file is opened.
IMAGES: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".jpg": ((0, b"\xff\xd8\xff"),), ".jpeg": ((0, b"\xff\xd8\xff"),), ".png": ((0, b"\x89PNG\r\n\x1a\n"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")), ".webp": ((8, b"WEBP"),), ".avif": ((4, b"ftypavif"),),
}
#: Files other than images that a transcript may link to and have published (generator/pages/turntext.py).
DOCUMENTS: dict[str, tuple[tuple[int, bytes], ...]] = {".pdf": ((0, b"%PDF-"),)}


def inside(path: Path, content: Path) -> bool:
    """Whether ``path``, with every symlink resolved, is under ``content`` (also resolved)."""
    return path.resolve().is_relative_to(content.resolve())


def walk(folder: Path, content: Path, warn: Callable[[Path, str], None]) -> Iterator[Path]:
    """Every file under ``folder``, in a stable order, that is safe to read (see module doc)."""
    seen = {folder.resolve()}
    for top, dirs, files in os.walk(folder, followlinks=True):
        here = Path(top)
        dirs[:] = sorted(d for d in dirs if d[0] not in "._" and _enter(here / d, content, seen, warn))
        for name in sorted(files):
            path = here / name
            if name[0] in "._":
                continue
            if path.is_symlink() and not inside(path, content):
                warn(path, "symlink leads outside content/: not read")
                continue
            yield path


def _enter(path: Path, content: Path, seen: set[Path], warn: Callable[[Path, str], None]) -> bool:
    real = path.resolve()
    if not real.is_relative_to(content.resolve()):
        warn(path, "symlinked folder leads outside content/: not read")
        return False
    if real in seen:
        return False
    seen.add(real)
    return True


def media(value: str, base: Path, content: Path, kinds: dict[str, tuple[tuple[int, bytes], ...]]) -> Path | str:
    """The local file ``value`` names (relative to ``base``), or why it cannot be published."""
    path = base / value
    ext = path.suffix.lower()
    if ext not in kinds:
        return f"expected a file ending in {', '.join(sorted(kinds))}, found {value!r}"
    if not path.is_file() or not inside(path, content):
        return f"no file {value!r} under content/ (looked in {base.name or base}/)"
    with path.open("rb") as handle:
        head = handle.read(16)
    if not any(head[at:at + len(magic)] == magic for at, magic in kinds[ext]):
        return f"{value!r} does not start like a {ext} file"
    return path.resolve()
