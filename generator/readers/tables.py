"""Transcript tables in HTML pages: rows of time and text cells (and maybe a speaker's), collected
while :mod:`generator.readers.podcast_html` parses a page, then read as turns. The rules are in
that module's docs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Notice, Turn
from . import stamps

Cell = tuple[str, bool]  # its text, whitespace collapsed, and whether it is a <th>
Row = tuple[int, list[Cell]]  # the line of its <tr>, its cells
_TIME = re.compile(rf"[\[(]?{stamps.STAMP}[\])]?")
_NAME_LENGTH = 60


class Tables:
    """The rows of every table in a page, fed the parser's tags and text."""

    def __init__(self) -> None:
        self.tables: list[list[Row]] = []
        self.row: list[Cell] | None = None
        self.row_line = 0
        self.cell: list[str] | None = None
        self.header = False
        self.hidden = 0  # inside <script> or <style>, whose text no page shows

    def start(self, tag: str, line: int) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag == "table":
            self._close_row()
            self.tables.append([])
        elif tag == "tr":
            self._close_row()
            self.row, self.row_line = [], line
        elif tag in ("td", "th"):
            self._close_cell()
            if self.row is None:  # a cell with no <tr> before it, as browsers allow
                self.row, self.row_line = [], line
            self.cell, self.header = [], tag == "th"
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def end(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "table", "thead", "tbody", "tfoot"):
            self._close_row()

    def data(self, data: str) -> None:
        if self.cell is not None and not self.hidden:
            self.cell.append(data)

    def done(self) -> list[list[Row]]:
        self._close_row()
        return self.tables

    def _close_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append((" ".join("".join(self.cell).split()), self.header))
        self.cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self.row:
            if not self.tables:
                self.tables.append([])
            self.tables[-1].append((self.row_line, self.row))
        self.row = None


def turns(tables: list[list[Row]]) -> tuple[list[Turn], list[Notice]]:
    """The turns of every table with a column of times, and a notice for each time that is not one."""
    out: list[Turn] = []
    notices: list[Notice] = []
    for rows in tables:
        body = [(line, cells) for line, cells in rows if not all(header for _, header in cells)]
        columns = _columns([cells for _, cells in body])
        if columns is not None:
            _read(body, *columns, out, notices)
    return out, notices


def _text(cells: list[Cell], column: int | None) -> str:
    return cells[column][0] if column is not None and column < len(cells) else ""


def _columns(body: list[list[Cell]]) -> tuple[int, int, int | None] | None:
    """The time, text and speaker columns of a table's rows, or ``None`` when it has no column of times."""
    width = max((len(cells) for cells in body), default=0)
    if width < 2:
        return None
    timed = [sum(1 for cells in body if _TIME.fullmatch(_text(cells, i))) for i in range(width)]
    at = max(range(width), key=timed.__getitem__)
    if not timed[at] or 2 * timed[at] < len(body):
        return None
    others = [i for i in range(width) if i != at]
    text = max(others, key=lambda i: sum(len(_text(cells, i)) for cells in body))
    names = [i for i in others if i != text and _names(_text(cells, i) for cells in body)]
    return at, text, names[0] if names else None


def _names(cells: Iterable[str]) -> bool:
    """Whether a column's cells are names: short, with letters, not all empty."""
    seen = [c for c in cells if c]
    return bool(seen) and all(len(c) <= _NAME_LENGTH and any(ch.isalpha() for ch in c) for c in seen)


def _read(body: list[Row], at: int, text: int, speaker: int | None, out: list[Turn], notices: list[Notice]) -> None:
    who = ""
    for line, cells in body:
        words = _text(cells, text)
        if not words:
            continue
        stamp = _text(cells, at).strip("[]() ")
        start, problems = stamps.timed(stamp, line) if stamp else (None, ())
        notices.extend(problems)
        who = _text(cells, speaker).rstrip(":").strip() or who
        out.append(Turn(who, words, start, None, line))
