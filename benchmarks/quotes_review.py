"""Quotes on real archives: how many person-page quotes are courtesy or end inside a quotation.

    .venv/bin/python benchmarks/quotes_review.py                       # the quotes.py checked out
    git show f90a460:generator/quotes.py > /tmp/quotes_before.py       # before issue 13, item 7
    .venv/bin/python benchmarks/quotes_review.py --quotes /tmp/quotes_before.py
    .venv/bin/python benchmarks/quotes_review.py --quotes /tmp/quotes_before.py --speed 1000

Lays out each archive under /work/shared/corpus/archives as shows, as
/work/shared/hooks/real-archives.sh does (one show per sub-folder; dated sub-folders are one
show), reads it with ``archive.build`` and lists every person's appearances as their page does
(pages/people.py), picking quotes with the given quotes module. The quotes shown are then judged
by today's rules (``quotes.courtesy``, ``quotes.open_at_end``), so two versions are compared by
one measure. ``labels`` counts quotes holding a speaker label mid-text ("... Q: ..."): words of
a second speaker inside one turn. ``--speed N`` instead renders every person page of a synthetic
archive of N episodes (benchmarks/synthetic.py) with both versions, alternating, and prints the
best CPU time of each.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from synthetic import write_archive

from generator import archive, quotes
from generator.pages import Templates, people

ARCHIVES = Path("/work/shared/corpus/archives")
_LABEL = re.compile(r"(?:^|\s)(?:Q|A|[A-Z][A-Z.' ]{2,30}):\s")


def load(path: Path) -> ModuleType:
    """A quotes module from a file, as a module of the generator package (its relative imports work)."""
    spec = importlib.util.spec_from_file_location("generator._quotes_under_review", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def lay_out(source: Path, root: Path) -> Path:
    """``source`` as a content folder under ``root``: shows per sub-folder, or one dated show."""
    content = root / "content"
    (content / "shows").mkdir(parents=True)
    (content / "speakers.yml").write_text("people: {}\n")
    folders = sorted(p for p in source.iterdir() if p.is_dir())
    dated = all(re.fullmatch(r"\d{4}-\d{2}", p.name) for p in folders)
    for folder, show in ([(source, source.name)] if dated else [(p, p.name) for p in folders]):
        target = content / "shows" / show.lower().replace("_", "-")
        shutil.copytree(folder, target)
        (target / "show.yml").write_text(f"title: {show}\n")
    return content


def review(source: Path) -> tuple[int, int, int, int]:
    """Quotes shown on every person page of the archive, and how many are courtesy, end inside
    an open quotation or parenthesis, or hold a second speaker's label."""
    with tempfile.TemporaryDirectory() as tmp:
        built = archive.build(lay_out(source, Path(tmp)), root=Path(tmp))
    shown = [said for apps in built.appearances.values() for _, listed in people.appearances(apps)
             for item in listed for said in item.quotes]
    texts = [said.text for said in shown]
    return (len(texts), sum(map(quotes.courtesy, texts)), sum(map(quotes.open_at_end, texts)),
            sum(bool(_LABEL.search(t)) for t in texts))


def speed(episodes: int, other: ModuleType, rounds: int = 4) -> dict[str, float]:
    """Best CPU seconds to render every person page of a synthetic archive, picking with
    ``other`` and with today's quotes module, alternately."""
    with tempfile.TemporaryDirectory() as tmp:
        built = archive.build(write_archive(Path(tmp), episodes, 1500), root=Path(tmp))
    best = {"given": float("inf"), "today": float("inf")}
    for _ in range(rounds):
        for label, module in (("given", other), ("today", quotes)):
            people.quotes = module  # type: ignore[attr-defined]
            began = time.process_time()
            list(people.render(built, Templates()))
            best[label] = min(best[label], time.process_time() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=Path, help="a quotes.py to pick with (default: generator/quotes.py)")
    parser.add_argument("--speed", type=int, metavar="EPISODES", help="time person pages against --quotes instead")
    args = parser.parse_args()
    if args.speed:
        timed = speed(args.speed, load(args.quotes) if args.quotes else quotes)
        print(f"person pages, {args.speed} episodes: {timed['given']:.2f} s CPU with {args.quotes or 'today'}, "
              f"{timed['today']:.2f} s with today's quotes.py")
        return
    if args.quotes:
        people.quotes = load(args.quotes)  # type: ignore[attr-defined]  # pick with it; judge by today's rules
    print(f"{'archive':22} {'quotes':>7} {'courtesy':>9} {'open':>5} {'labels':>7}")
    for source in sorted(p for p in ARCHIVES.iterdir() if p.is_dir()):
        total, polite, unclosed, labels = review(source)
        print(f"{source.name:22} {total:7} {polite:9} {unclosed:5} {labels:7}")


if __name__ == "__main__":
    main()
