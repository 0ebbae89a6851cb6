"""Conformance on real archives: build each as a user would and print what a reader would notice.

    cd benchmarks && ../.venv/bin/python conformance.py ../../shared/corpus/archives/*/ \\
        --expected ../../shared/corpus/expected

Each DIR is one archive, laid out as its owner keeps it, its files untouched. As a user would, it
becomes a project made by ``onrecord new`` (the example show removed, ``speakers.yml`` empty) with
one show per top-level folder, or one show for the whole archive when every top-level folder is a
month (``2021-03``), and ``mkdocs build`` builds it (timed). The same content is then read with
``archive.build`` for the figures, per archive:

files (transcript files), episodes built, files dropped by the readers and by the rest of the
archive (with why, below the table), episodes with no named speaker, people (person pages),
labels seen once (a named label with one turn in the whole archive: where prose turns into
people), warnings, and build seconds. ``--names`` lists the people; ``--expected FOLDER`` compares
each file's labels with ``FOLDER/<archive>.tsv`` (file, then ``LABEL (turns); ...``) where present.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from generator import archive, readers
from generator.collector import Collector
from generator.model import Archive, ReadError

MONTH = re.compile(r"^\d{4}-\d{2}$")
COLUMNS = ("archive", "files", "episodes", "dropped by readers", "dropped otherwise", "no named speaker",
           "people", "labels seen once", "warnings", "build s")


def lay_out(source: Path, project: Path) -> None:
    """A new project holding ``source`` as its shows, as real-archives.sh lays it out."""
    onrecord = Path(sys.executable).with_name("onrecord")
    subprocess.run([str(onrecord), "new", str(project)], check=True, capture_output=True)
    shows = project / "content" / "shows"
    shutil.rmtree(shows)
    shows.mkdir()
    (project / "content" / "speakers.yml").write_text("people: {}\n", encoding="utf-8")
    folders = sorted(p for p in source.iterdir() if p.is_dir())
    if folders and all(MONTH.match(p.name) for p in folders):
        folders = [source]
    for folder in folders:
        sid = folder.name.lower().replace("_", "-")
        shutil.copytree(folder, shows / sid)
        (shows / sid / "show.yml").write_text(f"title: {folder.name}\n", encoding="utf-8")


def mkdocs_build(project: Path) -> tuple[float, int]:
    """Seconds for ``mkdocs build``, and how many warnings it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if run.returncode:
        sys.exit(f"mkdocs build failed in {project}:\n{run.stderr[-2000:]}")
    return seconds, sum(line.startswith("WARNING") for line in run.stderr.splitlines())


def transcripts(content: Path) -> list[Path]:
    """Every file the archive reads as a transcript (``_index.md`` and the like are skipped)."""
    out = Collector(content.parent, content)
    shows = sorted(p for p in (content / "shows").iterdir() if p.is_dir())
    return [path for show in shows for path in archive.show_files(show, out)[1]]


def reader_errors(files: list[Path], project: Path) -> dict[str, str]:
    """Files the readers cannot read, by project-relative path, with the reason."""
    errors = {}
    for path in files:
        shown = path.relative_to(project).as_posix()
        try:
            readers.read_file(path, shown)
        except ReadError as exc:
            errors[shown] = f"{exc.line}: {exc.message}"
    return errors


def reason(message: str) -> str:
    """A problem's message without the paths that make each one different."""
    return re.sub(r"\S*/\S*", "…", message)[:100]


def figures(name: str, project: Path, seconds: float, warnings: int) -> tuple[list[str], Archive, list[str]]:
    """One table row, the archive, and the reasons files were dropped."""
    content = project / "content"
    files = transcripts(content)
    built = archive.build(content, root=project)
    unread = reader_errors(files, project)
    shown = {f.relative_to(project).as_posix() for f in files}
    dropped = {p.path: p.message for p in built.problems if p.severity == "error" and p.path in shown}
    other = {path: message for path, message in dropped.items() if path not in unread}
    speaking = Counter(t.turn.speaker for e in built.episodes for t in e.turns if t.person)
    silent = sum(not any(t.turn.speaker for t in e.turns) for e in built.episodes)
    people = sum(1 for p in built.people.values() if built.appearances.get(p.id))
    why = [f"  {name}: {count} × {text}" for text, count in
           Counter(reason(m) for m in [*unread.values(), *other.values()]).most_common()]
    row = [name, len(files), len(built.episodes), len(unread), len(other), silent, people,
           sum(1 for n in speaking.values() if n == 1), warnings, f"{seconds:.1f}"]
    return [str(v) for v in row], built, why


def compare(built: Archive, expected: Path) -> str:
    """Labels found against an independently counted ``file<TAB>LABEL (n); ...`` table."""
    want: dict[str, set[str]] = {}
    for line in expected.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            file, _, labels = line.partition("\t")
            want[file] = {m.group(1) for m in re.finditer(r"(.+?) \(\d+\)(?:; |$)", labels)}
    found: dict[str, set[str]] = {}
    for episode in built.episodes:
        key = next((f for f in want if episode.path.endswith("/" + f)), None)
        if key is not None:
            found[key] = {t.turn.speaker for t in episode.turns if t.turn.speaker}
    pairs = sum(len(labels) for labels in want.values())
    hits = sum(len(labels & found.get(f, set())) for f, labels in want.items())
    extra = sorted({label for f, labels in found.items() for label in labels - want[f]})
    missed = sorted(f"{f}: {label}" for f, labels in want.items() for label in labels - found.get(f, set()))
    unlabelled = sum(1 for f, labels in want.items() if labels and not found.get(f))
    return (f"  labels found {hits} of {pairs} expected (file, label) pairs; labelled files with no label found: "
            f"{unlabelled}\n  missed ({len(missed)}): {'; '.join(missed[:5]) or 'none'}{' …' if len(missed) > 5 else ''}"
            f"\n  found, not expected: {'; '.join(extra) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", type=Path)
    parser.add_argument("--expected", type=Path, help="folder of <archive>.tsv label counts")
    parser.add_argument("--names", action="store_true", help="list each archive's people")
    args = parser.parse_args()
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + " --- |" * len(COLUMNS))
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in args.archives:
            name = source.resolve().name
            project = Path(tmp) / name
            lay_out(source, project)
            row, built, why = figures(name, project, *mkdocs_build(project))
            print("| " + " | ".join(row) + " |")
            notes += why
            tsv = args.expected / f"{name}.tsv" if args.expected else None
            if tsv is not None and tsv.exists():
                notes.append(f"{name} against {tsv.name}:\n{compare(built, tsv)}")
            if args.names:
                names = sorted(p.name for p in built.people.values() if built.appearances.get(p.id))
                notes.append(f"{name} people: {', '.join(names)}")
    print("\n".join(["", *notes]) if notes else "")


if __name__ == "__main__":
    main()
