"""The model: frozen values that every pipeline stage passes on.

Readers produce a :class:`Transcript` (turns as the file wrote them, labels unresolved).
``episodes.py`` turns a transcript plus YAML metadata into an :class:`Episode` whose turns
carry the resolved person id, and ``archive.py`` collects everything into one :class:`Archive`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import notes


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    #: "error": wrong (check fails; the item is left out when it cannot be built without the value);
    #: "warning": built anyway (check --strict fails); "info": a decision the user should know of.
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ReadError(Exception):
    """A file that cannot be read; carries the line where reading failed."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Turn:
    """One stretch of speech by one speaker.

    ``speaker`` is the label exactly as the file wrote it ("" when the file names nobody);
    ``start``/``end`` are seconds from the start of the audio, ``None`` when unknown;
    ``line`` is the 1-based line in the source file where the turn begins.

    ``word_times``: when the file times its words (WhisperX, AWS Transcribe, AssemblyAI,
    Podcasting 2.0 word segments), the start of each of ``text.split()``'s words, in order and
    never going backwards (a time before the one before it is moved up to it). A turn whose times
    do not count as many as its words keeps none: text and times cannot disagree. Empty,
    the default, for every turn without them.

    ``word_confidence``: when a machine transcript scores its words (Whisper ``probability``,
    WhisperX ``score``, AWS Transcribe, AssemblyAI and Google ``confidence``), each of
    ``text.split()``'s words' score from 0 to 1, ``None`` for a word without a usable one (missing,
    NaN, out of range: readers.common.confidence). Like ``word_times`` it counts the words or is
    empty, and it is empty, never all ``None``, when no word has a score: a file without scores
    costs nothing. Independent of ``word_times``: a turn may have either.
    """

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None
    line: int = 0
    word_times: tuple[float, ...] = ()
    word_confidence: tuple[float | None, ...] = ()

    def __post_init__(self) -> None:
        times, scores = self.word_times, self.word_confidence
        if not (times or scores):
            return
        count = len(self.text.split())
        if scores:
            object.__setattr__(self, "word_confidence", _scores(scores, count))  # frozen: set once, here
        if not times:
            return
        if len(times) != count:
            object.__setattr__(self, "word_times", ())  # frozen: set once, here
        elif any(map(operator.lt, times[1:], times)):  # a word before the one before it
            object.__setattr__(self, "word_times", tuple(itertools.accumulate(times, max)))


def _scores(scores: tuple[float | None, ...], count: int) -> tuple[float | None, ...]:
    """``scores`` when they count ``count`` words, a score outside 0..1 (or NaN) as ``None``; empty
    when they do not count the words or none is left."""
    if len(scores) != count:
        return ()
    if not all(s is None or 0.0 <= s <= 1.0 for s in scores):  # NaN fails both comparisons
        scores = tuple(s if s is not None and 0.0 <= s <= 1.0 else None for s in scores)
    return () if all(s is None for s in scores) else scores


@dataclass(frozen=True)
class Notice:
    """Something a reader noticed but could read past (a timestamp that goes backwards, a file
    whose conventions it had to guess): reported as a warning at ``line``; the episode builds."""

    line: int
    message: str


