"""``mkdocs serve`` survives broken content: a bad file drops its page with a warning, and anything
unexpected while reading the archive keeps the last good site up until the content is fixed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from test_serve import builds, free_port, wait_for

from conftest import ARCHIVE

# MkDocs with archive.build failing while content/.fail exists: an unexpected exception
# on demand, whatever the readers catch by then. (Names starting with "." are never read, but the
# watcher sees them appear, so creating or removing the marker triggers a rebuild.)
FAILING_SERVE = """
import sys
import generator.archive as archive
from mkdocs.__main__ import cli

real_build = archive.build

def build(content, **options):
    if (content / ".fail").exists():
        raise RuntimeError("injected failure while reading the archive")
    return real_build(content, **options)

archive.build = build
sys.argv[0] = "mkdocs"
cli()
"""
EPISODE = "shows/night-lab/untimed/"
OTHER = "shows/night-lab/stars/"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def serving(project: Path, log: Path) -> Iterator[tuple[str, Callable[[], int]]]:
    """``mkdocs serve`` of ``project`` on a free loopback port; yields its URL and a build counter."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", FAILING_SERVE, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        yield f"http://127.0.0.1:{port}/", lambda: builds(log)
    finally:
        server.terminate()
        server.wait(timeout=10)


def settle(builds: Callable[[], int], log: Path) -> int:
    """Wait for the first build and for the watcher to start; returns the number of builds."""
    assert wait_for(lambda: builds() >= 1 and "Serving on" in log.read_text()), log.read_text()
    wait_for(lambda: False, timeout=3)  # the watcher may rebuild once as it starts
    return builds()


def test_a_file_with_bad_front_matter_drops_its_page_while_serving(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    transcript = project / "content/shows/night-lab/untimed.md"
    good = transcript.read_text()
    log = tmp_path / "serve.log"
    with serving(project, log) as (url, builds):
        settled = settle(builds, log)
        assert status(url + EPISODE) == 200
        transcript.write_text(good.replace("title: Untimed Notes", "title: [Untimed Notes"))
        # One save may reach the watcher as two events under load: wait for outcomes, not counts.
        assert wait_for(lambda: builds() > settled), log.read_text()
        assert wait_for(lambda: "untimed.md:3: not valid YAML" in log.read_text()), log.read_text()
        assert wait_for(lambda: status(url + EPISODE) == 404), log.read_text()  # left out, as in a build
        assert status(url) == 200 and status(url + OTHER) == 200
        transcript.write_text(good)
        assert wait_for(lambda: status(url + EPISODE) == 200), log.read_text()


def test_an_unexpected_error_keeps_the_last_good_site_while_serving(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    marker = project / "content" / ".fail"
    log = tmp_path / "serve.log"
    with serving(project, log) as (url, builds):
        settled = settle(builds, log)
        marker.write_text("")
        assert wait_for(lambda: "injected failure" in log.read_text()), log.read_text()
        assert wait_for(lambda: builds() > settled), log.read_text()
        assert wait_for(lambda: "serving the last good pages" in log.read_text()), log.read_text()
        assert "RuntimeError: injected failure while reading the archive" in log.read_text()
        assert "serving the last good pages" in log.read_text()
        for page in ("", EPISODE, OTHER, "speakers/lena-fisk/"):
            assert status(url + page) == 200, page
        # Fixed: the next change rebuilds the archive as it now is.
        marker.unlink()
        (project / "content/shows/night-lab/untimed.md").open("a").write("\nLena Fisk: Added after the fix.\n")
        assert wait_for(lambda: "Added after the fix." in urllib.request.urlopen(url + EPISODE, timeout=10).read().decode())


def test_serve_starts_even_when_the_archive_cannot_be_read(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    marker = project / "content" / ".fail"
    marker.write_text("")
    log = tmp_path / "serve.log"
    with serving(project, log) as (url, builds):
        settled = settle(builds, log)
        assert "injected failure" in log.read_text()
        assert status(url + "about/") == 200  # the hand-written pages are served meanwhile
        marker.unlink()
        assert wait_for(lambda: builds() > settled), log.read_text()
        assert wait_for(lambda: status(url + EPISODE) == 200), log.read_text()


def test_an_unexpected_error_stops_a_build_with_a_clear_message(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    (project / "content" / ".fail").write_text("")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", FAILING_SERVE, "build"], cwd=project, env=env,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    # What failed, and the innermost line of On Record's code on the way (here incremental.py's call).
    assert "On Record could not read" in result.stderr
    assert "(RuntimeError: injected failure while reading the archive, at incremental.py:" in result.stderr
    assert "Traceback" not in result.stderr
