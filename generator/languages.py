"""Translations: ``talk.es.md`` beside ``talk.md`` is the Spanish version of one episode.

Real archives keep translations as sibling files whose stem ends in a language code
(``2018-10-08-script-descriptors.es.md`` beside ``2018-10-08-script-descriptors.md``). They are
one episode in several languages, not several episodes:

- the original (the file without the code) is the episode: it alone counts on person pages,
  show pages and the timeline;
- each translation is a page under the original's URL (``shows/<show>/<episode>/es/``), with
  its own transcript and downloads, and every version links to the others with ``hreflang``;
- a translation without an original beside it is an ordinary episode in that language; one
  whose original is a draft is held back with it.

A code is two or three lowercase letters, optionally with a region or script (``pt-BR``,
``zh-Hans``: :data:`filenames.LANGUAGE`). The name shown for it is the language's own name, from
Babel's CLDR data (:meth:`generator.i18n.Messages.language_name`). A translation without a
title of its own takes the original's.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from . import filenames
from .model import Episode


#: Each language in its own name, for the switcher; other codes are shown as they are.
def _where(path: str) -> tuple[str, str]:
    """A display path's folder and stem: what ties a translation to its original."""
    pure = PurePosixPath(path)
    return str(pure.parent), pure.stem


def split(episodes: Iterable[Episode], held: Iterable[str]) -> tuple[list[Episode], dict[str, list[Episode]]]:
    """Originals (and lone translations), and each original's translations keyed by its path.

    ``held`` are the paths of transcripts that are not published (drafts): their translations
    are held back too."""
    episodes = list(episodes)
    originals = {_where(e.path): e.path for e in episodes}
    drafts = {_where(path) for path in held}
    kept: list[Episode] = []
    pending: dict[str, list[Episode]] = defaultdict(list)
    for episode in episodes:
        folder, stem = _where(episode.path)
        base, code = filenames.language(stem)
        if code and (folder, base) in drafts:
            continue
        if code and (folder, base) in originals:
            pending[originals[folder, base]].append(dataclasses.replace(episode, language=code))
        else:
            kept.append(dataclasses.replace(episode, language=episode.language or code))
    return kept, pending


def _under(original: Episode, version: Episode) -> Episode:
    untitled = version.title == filenames.date_and_title(Path(version.path))[1]
    return dataclasses.replace(
        version, show=original.show, slug=f"{original.slug}/{version.language}", original=original.slug,
        date=version.date or original.date, title=original.title if untitled else version.title,
    )


def attach(originals: Iterable[Episode], pending: dict[str, list[Episode]]) -> dict[tuple[str, str], tuple[Episode, ...]]:
    """Original key -> its translations, placed under its URL (after URLs are made unique)."""
    result: dict[tuple[str, str], tuple[Episode, ...]] = {}
    for original in originals:
        versions = sorted(pending.get(original.path, ()), key=lambda e: e.language)
        if versions:
            result[original.key] = tuple(_under(original, v) for v in versions)
    return result
