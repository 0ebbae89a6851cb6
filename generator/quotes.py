"""Choosing the quotes a person page shows for an appearance.

A good quote is a substantive sentence: long enough to say something (8–45 words), not a
greeting, thanks, sign-off, introduction, sponsor read or a host's stock intro, and not a
question. Stock phrases are caught two ways: the closed list :data:`COURTESY` (English phrases,
matched as whole words without case or punctuation), and :func:`recurring`, the sentences a
person says in more than one episode (a host's "Welcome to Low Tide, I'm Mara Quinn" needs no
list). The first sentences of the longest turns are scored; the best one per turn competes, and
the top ``n`` turns are returned in the order they were said. Pure text heuristics, no model:
cheap (linear in the words spoken) and explainable. Numbers and years raise a score: they make a
claim concrete.

A quote reads as someone said it: sentences are never split inside quotation marks (“…”, "…",
‘…’, '…') or parentheses, and an excerpt never ends inside one (it is cut before the opening
mark, or dropped: :func:`excerpt`). A mark is an apostrophe, not a quotation, between two letters
(“don't”) or before a digit (“the '90s”); a mark that is never closed quotes nothing and splits
as plain text (so does one closed more than :data:`REACH` characters on), but a sentence ending
with it open is not shown.

Sentences are cut from one turn's text at a time, so a quote never spans two speakers (nor two
turns of one). Editorial notes (``[laughs]``, ``(Applause.)``: generator/notes.py) are
removed first, and Markdown's backslash escapes (``\\[the\\]``, ``snake\\_case``) are undone:
they are how a Markdown transcript writes a bracket, not something anyone said.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass

from . import notes
from .model import EpisodeTurn

#: Greetings, thanks, sign-offs, introductions and sponsor reads, in English: a sentence holding one
#: of these (as whole words, without case or punctuation: "Thank you all, and good night." holds
#: "thank you" and "good night") is courtesy, not something to quote. A closed list: extend it here,
#: with phrases that mean nothing else ("take care of our veterans" is no sign-off, so "take care"
#: appears only with "everyone").
COURTESY = (
    # greetings
    "good morning", "good afternoon", "good evening", "hello everyone", "hello everybody",
    "hello and welcome", "hello hello", "hi everyone", "hi everybody", "hi there", "hey everyone",
    "hey everybody", "welcome to", "welcome back", "welcome everyone", "welcome everybody",
    "good to see you", "great to see you", "nice to see you", "nice to meet you", "please be seated",
    "please sit down",
    # thanks
    "thank you", "thank y'all", "thanks for", "thanks so much", "thanks again", "thanks everyone",
    "thanks everybody", "thanks all", "thanks a lot", "thanks very much", "many thanks",
    "special thanks", "to thank", "i thank", "we thank", "i'm grateful", "we're grateful",
    "appreciate you having me", "appreciate you coming", "great to be here", "good to be here",
    "glad to be here", "happy to be here", "pleasure to be here", "honor to be here",
    "great to be with you", "good to be with you", "great to have you", "good to have you",
    "pleasure to have you",
    # sign-offs
    "good night", "goodnight", "goodbye", "bye", "see you next", "see you soon", "see you later",
    "see you then", "see you all next", "until next time", "till next time", "take care everyone",
    "take care everybody", "take care of yourselves",
    "that's all for", "that's it for", "that's our show", "signing off", "god bless",
    "talk to you soon", "catch you next", "have a great day", "have a good day", "have a great weekend",
    "have a good one",
    # introductions
    "my name is", "i'm your host", "i'm joined by", "joining me today", "joining me now", "joined today by",
    "with me today", "you're listening to", "on today's show", "on today's episode", "in this episode",
    "let me introduce", "please welcome", "without further ado", "pleasure to introduce",
    "honor to introduce",
    # sponsor reads
    "brought to you by", "sponsored by", "our sponsor", "our sponsors", "today's sponsor", "promo code",
    "please subscribe", "and subscribe", "subscribe to the show", "subscribe to the podcast",
    "subscribe wherever", "rate and review", "rate & review",
)
#: Words that are courtesy when a short sentence (under :data:`MIN_WORDS` words) opens with them:
#: "Thanks, Jerod." and "Take care." are, "Thanks to the new law, ..." and "Hey, the cache is
#: cold, so ..." are not. Closed too.
COURTESY_OPENING = ("take care", "thanks", "cheers", "hello", "hi", "hey", "welcome")
_SENTENCE = re.compile(r"[.!?…][\"”’)]*(?=\s+[\"“‘(]*[A-Z0-9¿¡À-Ý])")  # cut after closing marks
_MARK = re.compile(r"[“”‘\"()'’](?<!\w['’](?=\w))")  # not an apostrophe between word characters (don't)
REACH = 2000  # characters: a mark closed further on than this is taken as never closed (a stray mark, not a quotation)
_CLOSER = {"(": ")", "“": "”", "‘": "’", '"': '"', "'": "'"}
_FILLER = re.compile(r"\b(um+|uh+|you know|i mean|like)\b")  # on the lowercased sentence
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation
SENTENCES_PER_TURN = 12  # a long monologue's best line is near its start often enough; scoring all is slow
TURNS_CONSIDERED = 8  # the longest turns of an appearance: short ones are rarely the quote
MIN_WORDS = 6  # shorter says too little to quote; an excerpt cut shorter is dropped


_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Quote:
    turn: EpisodeTurn
    text: str
    score: float


def key(sentence: str) -> str:
    """A sentence without case and punctuation, to recognise it when it is said again."""
    return " ".join(_WORD.findall(sentence.lower()))


_COURTESY = re.compile(r"\b(?:" + "|".join(sorted({re.escape(key(p)) for p in COURTESY}, key=len, reverse=True)) + r")\b")


_OPENING = re.compile(r"(?:" + "|".join(re.escape(key(p)) for p in COURTESY_OPENING) + r")\b")


def courtesy(sentence: str) -> bool:
    """Whether ``sentence`` greets, thanks, signs off, introduces or reads an ad (:data:`COURTESY`,
    :data:`COURTESY_OPENING`)."""
    said = key(sentence)
    return _COURTESY.search(said) is not None or (said.count(" ") < MIN_WORDS - 1 and bool(_OPENING.match(said)))


def _role(text: str, at: int) -> str:
    """What the mark at ``at`` does: "open", "close", "either" (a straight quotation mark whose
    side the stack decides) or "" (an apostrophe: “don't”, “the '90s”, “the players' union”)."""
    mark = text[at]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if mark in "(“‘":
        return "open"
    if mark in ")”":
        return "close"
    if mark == '"':
        return "either" if not before.isspace() and not after.isspace() else "close" if after.isspace() else "open"
    if before.isalnum() and after.isalnum():
        return ""  # don't, rock’n’roll
    if mark == "’" or not before.isspace() and before not in "(“\"":
        return "close" if not after.isalnum() else ""
    return "open" if after.isalpha() else ""  # 'Go,' she said; but '90s


def _marks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The spans of ``text`` inside matched quotation marks or parentheses (outermost first), and
    the positions of the marks left open. A closing mark closes the nearest open one of its kind
    within :data:`REACH`, leaving any opened after it unmatched (they quote nothing). Scanned left
    to right, so a prefix of ``text`` gives the same spans up to :data:`REACH` before its end."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    lost: list[int] = []  # marks that quote nothing: never closed, or closed too far on
    for found in _MARK.finditer(text):
        at, mark = found.start(), found.group()
        while stack and stack[0][1] < at - REACH:
            lost.append(stack.pop(0)[1])
        role = _role(text, at)
        if role in ("close", "either"):
            opened = next((i for i in range(len(stack) - 1, -1, -1) if _CLOSER[stack[i][0]] == mark), -1)
            if opened >= 0:
                spans.append((stack[opened][1], at + 1))
                lost.extend(p for _, p in stack[opened + 1 :])
                del stack[opened:]
                continue
        if role in ("open", "either"):
            stack.append((mark, at))
    outer: list[tuple[int, int]] = []
    for span in sorted(spans):  # matched pairs nest, never cross: a span is inside the last outer one or after it
        if not outer or span[0] >= outer[-1][1]:
            outer.append(span)
    return outer, sorted(lost + [at for _, at in stack])


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether position ``at`` is inside one of ``spans`` (sorted outermost spans)."""
    i = bisect.bisect_right(spans, (at, math.inf)) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]


def _plain(text: str) -> str:
    """A turn's text as said: notes, backslash escapes and Markdown links and emphasis removed
    (``[the spec](https://...)`` reads as "the spec")."""
    text = notes.strip(text)
    if "[" in text or "*" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text.replace("\n\n", " ")


def sentences(text: str, limit: int = 0) -> list[str]:
    """The sentences of one turn's ``text`` (the first ``limit`` of them, when given), as plain
    text (:func:`_plain`), never split inside quotation marks or parentheses."""
    text = _plain(text)
    marked = _MARK.search(text) is not None
    if not limit or not marked:
        return _split(text, limit, _marks(text)[0] if marked else [], len(text))
    scanned = REACH  # split no further than needed: a turn can be a 5,000-word monologue
    while True:
        scanned = min(len(text), scanned * 2)
        sure = len(text) if scanned == len(text) else scanned - REACH  # spans before here are final
        found = _split(text, limit, _marks(text[:scanned])[0], sure)
        if len(found) >= limit or scanned == len(text):
            return found


def _split(text: str, limit: int, spans: list[tuple[int, int]], sure: int) -> list[str]:
    """Up to ``limit`` (0: all) sentences of ``text`` cut outside ``spans``, using cuts before ``sure``
    only (the rest of the text, when the limit is not reached, is left out)."""
    found: list[str] = []
    begin = 0
    for end in _SENTENCE.finditer(text):
        if (limit and len(found) >= limit) or end.end() >= sure:
            break
        if not _inside(spans, end.end()) and text[begin : end.end()].strip():
            found.append(text[begin : end.end()].strip())
            begin = end.end()
    if (not limit or len(found) < limit) and sure >= len(text) and text[begin:].strip():
        found.append(text[begin:].strip())
    return found


def recurring(appearances: list[tuple[EpisodeTurn, ...]]) -> frozenset[str]:
    """Sentences said in more than one episode, from the first two and last two turns of each
    (where intros and sign-offs live)."""
    seen: Counter[str] = Counter()
    for turns in appearances:
        ends = turns[:2] + turns[-2:] if len(turns) > 4 else turns
        seen.update({key(s) for t in ends for s in _candidates(t.turn.text)[0]})
    return frozenset(k for k, n in seen.items() if n > 1)


def shown(sentence: str) -> bool:
    """Whether ``sentence`` may be shown at all, even when nothing scores: not courtesy, and an
    excerpt of it that is not cut to nothing by an open quotation or parenthesis."""
    return not courtesy(sentence) and bool(excerpt(sentence))


def score(sentence: str) -> float:
    """Higher is more quotable; zero or less is never shown unless nothing else exists, and what
    is not :func:`shown` never is."""
    value = _merit(sentence)
    return value if value <= 0 or shown(sentence) else 0.0


def _merit(sentence: str) -> float:
    """The :func:`score` of ``sentence`` before asking whether it may be shown (the costly part,
    asked only of the best few: :func:`_best`)."""
    n = len(sentence.split())
    if n < MIN_WORDS:
        return 0.0
    value = min(n, 30) - max(0, n - 45) * 0.5 - 3 * len(_FILLER.findall(sentence.lower()))
    if sentence.endswith("?"):
        value *= 0.4
    if _DIGIT.search(sentence):
        value += 2  # numbers and years make claims concrete
    return value


def pick(turns: tuple[EpisodeTurn, ...], n: int = 1, stock: frozenset[str] = frozenset()) -> list[Quote]:
    """The best ``n`` quotes among ``turns``, one per turn, in spoken order; sentences in
    ``stock`` (see :func:`recurring`) score zero. When nothing scores, the longest sentence that
    may be :func:`shown` stands in: someone who only asked short questions still gets a line."""
    said = [(placed, _candidates(placed.turn.text))
            for placed in heapq.nlargest(TURNS_CONSIDERED, turns, key=lambda p: len(p.turn.text))]
    best = [q for placed, (_, ranked) in said if (q := _best(placed, ranked, stock))]
    top = sorted(best, key=lambda q: q.score, reverse=True)[:n]
    if not top:  # nothing substantive: the longest thing they said
        spare = sorted(((len(s), -i, placed, s) for i, (placed, (found, _)) in enumerate(said) for s in found),
                       key=lambda c: c[:2], reverse=True)
        top = next(([Quote(placed, s, 0.0)] for _, _, placed, s in spare if shown(s)), [])
    return sorted(top, key=lambda q: q.turn.index)


def forget() -> None:
    """Let go of the turns' sentences kept for the next pick (:func:`_candidates`)."""
    _candidates.cache_clear()


@functools.lru_cache(maxsize=1 << 15)
def _candidates(text: str) -> tuple[tuple[str, ...], tuple[tuple[float, int, str, str], ...]]:
    """A turn's first sentences, and those with merit, best first. The same for every pick of the
    turn (its episode's description, each of its people's pages, the next build of a preview), so
    they are kept for the turns picked from most recently: a person page of 250 appearances took
    0.4 s, mostly here. Each ranked sentence comes with its :func:`key`, for the ``stock`` test."""
    found = tuple(sentences(text, SENTENCES_PER_TURN))
    return found, tuple(sorted(((m, -i, s, key(s)) for i, s in enumerate(found) if (m := _merit(s)) > 0), reverse=True))


def _best(placed: EpisodeTurn, ranked: tuple[tuple[float, int, str, str], ...], stock: frozenset[str]) -> Quote | None:
    """The best-scoring sentence of one turn (``ranked`` by merit, :func:`_candidates`) that may be
    shown and is not in ``stock``, if any scores above zero; the costlier checks from the top down."""
    for value, _, sentence, said in ranked:
        if not (stock and said in stock) and shown(sentence):
            return Quote(placed, sentence, value)
    return None


def open_at_end(text: str) -> bool:
    """Whether ``text`` ends inside a quotation or parenthesis it opened."""
    return bool(_MARK.search(text)) and bool(_marks(text)[1])


def excerpt(text: str, limit: int = 320) -> str:
    """``text`` cut to about ``limit`` characters at a space, and never inside a quotation or
    parenthesis: cut before the first mark left open instead, or "" (drop the quote) when what
    is left before it is under :data:`MIN_WORDS` words."""
    cut = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]
    if _MARK.search(cut) and (left_open := _marks(cut)[1]):
        cut = cut[: left_open[0]].rstrip(" —–-")
    elif cut == text:
        return text
    cut = cut.rstrip(",;:")
    return cut + "…" if len(cut.split()) >= MIN_WORDS else ""
