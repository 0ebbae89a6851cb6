"""``onrecord speakers``: the labels no one accounts for, likely duplicates, and a snippet to fix them.

Speech recognition misspells names ("Seth Fiegeman") and real archives label one person several
ways ("MR KIRBY", "MR. KIRBEY"). Unresolved labels are compared, after the same normalisation
label resolution uses (case, accents, punctuation), with every name and alias in speakers.yml and
with each other, using rapidfuzz's normalised Levenshtein ratio; pairs at or above
:data:`THRESHOLD` are reported as likely the same person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz, process

from .model import Archive
from .speakers import is_anonymous, label_key, slugify

THRESHOLD = 85.0


@dataclass(frozen=True)
class Label:
    text: str  # the spelling met most often
    turns: int
    files: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    label: str
    other: str  # a person's name or alias, or another unresolved label
    person: str  # the person id when ``other`` is in speakers.yml, else ""
    score: float


def unresolved(archive: Archive) -> list[Label]:
    labels = []
    for found in archive.labels.values():
        spelling = Counter(label for label, _ in found).most_common(1)[0][0]
        files = tuple(sorted({episode.path for _, episode in found}))
        labels.append(Label(spelling, len(found), files))
    return sorted(labels, key=lambda lab: (-lab.turns, lab.text.casefold()))


def likely_duplicates(archive: Archive, labels: list[Label]) -> list[Match]:
    named = [lab.text for lab in labels if not is_anonymous(lab.text)]
    known = {label_key(text): (text, p.id) for p in archive.people.values() if p.declared
             for text in (p.name, *p.aliases)}
    matches = []
    keys = [label_key(text) for text in named]
    for text, key in zip(named, keys, strict=True):
        best = process.extractOne(key, list(known), scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        if best:
            name, pid = known[best[0]]
            matches.append(Match(text, name, pid, best[1]))
    for i, key in enumerate(keys):  # unresolved labels that look like each other
        for _, score, j in process.extract(key, keys[i + 1:], scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=None):
            matches.append(Match(named[i], named[i + 1 + j], "", score))
    return sorted(matches, key=lambda m: -m.score)


def snippet(labels: list[Label], matches: list[Match]) -> str:
    """YAML to paste into speakers.yml: aliases for likely matches, entries for the other names."""
    people: dict[str, dict[str, object]] = {}
    placed: set[str] = set()
    for m in matches:
        if m.person and m.label not in placed:
            entry = people.setdefault(m.person, {"aliases": []})
            entry["aliases"].append(m.label)  # type: ignore[attr-defined]
            placed.add(m.label)
    for lab in labels:
        if lab.text not in placed and not is_anonymous(lab.text):
            people.setdefault(slugify(lab.text), {"name": lab.text})
    text = yaml.safe_dump({"people": people}, sort_keys=False, allow_unicode=True) if people else ""
    anonymous = [lab for lab in labels if is_anonymous(lab.text)]
    if anonymous:
        text += ("# Diarization labels mean someone else in every episode: map them per episode, e.g.\n"
                 f"#   speakers: {{{anonymous[0].text}: jane-doe}}\n# in the metadata of: "
                 + ", ".join(sorted({f for lab in anonymous for f in lab.files})[:5]) + "\n")
    return text


def report(archive: Archive) -> tuple[str, int]:
    """The report ``onrecord speakers`` prints, and how many labels are unresolved."""
    labels = unresolved(archive)
    if not labels:
        return "Every speaker label resolves to a person in speakers.yml or a declared unnamed label.\n", 0
    width = max(len(lab.text) for lab in labels)
    lines = [f"Unresolved labels ({len(labels)}), by number of turns:"]
    for lab in labels:
        more = f" and {len(lab.files) - 3} more" if len(lab.files) > 3 else ""
        lines.append(f"  {lab.text:<{width}}  {lab.turns:>5} turns  {', '.join(lab.files[:3])}{more}")
    matches = likely_duplicates(archive, labels)
    if matches:
        lines += ["", "Likely the same person:"]
        for m in matches:
            where = f"{m.person} in speakers.yml" if m.person else "another unresolved label"
            lines.append(f"  {m.label!r} ~ {m.other!r} ({where}) {m.score:.0f}%")
    lines += ["", "Ready to paste into speakers.yml (merge aliases into existing entries):", snippet(labels, matches)]
    return "\n".join(lines), len(labels)
