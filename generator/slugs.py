"""Slugs, and the form speaker labels are compared in: how ids and URL names are made from names
and file names (:func:`slugify`), when two labels are the same label (:func:`label_key`), and
which labels are anonymous diarization labels (:func:`is_anonymous`).

It imports nothing of ours: people (speakers.py), label kinds (names.py) and the archive all build on it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ANONYMOUS = re.compile(r"^(?:speaker|spk|spkr|voice|unknown)?[\s_-]*\d+$|^[a-z]$", re.I)


def slugify(text: str) -> str:
    """Lowercase words joined by hyphens, ASCII where the text has Latin letters
    (``"José Álvarez" -> "jose-alvarez"``), else in its own script (``"李小龙" -> "李小龙"``), so a
    name in another script still gets an id and a page of its own."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if result or not text.strip():
        return result
    return re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")


@functools.lru_cache(maxsize=1 << 14)  # an archive says the same few labels thousands of times
def label_key(label: str) -> str:
    """The form labels are compared in: no case, accents or punctuation, single spaces."""
    return " ".join(slugify(label).split("-"))


@functools.lru_cache(maxsize=1 << 14)
def is_anonymous(label: str) -> bool:
    return bool(ANONYMOUS.match(label.strip()))
