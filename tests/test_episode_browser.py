"""The episode page in a real browser (Debian's chromium through Playwright): seeking from
timestamps, #t= deep links, the who-spoke-when strip, copying a turn's link, the page without
JavaScript, accessibility (axe-core), and screenshots in light and dark for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
TIDES = "shows/harbour-talk/tides/"


def current_time(page: Any) -> float:
    page.wait_for_function("document.querySelector('.onr-player audio').readyState >= 1")
    return float(page.evaluate("document.querySelector('.onr-player audio').currentTime"))


def test_clicking_a_timestamp_seeks_the_audio_there(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.click("#t15 a.onr-time")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 15) < 0.5")
    assert page.url.endswith("#t15")
    assert page.evaluate("document.querySelector('.onr-turn.onr-current h3').id") == "t15"


@pytest.mark.parametrize("fragment", ["t=20", "t=0:20", "t=00:00:20"])
def test_a_time_in_the_url_seeks_on_load(page: Any, site_url: str, fragment: str) -> None:
    page.goto(f"{site_url}{TIDES}#{fragment}")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 20) < 0.5")
    assert page.evaluate("document.querySelector('.onr-turn.onr-current h3').id") == "t20"


def test_a_turn_anchor_seeks_on_load(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}{TIDES}#t30")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 30) < 0.5")


def test_clicking_a_strip_segment_brings_its_turn_into_view(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 900, "height": 500})
    page.goto(site_url + TIDES)
    assert not page.is_visible("#t30") or page.evaluate("document.getElementById('t30').getBoundingClientRect().top > 500")
    page.click(".onr-strip a[href='#t30']", force=True)
    page.wait_for_function("(() => { const r = document.getElementById('t30').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; })()")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 30) < 0.5")


def test_link_to_this_moment_is_copied(browser: Any, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + TIDES)
    page.hover("#t4")
    page.click("#t4 a.onr-link")
    page.wait_for_function("document.querySelector('.onr-toast').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{TIDES}#t4"
    assert page.url.endswith("#t4")
    context.close()


def test_without_javascript_the_page_reads_and_links_work(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TIDES)
    assert "ferry schedule by forty minutes" in page.inner_text(".onr-transcript")
    page.click("#t30 a.onr-time")
    assert page.url.endswith("#t30")
    assert page.get_attribute(".onr-strip a[href='#t15']", "href") == "#t15"
    context.close()


@pytest.mark.parametrize("path", [TIDES, "speakers/ines-moreau/", "speakers/", "shows/harbour-talk/", "search/?q=ferry", ""])
def test_no_serious_accessibility_violations(page: Any, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_review(browser: Any, site_url: str, artifacts: Path, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(site_url + TIDES)
    page.wait_for_load_state("networkidle")
    shot = artifacts / f"episode-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    context.close()
    assert shot.stat().st_size > 10_000


def test_the_skip_link_shows_on_focus_and_reaches_the_transcript(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/shows/night-lab/stars/")
    box = "e => [getComputedStyle(e).clipPath, e.getBoundingClientRect().width > 1]"
    assert page.locator(".onr-skip").evaluate(box) == ["inset(50%)", False]  # hidden until focused
    page.locator(".onr-skip a").focus()
    assert page.locator(".onr-skip").evaluate(box) == ["none", True]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#transcript"
