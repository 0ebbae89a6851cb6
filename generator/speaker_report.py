"""``onrecord speakers``: the labels no one accounts for, likely duplicates, and a snippet to fix them.

Speech recognition misspells names ("Seth Fiegeman") and real archives label one person several
ways ("MR KIRBY", "MR. KIRBEY"). Unresolved labels are compared, after the same normalisation
label resolution uses (case, accents, punctuation), with every name and alias in speakers.yml and
with each other, using rapidfuzz's normalised Levenshtein ratio; pairs at or above
:data:`THRESHOLD` are reported as likely the same person. Two labels with an honorific must have
the same one (``MR.``/``MR``, ``SEN.``/``SENATOR``) and surnames at or above :data:`THRESHOLD`
alike, so ``MS. WILLIAMS`` and ``MR. WILLIAMS``, or ``PRESIDENT BIDEN`` and ``VICE PRESIDENT BIDEN``,
stay apart. Only labels of the ``"name"`` kind (:func:`generator.names.kind`) are compared.

The snippet proposes real names (:func:`generator.names.propose`): ``MR. DEESE`` becomes an entry
``brian-deese`` with ``name: Brian Deese`` and ``aliases: [MR. DEESE]``. Labels that are likely
the same person (typo variants, or labels whose proposed name is the same) join one entry; a
label whose name is already in speakers.yml becomes an alias of that person. Role labels go under
``unnamed:``; offices (``THE PRESIDENT``), diarization labels and labels that look like prose
are left out, with a comment saying what to do with them. The snippet is valid YAML: pasted as
``speakers.yml`` (or merged into one), every label in it resolves to the proposed person.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz, process

from . import names
from .model import Archive, Episode
from .slugs import label_key, slugify
from .speakers import RESERVED

THRESHOLD = 85.0
CAPS_SHARE = 0.8  # an episode whose turns are this much ALL CAPS or unlabelled is written in capitals


@dataclass(frozen=True)
class Label:
    text: str  # the spelling met most often
    turns: int
    files: tuple[str, ...]
    kind: str = "name"  # see generator.names.kind
    episodes: tuple[Episode, ...] = ()  # where it occurs, newest first


@dataclass(frozen=True)
class Match:
    label: str
    other: str  # a person's name or alias, or another unresolved label
    person: str  # the person id when ``other`` is in speakers.yml, else ""
    score: float


@dataclass(frozen=True)
class Entry:
    """One person in the snippet: a new one (``name`` set) or aliases for a declared one."""

    id: str
    name: str
    aliases: tuple[str, ...]


def unresolved(archive: Archive) -> list[Label]:
    styles: dict[str, tuple[int, int]] = {}
    labels = []
    for found in archive.labels.values():
        spelling = Counter(label for label, _ in found).most_common(1)[0][0]
        episodes = tuple({episode.path: episode for _, episode in found}.values())  # hashing an Episode is slow
        own = Counter(episode.path for _, episode in found)
        for e in episodes:
            if e.path not in styles:
                styles[e.path] = _style(e)
        lone = all(_in_capitals(styles[e.path], own[e.path]) for e in episodes)
        files = tuple(sorted(own))
        labels.append(Label(spelling, len(found), files, names.kind(spelling, lone), episodes))
    return sorted(labels, key=lambda lab: (-lab.turns, lab.text.casefold()))


def _style(episode: Episode) -> tuple[int, int]:
    """How many of the episode's turns are ALL CAPS or unlabelled, and how many turns it has."""
    return sum(1 for t in episode.turns if t.turn.speaker.upper() == t.turn.speaker), len(episode.turns)


def _in_capitals(style: tuple[int, int], own: int) -> bool:
    """Whether the episode's other turns (``own`` are the label's) are mostly in capitals
    (``THE PRESIDENT:``) or unlabelled prose, so that one mixed-case word read as a label in it
    (``Atlanta:``) is more likely prose than a speaker."""
    caps, total = style
    return total > own and caps >= CAPS_SHARE * (total - own)


