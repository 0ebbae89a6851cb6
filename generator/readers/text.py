"""The native format, and plain text as real exports write it: Markdown or text, optional YAML
front matter, one speaker label per turn.

Turn starts (one per line)::

    Name: text                      the native format
    [00:01:23] Name: text           timestamps before the name ...
    [00:01:23] text                 (a timed turn that names nobody)
    Name (00:01:23): text           ... or after it
    **Name:** text                  Markdown bold labels (**Name**: text too)
    MS. PSAKI:  text                titles in capitals, any whitespace after the colon
    Q  text                         a reporter's question: ``Q`` or ``Q.`` with no colon

Header lines, with the text on the lines after them (Otter, Descript, btctranscripts)::

    Name  00:01:23                  Name: 00:01:23                Name (00:01:23)
    Name:                           **Name:**

Times (:mod:`generator.readers.stamps`; ``0h01m23s`` wherever ``00:01:23`` is)::

    00:01:23 text                   bare at the line's start, with or without a name after it;
    00:01:23                        alone on its line, timing the text (or label) below it
    00:00:01.000 --> 00:00:04.000   a cue's timing line, read as its start
    Name [(00:00:31)](url) text     Lex Fridman's: a name and a linked time, text on the same
    **Name** [00:00:31](url)        line or the next; the URL is dropped
    [(00:01:52)](url) text          a linked time naming nobody
    <v Name>text</v>                WebVTT voice spans pasted into text

Bare clock times are times once two lines open with one (a single ``10:30 the meeting...`` is
prose), and never before ``P.M.``, a time zone or a dash (``4:27 P.M. EST``, ``10:30 - 11:00``).
Where the file's names carry times, a linked time naming nobody is the current speaker's
next paragraph, a turn of its own so its time seeks; other times naming nobody start a turn
that names nobody (as the text export writes one). A name before a linked time is not one
when it opens with a function word (``As Lex [(...)](...)``).
A time that is not one (``99:99``) is a warning; its turn keeps its text without a time.
Consecutive turns of one speaker merge, except one with a time of its own.

A line that starts no turn continues the current one; a blank line starts a new paragraph in it.
Text outside any turn (a file with no speakers at all, or text before the first label) is a turn
per paragraph with no speaker. Markdown headings (``## Intro``) become chapters at the next timed
turn; in untimed files they stay in the text as unattributed paragraphs, so nothing is lost.
A marker such as ``**Break**: [55:30]`` (a label whose text is only a bracketed time, or a range
``[54:39] to [54:57]``) is a chapter at that time, titled with the label: a break in the show,
not a person; the turn before it ends there.

**Which lines are labels.** Prose has colons too, and real files are hard-wrapped, so a line that
*looks* like ``Word: text`` is a turn only where a turn can start in *that* file. The reader
first lists every line shaped like a label (one pass), then infers the file's conventions from
that list, and accepts only the label lines that fit them. The rules, and why:

1. *Shape.* At most six words, its text not ending in a link (``Slides: https://...`` and
   ``TxProbe: Discovering ... <http://arxiv.org/...>`` are references), no
   number of three or more digits (``PR 23792:``, ``Project 2025:``), not a note word
   (``Note:``, ``Update:``). Any Unicode whitespace may follow the colon or indent the line:
   briefings write ``MS. PSAKI:`` and a non-breaking space.
2. *Style.* Each label is ALL-CAPS (``THE PRESIDENT``, ``MR. KIRBY``, ``Q``), mixed case with
   every word capitalised (``Aaron van Wirdum``, ``Speaker 1``; name particles allowed),
   bold (any text between ``**`` and ``:**``, so ``**$STDOUT:**`` is a guest), or a lowercase
   handle (``roasbeef``). Other shapes (``Use case question:``) are never labels.
3. *Paragraphs.* In a file with blank lines, a label line inside a paragraph is text unless
   its name opened a paragraph elsewhere, it is timed, or it is capitals with a title
   (``MS. PSAKI:``): hard-wrapped prose breaks lines at ``House:`` or ``Morgan Stanley:``.
   Only a file where most strong labels (timed, bold, capitals, full names, or a name used
   twice), and at least two, stand inside paragraphs writes its turns line after line.
4. *Capitals.* Capitals with a colon are how transcribers write speakers, so they are accepted
   once the file shows the convention (a title such as ``MS.``, ``THE``, ``SECRETARY``, a name
   of several words, or one that recurs) or reads as a conversation. A lone ``API:`` in meeting
   notes is text.
5. *Mixed case.* A full name (several capitalised words, the first not a function word, so
   not ``On Russia:``) is a label where a turn can start. A single word (``Topic:``,
   ``Agenda:``) or a lowercase handle must recur, in a file that reads as a conversation: names
   that recur open at least a fifth of its paragraphs. Meeting notes with ``Question:`` three
   times in forty paragraphs are text; ``Stephan:`` and ``roasbeef:`` taking turns are not. In
   a conversation labelled mostly in mixed case, a single word seen once after its first
   recurring label is a speaker too (``Timo:`` asks one question); before it (``Topic:``,
   ``Location:`` in a header) or in a file labelled in capitals (``Bridges:`` in a briefing) it
   is text.
6. *Bold* labels are accepted once two lines use them (the file's convention) or in a
   conversation; *timed* labels (``[00:01:23] Name:``, ``Name  00:01:23``) always, since prose
   does not carry timestamps.
7. ``Q`` / ``Q.`` with no colon is a turn where the file uses capitals or reads as a
   conversation, or opens two paragraphs that way.
8. A short exchange has nothing recurring to learn from: where label lines open at least half
   the paragraphs and the file has only one or two, or one of them is a full name or a title,
   every line shaped as a label is one (``Jane Doe: Hello.`` alone; ``Eve Role:``,
   ``By Appearances:`` and ``李小龙:`` taking turns).
9. *Headers.* A name alone on a line, with the text below (``Stephan Livera:``), is a label when
   such a header recurs; then any header of several words is one too. ``Bitcoin Core PRs:``
   once above a list of links is text.

**Attendee tables.** A Markdown table whose header has a name and an abbreviation column
(``| Name | Abbreviation | Organization |``, as TC39's meeting notes open) is that episode's
roster (:func:`generator.rosters.attendee_tables`): ``DE:`` is the Daniel Ehrenberg its row
names. The table stays in the text.

When a file has label-like lines that recur but fit no convention, its text is read as paragraphs
with no speaker, and a warning names the first such line. Times that go backwards are warnings
too (:func:`common.in_order`): the turn keeps its text and loses its time.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import NamedTuple

from .. import rosters
from ..model import Notice, ReadError, Transcript, Turn
from . import stamps
from .captions import split_unpunctuated
from .common import in_order, split_front_matter
from .stamps import HMS_HINT, LINKED, STAMP, URL, merge_untimed

_WS = r"[^\S\n]"  # any whitespace but a line break: briefings put non-breaking spaces after labels
_STAMP = STAMP
_NAME = rf"[^\W\d_][\w.'’&\-]*(?:{_WS}+[\w.'’&\-()]+){{0,5}}?"
LABEL = re.compile(
    rf"(?:\*\*(?P<bold>[^*\n]{{1,60}}?){_WS}*(?::\*\*|\*\*{_WS}*:)"  # **Name:** or **Name**:
    rf"|(?P<name>{_NAME})(?:{_WS}*\((?P<stamp2>{_STAMP})\))?{_WS}*:(?!\d)"  # Name: or Name (00:01:23):
    rf"|(?P<header>{_NAME})(?:{_WS}*\((?P<stamp4>{_STAMP})\)|{_WS}+(?P<stamp5>{_STAMP})){_WS}*:?{_WS}*$"
    # Name [(00:00:31)](url), **Name** [00:00:31](url) or Name [00:00:31]: a name and a (linked) time
    rf"|(?:\*\*(?P<boldlinked>[^*\n]{{1,60}}?)\*\*|(?P<linked>{_NAME})){_WS}*"
    rf"\[\(?(?P<stamp6>{_STAMP})\)?\](?:{URL})?{_WS}*:?)"
    rf"(?:{_WS}*(?P<stamp3>{_STAMP}){_WS}*:?{_WS}*$|{_WS}+(?P<text>\S.*)|{_WS}*$)"
)
_Q = re.compile(rf"Q\.?{_WS}+(?P<text>[^\sa-z].*)")  # "Q  Thank you", never "Q and A"
# A time that opens a line: [00:01:23], [(00:00:31)](url), [00:00:31](url), or bare 00:01:23 and
# 0h01m23s (never "4:27 P.M. EST", "10:30-11:00", "10:30am"); a cue's "00:01.000 --> 00:04.000".
_NOT_CLOCK = rf"(?![^\S\n]*(?:[AaPp]\.?{_WS}?[Mm]\b|[ECMP][SD]T\b|UTC|GMT|-(?!->)|[–—]|to\b))"
LEAD = re.compile(rf"(?:{LINKED}|\[(?P<stamp>{_STAMP})\]|(?P<bare>{_STAMP})(?={_WS}|$){_NOT_CLOCK})"
                  rf"(?:{_WS}*-->{_WS}*{_STAMP}(?=\s|$).*)?{_WS}*")
_VOICE = re.compile(rf"<v(?:\.[\w.-]*)?{_WS}+(?P<name>[^<>\n]{{1,60}}?){_WS}*>{_WS}*(?P<text>.*)")  # <v Name>text
_END_VOICE = re.compile(r"</v>")
_AT = rf"\\?\[\\*(?:{_STAMP})\\?\]"  # [55:30], or \[55:30\] and \[\\00:26:46.05\] as Markdown escapes write it
_MARKER = re.compile(rf"\\?\[\\*(?P<at>{_STAMP})\\?\](?:{_WS}*to{_WS}*{_AT})?")
# The title's trailing " ##" is stripped in Python: a lazy ".*?" before "[ \t#]*$" is quadratic on
# a long line of hashes (104 s for 100 KB).
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<title>\S.*)$")
_LINK_END = re.compile(r"<?https?://[^\s>]+>?\s*$")
_BIG_NUMBER = re.compile(r"\d{3}")
_PARTICLES = frozenset({"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin", "ibn",
                        "al", "el", "y", "e", "dos", "das"})
_NOT_LABELS = frozenset({"note", "update", "edit", "ps", "p.s", "warning", "source", "edited", "transcript", "slides"})
_TITLES = frozenset({"MR.", "MRS.", "MS.", "DR.", "THE", "SECRETARY", "PRESIDENT", "AMBASSADOR", "SENATOR",
                     "GOVERNOR", "MAYOR", "ADMIRAL", "GENERAL", "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN"})
_FUNCTION_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "it", "its", "of",
                             "on", "or", "so", "the", "this", "to", "with", "here", "there", "what", "why"})


class Label(NamedTuple):
    """A line shaped like a speaker label, before the file's conventions decide whether it is one."""

    row: int  # the line's index in the body
    name: str  # "" for a timed line that names nobody
    style: str  # "caps", "mixed", "handle", "bold", "q", "voice" (<v Name>), "timed" (no name) or "marker"
    stamp: str | None
    text: str  # "" for a header line: the turn's text is on the lines below
    para: bool  # it opens a paragraph
    lead: str = ""  # how a time opens the line: "[" ([00:01:23]), "link" ([(00:01:23)](url)) or "bare" (00:01:23)


