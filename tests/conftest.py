"""Shared fixtures: the fixture archive, a built copy of it, a local web server, a browser.

Browser tests drive Debian's chromium (``/usr/bin/chromium``, installed by ``make test``) through
Playwright's Python package; no browser is ever downloaded. Without chromium they fail loudly.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import wave
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ARCHIVE = FIXTURES / "archive"
CHROMIUM = os.environ.get("ONRECORD_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
AUDIO = ARCHIVE / "content/shows/harbour-talk/2023/tides.wav"


def silent_wav(path: Path, seconds: float, rate: int = 8000) -> None:
    """A silent mono WAV: the fixture episode's audio, made by the tests (not committed)."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * int(seconds * rate))


if not AUDIO.exists():  # generated test data, ignored by git
    silent_wav(AUDIO, 60)


def fixture_project(tmp_path: Path, options: str = "", site_url: bool = True) -> Path:
    """A copy of the fixture archive in ``tmp_path/archive``: search off, the plugin's ``options``
    added (lines of YAML), and without ``site_url`` when asked."""
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project, ignore=shutil.ignore_patterns("site"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - onrecord", "  - onrecord:\n      search: false" + options)
    if not site_url:
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("site_url:"))
    config.write_text(text, encoding="utf-8")
    return project


def mkdocs_build(project: Path, *extra: str, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` (or not) in ``project``, with its output captured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *extra],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


#: The address the demo is published at in tests that need one (its mkdocs.yml reads ``SITE_URL``).
DEMO_URL = "https://archive.example.org/demo/"


@pytest.fixture(scope="session")
def published_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive built as the Pages workflow builds it: ``SITE_URL`` is :data:`DEMO_URL`."""
    site = tmp_path_factory.mktemp("published-demo") / "site"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", DEMO_URL)
        result = mkdocs_build(Path(__file__).parent.parent, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def archive_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the fixture archive that session fixtures may add files to."""
    target = tmp_path_factory.mktemp("fixture") / "archive"
    shutil.copytree(ARCHIVE, target)
    return target


@pytest.fixture(scope="session")
def built_site(archive_copy: Path) -> Path:
    result = mkdocs_build(archive_copy)
    assert result.returncode == 0, result.stderr
    return archive_copy / "site"


class _Quiet(SimpleHTTPRequestHandler):
    """A static server that, like GitHub Pages, answers byte ranges: without them a browser
    cannot seek in audio, and Python's own server has none."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            super().do_GET()
            return
        data = path.read_bytes()
        first = int(match[1])
        last = min(int(match[2]) if match[2] else len(data) - 1, len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {first}-{last}/{len(data)}")
        self.send_header("Content-Length", str(last - first + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.wfile.write(data[first:last + 1])


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closing early is not an error
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``root`` on a free loopback port; returns the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), "
                    "as make test does; browser tests never download a browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--autoplay-policy=no-user-gesture-required"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave screenshots (not committed; look at them)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