def likely_duplicates(archive: Archive, labels: list[Label]) -> list[Match]:
    named = [lab.text for lab in labels if lab.kind == "name"]
    known = {label_key(text): (text, p.id) for p in archive.people.values() if p.declared
             for text in (p.name, *p.aliases)}
    matches = []
    keys = [label_key(text) for text in named]
    for text, key in zip(named, keys, strict=True):
        for other, score, _ in process.extract(key, list(known), scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=5):
            if _alike(key, other):
                name, pid = known[other]
                matches.append(Match(text, name, pid, score))
                break
    for i, j, score in _similar(keys):
        matches.append(Match(named[i], named[j], "", score))
    return sorted(matches, key=lambda m: -m.score)


def _alike(key: str, other: str) -> bool:
    """Same honorific (or none), and the rest of the two labels at or above the threshold."""
    (honorific, rest), (honorific2, rest2) = names.split_honorific(key), names.split_honorific(other)
    if _title(honorific) != _title(honorific2):
        return False
    return not honorific or fuzz.ratio(rest, rest2) >= THRESHOLD


def _title(honorific: str) -> str:
    return names.HONORIFICS.get(honorific) or honorific


def _similar(keys: Sequence[str]) -> Iterator[tuple[int, int, float]]:
    """Pairs ``i < j`` of keys that are likely one name. Only keys with the same honorific and
    lengths the threshold allows are compared, so thousands of labels take well under a second."""
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, key in enumerate(keys):
        honorific, rest = names.split_honorific(key)
        groups[_title(honorific)].append((rest if honorific else key, i))
    reach = 2 * 100 / THRESHOLD - 1  # ratio >= THRESHOLD needs len(b) <= reach * len(a)
    for members in groups.values():
        members.sort(key=lambda m: len(m[0]))
        texts = [m[0] for m in members]
        lengths = [len(text) for text in texts]
        for at, (text, i) in enumerate(members):
            end = bisect_right(lengths, reach * len(text) + 1)
            for _, _, w in process.extract(text, texts[at + 1:end], scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=None):
                j = members[at + 1 + w][1]
                yield min(i, j), max(i, j), fuzz.ratio(keys[i], keys[j])


def proposals(archive: Archive, labels: Sequence[Label]) -> dict[str, names.Proposal]:
    """Label -> the real name its episodes' titles, descriptions, credits and other labels give it."""
    titles = "\n".join(e.title for e in archive.episodes)
    result = {}
    for lab in labels:
        if lab.kind != "name":
            continue
        texts = [(e.title, e.description, *(name for _, name in e.credited), *_others(e, lab.text))
                 for e in lab.episodes]
        found = names.propose(lab.text, texts, titles)
        if found and label_key(found.name) != label_key(lab.text):
            result[lab.text] = found
    return result


def _others(episode: Episode, label: str) -> set[str]:
    """The episode's other labels: "Stephan Livera" says who "SL" and "Stephan" are."""
    return {t.turn.speaker for t in episode.turns} - {label}


def entries(archive: Archive, labels: Sequence[Label], matches: Sequence[Match],
            proposed: Mapping[str, names.Proposal]) -> list[Entry]:
    """The snippet's people: labels grouped by the name they stand for (typo variants together),
    aliases of a declared person first, then new people by number of turns."""
    index = {label_key(text): p.id for p in archive.people.values() if p.declared for text in (p.id, p.name, *p.aliases)}
    parent: dict[str, str] = {}

    def root(text: str) -> str:
        while parent.setdefault(text, text) != text:
            text = parent[text]
        return text

    target: dict[str, str] = {}  # name key -> first label aiming at it
    named = [lab for lab in labels if lab.kind == "name"]
    for lab in named:
        key = label_key(proposed[lab.text].name if lab.text in proposed else lab.text)
        parent[root(lab.text)] = root(target.setdefault(key, lab.text))
    for m in matches:
        if not m.person:
            parent[root(m.other)] = root(m.label)
    person = {m.label: m.person for m in matches if m.person}
    groups: dict[str, list[Label]] = defaultdict(list)
    for lab in named:
        groups[root(lab.text)].append(lab)
    declared: list[Entry] = []
    new: list[Entry] = []
    for group in groups.values():
        entry = _entry(group, proposed, index, person)
        (declared if entry.name == "" else new).append(entry)
    return declared + _unique_ids(new, {p.id for p in archive.people.values() if p.declared})