def _is_label(name: str) -> bool:
    words = name.split()
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" or w.lower() in _PARTICLES for w in words[1:])


@functools.lru_cache(maxsize=4096)
def _style(name: str) -> str | None:
    """How a name is written, or ``None`` when it cannot be a speaker label (rule 1 and 2)."""
    if name.lower().rstrip(".") in _NOT_LABELS or _BIG_NUMBER.search(name):
        return None
    if name.upper() == name:
        return "caps"
    if _is_label(name):
        return "mixed"
    return "handle" if name[:1].islower() and name.isalnum() else None


def _label(line: str, index: int, para: bool) -> Label | None:
    """The label a stripped, non-blank line is shaped as, if any: a time that opens the line
    (:data:`LEAD`), then a name, or text that names nobody."""
    if line[0] == "Q" and (q := _Q.match(line)) is not None:
        return Label(index, "Q", "q", None, q["text"], para)
    lead = LEAD.match(line) if line[0] == "[" or line[0].isdigit() else None
    rest = line[lead.end():] if lead else line
    found = _named(rest, index, para) if rest else None
    if lead is None:
        return found
    stamp = lead["stamp"] or lead["linked"] or lead["bare"]
    # A bare 0h01m23s is no prose: it needs no convention, as a bracketed time needs none.
    how = "link" if lead["linked"] else "bare" if lead["bare"] and "h" not in stamp else "["
    if found is None:
        return Label(index, "", "timed", stamp, rest, para, how)
    return found if found.style == "marker" else found._replace(stamp=stamp, lead=how)


