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

import ctypes
import gc
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


def give_back() -> None:
    """Hand the memory a finished build freed back to the system. glibc keeps freed memory in the
    process for its next allocations, and none come: Pagefind's services, which index the site
    next, are other processes, and at 10,000 hour-long episodes the MkDocs process still held
    2.3 GB it no longer used while they ran (issue 15). ``malloc_trim`` is glibc's own call for
    this; where there is none (musl, macOS, Windows), nothing is done."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)
