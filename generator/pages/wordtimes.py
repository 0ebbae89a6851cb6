"""Word times on the episode page: the ``data-words`` of a turn whose file timed its words
(:attr:`generator.model.Turn.word_times`), which ``assets/onrecord/words.js`` reads to mark the
word being spoken and to play from a word clicked.

The page shows a turn's text as :class:`~generator.pages.turntext.TurnText` renders it, and the
script finds its words in the page, not in the file: each ``<p>`` (paragraphs split on blank
lines) and each run of text between editorial notes (``[laughs]``, shown as a note that is
nobody's words) is cut at the browser's whitespace. :func:`shown` cuts the text the same way and
gives each of those words the time of the file's word its first letter belongs to; a note takes
no time. The script checks that it finds as many words as there are times, and marks nothing in
a turn where it does not.

The times are written compactly, for a 3-hour episode has tens of thousands of words
(BENCHMARKS.md): centiseconds, each the step from the one before, the first from the turn's
``data-start`` (``data-start="83.2" data-words="-2 31 40 28"``: 83.18, 83.49, 83.89, 84.17). No
element per word is written; the script marks a word with the CSS Custom Highlight API, so the
text stays as it is for selecting, finding and search-result marks.

Not given: turns of Markdown transcripts (whose inline syntax changes the words shown; no
Markdown reader times words anyway), datelines (shown as a note), and text holding characters
that Python and browsers disagree about as whitespace, or that an HTML parser drops.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

from .. import notes

#: A word as a browser's JavaScript ``\S+`` finds it (Python's ``\s`` also has U+001C-U+001F and U+0085, not U+FEFF).
_BROWSER_WORD = re.compile("[^\t\n\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
#: Whitespace to one side only, and NUL, which an HTML parser drops from text.
_UNLIKE = re.compile("[\x00\x1c-\x1f\x85\ufeff]")
_WORD = re.compile(r"\S+")


def shown(text: str, times: Sequence[float]) -> list[float] | None:
    """The start of each word the page shows for ``text``, whose ``text.split()`` words start at
    ``times``; ``None`` when the page's words cannot be told apart as the browser will."""
    if not times or _UNLIKE.search(text):
        return None
    firsts = [m.start() for m in _WORD.finditer(text)]
    if len(firsts) != len(times):
        return None
    if "\n\n" not in text and "[" not in text and "(" not in text:  # one paragraph, no note: the same words
        return list(times)
    out: list[float] = []
    at = 0
    for part in text.split("\n\n"):  # as TurnText.html cuts paragraphs
        for begin, end in _outside_notes(part):
            for word in _BROWSER_WORD.finditer(part, begin, end):
                out.append(times[bisect.bisect_right(firsts, at + word.start()) - 1])
        at += len(part) + 2
    return out


def _outside_notes(part: str) -> list[tuple[int, int]]:
    """The stretches of a paragraph that are not notes, as ``notes_marked`` cuts them."""
    if "[" not in part and "(" not in part:
        return [(0, len(part))]
    spans, at = [], 0
    for match in notes.NOTE.finditer(part):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(part)))
    return spans


def encoded(start: float, times: Sequence[float]) -> str:
    """``times`` as ``data-words``: centiseconds, each from the one before, the first from
    ``start`` as ``data-start`` writes it (``%g``)."""
    centiseconds = [round(time * 100) for time in times]
    before = [round(float(f"{start:g}") * 100), *centiseconds[:-1]]
    return " ".join(map(str, map(operator.sub, centiseconds, before)))


def data_words(text: str, start: float | None, times: Sequence[float]) -> str:
    """The ``data-words`` of a turn, ``""`` when it has none."""
    if start is None or not times:
        return ""
    found = shown(text, times)
    return encoded(start, found) if found else ""
