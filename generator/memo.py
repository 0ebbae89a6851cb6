"""Values worked out from an object that never changes, kept for as long as the object lives.

``mkdocs serve`` builds again after every save, and generator/incremental.py hands the next build
the very episode objects of the last one when their files did not change: what was worked out
from them (the data files' rows, say) need not be worked out again. Frozen dataclasses compare and
hash by value, which for an episode means every word of it, so the key is the object itself,
through a weak reference: a replaced episode takes its values with it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ByIdentity(Generic[K, V]):
    """``compute(obj)``, once for each object alive."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        self.compute = compute
        self.values: dict[int, tuple[weakref.ref[K], V]] = {}

    def __call__(self, obj: K) -> V:
        key = id(obj)
        kept = self.values.get(key)
        if kept is not None and kept[0]() is obj:
            return kept[1]
        value = self.compute(obj)
        self.values[key] = (weakref.ref(obj, lambda _, key=key: self.values.pop(key, None)), value)  # type: ignore[misc]
        return value
