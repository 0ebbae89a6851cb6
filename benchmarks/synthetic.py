"""A synthetic archive for benchmarks: deterministic, realistic sizes, no real transcripts.

Words follow a Zipf distribution over a generated vocabulary; each episode has a host and
one to four guests drawn from a pool of speakers, turns of 20-200 words at ~150 words a minute,
and one to four tags from 80 topics (Zipf-weighted too).

``--style briefing`` writes press briefings shaped like a real archive of them instead
(:func:`write_briefings`): one show in dated folders, untimed, ALL-CAPS labels and ``Q``.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from pathlib import Path

SYLLABLES = ("ka", "lo", "mi", "ta", "ren", "sol", "vi", "dra", "pen", "qu", "mar", "tel", "os", "ni",
             "bel", "cor", "fu", "gan", "hil", "jo", "ler", "mon", "pra", "sti", "ul", "ver", "wen", "zo")
MKDOCS_YML = """\
site_name: Synthetic archive
site_url: https://example.org/  # so builds publish the feeds, as a published site does
docs_dir: content/pages
theme: {name: material}
plugins:
  - onrecord
"""


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    return sorted(words, key=lambda w: (len(w), w))  # short words are the common ones, as in speech


def sentences(rng: random.Random, words: list[str]) -> str:
    """Words cut into sentences of 4-25 words, as speech is punctuated by transcribers."""
    out, i = [], 0
    while i < len(words):
        n = rng.randint(4, 25)
        out.append(" ".join(words[i:i + n]).capitalize() + rng.choice(".....?!"))
        i += n
    return " ".join(out)


def write_archive(root: Path, episodes: int, words: int, seed: int = 7) -> Path:
    """Write mkdocs.yml and content/ under ``root``; returns the content folder."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    people = [f"{rng.choice(vocab).title()} {rng.choice(vocab).title()}" for _ in range(120)]
    content = root / "content"
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    shows = ["morning-brief", "long-talk", "city-hall", "lab-notes"]
    # Tags from their own generator, so the speech is the same as before tags were added.
    tag_rng = random.Random(seed + 1)
    topics = [" ".join(tag_rng.sample(vocab[:2000], tag_rng.randint(1, 2))) for _ in range(80)]
    topic_weights = [1 / (rank + 1) for rank in range(len(topics))]
    for i, show in enumerate(shows):
        folder = content / "shows" / show
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "show.yml").write_text(f"title: Show {i + 1}\n", encoding="utf-8")
    for n in range(episodes):
        host = people[n % 4]
        cast = [host, *rng.sample(people[4:], rng.randint(1, 4))]
        lines, t, left = [], 0.0, words
        while left > 0:
            size = min(left, rng.randint(20, 200))
            text = sentences(rng, rng.choices(vocab, weights, k=size))
            h, rem = divmod(int(t), 3600)
            lines.append(f"[{h:02d}:{rem // 60:02d}:{rem % 60:02d}] {rng.choice(cast)}: {text}\n")
            t += size / 2.5
            left -= size
        year, day = 2015 + n % 10, 1 + n % 28
        tags = ", ".join(dict.fromkeys(tag_rng.choices(topics, topic_weights, k=tag_rng.randint(1, 4))))
        front = f"---\ntitle: Episode {n + 1}\ndate: {year}-{1 + n % 12:02d}-{day:02d}\ntags: [{tags}]\n---\n"
        (content / "shows" / shows[n % 4] / f"episode-{n + 1:05d}.md").write_text(
            front + "\n".join(lines), encoding="utf-8")
    return content


#: Who speaks at a briefing, as transcribers label them; ``Q`` is any reporter.
BRIEFERS = ("MS. PSAKI", "MS. JEAN-PIERRE", "MR. KIRBY", "MR. SULLIVAN", "THE PRESIDENT", "DR. FAUCI",
            "SECRETARY RAIMONDO", "MR. DEESE", "ADMIRAL KIRBY", "MS. RICE")


def write_briefings(root: Path, episodes: int, words: int, seed: int = 7) -> Path:
    """Press briefings as a real archive keeps them (the quirks of the White House's, 1,154 files
    and 47 MB): one show, ``YYYY-MM/`` folders where file names repeat from month to month, front
    matter with a quoted title and a date, a dateline, untimed turns as paragraphs labelled
    ``MS. PSAKI:`` (two spaces or a no-break space after the colon) or ``Q``, prose hard-wrapped at
    72 characters and indented, and an ``END`` line. Returns the content folder."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    content = root / "content"
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    show = content / "shows" / "briefings"
    show.mkdir(parents=True, exist_ok=True)
    (show / "show.yml").write_text("title: Press Briefings\n", encoding="utf-8")
    for n in range(episodes):
        year, month, day = 2021 + n // 336 % 4, 1 + n // 28 % 12, 1 + n % 28
        folder = show / f"{year}-{month:02d}"
        folder.mkdir(exist_ok=True)
        cast = rng.sample(BRIEFERS, rng.randint(1, 3))
        paragraphs, left = [f"{1 + n % 12}:{n % 60:02d} P.M. EST"], words
        while left > 0:
            size = min(left, rng.randint(8, 40) if rng.random() < .4 else rng.randint(40, 300))
            label = "Q" if rng.random() < .4 else rng.choice(cast) + ":"
            text = sentences(rng, rng.choices(vocab, weights, k=size))
            gap = "    " if label == "Q" else rng.choice(("  ", "\u00a0 "))
            paragraphs.append(textwrap.fill(f"{label}{gap}{text}", 72, initial_indent="     "))
            left -= size
        paragraphs.append(f"END {2 + n % 12}:{n % 60:02d} P.M. EST")
        name = "press-briefing.md" if n % 5 == 0 else f"{year}-{month:02d}-{day:02d}-press-briefing-{n + 1:05d}.md"
        if (folder / name).exists():
            name = f"{year}-{month:02d}-{day:02d}-press-briefing-{n + 1:05d}.md"
        day_iso = f"{year}-{month:02d}-{day:02d}"
        front = f"---\ntitle: \"Press Briefing by Press Secretary, {day_iso}\"\ndate: '{day_iso}'\n---\n"
        (folder / name).write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return content


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--style", choices=("podcast", "briefing"), default="podcast")
    args = parser.parse_args()
    (write_briefings if args.style == "briefing" else write_archive)(args.root, args.episodes, args.words)
