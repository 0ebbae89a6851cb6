"""Reading speed per format: MB of transcript text read per second, on one core.

    .venv/bin/python benchmarks/read_speed.py --episodes 100 --words 9000
    .venv/bin/python benchmarks/read_speed.py --folder ../shared/corpus

A synthetic archive (benchmarks/synthetic.py) is written once in the native format, then
exported to every other format through generator.exports, so every reader reads the same
speech. Each folder is read with readers.read_file, best of three runs. --folder reads a folder
of real files instead.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from pathlib import Path

from synthetic import write_archive

from generator import archive, exports, readers
from generator.model import ReadError, Turn


def read_all(files: list[Path]) -> tuple[float, int, int]:
    """Best-of-three seconds to read ``files``, their total bytes, and the turns read."""
    size = sum(f.stat().st_size for f in files)
    best, turns = float("inf"), 0
    for _ in range(3):
        began, turns = time.perf_counter(), 0
        for f in files:
            with contextlib.suppress(ReadError):
                turns += len(readers.read_file(f, f.name).turns)
        best = min(best, time.perf_counter() - began)
    return best, size, turns


def caption_sized(turns: list[Turn], voiced: bool = False) -> list[Turn]:
    """Turns cut into ten-word cues, as caption tools write them (the hard case for VTT/SRT);
    ``voiced``: every cue names its speaker, as podcast hosts' WebVTT does."""
    cues = []
    for turn in turns:
        words = turn.text.split()
        start = turn.start or 0.0
        for i in range(0, len(words), 10):
            cues.append(Turn(turn.speaker if i == 0 or voiced else "", " ".join(words[i:i + 10]), start + i * 0.4, None))
    return cues


def report(name: str, files: list[Path]) -> None:
    seconds, size, turns = read_all(files)
    rate = size / 1e6 / seconds
    print(f"{name:14} {len(files):5} files {size / 1e6:8.1f} MB {turns:8} turns {seconds:7.2f} s {rate:7.1f} MB/s")


def synthetic(episodes: int, words: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = write_archive(root, episodes, words)
        built = archive.build(content, root=root)
        report("text (native)", sorted(content.rglob("*.md")))
        for kind, (writer, _, _) in exports.EXPORTS.items():
            folder = root / kind
            folder.mkdir()
            for ep in built.episodes:
                turns = [p.turn for p in ep.turns]
                (folder / f"{ep.show}-{ep.slug}.{kind}").write_text(writer(turns), encoding="utf-8")
            report(kind, sorted(folder.iterdir()))
        for kind, voiced in (("vtt", False), ("vtt", True), ("srt", False)):
            folder = root / f"{kind}-cues-{voiced}"
            folder.mkdir()
            for ep in built.episodes:
                cues = caption_sized([p.turn for p in ep.turns], voiced)
                (folder / f"{ep.show}-{ep.slug}.{kind}").write_text(exports.EXPORTS[kind][0](cues), encoding="utf-8")
            report(f"{kind} ({'voiced ' if voiced else ''}cues)", sorted(folder.iterdir()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=100)
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--folder", type=Path, help="read the transcripts in this folder instead")
    args = parser.parse_args()
    if args.folder:
        report(str(args.folder.name), sorted(p for p in args.folder.rglob("*") if p.is_file() and readers.is_transcript(p)))
    else:
        synthetic(args.episodes, args.words)


if __name__ == "__main__":
    main()
