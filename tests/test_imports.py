"""No import cycles among generator's modules: each module can be read knowing only the ones it
imports, and none has to hide an import inside a function to load.

The graph is built from the source (every ``import`` and ``from ... import`` of a generator
module, at the top of a module or inside a function alike); a name imported from a package that
is a module of it (``from . import episode``) is an edge to that module, any other name an edge
to the package's ``__init__``. The import a submodule makes of its own package implicitly is
not an edge: every package has it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _targets(node: ast.AST, here: str, is_package: bool, known: Mapping[str, Path]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = here if is_package else here.rpartition(".")[0]
        for _ in range(node.level - 1):
            base = base.rpartition(".")[0]
        source = ".".join(p for p in (base if node.level else "", node.module or "") if p)
        for alias in node.names:
            yield f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source


def graph(known: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module -> the generator modules it imports."""
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        found = {t for node in ast.walk(tree) for t in _targets(node, name, is_package, known)}
        edges[name] = {t for t in found if t in known and t != name}
    return edges


def cycle(edges: Mapping[str, set[str]]) -> list[str]:
    """One cycle of the graph as ``[a, b, ..., a]``, or ``[]`` when it has none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_imports_are_read_from_the_source() -> None:
    edges = graph(modules())
    assert "generator.model" in edges["generator.archive"]
    assert "generator.pages.episode" in edges["generator.pages"]  # from . import episode
    assert "generator.pages.page" in edges["generator.pages.home"]  # from .page import Page


def test_generator_modules_import_each_other_without_cycles() -> None:
    found = cycle(graph(modules()))
    assert not found, "import cycle: " + " -> ".join(found)
