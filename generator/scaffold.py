"""``onrecord new DIR``: a new archive project that builds with ``mkdocs build``."""

from __future__ import annotations

import sys
from pathlib import Path

MKDOCS_YML = """\
site_name: My Archive
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]  # the published address (feeds need it): the workflow sets SITE_URL
docs_dir: content/pages        # hand-written pages; shows and speakers are generated
theme:
  name: material
  font: false   # system fonts: no requests to Google Fonts
  features: [navigation.tabs, navigation.top]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/brightness-7, name: Switch to dark mode}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/brightness-4, name: Switch to light mode}
plugins:
  - onrecord:
      content: content
"""

FILES: dict[str, str] = {
    "mkdocs.yml": MKDOCS_YML,
    "content/speakers.yml": """\
people:
  ada-host:
    name: Ada Host
    aliases: [ADA]
    role: Host
    bio: Hosts the example show.
  sam-guest:
    name: Sam Guest
    role: Guest
unnamed: [Q, AUDIENCE MEMBER]
""",
    "content/shows/example/show.yml": """\
title: Example Show
description: An example show. Put transcripts in this folder.
hosts: [ada-host]
""",
    "content/shows/example/first-episode.md": """\
---
title: The First Episode
date: 2024-01-15
description: What a transcript looks like.
---
[00:00:00] Ada Host: Welcome to the first episode.

[00:00:05] Sam Guest: Transcripts are plain text: a name, a colon, and what they said.

[00:00:12] Q: Can a question from the audience be a turn too?

[00:00:15] Sam Guest: Yes. Labels listed under unnamed in speakers.yml show as they are.
""",
    "content/pages/about.md": "# About\n\nThis archive is built with On Record.\n",
    ".github/workflows/pages.yml": """\
name: Publish the archive
on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - uses: actions/setup-python@v6
        with: {python-version: "3.12", cache: pip}
      - uses: actions/configure-pages@v6
        id: pages
      - run: pip install onrecord
      - run: onrecord check && mkdocs build --strict
        env: {SITE_URL: "${{ steps.pages.outputs.base_url }}/"}  # mkdocs.yml's site_url: the feeds' links
      - uses: actions/upload-pages-artifact@v5
        with: {path: site}
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment: {name: github-pages}
    steps:
      - uses: actions/deploy-pages@v5
""",
    ".gitignore": "site/\n",
}


def create(target: Path) -> int:
    """Write the project; refuses a folder that already has files (nothing is overwritten)."""
    if target.exists() and any(target.iterdir()):
        print(f"{target}: folder is not empty; choose a new or empty folder", file=sys.stderr)
        return 1
    for rel, text in FILES.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"created {target}: run 'cd {target} && mkdocs serve' to preview it")
    return 0
