"""The archive's words, for the search page's "Did you mean" (site_templates/assets/onrecord/nearest.js).

Pagefind finds a misspelt word's prefixes or nothing, and its API does not list the words it
indexed, so the build writes them: ``pagefind/onrecord-words.txt``, the words of every indexed page
(what Pagefind itself stored in its fragments, so exactly the indexed text), most frequent first,
one a line. The search page fetches it only when a query has a word no page holds.

- A word is a run of letters (Unicode ``\\w`` less digits and ``_``), as the page script splits a
  query; numbers are left out (nobody misspells a number into another one worth suggesting), and
  so are one-letter words.
- Words that differ only in case or accents (``Résumé``, ``resume``) are one entry, as Pagefind
  finds either with either, and their counts add up; the spelling written most often stands for
  them (so names keep their capitals, and ``Inès`` its accent), lower case if it is at least half
  as common (see :func:`spelling`).
- Most frequent first, ties alphabetical: the order is the frequency the page ranks by, so no
  counts are written, and the same archive writes the same bytes.
- At most :data:`LIMIT` words: an archive of thousands of hours has a long tail of words said
  once or twice (names, slips of the transcriber, false starts) that would make up most of the
  file. Words said fewer than *n* times are left out, *n* the smallest that keeps the rest within
  the limit (whole frequency classes, so which rare word stays never depends on its spelling). A
  word left out is still searchable; it is only never suggested.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

#: The file, inside Pagefind's bundle folder (it is rebuilt, and removed, with the index).
NAME = "onrecord-words.txt"
#: The most words written: about 250 KB before compression, 115 KB gzipped (see BENCHMARKS.md).
LIMIT = 30_000

WORD = re.compile(r"[^\W\d_]+")  # letters; one-letter words are dropped after counting (faster)


def key(word: str) -> str:
    """``word`` as the page compares words: lower case, without accents (``Inès`` -> ``ines``)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def count(texts: Iterable[str]) -> Counter[str]:
    """How often each word (as written) occurs in ``texts``."""
    counts: Counter[str] = Counter()
    for text in texts:  # composed, so that an accent is part of its letter (``\w`` has no marks)
        counts.update(WORD.findall(unicodedata.normalize("NFC", text)))
    return counts


def vocabulary(counts: Counter[str], limit: int = LIMIT) -> list[str]:
    """One spelling for each :func:`key`, most frequent first, at most ``limit``."""
    totals: Counter[str] = Counter()
    spellings: dict[str, dict[str, int]] = {}
    for word, n in counts.items():
        if len(word) >= 2:
            k = key(word)
            totals[k] += n
            spellings.setdefault(k, {})[word] = n
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    if len(ranked) > limit:  # leave out the rarest words, a whole frequency class at a time
        floor = totals[ranked[limit]] + 1
        ranked = [k for k in ranked if totals[k] >= floor]
    return [spelling(spellings[k]) for k in ranked]


def spelling(written: dict[str, int]) -> str:
    """The spelling that stands for a word: the one written most often (of equals, the first in
    code-point order), except that a lower-case spelling written at least half as often wins, as
    capitals at the start of sentences are not the word's own ("inflation", but "Biden", "NATO")."""
    best = min(written, key=lambda word: (-written[word], word))
    lower = [word for word in written if word == word.lower() and 2 * written[word] >= written[best]]
    return min(lower, key=lambda word: (-written[word], word)) if lower else best


def fragment_text(data: bytes) -> str:
    """The indexed text of one Pagefind fragment (gzipped JSON after a signature)."""
    raw = gzip.decompress(data)
    signature = b"pagefind_dcd"
    return str(json.loads(raw[len(signature):] if raw.startswith(signature) else raw).get("content", ""))


def bundle_counts(files: dict[str, bytes]) -> Counter[str]:
    """How often each word occurs in the fragments of Pagefind's bundle ``files`` (path -> bytes).
    Counts add up: the counts of a site's shards, summed, are those of one index of it."""
    return count(fragment_text(data) for name, data in sorted(files.items()) if name.startswith("fragment/"))


def from_counts(counts: Counter[str], limit: int = LIMIT) -> bytes:
    """The words file for these word counts."""
    return "".join(f"{word}\n" for word in vocabulary(counts, limit)).encode("utf-8")


def from_bundle(files: dict[str, bytes], limit: int = LIMIT) -> bytes:
    """The words file for Pagefind's bundle ``files`` (path -> bytes)."""
    return from_counts(bundle_counts(files), limit)
