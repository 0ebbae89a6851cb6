"""``onrecord new DIR``: a new archive project that builds with ``mkdocs build`` and publishes itself
to GitHub Pages from its own repository.

The project's workflow installs On Record from ``requirements.txt``, which pins this version as a git
tag of On Record's repository (``onrecord @ git+<Source>@v<version>``: the ``Source`` URL and version
in the installed package's metadata, from pyproject.toml and generator/__init__.py). A release is that
tag (README: "Releases"), so the pin resolves; pip's cache (setup-python ``cache: pip``) is keyed on
that file (it holds the dependencies' wheels; pip builds On Record itself from the tag each run, as it
caches wheels built from a git URL only when the URL names a commit). The workflow also hands the
Pages address (a custom domain once one is set) to MkDocs as ``SITE_URL``, which ``mkdocs.yml`` reads
into ``site_url``.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from . import __version__

MKDOCS_YML = """\
site_name: My Archive
# The published address: canonical links, the sitemap, feeds and structured data need it. The Pages
# workflow sets SITE_URL (your custom domain once one is set); a local build uses the preview address.
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
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
# Builds the archive and publishes it to GitHub Pages (Settings > Pages > Source: GitHub Actions).
name: Publish the archive
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
          cache: pip
          cache-dependency-path: requirements.txt
      - id: pages
        uses: actions/configure-pages@v6
      - run: pip install -r requirements.txt
      - uses: actions/cache@v5  # the build cache: the next build reads and indexes only what changed
        with:
          path: .onrecord-cache
          key: onrecord-${{ github.sha }}
          restore-keys: onrecord-
      - run: onrecord check && mkdocs build --strict
        env:
          SITE_URL: ${{ steps.pages.outputs.base_url }}/
      - uses: actions/upload-pages-artifact@v5
        with:
          path: site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
""",
    ".gitignore": "site/\n.onrecord-cache/\n",
}


def source() -> str:
    """On Record's repository: ``[project.urls] Source`` in pyproject.toml, as installed."""
    for entry in metadata.metadata("onrecord").get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip() == "Source":
            return url.strip()
    raise LookupError("pyproject.toml names no [project.urls] Source")


def requirement() -> str:
    """This version of On Record as a pip requirement: its release tag in its repository."""
    return f"onrecord @ git+{source()}@v{__version__}"


def files() -> dict[str, str]:
    """Every file of a new project, by its path in it."""
    pin = (f"# On Record {__version__}, pinned to its release tag. To upgrade, change the tag to a newer\n"
           f"# release's: the workflow installs what this file says.\n{requirement()}\n")
    return {**FILES, "requirements.txt": pin}


def create(target: Path) -> int:
    """Write the project; refuses a folder that already has files (nothing is overwritten)."""
    if target.exists() and any(target.iterdir()):
        print(f"{target}: folder is not empty; choose a new or empty folder", file=sys.stderr)
        return 1
    for rel, text in files().items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"created {target}: run 'cd {target} && mkdocs serve' to preview it")
    return 0
