"""``mkdocs serve`` rebuilds once per change under content/ and never loops."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ARCHIVE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(predicate: Callable[[], object], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


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
        def builds() -> int:
            return log.read_text().count("Documentation built")

        assert wait_for(lambda: builds() >= 1), log.read_text()
        time.sleep(3)  # a loop would show as further builds with nothing changed
        settled = builds()
        assert settled <= 2, log.read_text()  # at most one rebuild as the watcher starts, never a loop
        with (project / "content/shows/night-lab/untimed.md").open("a") as transcript:
            transcript.write("\nLena Fisk: A sentence added while serving.\n")
        assert wait_for(lambda: builds() == settled + 1), log.read_text()
        time.sleep(3)
        assert builds() == settled + 1, log.read_text()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/shows/night-lab/untimed/").read().decode()
        assert "A sentence added while serving." in page
    finally:
        server.terminate()
        server.wait(timeout=10)
