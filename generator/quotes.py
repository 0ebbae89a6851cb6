"""Choosing the quotes a person page shows for an appearance.

A good quote is a substantive sentence: long enough to say something (8–45 words), not a
greeting, thanks, sign-off, sponsor read or a host's stock intro, and not a question. Stock
phrases are caught two ways: a pattern list of greetings, thanks, sign-offs and ad reads, and
:func:`recurring`, the sentences a person says in more than one episode (a host's "Welcome to
Low Tide, I'm Mara Quinn" needs no list). The first sentences of the longest turns are scored; the best
one per turn competes, and the top ``n`` turns are returned in the order they were said. Pure
text heuristics, no model: cheap (linear in the words spoken) and explainable. Numbers and
years raise a score: they make a claim concrete.

Sentences are cut from one turn's text at a time, so a quote never spans two speakers (nor two
turns of one). Editorial notes (``[laughs]``, ``(Applause.)``: generator/notes.py) are
removed first, and Markdown's backslash escapes (``\\[the\\]``, ``snake\\_case``) are undone:
they are how a Markdown transcript writes a bracket, not something anyone said.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass

from . import notes
from .model import EpisodeTurn

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9¿¡À-Ý])")
_STOCK = re.compile(
    r"\b(welcome (back )?to|thanks? (you )?(so much )?for (having|joining|coming|listening|tuning)|"
    r"great to (be|have)|good (morning|afternoon|evening)|brought to you by|sponsor|promo code|"
    r"subscribe|rate (and|&) review|see you next|until next time|that'?s (all|it) for|"
    r"my name is|i'?m your host|this is .{0,30} and you'?re listening|bye\b|take care)",
)  # matched against the lowercased sentence: faster than re.IGNORECASE
_FILLER = re.compile(r"\b(um+|uh+|you know|i mean|like)\b")  # on the lowercased sentence too
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation
SENTENCES_PER_TURN = 12  # a long monologue's best line is near its start often enough; scoring all is slow
TURNS_CONSIDERED = 8  # the longest turns of an appearance: short ones are rarely the quote


_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Quote:
    turn: EpisodeTurn
    text: str
    score: float


def sentences(text: str, limit: int = 0) -> list[str]:
    """The sentences of one turn's ``text`` (the first ``limit`` of them, when given), notes,
    backslash escapes and Markdown links and emphasis removed (a quote is plain text:
    ``[the spec](https://...)`` reads as "the spec")."""
    text = notes.strip(text)
    if "[" in text or "*" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    text = text.replace("\n\n", " ")
    if limit:  # split no further than needed: a turn can be a 5,000-word monologue
        first = [s.strip() for s in _SENTENCE.split(text, maxsplit=limit)[:limit]]
        if all(first):
            return first
    found = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    return found[:limit] if limit else found


def key(sentence: str) -> str:
    """A sentence without case and punctuation, to recognise it when it is said again."""
    return " ".join(_WORD.findall(sentence.lower()))


def recurring(appearances: list[tuple[EpisodeTurn, ...]]) -> frozenset[str]:
    """Sentences said in more than one episode, from the first two and last two turns of each
    (where intros and sign-offs live)."""
    seen: Counter[str] = Counter()
    for turns in appearances:
        ends = turns[:2] + turns[-2:] if len(turns) > 4 else turns
        seen.update({key(s) for t in ends for s in sentences(t.turn.text, SENTENCES_PER_TURN)})
    return frozenset(k for k, n in seen.items() if n > 1)


def score(sentence: str) -> float:
    """Higher is more quotable; zero or less is never shown unless nothing else exists."""
    words = sentence.split()
    n = len(words)
    if n < 6:
        return 0.0
    low = sentence.lower()
    if _STOCK.search(low):
        return 0.0
    value = min(n, 30) - max(0, n - 45) * 0.5 - 3 * len(_FILLER.findall(low))
    if sentence.endswith("?"):
        value *= 0.4
    if _DIGIT.search(sentence):
        value += 2  # numbers and years make claims concrete
    return value


def pick(turns: tuple[EpisodeTurn, ...], n: int = 1, stock: frozenset[str] = frozenset()) -> list[Quote]:
    """The best ``n`` quotes among ``turns``, one per turn, in spoken order; sentences in
    ``stock`` (see :func:`recurring`) score zero."""
    best: list[Quote] = []
    for placed in heapq.nlargest(TURNS_CONSIDERED, turns, key=lambda p: len(p.turn.text)):
        candidates = []
        for sentence in sentences(placed.turn.text, SENTENCES_PER_TURN):
            value = score(sentence)
            if value > 0 and stock and key(sentence) in stock:
                value = 0.0
            candidates.append(Quote(placed, sentence, value))
        if candidates:
            best.append(max(candidates, key=lambda q: q.score))
    top = sorted(best, key=lambda q: q.score, reverse=True)[:n]
    if top and top[0].score <= 0:  # nothing substantive: the longest thing they said
        top = sorted(best, key=lambda q: len(q.text), reverse=True)[:1]
    return sorted(top, key=lambda q: q.turn.index)


def excerpt(text: str, limit: int = 320) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
