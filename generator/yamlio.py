"""YAML that remembers where each key was, so problems can name ``path:line``.

PyYAML's ``safe_load`` throws line numbers away; :func:`load` keeps them on the mappings it
returns (``Mapping.lines[key]``), which is all the validation code needs.

YAML under ``content/`` is untrusted, so the loader has limits, each a :class:`ReadError` naming
the line: a document of at most :data:`MAX_CHARS` characters, nesting at most :data:`MAX_DEPTH`
deep, at most :data:`MAX_ALIASES` aliases (``*name``), which may add at most as many values as the
document holds or :data:`MAX_ALIAS_VALUES`, whichever is more (a "billion laughs" document of a
few hundred bytes otherwise expands to gigabytes), and no alias inside the node it names. Values
PyYAML cannot construct (``date: 2021-02-30``, ``!!int abc``) are errors too, never a
``ValueError``. Ranges (``duration: .nan``) are the schema's to check, key by key (``schema.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .decoding import decode
from .model import ReadError

MAX_CHARS = 1_000_000  # PyYAML's pure-Python parser reads about 0.2 MB/s: 5 s at most
MAX_DEPTH = 64
MAX_ALIASES = 1_000
MAX_ALIAS_VALUES = 10_000


class LineDict(dict[str, Any]):
    """A dict from YAML, with the 1-based line of each key in ``lines`` and its own in ``line``."""

    line: int = 1
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return int(getattr(self, "lines", {}).get(key, self.line))


class _Refused(Exception):
    """A limit or an unconstructable value, at a 1-based line of the YAML text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Loader(yaml.SafeLoader):
    """A SafeLoader that enforces the module's limits while it composes and constructs."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = self.aliases = self.nodes = 0
        self.sizes: dict[int, int] = {}  # id(node) -> values it expands to, aliases included

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        """Refuse deep ``[[[...`` while scanning: the scanner's look-ahead costs O(depth) per bracket."""
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(self.get_mark().line + 1, f"expected YAML nested at most {MAX_DEPTH} levels deep, "
                           "found deeper nesting")
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            return self._alias(parent, index, event)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(event.start_mark.line + 1, f"expected YAML nested at most {MAX_DEPTH} levels deep, "
                           "found deeper nesting")
        node = super().compose_node(parent, index)
        self.depth -= 1
        if node is not None:
            self._measure(node)
        return node

    def _alias(self, parent: yaml.Node | None, index: Any, event: yaml.AliasEvent) -> yaml.Node | None:
        line = event.start_mark.line + 1 if event.start_mark else 1
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _Refused(line, f"expected at most {MAX_ALIASES:,} aliases (*name), found more")
        node = super().compose_node(parent, index)
        if id(node) not in self.sizes:
            raise _Refused(line, f"alias *{event.anchor} is inside the node it names: expected an alias "
                           "to a node that is complete")
        return node

    def _measure(self, node: yaml.Node) -> None:
        """Count the values ``node`` expands to, and refuse aliases that multiply them past the budget."""
        sizes = self.sizes
        if isinstance(node, yaml.SequenceNode):
            size = 1 + sum(sizes[id(child)] for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            size = 1 + sum(sizes[id(key)] + sizes[id(value)] for key, value in node.value)
        else:
            size = 1
        self.nodes += 1
        sizes[id(node)] = size
        budget = self.nodes + max(self.nodes, MAX_ALIAS_VALUES)
        if size > budget:
            raise _Refused(node.start_mark.line + 1, f"expected aliases (*name) to repeat at most "
                           f"{budget - self.nodes:,} values, found ones that expand to {size:,} (an alias bomb?)")

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, ArithmeticError, LookupError) as exc:
            raise _Refused(node.start_mark.line + 1, _unconstructable(node, exc)) from None
        return value


def _unconstructable(node: yaml.Node, exc: Exception) -> str:
    found = _short(node.value) if isinstance(node, yaml.ScalarNode) else "a " + type(node).__name__[:-4].lower()
    if node.tag == "tag:yaml.org,2002:timestamp":
        why = f" ({exc})" if isinstance(exc, ValueError) else ""  # "day is out of range for month"
        return f"expected a date such as 2024-05-01, found {found}{why}"
    return f"expected a valid {node.tag.rsplit(':', 1)[-1]}, found {found}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
    shift = first_line - 1
    if len(text) > MAX_CHARS:
        raise ReadError(first_line, f"expected YAML of at most {MAX_CHARS:,} characters, found {len(text):,}")
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except _DuplicateKey as dup:
        raise ReadError(dup.line + shift, f"{dup.key!r} appears twice (first on line {dup.first + shift})") from None
    except _Refused as refused:
        raise ReadError(refused.line + shift, refused.message) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        raise ReadError(line, f"not valid YAML: {problem}") from None
    if first_line != 1:
        _shift(data, first_line - 1, set())
    return data


def _shift(data: Any, by: int, seen: set[int]) -> None:
    """Add ``by`` to every line; a mapping that aliases share is one object, shifted once."""
    if id(data) in seen:
        return
    if isinstance(data, LineDict):
        seen.add(id(data))
        data.line += by
        data.lines = {k: v + by for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, by, seen)
    elif isinstance(data, list):
        seen.add(id(data))
        for value in data:
            _shift(value, by, seen)


def load(path: Path) -> Any:
    return loads(decode(path.read_bytes()))