def _named(line: str, index: int, para: bool) -> Label | None:
    """The name a line opens with, if it is shaped as a label."""
    if line[0] == "<" and (v := _VOICE.match(line)) is not None:
        return Label(index, v["name"], "voice", None, _END_VOICE.sub("", v["text"]).strip(), para)
    m = LABEL.match(line) if ":" in line or HMS_HINT.search(line) else None  # every label and time has one
    if m is None:
        return None
    text = m["text"] or ""
    name = (m["bold"] or m["boldlinked"] or m["linked"] or m["name"] or m["header"]).strip()
    marker = _MARKER.fullmatch(text) if text[:1] == "[" or text[:2] == "\\[" else None
    if marker:
        return Label(index, name, "marker", marker["at"], "", para)
    style = "bold" if m["bold"] or m["boldlinked"] else _style(name)
    if style is None or ("://" in text and _LINK_END.search(text)):
        return None
    if m["linked"] and name.split()[0].lower() in _FUNCTION_WORDS:  # "As Lex [(00:01:00)](...) said"
        return None
    stamp = m["stamp2"] or m["stamp3"] or m["stamp4"] or m["stamp5"] or m["stamp6"]
    return Label(index, name, style, stamp, text, para)


def scan(lines: list[str]) -> tuple[list[Label], int, int]:
    """Every line shaped like a label, how many paragraphs the text has and how many non-blank
    lines: one pass."""
    found: list[Label] = []
    paragraphs, filled, blank, clock = 0, 0, True, False
    for index, raw in enumerate(lines):
        if not raw or raw.isspace():
            blank = True
            continue
        para, blank = blank, False
        paragraphs += para
        filled += 1
        label = None
        if ":" in raw or "Q" in raw[:8] or "<v" in raw[:12] or HMS_HINT.search(raw, 0, 80):  # a colon, or these
            label = _label(raw.strip(), index, para or clock)  # a time alone on a line opens what follows
            if label is not None:
                found.append(label)
        clock = label is not None and label.style == "timed" and not label.text
    return found, paragraphs, filled


