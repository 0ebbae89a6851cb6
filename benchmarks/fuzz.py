"""A longer fuzz run: mutated seeds through every reader and the YAML loader; crashes minimized.

    cd benchmarks && ../.venv/bin/python fuzz.py --seconds 300
    cd benchmarks && ../.venv/bin/python fuzz.py --inputs 20000 --seed 7 --corpus ../../shared/corpus

Seeds are the golden reader cases, the demo and fixture archives and any ``--corpus`` folders
(files cut to 8 KB). Each input is a seed with one to eight mutations drawn by
``random.Random(--seed)``: hostile values inserted (NaN, 1e999, 400-digit numbers, ``<![``, YAML
aliases), tokens taken from the seeds themselves, spans deleted, repeated, swapped or spliced from
another seed, digit runs replaced, characters changed. Every input goes through every reader in
``READERS``, through detection as ``read_file`` does, and, when it looks like YAML, through
``yamlio.loads`` and front matter. A crash is any exception but ``ReadError``, or a transcript
with a time outside ``[0, MAX_SECONDS)``; crashes are grouped by where they were raised, and the
first input of each is shrunk to a minimal repro. Inputs slower than ``--slow`` seconds are listed too.
To fuzz another checkout's readers with these seeds: ``PYTHONPATH=<checkout> python fuzz.py ...``.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import readers, yamlio
from generator.model import ReadError, Transcript
from generator.readers.common import split_front_matter

try:  # so an older checkout can be fuzzed too
    from generator.timecodes import MAX_SECONDS
except ImportError:
    MAX_SECONDS = 1000 * 3600

ROOT = Path(__file__).resolve().parent.parent
SEED_FOLDERS = [ROOT / "tests/readers/cases", ROOT / "content", ROOT / "tests/fixtures/archive/content"]
ENDINGS = {".md", ".txt", ".vtt", ".srt", ".json", ".html", ".yml", ".yaml"}
HOSTILE = [
    "NaN", "-Infinity", "1e999", "-1", "-0.5", "9" * 400, "1" + "0" * 5000, "<![ ", "<!x", "<?", "</>", "&#0;",
    "&a ", "*a ", "<<: *a\n", "!!timestamp x", "!!float x", "!!binary x", "2021-02-30", ".nan", ".inf", "\x00",
    "\ufeff", "\r", "\u2028", "\x85", "\\ud800", "[" * 200, "{" * 200, "--> ", "100:00:00.000", "<v ", "&#x110000;",
]
NUMBERS = ["0", "00", "59", "60", "99", "100", "999999", "9" * 40, "9" * 400, "-1", "1e308", "1e999", "nan"]
Target = Callable[[str], object]


def seeds(folders: list[Path], limit: int = 8192) -> list[str]:
    """Text of every seed file, cut to ``limit`` characters."""
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in ENDINGS:
                texts.append(path.read_text(encoding="utf-8", errors="replace")[:limit])
    return texts


def dictionary(texts: list[str]) -> list[str]:
    """Short tokens that occur in the seeds (keys, tags, timings, punctuation runs): what a format is made of."""
    found: set[str] = set()
    for text in texts:
        found.update(re.findall(r'"\w+"\s*:|</?\w+[^>]{0,20}>|[\d:.,]{5,16}|[^\w\s]{1,4}|^\S{1,12}', text, re.M))
    return sorted(found)


class Mutator:
    """Edits a seed, AFL-style, with a dictionary; all randomness from one ``random.Random``."""

    def __init__(self, texts: list[str], rng: random.Random) -> None:
        self.texts, self.rng, self.tokens = texts, rng, dictionary(texts) + HOSTILE

    def input(self) -> str:
        text = self.rng.choice(self.texts)
        for _ in range(self.rng.randint(1, 8)):
            text = self.mutate(text)
        return text

    def mutate(self, text: str) -> str:
        r = self.rng
        at = r.randint(0, len(text))
        end = min(len(text), at + r.choice((1, 2, 4, 8, 32, 128)))
        kind = r.randrange(8)
        if kind <= 1:
            return text[:at] + r.choice(HOSTILE if kind else self.tokens) + text[at:]
        if kind == 2:
            return text[:at] + text[end:]
        if kind == 3:
            return text[:at] + text[at:end] * r.randint(2, 64) + text[at:]
        if kind == 4:
            other = r.choice(self.texts)
            start = r.randint(0, len(other))
            return text[:at] + other[start:start + r.randint(1, 400)] + text[end:]
        if kind == 5:
            lines = text.split("\n")
            i, j = r.randrange(len(lines)), r.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            return "\n".join(lines)
        if kind == 6:
            runs = list(re.finditer(r"\d+", text))
            if runs:
                m = r.choice(runs)
                return text[:m.start()] + r.choice(NUMBERS) + text[m.end():]
        return text[:at] + chr(r.choice((r.randrange(32), r.randrange(32, 127), r.randrange(0x80, 0x3000)))) + text[end:]


def read_as(name: str) -> Target:
    return lambda text: dataclasses.replace(readers.READERS[name](text, f"fuzz.{name}"), format=name)


def detected(ending: str) -> Target:
    """What ``readers.read_file`` does once the bytes are decoded."""
    def read(text: str) -> object:
        if not text.strip():
            return None
        name = readers.detect("fuzz" + ending, text)
        return dataclasses.replace(readers.READERS[name](text, "fuzz" + ending), format=name)
    return read


TARGETS: dict[str, Target] = {
    **{f"read:{name}": read_as(name) for name in readers.READERS},
    **{f"detect{ending}": detected(ending) for ending in (".txt", ".json", ".md")},
    "yamlio.loads": lambda text: yamlio.loads(text, first_line=2),
    "front matter": lambda text: split_front_matter(text if text.startswith("---") else f"---\n{text}\n---\n"),
}


def outcome(target: Target, text: str) -> str | None:
    """``None`` when the target behaves (a well-formed result or a ReadError), else the crash's key."""
    try:
        result = target(text)
    except ReadError as exc:
        return None if isinstance(exc.line, int) and exc.message else "ReadError without a line or message"
    except Exception as exc:  # noqa: BLE001 - finding these is the point
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/generator/" in f.filename] or \
            traceback.extract_tb(exc.__traceback__)
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}"
        return f"{type(exc).__name__} at {where}"
    if isinstance(result, Transcript):
        for turn in result.turns:
            for t in (turn.start, turn.end):
                if t is not None and not 0 <= t < MAX_SECONDS:
                    kind = "negative" if t < 0 else "too large" if math.isfinite(t) else "non-finite"
                    return f"{result.format} reader returns a {kind} time"
    return None


