"""Scale (issue 15, item 4): cold ``mkdocs build`` of synthetic archives of hour-long episodes
(podcast style, 9,000 words each), then a second build with one transcript changed.

    .venv/bin/python benchmarks/scale.py /tmp/scale --episodes 1000,10000 --words 9000

Each archive is written to ROOT/eN (kept, and reused when already there). The cold build runs
without ``-q`` so On Record's summary line and Pagefind's shard line are printed; wall time and
the peak memory of the whole process tree (MkDocs and its Pagefind services) are measured as in
big_build.py, with the tree's memory logged each 10 s to ROOT/eN/rss.log to see it by stage.
A build is stopped past ``--limit-min`` minutes or ``--limit-gb`` GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from big_build import measured  # noqa: E402
from synthetic import write_archive  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def build(project: Path, quiet: bool, limit_s: float, limit_bytes: int) -> tuple[float, int, str]:
    """``mkdocs build`` in ``project``: wall seconds, the tree's peak bytes, and its log lines; the
    tree's memory written to rss.log every 10 s, and the build stopped past the limits."""
    command = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else [])]
    with (project / "rss.log").open("a", encoding="utf-8") as log:
        log.write(f"# {' '.join(command)}\n")
        logged = [0.0]

        def watch(now: float, rss: int) -> str:
            if now - logged[0] >= 10:
                log.write(f"{now:7.0f} s {rss / 1e9:6.2f} GB load {load()}\n")
                log.flush()
                logged[0] = now
            return f"stopped at {now:.0f} s, {rss / 1e9:.2f} GB" if now > limit_s or rss > limit_bytes else ""

        return measured(command, project, watch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--episodes", default="1000,10000")
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--limit-min", type=float, default=45)
    parser.add_argument("--limit-gb", type=float, default=12)
    args = parser.parse_args()
    colds: dict[int, float] = {}
    for episodes in (int(n) for n in args.episodes.split(",")):
        project = args.root / f"e{episodes}"
        if not (project / "mkdocs.yml").exists():
            write_archive(project, episodes, args.words)
        files = sorted((project / "content/shows").rglob("episode-*.md"))
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"{episodes} episodes: {len(files)} files, {size:.0f} MB ({args.words} words each)", flush=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".onrecord-cache", ignore_errors=True)
        limits = (args.limit_min * 60, int(args.limit_gb * 1e9))
        print(f"  cold build: load before {load()}", flush=True)
        cold, peak, log = build(project, False, *limits)
        colds[episodes] = cold
        for line in log.splitlines():
            if "On Record:" in line or "search:" in line:
                print(f"    {line.strip()}")
        print(f"  cold build: {cold:.1f} s, peak {peak / 1e9:.2f} GB; load after {load()}", flush=True)
        changed = files[len(files) // 2]
        # One turn edited in place, as an editor corrects a word: a line added at the end would
        # change the episode's length, which other pages show, and so build everything again.
        lines = changed.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[len(lines) // 2] = lines[len(lines) // 2].replace(": ", ": Well, ", 1)
        changed.write_text("".join(lines), encoding="utf-8")
        again, again_peak, _ = build(project, True, *limits)
        print(f"  second build, {changed.name} changed: {again:.1f} s, peak {again_peak / 1e9:.2f} GB, "
              f"{again / cold:.2f}x the cold build; load after {load()}", flush=True)
    if len(colds) == 2:
        (small, t_small), (big, t_big) = sorted(colds.items())
        print(f"{big}/{small} cold build time: {t_big / t_small:.2f}x (target <= {big / small * 1.1:.0f}x)")


if __name__ == "__main__":
    main()