class Conventions(NamedTuple):
    """What a file's label lines show about how it labels its speakers."""

    paragraphs: bool  # labels open paragraphs (rule 3)
    caps: bool  # capitals are its labels (rule 4)
    chat: bool  # it reads as a conversation: recurring names open many paragraphs (rule 5)
    loose: bool  # a short exchange with nothing recurring to learn from (rule 8)
    talk: bool  # a conversation labelled mostly in mixed case (rule 5)
    opening: int  # the row of the conversation's first recurring label
    bare: bool  # a name alone on a line recurs: such headers are labels (rule 9)
    bold: bool  # bold labels are its labels (rule 6)
    q: bool  # Q with no colon opens turns (rule 7)
    clock: bool  # bare times open lines ("00:01:23 text") more than once: they are its times
    counts: Counter[str]  # how often each name opens a turn where one can start


def _titled(label: Label) -> bool:
    """Capitals with a title or of several words: ``MS. PSAKI``, ``AUDIENCE MEMBER``."""
    words = label.name.split()
    return label.style == "caps" and (len(words) > 1 or words[0] in _TITLES)


def _full_name(label: Label) -> bool:
    """Several capitalised words, the first not a function word: ``Jane Doe``, not ``On Russia``."""
    words = label.name.split()
    return label.style == "mixed" and len(words) > 1 and words[0].lower() not in _FUNCTION_WORDS


