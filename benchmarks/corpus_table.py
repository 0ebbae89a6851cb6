"""Read every transcript under a folder and print, per file, what On Record made of it.

    .venv/bin/python benchmarks/corpus_table.py ../shared/corpus

Columns: file, detected format, turns, distinct speakers, duration (last timestamp), or the error
exactly as `onrecord check` would print it. Used to check the readers against real files by hand.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import readers
from generator.model import ReadError
from generator.timecodes import format_time


def row(path: Path, root: Path) -> str:
    name = path.relative_to(root).as_posix()
    try:
        transcript = readers.read_file(path, name)
    except ReadError as exc:
        return f"| {name} | | | | {name}:{exc.line}: {exc.message} |"
    turns = transcript.turns
    speakers = sorted({t.speaker for t in turns if t.speaker})
    times = [time for t in turns if (time := t.end or t.start) is not None]
    duration = format_time(max(times), millis=False) if times else "-"
    shown = ", ".join(speakers[:4]) + (f" +{len(speakers) - 4}" if len(speakers) > 4 else "")
    return f"| {name} | {transcript.format} | {len(turns)} | {len(speakers)} ({shown}) | {duration} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    print("| file | format | turns | speakers | duration |")
    print("|---|---|---|---|---|")
    for path in sorted(args.folder.rglob("*")):
        if path.is_file() and readers.is_transcript(path):
            print(row(path, args.folder))


if __name__ == "__main__":
    main()
