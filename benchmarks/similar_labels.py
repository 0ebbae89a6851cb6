"""How long `onrecord check` takes to find labels that are likely one name, on many labels.

    cd benchmarks && ../.venv/bin/python similar_labels.py --labels 5000

The worst case for the length bands in speaker_report._similar: every label has the same
honorific and the same length ("mr abcson3"), so every pair in the group is scored. Best of three.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from generator import speaker_report  # noqa: E402


def labels(n: int) -> list[str]:
    return [f"mr {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}son{i % 7}" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=5000)
    args = parser.parse_args()
    keys = labels(args.labels)
    best, pairs = float("inf"), 0
    for _ in range(3):
        started = time.perf_counter()
        pairs = len(list(speaker_report._similar(keys)))
        best = min(best, time.perf_counter() - started)
    print(f"{args.labels} labels, one honorific, one length: {pairs} likely pairs in {best:.2f} s (best of 3)")


if __name__ == "__main__":
    main()
