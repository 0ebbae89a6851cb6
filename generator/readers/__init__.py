"""Transcript readers, one module per format, registered explicitly in :data:`READERS`.

Every reader has the same signature: ``read(text, path) -> Transcript``; it raises
:class:`~generator.model.ReadError` with the line where the input stopped making sense.
:func:`read_file` decodes the bytes, picks the reader (the episode's ``format:`` if given,
else :func:`detect`) and is the only entry point the archive uses.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..decoding import decode
from ..model import ReadError, Transcript, Turn
from ..yamlio import LineDict
from . import asr, captions, google, podcast_html, podcast_json, rttm, spacelog, srt, text, webvtt, whisper
from .common import split_front_matter

Reader = Callable[[str, str], Transcript]

READERS: dict[str, Reader] = {
    "text": text.read,
    "webvtt": webvtt.read,
    "srt": srt.read,
    "podcast-json": podcast_json.read,
    "podcast-html": podcast_html.read,
    "whisper": whisper.read,
    "assemblyai": asr.read_assemblyai,
    "aws-transcribe": asr.read_aws,
    "spacelog": spacelog.read,
    "google-speech": google.read,
    "rttm": rttm.read,
}

#: Caption formats: cues that name no speaker are joined into paragraphs (captions.py) once read,
#: unless an RTTM is to give them speakers first (episodes.py).
JOINED = frozenset({"webvtt", "srt"})

#: File endings that may hold a transcript, and the format they suggest before content is seen.
EXTENSIONS: dict[str, str] = {
    ".md": "text",
    ".markdown": "text",
    ".txt": "text",
    ".vtt": "webvtt",
    ".webvtt": "webvtt",
    ".srt": "srt",
    ".html": "podcast-html",
    ".htm": "podcast-html",
    ".json": "json",  # decided by its keys, see detect()
    ".rttm": "rttm",  # who spoke when; beside a transcript of its stem it gives that transcript speakers
}

_KEY = re.compile(r'"(\w+)"\s*:')


def is_transcript(path: Path) -> bool:
    """A file with a transcript's extension, or a Spacelog stream (no extension, ``_meta`` beside it)."""
    return path.suffix.lower() in EXTENSIONS or spacelog.is_stream(path)


def detect(path: str, content: str) -> str:
    """The format of a file, from its extension and, where that is ambiguous, its content: JSON by
    its keys, and a ``.txt`` that holds WebVTT, SRT or JSON (exports often get that extension)
    by its first lines; anything else in a text file is read for its turn pattern."""
    guess = EXTENSIONS.get(Path(path).suffix.lower(), "text")
    if guess == "json":
        return json_format(content)
    if guess == "text" and content:
        return sniff(content) or "text"
    return guess


_SRT_START = re.compile(r"\A\s*\d+\s*\n\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->")


def sniff(content: str) -> str | None:
    """WebVTT, SRT or JSON recognised from how the file starts."""
    head = content[:2000].lstrip("\ufeff \t\r\n")
    if head.startswith("WEBVTT"):
        return "webvtt"
    if _SRT_START.match(head):
        return "srt"
    if head.startswith(("{", "[{")):
        return json_format(content)
    return None


def json_format(content: str) -> str:
    """Which JSON transcript this is, from the keys near its start (no full parse: files are large)."""
    head = content[:20_000]
    keys = set(_KEY.findall(head))
    if "utterances" in keys:
        return "assemblyai"
    if "results" in keys and keys & {"items", "transcripts", "audio_segments"}:
        return "aws-transcribe"
    if "alternatives" in keys and ("results" in keys or head.lstrip().startswith("[")):
        return "google-speech"
    if keys & {"startTime", "body"}:
        return "podcast-json"
    if "segments" in keys or head.lstrip().startswith("[") or keys & {"start", "text"}:
        return "whisper"
    return "podcast-json"  # its reader explains what a transcript JSON must hold


class Memo:
    """Transcripts read already, by their bytes: ``mkdocs serve`` rebuilds after every save, and
    most files have not changed since. What a build did not use is forgotten at the next one, so
    it holds one archive's transcripts at most."""

    def __init__(self) -> None:
        self.used: dict[tuple[bytes, str, str | None, bool], Transcript | ReadError] = {}
        self.kept: dict[tuple[bytes, str, str | None, bool], Transcript | ReadError] = {}

    def next_build(self) -> None:
        self.kept, self.used = self.used, {}

    def read(self, data: bytes, display: str, format: str | None, join: bool = True) -> Transcript:
        key = (hashlib.sha256(data).digest(), display, format, join)
        found = self.used.get(key) or self.kept.get(key)
        if found is None:
            try:
                found = read_bytes(data, display, format, join)
            except ReadError as exc:
                found = exc
        self.used[key] = found
        if isinstance(found, ReadError):
            raise ReadError(found.line, found.message)
        return found


def read_file(path: Path, display: str, format: str | None = None, memo: Memo | None = None,
              join: bool = True) -> Transcript:
    """Read one transcript file; ``display`` is the path used in messages. The reader is
    ``format`` (from a sidecar), else front matter's ``format:``, else :func:`detect`'s.
    ``memo`` answers for a file whose bytes it has read before. Captions' cues are joined into
    paragraphs (:data:`JOINED`) unless ``join`` is false."""
    data = path.read_bytes()
    format = format or ("spacelog" if spacelog.is_stream(path) else None)
    return memo.read(data, display, format, join) if memo is not None else read_bytes(data, display, format, join)


def read_bytes(data: bytes, display: str, format: str | None = None, join: bool = True) -> Transcript:
    """:func:`read_file` of a file holding ``data``."""
    content = decode(data)
    if not content.strip():
        raise ReadError(1, "the file is empty: expected a transcript")
    name = format or _front_format(content) or detect(display, content)
    reader = READERS.get(name)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ReadError(1, f"unknown format {name!r}: expected one of {known}")
    if name != "text" and content.startswith("---"):
        transcript = _after_front_matter(reader, content, display)
    else:
        transcript = reader(content, display)
    turns = captions.paragraphs(transcript.turns) if join and name in JOINED else transcript.turns
    return dataclasses.replace(transcript, format=name, turns=tuple(_one_line_labels(turns)))


def _front_format(content: str) -> str | None:
    """``format:`` from a text file's front matter, if it has one."""
    if not content.startswith("---") or "format:" not in content[:4000]:
        return None
    meta = split_front_matter(content)[0]
    value = meta.get("format")
    if value is not None and not isinstance(value, str):
        line = meta.line_of("format") if isinstance(meta, LineDict) else 2
        raise ReadError(line, f"'format': expected one of {', '.join(sorted(READERS))}, found {value!r}")
    return value


def _after_front_matter(reader: Reader, content: str, display: str) -> Transcript:
    """Another format under YAML front matter: the body read by ``reader``, lines kept right."""
    meta, body, first = split_front_matter(content)
    transcript = reader(body, display)
    turns = tuple(dataclasses.replace(t, line=t.line + first - 1) for t in transcript.turns)
    notices = tuple(dataclasses.replace(n, line=n.line + first - 1) for n in transcript.notices)
    return dataclasses.replace(transcript, turns=turns, meta={**transcript.meta, **meta}, notices=notices)


def _one_line_labels(turns: tuple[Turn, ...]) -> Iterator[Turn]:
    """Speaker labels as one line of single spaces: a label with a newline in it could forge a
    cue in a caption export, and label matching compares them this way anyway."""
    for turn in turns:
        label = " ".join(turn.speaker.split())
        yield turn if label == turn.speaker else dataclasses.replace(turn, speaker=label)
