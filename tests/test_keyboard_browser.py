"""The episode page from the keyboard, in a real browser (Debian's chromium through Playwright):
one Tab stop per turn, ←/→ to the turn's other controls (speaker, time, link, Cite), j/k and ↓/↑ from turn to turn, space to
play or pause, ? for the list of keys, and focus kept on a timestamp that was activated. The focus
rings' contrast is measured in test_accessibility_browser.py, in light and dark."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser
# Open: a popover in the top layer (not a <dialog> given showModal(), which takes most of a second to
# open on a 2,000-turn page), announced as a dialog that holds the reader (aria-modal).
OPEN = "d => d.matches(':popover-open') && d.getAttribute('role') === 'dialog' && d.getAttribute('aria-modal') === 'true'"
TIDES = "shows/harbour-talk/tides/"  # five timed turns, with audio
UNTIMED = "shows/night-lab/untimed/"  # no times, no audio

FOCUSED = """(() => { const a = document.activeElement;
  return [a.closest('.onr-turn-head')?.id ?? null, a.classList[0] || a.tagName.toLowerCase()]; })()"""
PAUSED = "document.querySelector('.onr-player audio').paused"


def focused(page: Any) -> tuple[str | None, str]:
    anchor, what = page.evaluate(FOCUSED)
    return anchor, what


def anchors(page: Any) -> list[str]:
    return list(page.eval_on_selector_all(".onr-turn-head", "hs => hs.map(h => h.id)"))


def tab_through_the_transcript(page: Any) -> list[tuple[str | None, str]]:
    """Every stop Tab makes from the control before the first turn to the first one after the last."""
    page.focus("form.onr-find button[data-find='next']")
    stops: list[tuple[str | None, str]] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        anchor, what = focused(page)
        if anchor is None:
            break
        stops.append((anchor, what))
    return stops


def test_a_timed_turn_is_one_tab_stop_its_time(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    assert tab_through_the_transcript(page) == [(anchor, "onr-time") for anchor in anchors(page)]
    page.keyboard.press("Shift+Tab")  # and back, as many
    assert focused(page) == (anchors(page)[-1], "onr-time")


def test_an_untimed_turn_is_one_tab_stop_its_link(page: Any, site_url: str) -> None:
    page.goto(site_url + UNTIMED)
    assert tab_through_the_transcript(page) == [(anchor, "onr-link") for anchor in anchors(page)]


def test_without_javascript_every_link_of_a_turn_is_a_tab_stop(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TIDES)
    page.focus("#t0 a.onr-who")
    stops = [focused(page)]
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops == [("t0", "onr-who"), ("t0", "onr-time"), ("t0", "onr-link")]
    assert page.locator("button.onr-cite").count() == 0  # Cite is made by cite.js
    context.close()


def test_left_and_right_reach_the_other_controls_of_a_turn(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t4 a.onr-time")
    seen = []
    for key in ["ArrowLeft", "ArrowLeft", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"]:
        page.keyboard.press(key)
        seen.append(focused(page))
    assert seen == [("t4", "onr-who"), ("t4", "onr-who"), ("t4", "onr-time"), ("t4", "onr-link"),
                    ("t4", "onr-cite"), ("t4", "onr-cite")]  # Cite (cite.js) last: tests/test_cite_browser.py
    page.keyboard.press("ArrowDown")  # from Cite too, to the next turn
    assert focused(page) == ("t15", "onr-time")
    page.focus("#t4 a.onr-link")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")  # the speaker's link still works
    page.wait_for_url("**/speakers/tom-okafor/")


def test_the_link_control_of_an_untimed_turn_reaches_its_speaker(page: Any, site_url: str) -> None:
    page.goto(site_url + UNTIMED)
    page.focus("#p1 a.onr-link")
    page.keyboard.press("ArrowRight")
    assert focused(page) == ("p1", "onr-cite")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert focused(page) == ("p1", "onr-who")


def test_j_and_k_and_the_arrows_move_from_turn_to_turn(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    ids = anchors(page)
    seen = []
    for key in ["j", "j", "j", "k", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp"]:
        page.keyboard.press(key)
        seen.append(focused(page))
    expected = [ids[0], ids[1], ids[2], ids[1], ids[2], ids[3], ids[4], ids[3]]
    assert seen == [(anchor, "onr-time") for anchor in expected]
    page.focus("#t4 a.onr-who")  # from any control of a turn
    page.keyboard.press("ArrowDown")
    assert focused(page) == ("t15", "onr-time")


def test_j_brings_the_turn_into_view_below_the_player(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 900, "height": 420})
    page.goto(site_url + TIDES)
    for _ in range(5):
        page.keyboard.press("j")
        box = page.evaluate("""(() => { const h = document.activeElement.closest('.onr-turn-head').getBoundingClientRect();
          return [h.top, h.bottom, document.querySelector('.onr-player').getBoundingClientRect().bottom]; })()""")
        top, bottom, player = box
        assert player <= top and bottom <= 420, (focused(page), box)


def test_j_starts_from_the_first_turn_on_screen(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 900, "height": 420})
    page.goto(site_url + TIDES)
    page.evaluate("document.body.style.paddingBottom = '2000px'")  # room to scroll t20 to the top
    page.evaluate("document.getElementById('t20').scrollIntoView({block: 'start'})")  # under the player (scroll-margin-top)
    page.keyboard.press("j")
    assert focused(page) == ("t20", "onr-time")
    page.evaluate("document.getElementById('t20').scrollIntoView({block: 'start'})")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("k")  # the turn before it: the start of the one being read, above
    assert focused(page) == ("t15", "onr-time")


def test_keys_with_a_modifier_or_in_a_text_field_do_nothing(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t4 a.onr-time")
    for key in ["Control+j", "Alt+k", "Meta+j", "Alt+ArrowDown", "Control+ArrowLeft"]:
        page.keyboard.press(key)
        assert focused(page) == ("t4", "onr-time"), key
    page.focus("#onr-find-input")
    page.keyboard.type("jk?")
    assert page.evaluate("document.activeElement.id") == "onr-find-input"
    assert page.input_value("#onr-find-input") == "jk?"
    assert page.locator(".onr-keys:popover-open").count() == 0


def test_space_plays_and_pauses_the_audio(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    assert page.evaluate(PAUSED)
    page.keyboard.press("Space")  # focus on the page itself
    page.wait_for_function(f"!{PAUSED}")
    page.focus("#t15 a.onr-time")  # or on a turn
    page.keyboard.press("Space")
    page.wait_for_function(PAUSED)
    assert focused(page) == ("t15", "onr-time")


def test_space_in_the_find_box_or_on_a_button_is_theirs(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#onr-find-input")
    page.keyboard.type("night ferry")
    assert page.input_value("#onr-find-input") == "night ferry"
    page.focus("form.onr-find button[data-find='next']")
    page.keyboard.press("Space")  # the button's own: the next match
    page.focus(".onr-follow input")
    page.keyboard.press("Space")  # the checkbox's own
    assert page.is_checked(".onr-follow input")
    page.wait_for_timeout(300)
    assert page.evaluate(PAUSED)


def test_space_scrolls_a_page_without_audio(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 900, "height": 300})
    page.goto(site_url + UNTIMED)
    page.keyboard.press("Space")
    page.wait_for_function("scrollY > 100")


def test_question_mark_lists_the_keys_and_escape_gives_focus_back(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t15 a.onr-time")
    page.keyboard.press("?")
    dialog = page.locator(".onr-keys")
    assert dialog.evaluate(OPEN)
    assert page.evaluate("document.activeElement.closest('.onr-keys') !== null")
    text = dialog.inner_text()
    for words in ["Keyboard shortcuts", "Next turn", "Previous turn", "Play or pause", "Close"]:
        assert words in text
    assert page.evaluate("document.getElementById(document.querySelector('.onr-keys')"
                         ".getAttribute('aria-labelledby')).textContent") == "Keyboard shortcuts"
    page.keyboard.press("j")  # the page's keys rest while the list is open
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.matches(':popover-open')")
    assert focused(page) == ("t15", "onr-time")
    page.keyboard.press("?")  # again, closed with its button this time
    page.keyboard.press("Enter")
    assert not dialog.evaluate("d => d.matches(':popover-open')")
    assert focused(page) == ("t15", "onr-time")


def test_tab_stays_in_the_list_of_keys_and_a_click_outside_closes_it(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t20 a.onr-time")
    page.keyboard.press("?")
    for key in ("Tab", "Shift+Tab"):  # its one control, Close, keeps focus (the WAI-ARIA APG's dialog)
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.matches('.onr-keys button')"), key
    page.mouse.click(2, 2)  # on the backdrop
    assert not page.locator(".onr-keys").evaluate("d => d.matches(':popover-open')")
    assert focused(page) == ("t20", "onr-time")
    page.keyboard.press("j")  # the page's keys are back
    assert focused(page) == ("t30", "onr-time")


def test_the_list_of_keys_leaves_out_the_audio_keys_without_audio(page: Any, site_url: str) -> None:
    page.goto(site_url + UNTIMED)
    page.keyboard.press("?")
    text = page.locator(".onr-keys").inner_text()
    assert "Next turn" in text and "Play or pause" not in text


def test_focus_stays_on_an_activated_timestamp(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t20 a.onr-time")
    page.keyboard.press("Enter")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 20) < 0.5")
    page.wait_for_function(f"!{PAUSED}")
    assert page.url.endswith("#t20")
    assert focused(page) == ("t20", "onr-time")
    page.keyboard.press("j")  # and the keys go on from there
    assert focused(page) == ("t30", "onr-time")


def test_a_screen_reader_hears_who_speaks_on_a_turns_stop(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.keyboard.press("j")
    page.keyboard.press("j")
    described = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent")
    assert described == "Tom Okafor"
