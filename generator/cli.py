"""``onrecord``: check, generate, new, speakers. ``python -m generator`` is the same program."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, archive, health, scaffold, speaker_report, tree
from .model import Archive


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="onrecord", description=__doc__)
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="read and validate everything; print every problem as path:line: message")
    check.add_argument("--content", type=Path, default=Path("content"), help="the archive folder (default: content)")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings and health findings too, as mkdocs build --strict fails")

    gen = sub.add_parser("generate", help="write every page as a plain Markdown tree any engine can render")
    gen.add_argument("--content", type=Path, default=Path("content"), help="the archive folder (default: content)")
    gen.add_argument("--out", type=Path, required=True, help="the folder to write (must be empty or missing)")
    gen.add_argument("--force", action="store_true", help="write into a folder that already has files")
    gen.add_argument("--site-name", default="On Record", help="the name the home page gives the site (default: On Record)")
    gen.add_argument("--language", help="the site's language, as Material's theme.language (default: en)")
    gen.add_argument("--templates", type=Path, help="a custom_dir whose onrecord/ templates override ours")
    gen.add_argument("--site-url", help="the address the site is published at: the pages' structured data links "
                                        "absolutely with it (default: relative links)")

    speakers = sub.add_parser("speakers", help="labels that resolve to no one, likely duplicates, a speakers.yml snippet")
    speakers.add_argument("--content", type=Path, default=Path("content"), help="the archive folder (default: content)")
    speakers.add_argument("--strict", action="store_true", help="exit 1 while any label is unresolved")

    new = sub.add_parser("new", help="start a new archive project in DIR")
    new.add_argument("dir", type=Path, help="the project folder to create (must be empty or missing)")

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check":
        return cmd_check(args.content, args.strict)
    if args.command == "generate":
        return cmd_generate(args.content, args.out, args.force, args.site_name, args.language, args.templates,
                            args.site_url)
    if args.command == "speakers":
        return cmd_speakers(args.content, args.strict)
    return scaffold.create(args.dir)


def load(content: Path) -> Archive | None:
    if not (content / "shows").is_dir():
        print(f"{content}: no shows/ folder here: expected {content}/shows/<show-id>/<transcripts>", file=sys.stderr)
        return None
    return archive.build(content, root=Path.cwd())


def cmd_check(content: Path, strict: bool = False) -> int:
    result = load(content)
    if result is None:
        return 1
    for problem in result.problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in result.problems if p.severity == "error")
    warnings = sum(1 for p in result.problems if p.severity == "warning")
    turns = sum(len(e.turns) for e in result.episodes)
    found = health.examine(result)
    for line in health.summary(found):
        print(line)
    findings = f", {found.findings} health findings" if found.findings else ""
    print(f"{len(result.episodes)} episodes, {len(result.shows)} shows, {len(result.appearances)} speakers, "
          f"{turns} turns; {errors} errors, {warnings} warnings{findings}")
    return 1 if errors or (strict and (warnings or found.findings)) else 0


def cmd_speakers(content: Path, strict: bool) -> int:
    result = load(content)
    if result is None:
        return 1
    text, count = speaker_report.report(result)
    print(text, end="" if text.endswith("\n") else "\n")
    return 1 if strict and count else 0


def cmd_generate(content: Path, out: Path, force: bool, site_name: str = "On Record", language: str | None = None,
                 templates: Path | None = None, site_url: str | None = None) -> int:
    """Write the tree (:mod:`generator.tree`); nothing is written over files unless asked."""
    try:
        tree.checked(out, (), force)  # a folder with files is refused before the archive is read
        result = load(content)
        if result is None:
            return 1
        for problem in result.problems:
            print(problem, file=sys.stderr)
        count = tree.write(result, out, force=force, site_name=site_name, language=language, templates=templates,
                           site_url=site_url)
    except tree.TreeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {count} files to {out}")
    return 1 if any(p.severity == "error" for p in result.problems) else 0
