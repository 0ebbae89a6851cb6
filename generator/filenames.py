"""What a file's name says when its metadata does not: a date, a title, a language.

Formats such as WebVTT, SRT and Whisper JSON carry no metadata, and real archives name their
files instead: ``2024-05-01-budget.vtt``, ``20240501_briefing.json``, a dated folder
``2024-05-01/part-one.vtt``, and a translation ``talk.es.md`` beside ``talk.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

#: A date in a file or folder name.
DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
#: A language code at the end of a stem: two or three lowercase letters, optionally with a
#: region or script (``pt-BR``, ``zh-Hans``).
LANGUAGE = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z]{2,4})?)$")


def language(stem: str) -> tuple[str, str]:
    """``("talk", "es")`` for ``talk.es``; ``(stem, "")`` when the stem names no language."""
    m = LANGUAGE.match(stem)
    return (m["base"], m["lang"]) if m else (stem, "")


def date_and_title(path: Path) -> tuple[dt.date | None, str]:
    """The date a file's name (or else its folder's) gives, and a title from the rest of the
    name (a language code left out: ``talk.es.md`` is titled "Talk")."""
    stem = language(path.stem)[0]
    for name in (stem, path.parent.name):
        for m in DATE.finditer(name):
            try:
                date = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
            rest = f"{name[:m.start()]} {name[m.end():]}" if name == stem else stem
            return date, title(rest) or title(stem)
    return None, title(stem)


def title(name: str) -> str:
    words = re.sub(r"[-_\s]+", " ", name).strip()
    return words[:1].upper() + words[1:]
