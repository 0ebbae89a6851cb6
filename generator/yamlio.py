"""YAML that remembers where each key was, so problems can name ``path:line``.

PyYAML's ``safe_load`` throws line numbers away; :func:`load` keeps them on the mappings it
returns (``Mapping.lines[key]``), which is all the validation code needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .model import ReadError


class LineDict(dict[str, Any]):
    """A dict from YAML, with the 1-based line of each key in ``lines`` and its own in ``line``."""

    line: int = 1
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return int(getattr(self, "lines", {}).get(key, self.line))


class _Loader(yaml.SafeLoader):
    pass


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        if key in result:  # PyYAML would silently keep the last one
            raise _DuplicateKey(key, key_node.start_mark.line + 1, result.lines[key])
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def loads(text: str, first_line: int = 1) -> Any:
    """Parse YAML; errors become :class:`ReadError` with the line YAML points at."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except _DuplicateKey as dup:
        shift = first_line - 1
        raise ReadError(dup.line + shift, f"{dup.key!r} appears twice (first on line {dup.first + shift})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(line, f"not valid YAML: {problem}") from None
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data: Any, by: int) -> None:
    if isinstance(data, LineDict):
        data.line += by
        data.lines = {k: v + by for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, by)
    elif isinstance(data, list):
        for value in data:
            _shift(value, by)


def load(path: Path) -> Any:
    from .readers import decode

    return loads(decode(path.read_bytes()))
