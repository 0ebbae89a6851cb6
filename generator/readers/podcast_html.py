"""Podcasting 2.0 HTML transcripts: ``<cite>Name:</cite> <time>0:53</time> <p>text</p>`` repeated.

The podcast namespace's HTML form; read with the standard library's tolerant HTML parser, so
unclosed tags and entities are handled the way a browser would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import ReadError, Transcript, Turn
from ..timecodes import parse_time
from .common import in_order, merge_turns

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("cite", "time", "p"):
            self.field, self.buffer, self.line = tag, [], self.getpos()[0]
        elif tag == "br" and self.field:
            self.buffer.append(" ")  # "here.<br>Really." is two words, not "here.Really."

    def handle_endtag(self, tag: str) -> None:
        if tag != self.field:
            return
        text = " ".join("".join(self.buffer).split())
        if tag == "cite":
            self.speaker = text.rstrip(":").strip()
        elif tag == "time":
            self.stamp, self.stamp_line = text, self.line
        elif text:
            start = parse_time(self.stamp, self.stamp_line) if self.stamp else None
            self.turns.append(Turn(self.speaker, text, start, None, self.line))
            self.stamp = ""
        self.field = None

    def handle_data(self, data: str) -> None:
        if self.field:
            self.buffer.append(data)


def read(text: str, path: str) -> Transcript:
    parser = _Parser()
    try:
        parser.feed(_NOT_MARKUP.sub("&lt;", text))
        parser.close()
    except AssertionError as exc:  # html.parser's way to refuse a malformed declaration such as "<![ "
        raise ReadError(parser.getpos()[0], f"expected HTML, found markup the parser cannot read: {exc}"[:200]) from None
    if not parser.turns:
        raise ReadError(1, "expected Podcasting 2.0 HTML such as '<cite>Jane:</cite> <time>0:00</time> <p>Hello.</p>', "
                        "found no <p> text")
    merged = merge_turns(parser.turns)
    ordered, notices = in_order(merged)
    return Transcript(ordered, notices=notices)
