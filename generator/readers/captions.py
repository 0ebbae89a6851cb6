"""Caption text as paragraphs: cues cut for the screen, joined back into sentences and paragraphs.

A caption file that names no speakers is a stream of two-second cues; read cue by cue it is a
page of thousands of one-line turns. Runs of cues that name no speaker (a file with ``<v>`` voices
or ``Name:`` prefixes keeps its speakers' turns as they are) are joined into paragraphs, each
starting at its first cue's time, so its timestamp still seeks the audio. A paragraph ends after
a cue when:

1. the cue ends a sentence (``.``, ``?``, ``!``, ``…``) and a pause of :data:`PAUSE` seconds or
   more follows it, or the paragraph holds :data:`SENTENCE_WORDS` words or more;
2. in captions without sentence punctuation (fewer than one sentence end in
   :data:`PUNCTUATED_EVERY` words: auto-captions), a pause of :data:`PAUSE` seconds follows and
   the paragraph holds :data:`PAUSE_WORDS` words, or it holds :data:`UNPUNCTUATED_WORDS` words;
3. the next cue would take it past :data:`MAX_WORDS` words, wherever that falls (a cue is
   never cut, so only a cue longer than that makes a longer paragraph).

**Rolling captions.** Auto-captions (YouTube's, broadcast roll-up) show each line twice: a cue
repeats the previous cue's last line above its new one, and YouTube adds 10 ms cues that hold only
the finished line. A file where at least a third of the cues open with the line the cue before
them ended with is read as rolling: each cue keeps only the lines it adds, and a cue left with
nothing is dropped. A repeat counts only where it is a sign of rolling: the cue has a new line
below the repeated one, or lasts less than a tenth of a second (a line said twice is kept).

Whisper's ``--highlight_words`` captions repeat each line once per word, with the word being said
underlined (``<u>so</u>``): a cue that repeats the one before it with only its markup changed is
folded into it.

**Word times.** Where cues time their words with inline timestamps, as YouTube's auto-captions do
(``welcome<00:00:00.900><c> back</c>``), each word starts at the timestamp before it (the first at
its cue's start), and the paragraph keeps them when all its cues have them (:func:`inline_times`).

**Text without paragraphs.** An auto-caption transcript saved as plain text (no punctuation, no
blank lines) is one paragraph of the whole file; an unattributed paragraph of more than
:data:`MAX_WORDS` words with no sentence punctuation is cut into equal parts of at most
:data:`UNPUNCTUATED_WORDS` words (:func:`split_unpunctuated`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator, Sequence

from ..model import Turn
from .common import joined_confidence
from .cues import Cue, clean

#: Seconds of silence after a cue that end a paragraph (at a sentence end, or anywhere in
#: unpunctuated captions once the paragraph has :data:`PAUSE_WORDS` words).
PAUSE = 2.0
#: Words after which the next sentence end closes a paragraph.
SENTENCE_WORDS = 50
#: Words a paragraph of unpunctuated captions holds before a pause may close it.
PAUSE_WORDS = 20
#: Words at which a paragraph of unpunctuated captions closes (after the cue that reaches them).
UNPUNCTUATED_WORDS = 100
#: No paragraph is longer (unless one cue is).
MAX_WORDS = 150
#: Captions with fewer sentence ends than one in this many words are unpunctuated.
PUNCTUATED_EVERY = 40

_SENTENCE_END = re.compile(r"[.?!…。？！][\"'”’)\]]*$")
_STYLE = re.compile(r"</?[a-zA-Z][^<>]*>")  # <c>, </c>, <c.colorE5E5E5>: not words
_INLINE = re.compile(r"<(?:(\d{1,2}):)?(\d{2}):(\d{2})\.(\d{3})>")


def paragraphs(turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """``turns`` with each run of turns that name no speaker joined into paragraphs (module docs)."""
    unnamed = [t for t in turns if not t.speaker]
    if len(unnamed) < 2:
        return tuple(turns)
    words = sum(len(t.text.split()) for t in unnamed)
    punctuated = sum(1 for t in unnamed for w in t.text.split() if _SENTENCE_END.search(w)) * PUNCTUATED_EVERY >= words
    out: list[Turn] = []
    run: list[Turn] = []
    for turn in turns:
        if turn.speaker:
            out.extend(_paragraphs(run, punctuated))
            run = []
            out.append(turn)
        else:
            run.append(turn)
    out.extend(_paragraphs(run, punctuated))
    return tuple(out)


def _paragraphs(run: list[Turn], punctuated: bool) -> Iterator[Turn]:
    para: list[Turn] = []
    words = 0
    for i, turn in enumerate(run):
        count = len(turn.text.split())
        if para and words + count > MAX_WORDS:  # rule 3
            yield _join(para)
            para, words = [], 0
        para.append(turn)
        words += count
        after = run[i + 1] if i + 1 < len(run) else None
        if after is None or _closes(turn, after, words, punctuated):
            yield _join(para)
            para, words = [], 0


def _closes(turn: Turn, after: Turn, words: int, punctuated: bool) -> bool:
    """Whether the paragraph ends after ``turn`` (rules 1 to 3 of the module docs)."""
    if words >= MAX_WORDS:
        return True
    paused = turn.end is not None and after.start is not None and after.start - turn.end >= PAUSE
    if punctuated:
        return bool(_SENTENCE_END.search(turn.text)) and (paused or words >= SENTENCE_WORDS)
    return (paused and words >= PAUSE_WORDS) or words >= UNPUNCTUATED_WORDS


def _join(para: list[Turn]) -> Turn:
    first = para[0]
    if len(para) == 1:
        return first
    end = next((t.end for t in reversed(para) if t.end is not None), None)
    times = tuple(x for t in para for x in t.word_times) if all(t.word_times for t in para) else ()
    return Turn("", " ".join(t.text for t in para), first.start, end, first.line, times, joined_confidence(para))


def unroll(cues: list[Cue]) -> list[Cue]:
    """Rolling captions without their repeated lines (module docs); other files as they are."""
    if any("<u>" in x for _, _, _, lines in cues[:20] for x in lines):
        cues = _highlighted_once(cues)
    firsts = [next((x.strip() for x in lines if x.strip()), "") for _, _, _, lines in cues]
    lasts = [next((x.strip() for x in reversed(lines) if x.strip()), "") for _, _, _, lines in cues]
    if 6 * sum(1 for a, b in zip(lasts, firsts[1:], strict=False) if a and a == b) < len(cues):
        return cues  # a quick look first: even as written, rolling captions repeat lines often
    cleaned = [[clean(x) for x in lines] for _, _, _, lines in cues]
    said = [[c for c in lines if c] for lines in cleaned]
    rolling = sum(1 for a, b, cue in zip(said, said[1:], cues[1:], strict=False)
                  if a and b and b[0] == a[-1] and (len(b) > 1 or cue[2] - cue[1] < 0.1))
    if rolling < 2 or 3 * rolling < len(cues):
        return cues
    out: list[Cue] = []
    before: list[str] = []
    for (line, start, end, lines), text, clean_lines in zip(cues, said, cleaned, strict=True):
        repeated = _overlap(before, text)
        skip = _repeated_lines(clean_lines, repeated)
        kept, clean_kept = lines[skip:], clean_lines[skip:]
        if repeated == 0 and before and text and text[0].startswith(before[-1] + " "):
            first = next(i for i, c in enumerate(clean_kept) if c)  # the old line run into the new one
            kept = [*kept[:first], text[0][len(before[-1]) + 1:], *kept[first + 1:]]
        before = text or before
        if any(clean_kept):
            out.append((line, start, end, kept))
    return out


def _highlighted_once(cues: list[Cue]) -> list[Cue]:
    """Whisper's ``--highlight_words`` captions: a cue per word, each repeating its line with
    the word being said underlined. A cue that repeats the one before it with other markup is
    folded into it (the first keeps its start and takes the last one's end); the same words
    written the same way twice are two cues."""
    out: list[Cue] = []
    before: list[str] = []
    for line, start, end, lines in cues:
        text = [clean(x) for x in lines]
        if out and text == before and lines != out[-1][3]:
            out[-1] = (out[-1][0], out[-1][1], end, out[-1][3])
            continue
        out.append((line, start, end, lines))
        before = text
    return out


def _overlap(before: list[str], text: list[str]) -> int:
    """How many of ``text``'s first lines repeat ``before``'s last lines."""
    for k in range(min(len(before), len(text)), 0, -1):
        if text[:k] == before[-k:]:
            return k
    return 0


def _repeated_lines(clean_lines: list[str], count: int) -> int:
    """How many lines to drop from a cue: its first ``count`` lines that hold text, and the blank
    ones among them."""
    if not count:
        return 0
    for i, text in enumerate(clean_lines):
        count -= 1 if text else 0
        if count == 0:
            return i + 1
    return len(clean_lines)


def split_unpunctuated(turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """Unattributed turns of more than :data:`MAX_WORDS` words without sentence punctuation, cut
    into equal parts of at most :data:`UNPUNCTUATED_WORDS` words; the first keeps the turn's time."""
    if all(t.speaker or len(t.text) < MAX_WORDS * 2 for t in turns):  # the usual case: nothing to cut
        return tuple(turns)
    out: list[Turn] = []
    for turn in turns:
        words = turn.text.split()
        ends = sum(1 for w in words if _SENTENCE_END.search(w))
        if turn.speaker or len(words) <= MAX_WORDS or ends * PUNCTUATED_EVERY >= len(words):
            out.append(turn)
            continue
        parts = math.ceil(len(words) / UNPUNCTUATED_WORDS)
        size = math.ceil(len(words) / parts)
        for i in range(0, len(words), size):
            last = i + size >= len(words)
            out.append(dataclasses.replace(turn, text=" ".join(words[i:i + size]), start=turn.start if i == 0 else None,
                                           end=turn.end if last else None, word_times=turn.word_times[i:i + size],
                                           word_confidence=turn.word_confidence[i:i + size]))
    return tuple(out)


def inline_times(cues: list[Cue], turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """``turns`` with the word times of the unnamed cues that time their words inline (module docs);
    a turn is matched to its cue by its line, and keeps the times only if they count its words."""
    timed: dict[int, tuple[float, ...]] = {}
    for line, start, _, lines in cues:
        text = " ".join(lines)
        if "<" not in text or not _INLINE.search(text):
            continue
        parts = _INLINE.split(_STYLE.sub("", text))  # text, then four groups and the text after each timestamp
        times = [start] * len(parts[0].split())
        for i in range(1, len(parts), 5):
            at = int(parts[i] or 0) * 3600 + int(parts[i + 1]) * 60 + int(parts[i + 2]) + int(parts[i + 3]) / 1000
            times += [max(round(at, 3), start)] * len(parts[i + 4].split())
        timed[line] = tuple(times)
    if not timed:
        return tuple(turns)
    return tuple(dataclasses.replace(t, word_times=timed[t.line]) if not t.speaker and t.line in timed else t
                 for t in turns)
