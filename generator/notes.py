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