@dataclass(frozen=True)
class Transcript:
    """What a reader returns: the turns, any metadata the file itself carries (YAML front
    matter, JSON header fields), which episode sidecars override, and warnings."""

    turns: tuple[Turn, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)
    format: str = ""  # the reader that produced it, set by readers.read_file
    notices: tuple[Notice, ...] = ()
    #: label -> name, from a roster the file itself carries (a Markdown attendee table): see rosters.py
    roster: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chapter:
    start: float
    title: str


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Person:
    """A speaker from ``speakers.yml``, or one discovered from an unknown label."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    bio: str = ""
    image: str = ""
    role: str = ""
    links: tuple[Link, ...] = ()
    declared: bool = True  # False for people made up from a label nobody declared
    path: str = ""
    line: int = 0
    image_file: str = ""  # a local image under content/ to publish beside the person page


@dataclass(frozen=True)
class Show:
    id: str
    title: str
    description: str = ""
    url: str = ""
    feed: str = ""
    image: str = ""
    hosts: tuple[str, ...] = ()
    language: str = ""
    path: str = ""
    #: ``(label key, name)`` from the roster file ``show.yml`` names (rosters.py), for every episode
    roster: tuple[tuple[str, str], ...] = ()
    roster_file: str = ""  # that file's full path: it is not a transcript


@dataclass(frozen=True)
class EpisodeTurn:
    """A turn placed in its episode: the resolved person (``None`` for unnamed labels
    such as "Q"), its stable anchor id, its ordinal position, and how long it lasts (its end,
    else the next timed turn's start, else the episode's end; ``None`` when untimed), worked
    out once when the episode is read (episodes.py) for the pages, strips and statistics."""

    turn: Turn
    person: str | None
    anchor: str
    index: int
    seconds: float | None = None

    @functools.cached_property
    def words(self) -> int:
        """Words said, editorial notes (``[laughs]``) left out. Cached: shares, strips and statistics
        each ask for every turn (a frozen dataclass without slots keeps it in ``__dict__``)."""
        return notes.words(self.turn.text)


@dataclass(frozen=True)
class Episode:
    show: str
    slug: str
    title: str
    date: dt.date | None  # None: undated (listed as such, left out of time charts)
    path: str
    turns: tuple[EpisodeTurn, ...]
    audio: str = ""
    duration: float | None = None
    description: str = ""
    source_url: str = ""
    tags: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    language: str = ""
    format: str = ""
    audio_file: str = ""  # a local audio file under content/ to publish beside the page
    source_dir: str = ""  # the transcript's folder: files its text links to are looked up there
    content_dir: str = ""  # content/: only files inside it are published
    #: ``(person id, name as written)`` for each person a ``speakers:`` list credits, whether or not a turn names them
    credited: tuple[tuple[str, str], ...] = ()
    #: ``(person id, name)`` for each person a roster or ``speakers:`` name gives a label to (rosters.py):
    #: how someone nobody declared in speakers.yml is named, instead of by the label
    named: tuple[tuple[str, str], ...] = ()
    original: str = ""  # for a translation (see languages.py): the slug of the episode it translates
    #: ``(what they did, who)``: ``("Transcribed by", "Bryan Bishop")``, from ``transcript_by:`` and ``translation_by:``
    credits: tuple[tuple[str, str], ...] = ()
    draft: bool = False  # marked ``draft: true``: in the archive only when the plugin's ``drafts`` previews them

    @property
    def url(self) -> str:
        """The episode page's URL (its folder), relative to the site root, with a trailing slash."""
        return f"shows/{self.show}/{self.slug}/"

    @property
    def key(self) -> tuple[str, str]:
        return (self.show, self.slug)

    @property
    def when(self) -> dt.date:
        """The date to sort by: undated episodes sort as the oldest."""
        return self.date or dt.date.min

    @property
    def length(self) -> float | None:
        """The duration from metadata, else the end of the last timed turn."""
        if self.duration:
            return self.duration
        ends = [t.turn.end or t.turn.start for t in self.turns if t.turn.start is not None]
        return max((e for e in ends if e is not None), default=None)


@dataclass(frozen=True)
class Appearance:
    """One person in one episode: which turns were theirs and how much they said. A person
    credited by the episode's ``speakers:`` list whom no turn names has no turns."""

    person: str
    episode: Episode
    turns: tuple[EpisodeTurn, ...]
    words: int
    seconds: float | None


@dataclass(frozen=True)
class Archive:
    """Everything, read and validated, before any page is rendered."""

    shows: Mapping[str, Show]
    people: Mapping[str, Person]
    episodes: tuple[Episode, ...]  # newest first
    appearances: Mapping[str, tuple[Appearance, ...]]  # person id -> newest first
    labels: Mapping[str, tuple[tuple[str, Episode], ...]]  # unresolved label -> (label, episode)
    unnamed: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = ()
    #: episode key -> its translations (languages.py); they are not in ``episodes``
    translations: Mapping[tuple[str, str], tuple[Episode, ...]] = field(default_factory=dict)

    def versions(self, episode: Episode) -> tuple[Episode, ...]:
        """The episode in every language it has: the original first, then its translations."""
        key = (episode.show, episode.original) if episode.original else episode.key
        translations = self.translations.get(key, ())
        if not translations:
            return (episode,)
        original = next(e for e in self.episodes if e.key == key) if episode.original else episode
        return (original, *translations)