def _entry(group: list[Label], proposed: Mapping[str, names.Proposal], index: Mapping[str, str],
           person: Mapping[str, str]) -> Entry:
    name = next((proposed[lab.text].name for lab in group if lab.text in proposed), group[0].text)
    pid = index.get(label_key(name)) or next((person[lab.text] for lab in group if lab.text in person), "")
    if pid:  # a declared person: every label of the group is a new alias
        return Entry(pid, "", tuple(lab.text for lab in group))
    return Entry(slugify(name), name, tuple(lab.text for lab in group if label_key(lab.text) != label_key(name)))


def _unique_ids(new: list[Entry], taken: set[str]) -> list[Entry]:
    result = []
    for entry in new:
        pid, n = entry.id, 1
        while pid in taken or pid in RESERVED:
            n += 1
            pid = f"{entry.id}-{n}"
        taken.add(pid)
        result.append(Entry(pid, entry.name, entry.aliases))
    return result


def snippet(labels: list[Label], people: Sequence[Entry]) -> str:
    """YAML to paste into speakers.yml: new people, aliases for declared ones, unnamed roles,
    and comments for the labels no entry should claim."""
    data: dict[str, object] = {}
    if people:
        data["people"] = {e.id: ({"name": e.name} if e.name else {}) | ({"aliases": list(e.aliases)} if e.aliases else {})
                          for e in people}
    roles = [lab.text for lab in labels if lab.kind == "role"]
    if roles:
        data["unnamed"] = roles
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000) if data else ""
    return text + "".join(_comments(labels))


def _comments(labels: list[Label]) -> Iterator[str]:
    def of(kind: str) -> list[Label]:  # label text on one line: a newline in it would end the comment
        return [Label(" ".join(lab.text.split()), lab.turns, lab.files) for lab in labels if lab.kind == kind]

    if offices := of("office"):
        yield (f"# Offices whose holder changes ({', '.join(lab.text for lab in offices)}): map them per episode, e.g.\n"
               f"#   speakers: {{{offices[0].text}: jane-doe}}\n# in the episode's metadata, or list them under unnamed.\n")
    if prose := of("prose"):
        yield (f"# Not speakers but text read as a label (fix the transcript, or list them under unnamed): "
               f"{', '.join(lab.text for lab in prose[:10])}{' …' if len(prose) > 10 else ''}\n")
    if anonymous := of("anonymous"):
        yield ("# Diarization labels mean someone else in every episode: map them per episode, e.g.\n"
               f"#   speakers: {{{anonymous[0].text}: jane-doe}}\n# in the metadata of: "
               + ", ".join(sorted({f for lab in anonymous for f in lab.files})[:5]) + "\n")


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
    proposed = proposals(archive, labels)
    if proposed:
        lines += ["", "Names proposed from episode titles, descriptions, credits and other labels (check them):"]
        for text, found in proposed.items():
            where = f"{found.votes} other episode title(s)" if found.wide else f"{found.votes} of its episodes"
            lines.append(f"  {text:<{width}}  -> {found.name} (named in {where})")
    people = entries(archive, labels, matches, proposed)
    lines += ["", "Ready to paste into speakers.yml (merge into existing entries and lists):",
              snippet(labels, people)]
    return "\n".join(lines), len(labels)
