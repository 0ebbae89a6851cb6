"""The YAML loader's limits: every hostile document is a ReadError naming its line."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from generator import yamlio
from generator.model import ReadError

LAUGHS = "\n".join(
    [f"a: &a [{', '.join(['lol'] * 9)}]"]
    + [f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)]
)


def error(text: str, first_line: int = 1) -> str:
    with pytest.raises(ReadError) as caught:
        yamlio.loads(text, first_line)
    return f"{caught.value.line}: {caught.value.message}"


@pytest.mark.parametrize(("text", "expected"), [
    ("title: x\ndate: 2021-02-30\n", "2: expected a date such as 2024-05-01, found '2021-02-30' "
                                     "(day is out of range for month)"),
    ("date: 2024-00-01\n", "1: expected a date such as 2024-05-01, found '2024-00-01' (month must be in 1..12)"),
    ("when: !!timestamp soon\n", "1: expected a date such as 2024-05-01, found 'soon'"),
    ("n: !!int abc\n", "1: expected a valid int, found 'abc'"),
    ("n: !!float abc\n", "1: expected a valid float, found 'abc'"),
    ("n: 1" + "0" * 5000 + "\n", "1: expected a valid int, found '1" + "0" * 55 + "..."),
    ("a: &a [*a]\n", "1: alias *a is inside the node it names: expected an alias to a node that is complete"),
    ("tags: " + "[" * 10_000, "1: expected YAML nested at most 64 levels deep, found deeper nesting"),
])
def test_refused_values(text: str, expected: str) -> None:
    assert error(text) == expected


def test_alias_bomb_is_refused_quickly() -> None:
    began = time.perf_counter()
    assert error(LAUGHS, first_line=2) == (
        "6: expected aliases (*name) to repeat at most 10,000 values, found ones that expand to 66,430 (an alias bomb?)")
    assert time.perf_counter() - began < 1.0


def test_too_many_aliases() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * (yamlio.MAX_ALIASES + 1)) + "]\n"
    assert error(text) == "2: expected at most 1,000 aliases (*name), found more"


def test_document_size() -> None:
    assert error("x: " + "a" * yamlio.MAX_CHARS, first_line=2) == (
        "2: expected YAML of at most 1,000,000 characters, found 1,000,003")


def test_ordinary_aliases_and_merges_still_load() -> None:
    data = yamlio.loads("base: &base {role: Host}\npeople:\n  - <<: *base\n    name: Ana\n  - *base\n", first_line=3)
    assert data["people"] == [{"role": "Host", "name": "Ana"}, {"role": "Host"}]
    assert data["base"].lines == {"role": 3}  # shared by two aliases, shifted once
    assert yamlio.loads("date: 2024-02-29\n") == {"date": dt.date(2024, 2, 29)}


def test_moderate_repetition_is_within_budget() -> None:
    text = "row: &row [" + ", ".join(["x"] * 100) + "]\ntable: [" + ", ".join(["*row"] * 90) + "]\n"
    assert len(yamlio.loads(text)["table"]) == 90


def test_deep_flow_nesting_is_refused_while_scanning() -> None:
    began = time.perf_counter()  # PyYAML's scanner alone takes ~0.5 s on 1,000 open brackets
    expected = "6: expected YAML nested at most 64 levels deep, found deeper nesting"
    assert error("a: 1\ntags: " + "[{" * 4000, first_line=5) == expected
    assert time.perf_counter() - began < 0.2


def test_numbers_load_as_numbers_and_the_schema_checks_ranges() -> None:
    data = yamlio.loads("a: .nan\nb: -.inf\nc: 1" + "0" * 400 + "\n")
    assert data["a"] != data["a"] and data["b"] == float("-inf") and data["c"] == 10**400
