"""What keeping word confidence (issue 18 item 3) costs a reader: time and memory.

    cd benchmarks && ../.venv/bin/python confidence.py --words 180000

A WhisperX JSON of ``--words`` words (20 to a segment, two speakers, each word with a start, an end
and a ``score``) is read by the Whisper reader, best of five, with its word confidence and with
``word_confidence`` stubbed out (what reading cost before), alternating the two. Memory is what the
turns' ``word_confidence`` tuples hold: the tuples, and the float objects only they keep alive.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from contextlib import nullcontext
from typing import Any
from unittest import mock

from generator.readers import whisper


def whisperx(words: int, seed: int = 18) -> str:
    rng = random.Random(seed)
    segments: list[dict[str, Any]] = []
    at = 0.0
    for first in range(0, words, 20):
        tokens = [f"w{rng.randrange(5000)}" for _ in range(min(20, words - first))]
        timed = []
        for token in tokens:
            timed.append({"word": token, "start": round(at, 3), "end": round(at + 0.3, 3), "score": rng.random()})
            at += 0.4
        segments.append({"start": timed[0]["start"], "end": timed[-1]["end"], "text": " " + " ".join(tokens),
                         "speaker": f"SPEAKER_0{first // 200 % 2}", "words": timed})
    return json.dumps({"segments": segments, "language": "en"})


def once(text: str, stub: bool) -> float:
    """Seconds to read ``text``, with ``word_confidence`` stubbed out when ``stub``."""
    with mock.patch("generator.readers.whisper.word_confidence", lambda text, scored: ()) if stub else nullcontext():
        began = time.perf_counter()
        whisper.read(text, "x.json")
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=180_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = whisperx(args.words)
    without, with_ = [], []
    for _ in range(args.runs):  # alternated, so a busy moment of the machine falls on both
        without.append(once(text, stub=True))
        with_.append(once(text, stub=False))
    turns = whisper.read(text, "x.json").turns
    scores = [s for t in turns for s in t.word_confidence]
    tuples = sum(sys.getsizeof(t.word_confidence) for t in turns if t.word_confidence)
    floats = len({id(s) for s in scores if s is not None}) * sys.getsizeof(0.5)
    print(f"{args.words:,} words in {len(turns):,} turns ({len(text) / 1e6:.1f} MB of JSON), "
          f"best of {args.runs}, alternated")
    print(f"read without confidence: {min(without):.3f} s")
    print(f"read with confidence:    {min(with_):.3f} s (+{min(with_) - min(without):.3f} s, "
          f"{(min(with_) - min(without)) / args.words * 1e6:.2f} µs a word)")
    print(f"word_confidence held: {len(scores):,} scores, tuples {tuples / 1e6:.2f} MB + shared floats "
          f"{floats / 1e3:.0f} KB = {(tuples + floats) / len(scores):.1f} bytes a word")


if __name__ == "__main__":
    main()