def shrink(target: Target, text: str, key: str, budget: int = 3000) -> str:
    """A smaller input that crashes the same way: delete lines, then ever smaller chunks (ddmin)."""
    for unit in ("\n", ""):
        parts = text.split("\n") if unit else list(text)
        size = max(1, len(parts) // 2)
        while size >= 1 and budget > 0:
            i, changed = 0, False
            while i < len(parts) and budget > 0:
                trial = parts[:i] + parts[i + size:]
                budget -= 1
                if outcome(target, unit.join(trial)) == key:
                    parts, changed = trial, True
                else:
                    i += size
            size = size if changed and size == 1 else size // 2
        text = unit.join(parts)
    return text


@dataclass
class Finding:
    """One crash site (or slowness), the targets it showed in, and the first input that hit it."""

    key: str
    target: str = ""
    targets: set[str] = field(default_factory=set)
    count: int = 0
    example: str = ""
    seconds: list[float] = field(default_factory=list)


def run(mutator: Mutator, stop: Callable[[int, float], bool], slow: float) -> tuple[int, dict[str, Finding], float]:
    """Fuzz until ``stop(inputs, elapsed)``; returns inputs tried, findings by key, seconds taken."""
    findings: dict[str, Finding] = {}
    began, tried = time.perf_counter(), 0
    while not stop(tried, time.perf_counter() - began):
        text = mutator.input()
        tried += 1
        for name, target in TARGETS.items():
            t0 = time.perf_counter()
            key = outcome(target, text)
            took = time.perf_counter() - t0
            if took > slow:
                key = key or f"slow: over {slow:g} s"
            if key:
                found = findings.setdefault(key, Finding(key, name))
                found.targets.add(name)
                found.count += 1
                found.seconds.append(took)
                if not found.example:
                    found.example = text
    return tried, findings, time.perf_counter() - began


def report(tried: int, findings: dict[str, Finding], seconds: float, seeds_count: int) -> None:
    crashes = [f for f in findings.values() if not f.key.startswith("slow")]
    print(f"seeds {seeds_count}, targets {len(TARGETS)}, inputs tried {tried:,} in {seconds:.0f} s "
          f"({tried / seconds:,.0f} inputs/s, {tried * len(TARGETS) / seconds:,.0f} target calls/s)")
    print(f"crash sites: {len(crashes)}; slow inputs: {sum(f.count for f in findings.values() if f not in crashes)}")
    for found in sorted(findings.values(), key=lambda f: f.key):
        repro = shrink(TARGETS[found.target], found.example, found.key) if found in crashes else found.example
        shown = repr(repro) if len(repro) <= 300 else f"{repro[:240]!r}... ({len(repro):,} characters)"
        print(f"\n{found.key}: {found.count} hits in {', '.join(sorted(found.targets))}; "
              f"slowest {max(found.seconds):.2f} s\n  repro: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="run this long (default 60 s unless --inputs is given)")
    parser.add_argument("--inputs", type=int, help="run this many inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="another folder of seed files")
    parser.add_argument("--slow", type=float, default=2.0, help="report inputs one target takes longer than this on")
    args = parser.parse_args()
    texts = seeds(SEED_FOLDERS + args.corpus)
    limit_s = args.seconds if args.seconds is not None else (None if args.inputs else 60.0)
    def stop(tried: int, elapsed: float) -> bool:
        return (args.inputs is not None and tried >= args.inputs) or (limit_s is not None and elapsed >= limit_s)
    tried, findings, seconds = run(Mutator(texts, random.Random(args.seed)), stop, args.slow)
    report(tried, findings, seconds, len(texts))


if __name__ == "__main__":
    main()
