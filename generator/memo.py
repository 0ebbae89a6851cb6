"""Values worked out from an object that never changes, kept for as long as the object lives.

``mkdocs serve`` builds again after every save, and generator/incremental.py hands the next build
the very episode objects of the last one when their files did not change: what was worked out
from them (the data files' rows, say) need not be worked out again. Frozen dataclasses compare and
hash by value, which for an episode means every word of it, so the key is the object itself,
through a weak reference: a replaced episode takes its values with it. Nothing is kept unless
:attr:`ByIdentity.keeping` is set (the plugin sets it while serving): a single build would only
hold a second copy of what it makes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ByIdentity(Generic[K, V]):
    """A value for each object alive, worked out once for each ``context`` (what else it depends on)."""

    keeping = False  # for every memo: only mkdocs serve builds again in the same process

    def __init__(self) -> None:
        self.values: dict[int, tuple[weakref.ref[K], Hashable, V]] = {}

    def get(self, obj: K, compute: Callable[[], V], context: Hashable = None) -> V:
        if not ByIdentity.keeping:
            self.values.clear()
            return compute()
        key = id(obj)
        kept = self.values.get(key)
        if kept is not None and kept[0]() is obj and kept[1] == context:
            return kept[2]
        value = compute()
        self.values[key] = (weakref.ref(obj, lambda _, key=key: self.values.pop(key, None)), context, value)  # type: ignore[misc]
        return value
