"""``mkdocs serve`` rebuilds once per change under content/ and never loops."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ARCHIVE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def builds(log: Path) -> int:
    """Builds started so far. (MkDocs' "Documentation built in 0.43 seconds" cannot be counted: its
    logger drops a message identical to the one before, so two builds of equal length log once.)"""
    return log.read_text().count("Building documentation")


def wait_for(predicate: Callable[[], object], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def fetch(url: str) -> str:
    """The body at ``url``, or "" when there is none (404)."""
    try:
        return str(urllib.request.urlopen(url).read().decode())
    except urllib.error.HTTPError:
        return ""


def test_serve_rebuilds_on_content_change_without_looping(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    log = tmp_path / "serve.log"
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        assert wait_for(lambda: builds(log) >= 1 and "Serving on" in log.read_text()), log.read_text()
        time.sleep(3)  # a loop would show as further builds with nothing changed
        settled = builds(log)
        assert settled <= 2, log.read_text()  # at most one rebuild as the watcher starts, never a loop
        with (project / "content/shows/night-lab/untimed.md").open("a") as transcript:
            transcript.write("\nLena Fisk: A sentence added while serving, about quillbacks.\n")
        url = f"http://127.0.0.1:{port}/shows/night-lab/untimed/"
        assert wait_for(lambda: "A sentence added while serving" in urllib.request.urlopen(url).read().decode())
        # The search index follows in the background (generator/preview.py), then is no longer stale.
        bundle = f"http://127.0.0.1:{port}/pagefind/"
        assert wait_for(lambda: "quillbacks" in fetch(bundle + "onrecord-words.txt")), log.read_text()
        assert wait_for(lambda: fetch(bundle + "onrecord-stale") == ""), log.read_text()
        changed = builds(log)
        assert changed - settled in (1, 2), log.read_text()  # one save; under load it may arrive as two events
        time.sleep(3)
        assert builds(log) == changed, log.read_text()  # and then nothing more: no loop
    finally:
        server.terminate()
        server.wait(timeout=10)
