"""HTML transcripts: the Podcasting 2.0 form, ``<cite>Name:</cite> <time>0:53</time> <p>text</p>``
repeated, and a transcript page written as a ``<table>`` of time and text rows.

Read with the standard library's tolerant HTML parser, so unclosed tags and entities are handled
the way a browser would. Times are read as :mod:`generator.readers.stamps` reads them
(``0:53``, ``00:01:05.250``, ``0h00m53s``); one that is not a time is a warning, and its turn
keeps its text without a time.

**Tables.** A page whose tables have a column of times (cells holding only a time such as
``0h00m00s`` or ``00:00``, in at least half of a table's rows) is read from those tables, a
turn per row, unless its ``<p>`` turns above hold more text (then the table is a list of
chapters, say): the row's longest column is its text, and when the table has a third column of
short cells (a name of at most 60 characters), that column names the speaker; an empty one
there continues the speaker above. Header rows (all ``<th>``) are skipped. Such a page's other
text (navigation, notes around the table) is not transcript, and is not read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Notice, ReadError, Transcript, Turn
from . import stamps, tables
from .common import in_order

# A "<" that starts no complete tag, comment, declaration or processing instruction before the next
# "<" is text, as in a browser. Escaped before parsing, because html.parser (3.11's, and others
# before a 2025 fix) rescans the rest of the file from each unclosed construct: "</" or "<!--"
# repeated takes quadratic time, minutes for a few hundred KB.
_NOT_MARKUP = re.compile(r"<(?!/?[a-zA-Z][^<>]*>|!--[^<]*?-->|![^-\[<>][^<>]*>|\?[^<>]*>)")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.turns: list[Turn] = []
        self.speaker, self.stamp, self.stamp_line = "", "", 0
        self.field: str | None = None  # the element whose text is being collected
        self.buffer: list[str] = []
        self.line = 1
        self.notices: list[Notice] = []
        self.tables = tables.Tables()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tables.start(tag, self.getpos()[0])
        if tag in ("cite", "time", "p"):
            self.field, self.buffer, self.line = tag, [], self.getpos()[0]
        elif tag == "br" and self.field:
            self.buffer.append(" ")  # "here.<br>Really." is two words, not "here.Really."

    def handle_endtag(self, tag: str) -> None:
        self.tables.end(tag)
        if tag != self.field:
            return
        text = " ".join("".join(self.buffer).split())
        if tag == "cite":
            self.speaker = text.rstrip(":").strip()
        elif tag == "time":
            self.stamp, self.stamp_line = text, self.line
        elif text:
            start, problems = stamps.timed(self.stamp, self.stamp_line) if self.stamp else (None, ())
            self.notices += problems
            self.turns.append(Turn(self.speaker, text, start, None, self.line))
            self.stamp = ""
        self.field = None

    def handle_data(self, data: str) -> None:
        self.tables.data(data)
        if self.field:
            self.buffer.append(data)


def read(text: str, path: str) -> Transcript:
    parser = _Parser()
    try:
        parser.feed(_NOT_MARKUP.sub("&lt;", text))
        parser.close()
    except AssertionError as exc:  # html.parser's way to refuse a malformed declaration such as "<![ "
        raise ReadError(parser.getpos()[0], f"expected HTML, found markup the parser cannot read: {exc}"[:200]) from None
    turns, notices = tables.turns(parser.tables.done())
    if sum(len(t.text) for t in turns) < sum(len(t.text) for t in parser.turns):  # a table of chapters, say
        turns, notices = parser.turns, parser.notices
    if not turns:
        raise ReadError(1, "expected Podcasting 2.0 HTML such as '<cite>Jane:</cite> <time>0:00</time> <p>Hello.</p>', "
                        "or a <table> of time and text rows, found no <p> text")
    ordered, backwards = in_order(turns)
    return Transcript(stamps.merge_untimed(ordered), notices=(*notices, *backwards))
