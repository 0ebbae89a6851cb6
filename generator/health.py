"""The archive's health: what ``onrecord check`` summarises after the problems.

Problems are wrong input, reported per file and line. Health findings are about the archive as a
whole, and about what a reader of the site would miss: episodes where no turn names a person and
no ``speakers:`` list credits one (they appear on no person page; a role or prose-like label that
resolves to no one names nobody, an office such as ``THE PRESIDENT`` does), and speaker labels
that no one accounts for and that are probably wrong: seen only once (a typo or a misread line),
role labels (``MODERATOR``, ``AIDE``) to list under ``unnamed:``, offices whose holder changes
(``THE PRESIDENT``) to map per episode, labels that look like prose (``Consider:`` read as a
label), and likely duplicates (``MR. SULLIVAN`` ~ ``MR. SULLIAN``). The kinds are
:func:`generator.names.kind`'s; duplicates are :func:`generator.speaker_report.likely_duplicates`.

The summary is a few lines (at most ten): counts, a few examples each, and the files with the
most distinct findings. ``onrecord check --strict`` fails while there is any finding;
``onrecord speakers`` lists every label and writes the ``speakers.yml`` snippet that fixes most.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Archive, Episode
from .slugs import label_key
from .speaker_report import Label, Match, likely_duplicates, unresolved

EXAMPLES = 4  # labels shown per line
WORST = 3  # files shown


@dataclass(frozen=True)
class Health:
    episodes: int
    silent: tuple[Episode, ...]  # no turn names a person, none is credited; most words first
    once: tuple[Label, ...]  # name-like labels with a single turn
    roles: tuple[Label, ...]
    offices: tuple[Label, ...]
    prose: tuple[Label, ...]
    duplicates: tuple[Match, ...]

    @property
    def findings(self) -> int:
        return (len(self.silent) + len(self.once) + len(self.roles) + len(self.offices) + len(self.prose)
                + len(self.duplicates))


def examine(archive: Archive) -> Health:
    labels = unresolved(archive)

    def of(kind: str) -> tuple[Label, ...]:
        return tuple(lab for lab in labels if lab.kind == kind)

    nobody = {label_key(lab.text) for lab in labels if lab.kind in ("role", "prose")}
    names_someone: dict[str, bool] = {}  # label as written -> whether it names a person

    def named(label: str) -> bool:
        if label not in names_someone:
            names_someone[label] = label_key(label) not in nobody
        return names_someone[label]

    silent = [e for e in archive.episodes
              if not e.credited and not any(t.person and named(t.turn.speaker) for t in e.turns)]
    silent.sort(key=lambda e: (-sum(t.words for t in e.turns), e.path))
    return Health(
        episodes=len(archive.episodes), silent=tuple(silent),
        once=tuple(lab for lab in of("name") if lab.turns == 1), roles=of("role"), offices=of("office"),
        prose=of("prose"), duplicates=tuple(likely_duplicates(archive, labels)),
    )


def summary(health: Health) -> list[str]:
    """The lines ``onrecord check`` prints; none when the archive is healthy."""
    if not health.findings:
        return []
    silent = health.silent
    lines = [f"Health ({health.findings} findings; `onrecord speakers` proposes a speakers.yml fix):"]
    if silent:
        verb = "has" if len(silent) == 1 else "have"
        order = ", largest first" if len(silent) > 1 else ""
        lines.append(f"  {len(silent)} of {health.episodes} episodes {verb} no named speaker{order}: "
                     f"{', '.join(e.path for e in silent[:WORST])}{_more(silent, WORST)}")
    for found, one, more in (
        (health.once, "seen only once", "seen only once"),
        (health.roles, "looks like a role", "look like roles"),
        (health.offices, "names an office whose holder changes", "name offices whose holder changes"),
        (health.prose, "looks like prose, not a speaker", "look like prose, not speakers"),
    ):
        if found:
            lines.append(f"  {_count(len(found), 'label')} {one if len(found) == 1 else more}: {_examples(found)}")
    if health.duplicates:
        pairs = ", ".join(f"{_flat(m.label)} ~ {_flat(m.other)}" for m in health.duplicates[:EXAMPLES])
        lines.append(f"  {_count(len(health.duplicates), 'likely duplicate')}: {pairs}{_more(health.duplicates, EXAMPLES)}")
    worst = worst_files(health)
    if worst:
        lines.append("  Most findings: " + ", ".join(f"{path} ({n})" for path, n in worst))
    return lines


def worst_files(health: Health) -> list[tuple[str, int]]:
    """The files with the most distinct findings (at least two), most first."""
    counts: Counter[str] = Counter(e.path for e in health.silent)
    for lab in (*health.once, *health.roles, *health.offices, *health.prose):
        counts.update(lab.files)
    return [(path, n) for path, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:WORST] if n > 1]


def _examples(labels: tuple[Label, ...]) -> str:
    shown = ", ".join(_flat(lab.text) + ("" if lab.turns == 1 else f" ×{lab.turns}") for lab in labels[:EXAMPLES])
    return shown + _more(labels, EXAMPLES)


def _more(items: tuple[object, ...], shown: int) -> str:
    return f" and {len(items) - shown} more" if len(items) > shown else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _flat(label: str) -> str:
    """A label on one line, however it was written."""
    return " ".join(label.split())
