"""An episode of who spoke when only (an RTTM alone, tests/test_rttm.py) in a real browser: axe
finds nothing serious on its page, and a strip segment leads to its row of the table of turns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_rttm import copy_panel

from conftest import mkdocs_build, serve

pytestmark = pytest.mark.browser
MEETING = "shows/panel/2024-03-03-meeting/"


@pytest.fixture(scope="module")
def panel_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_panel(tmp_path_factory.mktemp("rttm"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def test_axe_finds_nothing_serious_on_the_rttm_alone_page(page: Any, panel_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(panel_url + MEETING)
    results = Axe().run(page).response
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_a_strip_segment_leads_to_its_row(page: Any, panel_url: str, artifacts: Path) -> None:
    page.goto(panel_url + MEETING)
    page.locator('.onr-strip a[href="#t30"]').click()
    assert page.evaluate("location.hash") == "#t30"
    row = page.locator("tr#t30")
    assert row.is_visible() and row.inner_text().split() == ["00:30", "00:40", "spk01"]
    page.screenshot(path=str(artifacts / "rttm-alone.png"), full_page=True)
