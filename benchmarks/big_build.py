"""Big archives (issue 15): a cold ``mkdocs build`` of press briefings shaped like a real archive
of 1,154 of them (:func:`synthetic.write_briefings`), next to the naive build of the same files
(each one a Markdown page in MkDocs with Material and its built-in search) and the ratio; a
second build with one transcript changed; and ``mkdocs serve``'s wait from saving a transcript
to its page being served again.

    cd benchmarks && ../.venv/bin/python big_build.py --episodes 1154 --words 6800

Peak memory is the whole process tree's (MkDocs and the Pagefind binary it starts), sampled
from /proc ten times a second.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_briefings  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
NAIVE_YML = """\
site_name: Naive archive
theme: {name: material}
plugins: [search]
"""


def tree_rss(root: int) -> int:
    """The resident memory of ``root`` and every process under it, in bytes."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    # A child caught between fork and exec (a Pagefind service starting) shares its parent's
    # pages, which its RSS counts a second time: 2.3 GB more at 10,000 episodes for an instant.
    forked = {pid for pid in family - {root} if _cmdline(pid) == _cmdline(parents[pid])}
    return sum(rss.get(pid, 0) for pid in family - forked)


def _cmdline(pid: int) -> bytes | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read()
    except OSError:
        return None


def measured(command: list[str], cwd: Path, watch: Callable[[float, int], str] | None = None,
             ) -> tuple[float, int, str]:
    """Run ``command`` in ``cwd``: its wall time in seconds, its tree's peak memory in bytes and
    its output. ``watch`` sees every sample (seconds so far, the tree's bytes) and may stop the
    run by naming why (scale.py's limits)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    peak, stopped = 0, ""

    def sample() -> None:
        nonlocal peak, stopped
        while process.poll() is None:
            rss = tree_rss(process.pid)
            peak = max(peak, rss)
            if watch and not stopped and (stopped := watch(time.perf_counter() - start, rss)):
                os.killpg(process.pid, signal.SIGTERM)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    text = out.decode("utf-8", "replace")
    if stopped or process.returncode:
        raise SystemExit(f"{' '.join(command)} in {cwd}: {stopped or 'failed'}; peak {peak / 1e9:.2f} GB\n{text[-3000:]}")
    return seconds, peak, text


def build(project: Path) -> tuple[float, int]:
    shutil.rmtree(project / "site", ignore_errors=True)
    seconds, peak, _ = measured([sys.executable, "-m", "mkdocs", "build", "-q"], project)
    return seconds, peak


def naive_project(content: Path, root: Path) -> Path:
    """The same transcripts as pages of a plain MkDocs site: what a user gets without On Record."""
    docs = root / "docs"
    shutil.copytree(content / "shows", docs)
    (docs / "index.md").write_text("# Briefings\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(NAIVE_YML, encoding="utf-8")
    return root


def serve_wait(project: Path, transcript: Path, page: str, port: int = 8123) -> float:
    """Seconds from saving ``transcript`` (a new word appended) to ``page`` served with the word."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        fetch(url, None, timeout=600)  # the first build
        word = f"zyzzyva{time.time_ns()}"
        with transcript.open("a", encoding="utf-8") as out:
            out.write(f"\n     Q    {word}?\n")
        saved = time.perf_counter()
        fetch(url, word, timeout=600)
        return time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait()


def fetch(url: str, word: str | None, timeout: float) -> None:
    """Poll ``url`` until it answers (and has ``word``, when given)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if word is None or word in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} not served in {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=1154)
    parser.add_argument("--words", type=int, default=6800)
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        content = write_briefings(root, args.episodes, args.words)
        files = sorted(content.rglob("*.md"))
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"archive: {len(files)} briefings, {size:.1f} MB ({args.words} words each)")
        naive = naive_project(content, Path(tmp) / "naive")
        plain, plain_peak = build(naive)
        print(f"naive build (Markdown pages, Material, built-in search): {plain:.1f} s, peak {plain_peak / 1e9:.2f} GB")
        cold, cold_peak = build(root)
        print(f"On Record cold build with Pagefind: {cold:.1f} s, peak {cold_peak / 1e9:.2f} GB; "
              f"{cold / plain:.2f}x the naive build (target <= 0.3x, <= 1 GB)")
        changed = next(f for f in files[len(files) // 2:] if f.name != "press-briefing.md")
        with changed.open("a", encoding="utf-8") as out:
            out.write("\n     Q    One more question?\n")
        again, _, _ = measured([sys.executable, "-m", "mkdocs", "build", "-q"], root)
        print(f"second build, one transcript changed: {again:.1f} s, {again / cold:.2f}x the cold build (target <= 0.1x)")
        (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace(
            "- onrecord", "- onrecord:\n      search: false"), encoding="utf-8")
        shutil.rmtree(root / ".onrecord-cache", ignore_errors=True)  # cold again
        bare, bare_peak = build(root)
        print(f"On Record without search: {bare:.1f} s, peak {bare_peak / 1e9:.2f} GB")
        if not args.no_serve:
            (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace(
                "- onrecord:\n      search: false", "- onrecord"), encoding="utf-8")
            page = next(p.parent.relative_to(root / "site").as_posix() + "/"
                        for p in (root / "site/shows/briefings").rglob("index.html") if p.parent.name == changed.stem)
            print(f"mkdocs serve: save one transcript -> its page served again: "
                  f"{serve_wait(root, changed, page):.1f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