def infer(found: list[Label], paragraphs: int, filled: int) -> Conventions:
    """The file's conventions, from its label lines (see the module docs for the rules)."""
    named = [f for f in found if f.style not in ("timed", "marker")]
    everywhere = Counter(f.name for f in named)
    strong = [f for f in named
              if f.stamp or f.style in ("bold", "caps", "q", "voice") or everywhere[f.name] > 1 or _full_name(f)]
    inside = sum(not f.para for f in strong)
    para = paragraphs > 1 and (inside < 2 or inside <= len(strong) / 2)
    if paragraphs <= 1:
        paragraphs = filled  # a file without blank lines: each line may be a turn
    fitting = [f for f in named if f.para or not para]
    counts = Counter(f.name for f in fitting)
    recurring = [f for f in fitting if counts[f.name] > 1]
    chat = len(recurring) >= max(2, paragraphs / 5)
    return Conventions(
        paragraphs=para,
        caps=any(_titled(f) or (f.style == "caps" and counts[f.name] > 1) for f in fitting),
        chat=chat,
        loose=not chat and 2 * len(fitting) >= paragraphs
        and (paragraphs <= 2 or any(_full_name(f) or _titled(f) for f in fitting)),
        talk=chat and 2 * sum(f.style in ("mixed", "handle") for f in recurring) > len(recurring),
        opening=min((f.row for f in recurring), default=0),
        bare=any(_bare(f) for f in recurring),
        bold=sum(1 for f in fitting if f.style == "bold") > 1,
        q=sum(1 for f in fitting if f.style == "q") > 1,
        clock=sum(f.lead == "bare" for f in found) > 1,
        counts=counts,
    )


def _fits(label: Label, c: Conventions) -> bool:
    """Whether a label's style opens a turn under the file's conventions (position aside)."""
    style = label.style
    if label.lead == "bare" and not c.clock:
        return False
    if style in ("timed", "marker", "voice") or label.stamp:
        return True
    if _bare(label) and not (c.bare and (c.counts[label.name] > 1 or " " in label.name)):
        return False
    if c.loose:
        return True
    if style == "caps" or style == "q":
        return c.caps or c.chat or (style == "q" and c.q)
    if style == "bold":
        return c.bold or c.chat
    if _full_name(label) or (c.chat and c.counts[label.name] > 1):
        return True
    return c.talk and style == "mixed" and label.row > c.opening


def _bare(label: Label) -> bool:
    """A name alone on a line, with no time: ``Stephan Livera:`` above the text."""
    return not label.text and not label.stamp and label.style not in ("timed", "marker", "voice")


def _placed(label: Label, c: Conventions) -> bool:
    """Whether a label stands where the file's turns start (rule 3)."""
    return label.para or not c.paragraphs or bool(label.stamp) or label.style in ("timed", "voice") or _titled(label)


def accept(found: list[Label], c: Conventions) -> dict[int, Label]:
    """The label lines that start turns, by line index."""
    starts = {f.row: f for f in found if _placed(f, c) and _fits(f, c)}
    names = {f.name for f in starts.values() if f.style != "marker"}
    for f in found:  # inside a paragraph: only a name that opened one elsewhere (rule 3)
        if f.row not in starts and f.name in names and f.name and (c.clock or f.lead != "bare"):
            starts[f.row] = f
    return starts


def _unclear(found: list[Label], starts: dict[int, Label], c: Conventions, first: int) -> tuple[Notice, ...]:
    """A warning when label-like lines recur but fit no convention, so the file reads as prose."""
    if any(f.name for f in starts.values()):
        return ()
    recurring = [f for f in found if f.style not in ("timed", "marker") and c.counts[f.name] > 1]
    if not recurring:
        return ()
    f = recurring[0]
    return (Notice(first + f.row, f"lines such as {f.name + ':'!r} look like speaker labels ({c.counts[f.name]} "
                   "times) but fit no labelling convention of this file; read as paragraphs with no speaker "
                   "(write labels as 'Jane Doe: text', one per paragraph)"),)


