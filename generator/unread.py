"""Files under a show folder that are not read, each with one line saying why.

Nothing in ``content/shows/`` is passed over without a word (``onrecord check`` prints these; a
build logs them as warnings or, for files that are fine where they are, as info). Read are:
transcripts, ``show.yml`` at the top of its show, each transcript's sidecar ``<same stem>.yml``
and RTTM ``<same stem>.rttm`` (generator/diarization.py), and audio files an episode's
``audio:`` names. Every other file gets its line:

- an image or a PDF (info): published only where a transcript links to it (generator/pages/turntext.py);
- an audio file no episode names (info): not published;
- a YAML file that is no transcript's sidecar, a ``.yaml`` sidecar, a ``show.yml`` below the top of
  its show (warnings: metadata that was meant for something and reaches nothing);
- a Spacelog mission's media stream (info): photographs, no speech (generator/readers/spacelog.py);
- any other file (warning): not a format On Record reads, with the endings it does read.

Names starting with ``.`` or ``_`` are skipped by :func:`generator.sources.walk` as the README
says, and get no line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import readers, sources
from .collector import Collector
from .readers import spacelog


def report(folder: Path, files: Iterable[Path], transcripts: Iterable[Path], audio: Iterable[str],
           out: Collector) -> None:
    """One line per file of ``files`` (a show folder's) that is neither a transcript of
    ``transcripts`` nor read with one; ``audio``: the audio files episodes publish (resolved)."""
    read = set(transcripts)
    stems = {(p.parent, p.stem) for p in read}
    published = set(audio)
    for path in files:
        if path in read:
            continue
        why = reason(path, folder, stems, published)
        if why:
            out.add(path, 1, why[1], severity=why[0])


def reason(path: Path, folder: Path, stems: set[tuple[Path, str]], audio: set[str]) -> tuple[str, str] | None:
    """``(severity, message)`` for a file that is not read, ``None`` for one that is."""
    ext = path.suffix.lower()
    has_transcript = (path.parent, path.stem) in stems
    if ext == ".rttm":
        return None  # read with the transcript of its stem (generator/diarization.py)
    if path.name == "show.yml":
        return None if path.parent == folder else (
            "warning", "not read: show.yml is read only at the top of a show folder (shows/<show>/show.yml)")
    if ext == ".yml":
        return None if has_transcript else (
            "warning", f"not read: a sidecar with no transcript (no {path.stem}.md, .vtt, .srt, .json ... beside it)")
    if ext == ".yaml":
        return ("warning", f"not read: sidecars end in .yml (rename it {path.stem}.yml)" if has_transcript
                else "not read: a YAML file that is no transcript's sidecar (sidecars are <same stem>.yml)")
    if ext in sources.AUDIO:
        return None if str(path.resolve()) in audio else (
            "info", "not published: an audio file no episode names in 'audio:'")
    if ext in sources.IMAGES or ext in sources.DOCUMENTS:
        kind = "an image" if ext in sources.IMAGES else "a document"
        return "info", f"not read: {kind}, published only where a transcript links to it"
    if not ext and (path.parent / spacelog.META).is_file():
        return "info", (f"not read: the Spacelog mission's media stream (its {spacelog.META} names it "
                        "'media_transcript': photographs, no speech)")
    known = ", ".join(sorted(e for e in readers.EXTENSIONS))
    what = f"'{ext}' files are" if ext else "a file with no extension is"
    return "warning", f"not read: {what} not a format On Record reads (transcripts end in {known})"
