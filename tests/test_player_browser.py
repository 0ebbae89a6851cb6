"""The player that stays (assets/onrecord/player.js) in a real browser (Debian's chromium through
Playwright), on the fixture archive's timed episode with its 60-second silent WAV: the bar at the
bottom of the window once the audio has been started and the page's own player is out of view, its
controls, the page padded under it, its words in the page's language, and its contrast and axe
findings in light and dark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_accessibility_browser import CONTRAST
from test_i18n import with_strings

pytestmark = pytest.mark.browser
TIDES = "shows/harbour-talk/tides/"
AUDIO = "document.querySelector('.onr-player audio')"
PHONE = {"width": 360, "height": 640}


def bar_shown(page: Any) -> bool:
    return bool(page.evaluate("!document.querySelector('.onr-bar').hidden"))


def ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function(f"{AUDIO}.readyState >= 1 && document.querySelector('.onr-bar')")


def scroll(page: Any, where: str) -> None:
    """Scroll to the top or the bottom and let the IntersectionObserver report it."""
    page.evaluate(f"scrollTo(0, {'0' if where == 'top' else 'document.documentElement.scrollHeight'})")
    page.wait_for_timeout(150)


def seek(page: Any, seconds: float) -> None:
    page.evaluate(f"{AUDIO}.currentTime = {seconds}")
    page.wait_for_function(f"!{AUDIO}.seeking && Math.abs({AUDIO}.currentTime - {seconds}) < 0.3")


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_the_bar_shows_once_listening_and_the_player_is_out_of_view(phone: Any, site_url: str) -> None:
    ready(phone, site_url + TIDES)
    scroll(phone, "bottom")
    assert not bar_shown(phone)  # nobody has listened yet: reading is left alone
    scroll(phone, "top")
    phone.evaluate(f"{AUDIO}.play()")
    phone.wait_for_function(f"!{AUDIO}.paused")
    phone.wait_for_timeout(150)
    assert not bar_shown(phone)  # the page's own player is in view
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    assert phone.evaluate("document.documentElement.classList.contains('onr-bar-open')")
    assert phone.evaluate("getComputedStyle(document.querySelector('.onr-bar')).animationName") == "onr-bar-in"
    scroll(phone, "top")
    phone.wait_for_function("document.querySelector('.onr-bar').hidden")
    assert not phone.evaluate("document.documentElement.classList.contains('onr-bar-open')")


def test_a_paused_audio_keeps_its_bar_and_a_timestamp_brings_it(phone: Any, site_url: str) -> None:
    ready(phone, site_url + TIDES)
    phone.click("#t20 a.onr-time")  # plays from there, and the page moves down to the turn
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    phone.locator(".onr-bar").get_by_role("button", name="Pause").click()
    assert phone.evaluate(f"{AUDIO}.paused")
    phone.wait_for_timeout(150)
    assert bar_shown(phone)  # paused, it is still the way to resume


def test_the_bar_does_not_cover_the_end_of_the_page(phone: Any, site_url: str) -> None:
    ready(phone, f"{site_url}{TIDES}#t=20")  # a moment: the audio is cued, so the bar may show
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    bar_top = phone.evaluate("document.querySelector('.onr-bar').getBoundingClientRect().top")
    last_turn = phone.evaluate("document.querySelector('.onr-turn:last-child').getBoundingClientRect().bottom")
    footer = phone.evaluate("document.querySelector('.md-footer').getBoundingClientRect().bottom")
    assert last_turn <= bar_top and footer <= bar_top + 1


def test_play_pause_skip_and_speed(phone: Any, site_url: str) -> None:
    ready(phone, f"{site_url}{TIDES}#t=20")
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    bar = phone.locator(".onr-bar")
    bar.get_by_role("button", name="Play").click()
    phone.wait_for_function(f"!{AUDIO}.paused")
    assert bar.get_by_role("button", name="Play").count() == 0
    bar.get_by_role("button", name="Pause").click()
    phone.wait_for_function(f"{AUDIO}.paused")
    seek(phone, 20)
    bar.get_by_role("button", name="Forward 15 seconds").click()
    phone.wait_for_function(f"Math.abs({AUDIO}.currentTime - 35) < 0.3")
    bar.get_by_role("button", name="Back 15 seconds").click()
    bar.get_by_role("button", name="Back 15 seconds").click()
    phone.wait_for_function(f"Math.abs({AUDIO}.currentTime - 5) < 0.3")
    bar.get_by_role("button", name="Back 15 seconds").click()
    phone.wait_for_function(f"{AUDIO}.currentTime === 0")  # not before the start
    assert bar.locator(".onr-bar-clock").inner_text() == "00:00 / 01:00"
    speed = bar.get_by_label("Playback speed")
    assert speed.evaluate("s => [...s.options].map(o => o.value)") == ["0.75", "1", "1.25", "1.5", "1.75", "2"]
    speed.select_option("1.5")
    assert phone.evaluate(f"{AUDIO}.playbackRate") == 1.5
    phone.evaluate(f"{AUDIO}.playbackRate = 0.75")  # as the native player's own menu does
    phone.wait_for_function("document.querySelector('.onr-bar select').value === '0.75'")
    phone.evaluate(f"{AUDIO}.playbackRate = 0.5")  # a speed the bar does not offer is shown as it is
    phone.wait_for_function("document.querySelector('.onr-bar select').value === '0.5'")


def test_the_speaker_follows_the_current_turn(phone: Any, site_url: str) -> None:
    ready(phone, f"{site_url}{TIDES}#t=1")
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    who = "document.querySelector('.onr-bar-who').textContent"
    for seconds, name in ((1, "Inès Moreau"), (5, "Tom Okafor"), (16, "Inès Moreau"), (22, "Q"), (31, "Tom Okafor")):
        seek(phone, seconds)
        phone.wait_for_function(f"{who} === {name!r}")
    assert phone.locator(".onr-bar .onr-key").evaluate("k => k.className") == \
        phone.locator(".onr-turn.onr-current").evaluate("t => 'onr-key ' + [...t.classList].find(c => /^onr-s/.test(c))")


def test_back_to_the_current_turn_scrolls_and_focuses_its_timestamp(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 420}, reduced_motion="reduce")
    page = context.new_page()
    ready(page, f"{site_url}{TIDES}#t=5")
    scroll(page, "bottom")
    page.wait_for_function("!document.querySelector('.onr-bar').hidden")
    in_view = "(() => { const r = document.getElementById('t4').getBoundingClientRect();" \
              " return r.top >= 0 && r.bottom <= document.querySelector('.onr-bar').getBoundingClientRect().top; })()"
    assert not page.evaluate(in_view)
    page.locator(".onr-bar").get_by_role("button", name="Back to the current turn").click()
    page.wait_for_function(in_view)
    assert page.evaluate("document.activeElement === document.querySelector('#t4 a.onr-time')")
    assert page.evaluate("getComputedStyle(document.querySelector('.onr-bar')).animationName") == "none"  # no slide-in
    context.close()


def test_keyboard_focus_in_the_bar_keeps_it_shown_and_ringed(phone: Any, site_url: str) -> None:
    ready(phone, f"{site_url}{TIDES}#t=20")
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    phone.focus(".onr-transcript .onr-turn:last-child .onr-link")
    phone.keyboard.press("Tab")
    while not phone.evaluate("!!document.activeElement.closest('.onr-bar')"):
        phone.keyboard.press("Tab")
    ring = phone.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    scroll(phone, "top")
    assert bar_shown(phone)  # the control with focus does not vanish under it
    phone.evaluate("document.activeElement.blur()")
    phone.wait_for_function("document.querySelector('.onr-bar').hidden")


def test_every_control_is_a_24_px_target_and_fits_a_phone(phone: Any, site_url: str) -> None:
    ready(phone, f"{site_url}{TIDES}#t=20")
    scroll(phone, "bottom")
    phone.wait_for_function("!document.querySelector('.onr-bar').hidden")
    sizes = phone.eval_on_selector_all(".onr-bar button, .onr-bar select",
                                       "els => els.map(e => { const r = e.getBoundingClientRect();"
                                       " return [r.width, r.height, r.left, r.right]; })")
    assert len(sizes) == 5
    assert all(w >= 24 and h >= 24 and left >= 0 and right <= 360 for w, h, left, right in sizes)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sticks out sideways
    assert phone.evaluate("document.querySelector('.onr-bar').getBoundingClientRect().height") < 80


def test_no_bar_without_audio(page: Any, site_url: str) -> None:
    for path in ("shows/night-lab/stars/", "shows/night-lab/untimed/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.locator(".onr-player audio").count() == 0
        assert page.locator(".onr-bar").count() == 0
        assert page.locator("script[src$='player.js']").count() == 0


def test_the_bar_speaks_the_pages_language(phone: Any, site_url: str) -> None:
    with_strings(phone, f"{site_url}{TIDES}", "es")
    ready(phone, f"{site_url}{TIDES}")
    bar = phone.locator(".onr-bar")
    assert bar.get_attribute("aria-label") == "Reproductor de audio"
    names = bar.locator("button").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label') || b.textContent)")
    assert names == ["Reproducir", "Retroceder 15 segundos", "Avanzar 15 segundos", "Volver a la intervención actual"]
    assert bar.locator("select option").all_inner_texts()[0] == "0,75×"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bar_reaches_aa_contrast_and_axe_finds_nothing_serious(browser: Any, site_url: str, artifacts: Path,
                                                                   scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 500})
    page = context.new_page()
    ready(page, f"{site_url}{TIDES}#t=20")
    scroll(page, "bottom")
    page.wait_for_function("!document.querySelector('.onr-bar').hidden")
    page.wait_for_timeout(300)  # the slide-in is over
    low = [(r["element"], r["text"], round(r["ratio"], 2)) for r in page.evaluate(CONTRAST) if r["ratio"] < r["needed"]]
    assert low == []
    assert page.locator(".onr-bar-turn .onr-bar-label").is_visible()  # words beside the icon on a wide window
    results = Axe().run(page, context=".onr-bar").response
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    assert "color-contrast" in {v["id"] for v in results["passes"]}
    page.screenshot(path=str(artifacts / f"player-{scheme}.png"))
    context.close()
