"""Problems found while reading ``content/``, and the YAML mappings read there.

:class:`Collector` gathers every problem with its path and line, so one bad file never stops the
build; :func:`read_mapping` reads a YAML file under ``content/`` and reports what is wrong with it.
The archive (archive.py) and each episode's reading (episodes.py) report through them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import schema, sources, yamlio
from .model import Problem, ReadError


class Collector:
    """Problems found while reading, with paths shown relative to the project.

    An unknown key is reported once, where it is first met, with the number of other files
    that have it: real archives carry their own keys (``transcript_by``) in every file.
    """

    def __init__(self, root: Path, content: Path) -> None:
        self.root, self.content = root, content
        self.problems: list[Problem] = []
        self.unknown: dict[str, tuple[int, set[Path]]] = {}

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, message: str, severity: str = "error") -> None:
        if message.startswith("unknown key"):
            first = self.unknown.setdefault(message, (len(self.problems), set()))
            first[1].add(path)
            if len(first[1]) > 1:
                return
        self.problems.append(Problem(self.display(path), line, message, severity))

    def report(self, path: Path, report: schema.Report) -> None:
        for line, message, severity in report.items:
            self.add(path, line, message, severity)

    def finish(self) -> tuple[Problem, ...]:
        for at, paths in self.unknown.values():
            if len(paths) > 1:
                first = self.problems[at]
                others = len(paths) - 1
                message = f"{first.message} (and in {others} other file{'s' if others > 1 else ''})"
                self.problems[at] = Problem(first.path, first.line, message, first.severity)
        return tuple(self.problems)


def read_mapping(path: Path, out: Collector, example: str) -> dict[str, Any] | None:
    """A YAML mapping under content/ (``{}`` when there is no such file); ``None``, reported,
    when it is broken: what it describes is then left out."""
    if not path.exists() or not sources.inside(path, out.content):
        return {}
    try:
        data = yamlio.load(path) or {}
    except ReadError as exc:
        out.add(path, exc.line, exc.message)
        return None
    if not isinstance(data, dict):
        out.add(path, 1, f"expected a mapping such as '{example}'")
        return None
    return data


def line_of(meta: Any, key: str) -> int:
    """The line ``key`` is on in a mapping read from YAML (1 when it was not read with lines)."""
    return meta.line_of(key) if isinstance(meta, yamlio.LineDict) else 1
