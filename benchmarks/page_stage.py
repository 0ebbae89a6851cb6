"""The page stage of two checkouts side by side: ``render()`` of one synthetic archive, alternating.

    .venv/bin/python benchmarks/page_stage.py OLD_CHECKOUT NEW_CHECKOUT [--episodes 200] [--repeats 8] [--rounds 3]

Each checkout renders every page of the same archive (``benchmarks/synthetic.py``) as values,
``--repeats`` times in a fresh interpreter; the best CPU time (``time.process_time``) is printed,
for ``--rounds`` alternations. CPU time and alternation keep a noisy shared machine's load from
deciding the comparison (wall times of single runs differ by 10-40% there). Made for issue 12:
page templates must leave the page stage no slower.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

CODE = r"""
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from synthetic import write_archive
from generator import archive
from generator.pages import render
with tempfile.TemporaryDirectory() as tmp:
    content = write_archive(Path(tmp) / "a", int(sys.argv[2]), 9000)
    result = archive.build(content, root=Path(tmp) / "a")
    best = 1e9
    for _ in range(int(sys.argv[3])):
        start = time.process_time()
        items = list(render(result))
        best = min(best, time.process_time() - start)
    print(f"{best:.2f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    here = str(Path(__file__).parent.resolve())
    for _ in range(args.rounds):
        for name, path in (("old", args.old), ("new", args.new)):
            run = subprocess.run([sys.executable, "-c", CODE, here, str(args.episodes), str(args.repeats)],
                                 cwd=path, env={"PYTHONPATH": str(path.resolve())}, capture_output=True, text=True,
                                 check=True)
            print(f"{name}: render {args.episodes} episodes' pages, best CPU time {run.stdout.strip()} s")


if __name__ == "__main__":
    main()
