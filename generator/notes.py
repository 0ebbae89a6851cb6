"""Editorial annotations in transcript text: ``[laughs]``, ``(Applause.)``, ``[crosstalk 00:12:34]``.

Transcribers mark what is not speech in brackets or parentheses. Such a note is shown as a note
(see generator/pages/turntext.py), and is no one's words: it is left out of word counts
(``EpisodeTurn.words``: shares and statistics), quotes and search excerpts.

What counts as a note, decided from real archives (the White House's ``(Applause.)`` and
``(Cross-talk by reporters.)``, the Changelog's escaped ``\\[laughs\\]`` and
``\\[unintelligible 00:11:01\\]``, Rev's ``[inaudible 00:12:34]``):

- ``[...]`` (backslash-escaped brackets too) that starts with a word of :data:`VOCABULARY`, then
  anything up to 60 characters: ``[laughs]``, ``[music playing]``, ``[unintelligible 00:11:01]``;
  or that holds only a time: ``[00:12:34]``, ``\\[08:01\\]`` (a transcriber's sync mark);
- ``(...)`` that holds only words of the vocabulary, joined by ``and``/``,``/``&``, perhaps ``by``
  or ``from`` someone and a time, perhaps a final full stop: ``(inaudible)``, ``(Laughter and
  applause.)``, ``(Cross-talk by reporters.)``. Parentheses are stricter than brackets because
  speakers use them in prose: ``(music, mostly)`` is not a note;
- never a Markdown link: ``[laughs](https://...)`` or ``[laughs][ref]`` is a link.

The vocabulary is closed on purpose: a bracket is also how an editor inserts a missing word
(``\\[Ghani\\]``, ``\\[the\\]``), and those words were said and stay words.
"""

from __future__ import annotations

import re

#: Words a note starts with (matched without case); ``laugh`` also matches laughs, laughter, laughing.
VOCABULARY = (
    r"laugh\w*|chuckl\w*|giggl\w*|applau\w*|cheer\w*|crosstalk|cross-talk|cross talk|overlapping|"
    r"inaudible|unintelligible|indiscernible|incomprehensible|garbled|music|silence|pause|break|"
    r"cough\w*|clears throat|sighs?|sic|singing|phonetic|foreign language|as interpreted|off[- ]mic\w*|"
    r"technical difficulties|audio cuts out|bleep|beep|risas|aplausos"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_WORD = rf"(?:{VOCABULARY})"
_BODY = rf"\s*((?:{_WORD}(?![\w-])[^\[\]\\\n]{{0,60}}?|{_TIME}))\s*\\?\](?![(\[])"
_PAREN = (
    rf"\(({_WORD}(?:\s*(?:,|and|&)\s*{_WORD})*(?:\s+(?:by|from)\s+[\w .'-]{{1,30}}?)?"
    rf"(?:\s+{_TIME})?\.?)\)"
)
#: One note; ``label()`` gives the words inside it. Every alternative starts with a literal
#: (``\[``, ``[``, ``(``) so that the regex engine skips ahead to those characters: 3x faster
#: than one alternative starting with an optional backslash (measured on the White House archive).
NOTE = re.compile(rf"\\\[{_BODY}|\[{_BODY}|{_PAREN}", re.IGNORECASE)
_GAP = re.compile(r"[ \t]+(?=[ \t,.;:!?]|$)")  # the space a removed note leaves before punctuation


def label(match: re.Match[str]) -> str:
    """What a note says: ``Laughter`` for ``(Laughter.)``, ``laughs`` for ``\\[laughs\\]``."""
    return next((g for g in match.groups() if g), "").strip().removesuffix(".")


def strip(text: str) -> str:
    """``text`` without its notes (and the space each leaves)."""
    if "[" not in text and "(" not in text:  # most turns: skip the regex
        return text
    text, found = NOTE.subn("", text)
    return _GAP.sub("", text).strip() if found else text


def words(text: str) -> int:
    """How many words ``text`` says, notes left out."""
    return len(strip(text).split())


# Datelines: the place and time lines a transcript opens and closes with ("East Room",
# "4:27 P.M. EST", "END" in every White House transcript), read as turns of their own with no
# speaker. They are shown as notes, not as speech (pages/episode.py).
_CLOCK = re.compile(r"\d{1,2}:\d{2}\s*[AP]\.?\s?M\.?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)
_DATE = re.compile(r"\(?[A-Z][a-z]+\.? \d{1,2}, \d{4}\)?")  # (September 15, 2022)
_ENDS = frozenset({"END", "###", "# # #", "-END-", "– END –", "— END —"})
_PLACE_WORD = re.compile(r"[A-Z0-9][\w.'’&-]*|of|the|and|de|la|on|at|in|for|via|Via")


def _dateline_kind(text: str) -> str:
    """``"time"`` for a clock time or ``END``, ``"place"`` for a short line in title case with no
    sentence in it (``South Court Auditorium``, ``Pittsburgh, Pennsylvania``), else ``""``."""
    line = " ".join(text.replace("\\", "").split()).strip(" *")  # \### in Markdown is ###
    if line in _ENDS or _CLOCK.fullmatch(line) or _DATE.fullmatch(line):
        return "time"
    words = line.replace(",", " ").split()
    ending = line[-1:] in ".?!:;" and not re.search(r"\b(?:[A-Z]\.){2,}$", line)  # D.C. is no full stop
    if 0 < len(words) <= 14 and not ending and all(_PLACE_WORD.fullmatch(w) for w in words):
        return "place"
    return ""


def datelines(turns: list[tuple[str, str]]) -> set[int]:
    """The indices of ``(speaker, text)`` turns that are datelines: from each end of the
    transcript, the turns with no speaker that are a time, an end mark or a place, up to the
    first that is none of these; a run's places count only when it holds a time (a place alone
    might be a short unattributed sentence)."""
    found: set[int] = set()
    for order in (range(len(turns)), range(len(turns) - 1, -1, -1)):
        kinds: dict[int, str] = {}
        for i in order:
            kind = "" if turns[i][0] else _dateline_kind(turns[i][1])
            if not kind:
                break
            kinds[i] = kind
        if "time" in kinds.values():
            found.update(kinds)
    return found
