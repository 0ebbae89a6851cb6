"""Values kept per object (generator/memo.py): only while serving, and only while the object lives."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from generator.memo import ByIdentity


class Thing:
    pass


@pytest.fixture
def keeping() -> Iterator[None]:
    ByIdentity.keeping = True
    yield
    ByIdentity.keeping = False


def test_a_value_is_worked_out_once_per_object_and_context_and_goes_with_it(keeping: None) -> None:
    memo: ByIdentity[Thing, int] = ByIdentity()
    calls: list[int] = []

    def compute(n: int) -> int:
        calls.append(n)
        return n

    one, two = Thing(), Thing()
    assert memo.get(one, lambda: compute(1)) == 1
    assert memo.get(one, lambda: compute(9)) == 1  # kept
    assert memo.get(two, lambda: compute(2)) == 2
    assert memo.get(one, lambda: compute(3), context="other") == 3  # what else it depends on changed
    assert calls == [1, 2, 3]
    del one
    gc.collect()
    assert len(memo.values) == 1  # the object's value went with it


def test_nothing_is_kept_outside_a_preview() -> None:
    memo: ByIdentity[Thing, int] = ByIdentity()
    thing = Thing()
    assert memo.get(thing, lambda: 1) == 1 and memo.get(thing, lambda: 2) == 2
    assert not memo.values
