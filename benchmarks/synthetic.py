"""A synthetic archive for benchmarks: deterministic, realistic sizes, no real transcripts.

Words follow a Zipf distribution over a generated vocabulary; each episode has a host and
one to four guests drawn from a pool of speakers, turns of 20-200 words at ~150 words a minute,
and one to four tags from 80 topics (Zipf-weighted too).
"""

from __future__ import annotations

import argparse
import random
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--words", type=int, default=9000)
    args = parser.parse_args()
    write_archive(args.root, args.episodes, args.words)
