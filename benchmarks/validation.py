"""What validating untrusted input costs, against a full build of the same archive.

    cd benchmarks && ../.venv/bin/python validation.py --episodes 200 --words 9000

Times every validation step while the archive is read (schema tables, the URL policy on
Markdown fields, the walk that keeps symlinks inside content/, local media checks, the
front-matter ``format:`` look-up, sidecars, one-line labels) by wrapping each function with a timer, then
times a full ``mkdocs build`` (Pagefind included) of the same archive and prints the share.
The target (untrusted-input issue): validation at most 5% of the full build.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from build_site import mkdocs_build  # noqa: E402
from synthetic import write_archive  # noqa: E402

from generator import archive, episodes, readers, schema, sources, speakers  # noqa: E402

SPENT = [0.0]


def timed(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[0] += time.perf_counter() - start
    return wrapper


def timed_walk(function: Callable[..., Iterator[Path]]) -> Callable[..., Iterator[Path]]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Path]:
        items = iter(function(*args, **kwargs))
        while True:
            start = time.perf_counter()
            item = next(items, None)
            SPENT[0] += time.perf_counter() - start
            if item is None:
                return
            yield item
    return wrapper


def instrument() -> None:
    schema.validate = timed(schema.validate)
    sources.media = timed(sources.media)
    sources.walk = timed_walk(sources.walk)
    readers._front_format = timed(readers._front_format)
    readers._one_line_labels = timed(readers._one_line_labels)
    episodes._sidecar = timed(episodes._sidecar)
    speakers.load_people = timed(speakers.load_people)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--words", type=int, default=9000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        content = write_archive(root, args.episodes, args.words)
        instrument()
        start = time.perf_counter()
        archive.build(content, root=root)
        read = time.perf_counter() - start
        build = mkdocs_build(root)
    print(f"archive: {args.episodes} episodes x {args.words} words")
    print(f"read the archive: {read:.2f} s, of which validation {SPENT[0]:.3f} s")
    print(f"full mkdocs build with search: {build:.2f} s")
    print(f"validation is {SPENT[0] / build:.1%} of the full build (target: at most 5%)")


if __name__ == "__main__":
    main()
