"""The build cache (generator/cache.py): values come back as stored, or not at all."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator import cache
from generator.cache import Cache


def test_a_value_comes_back_and_the_folder_keeps_out_of_git(tmp_path: Path) -> None:
    store = Cache(tmp_path / cache.FOLDER)
    assert store.get("pages", cache.key("a")) is None
    store.put("pages", cache.key("a"), b"value")
    assert store.get("pages", cache.key("a")) == b"value"
    assert store.get("search", cache.key("a")) is None  # kinds are apart
    assert (store.folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    status = subprocess.run(["git", "-C", str(tmp_path), "status", "--porcelain", "--untracked-files=all"],
                            check=True, capture_output=True, text=True).stdout
    assert status == ""  # nothing of the cache shows up to be committed


def test_keys_depend_on_every_part_and_on_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("a") == cache.key(b"a")
    template = tmp_path / "onrecord" / "episode.html"
    template.parent.mkdir()
    template.write_text("<h1>{{ title }}</h1>")
    monkeypatch.setattr(cache, "templates_dir", lambda: tmp_path)
    cache.code_version.cache_clear()
    try:
        before = cache.key("a")
        template.write_text("<h1 class=title>{{ title }}</h1>")  # a site template edited in a checkout
        cache.code_version.cache_clear()
        assert cache.key("a") != before
    finally:
        monkeypatch.undo()
        cache.code_version.cache_clear()


def test_a_damaged_or_foreign_entry_is_ignored(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    name = cache.key("episode")
    store.put("pages", name, b"the stored value")
    path = store.path("pages", name)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1  # one bit flipped in the value
    path.write_bytes(bytes(data))
    assert store.get("pages", name) is None
    path.write_bytes(b"not a cache entry at all")
    assert store.get("pages", name) is None
    path.write_bytes(b"")
    assert store.get("pages", name) is None


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    store = Cache(blocker / cache.FOLDER)
    store.put("pages", cache.key("a"), b"value")  # no exception: the build goes on without a cache
    assert store.get("pages", cache.key("a")) is None


def test_pruning_keeps_what_the_build_used_and_the_most_recent_others(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    names = [cache.key(str(n)) for n in range(6)]
    for age, name in enumerate(names):
        store.put("search", name, b"x" * 100)
        os.utime(store.path("search", name), ns=(age * 10**9, age * 10**9))  # 0 the oldest
    store.get("search", names[0])  # read again: now the most recent
    store.prune("search", [names[5]], ratio=3)  # room for three entries: the one used and two others
    left = {name for name in names if store.path("search", name).exists()}
    assert left == {names[5], names[0], names[4]}