class _Turns:
    """Collects turns line by line."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self.chapters: list[dict[str, object]] = []
        self.heading = ""
        self.speaker, self.line = "", 0
        self.start: float | None = None
        self.paragraphs: list[list[str]] = [[]]
        self.notices: list[Notice] = []
        self.clock = False  # the turn was begun by a time alone on its line

    def begin(self, speaker: str, start: float | None, line: int, text: str = "") -> None:
        self.flush()
        self.speaker, self.start, self.line = speaker, start, line
        self.paragraphs = [[text]] if text else [[]]
        if self.heading and start is not None:
            self.chapters.append({"start": start, "title": self.heading})
            self.heading = ""

    def add(self, raw: str, number: int) -> None:
        line = raw.strip()
        if not line:
            if self.paragraphs[-1]:
                if self.speaker:
                    self.paragraphs.append([])
                else:  # unattributed text: every paragraph is a turn of its own
                    self.begin("", None, number)
            return
        if not any(self.paragraphs):
            self.line = number
        self.paragraphs[-1].append(line)

    def flush(self) -> None:
        text = "\n\n".join(" ".join(p) for p in self.paragraphs if p)
        if text:
            self.turns.append(Turn(self.speaker, text, self.start, None, self.line))
        self.paragraphs = [[]]


def _collect(lines: list[str], starts: dict[int, Label], first: int) -> _Turns:
    out = _Turns()
    timed = any(f.stamp for f in starts.values())
    # Where names carry times (Lex Fridman's "Name [(00:00:31)](...)"), a linked time naming nobody
    # is the same speaker's next paragraph: "[(00:01:52)](...) And then ..." under Lex's turn. (A
    # bracketed "[00:01:23] text" names nobody: the text export writes such turns so.)
    named_times = any(f.stamp and f.name for f in starts.values() if f.style != "marker")
    voices = any(f.style == "voice" for f in starts.values())
    for index, raw in enumerate(lines):
        number = first + index
        label = starts.get(index)
        if label is not None:
            start, problems = stamps.timed(label.stamp, number) if label.stamp else (None, ())
            out.notices += problems
            if label.style == "marker":  # a break in the show: a chapter, and the turn before ends
                out.begin("", None, number)
                if start is not None:
                    out.chapters.append({"start": start, "title": label.name})
            elif not label.name and out.speaker and out.start is None and not any(out.paragraphs):
                out.start = start  # "Name:" above "00:01:23 text": the time of the header's turn
                out.paragraphs = [[label.text]] if label.text else [[]]
            elif not label.name and label.lead == "link" and named_times and start is not None:
                out.begin(out.speaker, start, number, label.text)
            else:  # a time alone on its line ("00:00:01.000 --> ...") times the label below it
                given = out.start if label.name and out.clock and not any(out.paragraphs) else None
                out.begin(label.name, start if start is not None else given, number, label.text)
            out.clock = not label.name and not label.text and start is not None
            continue
        if voices and "</v" in raw:
            raw = _END_VOICE.sub("", raw)
        heading = _HEADING.match(raw) if timed and raw[:1] in " #" else None
        if heading:
            out.flush()
            out.paragraphs, out.heading = [[]], heading.group("title").rstrip(" \t#") or heading.group("title")
            continue
        out.add(raw, number)
    out.flush()
    return out


def read(text: str, path: str) -> Transcript:
    meta, body, first = split_front_matter(text)
    lines = body.splitlines()
    found, paragraphs, filled = scan(lines)
    conventions = infer(found, paragraphs, filled)
    starts = accept(found, conventions)
    out = _collect(lines, starts, first)
    turns = tuple(t for t in out.turns if t.text)
    if not turns:
        raise ReadError(first, "expected turns such as 'Jane Doe: Hello.', found no text")
    ordered, backwards = in_order(turns)
    if out.chapters and "chapters" not in meta:
        meta["chapters"] = out.chapters
    table = rosters.attendee_tables(lines, first) if "|" in body else rosters.Roster()
    notices = _unclear(found, starts, conventions, first) + tuple(out.notices) + backwards + table.notices
    return Transcript(split_unpunctuated(merge_untimed(ordered)), meta, notices=notices, roster=table.names())
