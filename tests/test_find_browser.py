"""Find in this transcript (assets/onrecord/find.js) in a real browser (Debian's chromium through
Playwright): hidden without JavaScript, counting case-insensitive matches in the turns' text only,
stepping with Enter, Shift+Enter and the buttons, and Escape restoring the transcript exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
TIDES = "shows/harbour-talk/tides/"
COUNT = ".onr-find-count"
CURRENT = "Array.from(document.querySelectorAll('mark.onr-find')).indexOf(document.querySelector('mark.onr-find-current'))"


def find(page: Any, text: str) -> None:
    page.fill("#onr-find-input", text)
    page.wait_for_function(f"document.querySelector('{COUNT}').dataset.query === {text!r}")


def test_the_box_is_hidden_without_javascript(built_site: Path, browser: Any, site_url: str) -> None:
    html = (built_site / TIDES / "index.html").read_text(encoding="utf-8")
    assert '<form class="onr-find" role="search"' in html
    assert 'aria-label="Find in this transcript" hidden>' in html
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TIDES)
    assert page.locator("form.onr-find").count() == 1 and not page.is_visible("form.onr-find")
    context.close()


def test_the_box_is_shown_with_javascript(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.wait_for_selector("form.onr-find", state="visible")
    assert page.is_visible("#onr-find-input")


def test_typing_counts_the_matches_in_the_turns_text_only(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    find(page, "FERRY")  # "ferry schedule", "night ferry" twice; case-insensitive
    assert page.text_content(COUNT) == "1 of 3"
    assert page.eval_on_selector_all("mark.onr-find", "ms => ms.map(m => m.textContent)") == ["ferry", "ferry", "ferry"]
    assert page.eval_on_selector_all("mark.onr-find", "ms => ms.every(m => m.closest('.onr-turn-text'))")
    assert page.eval_on_selector_all("mark.onr-find", "ms => ms.every(m => getComputedStyle(m).display === 'inline')")
    find(page, "Tom Okafor")  # a speaker's name is in the headings, not the text
    assert page.text_content(COUNT) == "No matches"
    assert page.locator("mark.onr-find").count() == 0


def test_next_and_previous_move_the_current_match(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    find(page, "ferry")
    assert page.evaluate(CURRENT) == 0
    page.click("button[data-find=next]")
    assert page.evaluate(CURRENT) == 1 and page.text_content(COUNT) == "2 of 3"
    page.press("#onr-find-input", "Enter")
    assert page.evaluate(CURRENT) == 2 and page.text_content(COUNT) == "3 of 3"
    page.press("#onr-find-input", "Enter")  # wraps round
    assert page.evaluate(CURRENT) == 0
    page.press("#onr-find-input", "Shift+Enter")
    assert page.evaluate(CURRENT) == 2
    page.click("button[data-find=previous]")
    assert page.evaluate(CURRENT) == 1 and page.locator("mark.onr-find-current").count() == 1


def test_escape_clears_the_marks_and_restores_the_text_exactly(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.keyboard.press("Shift")  # the first key press sets the turns' Tab order (episode.js): before the snapshot
    before = page.inner_html(".onr-transcript")
    find(page, "e")
    assert page.locator("mark.onr-find").count() > 10
    page.press("#onr-find-input", "Escape")
    assert page.locator("mark.onr-find").count() == 0
    assert page.input_value("#onr-find-input") == "" and page.text_content(COUNT) == ""
    assert page.inner_html(".onr-transcript") == before
    assert page.evaluate("(() => { const w = document.createTreeWalker(document.querySelector('.onr-transcript'), 4);"
                         " for (let n = w.nextNode(); n; n = w.nextNode())"
                         " if (n.previousSibling && n.previousSibling.nodeType === 3) return false; return true; })()")


def test_a_query_is_text_not_a_pattern(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    find(page, "[the council]")
    assert page.text_content(COUNT) == "1 of 1"
    find(page, ".*")
    assert page.text_content(COUNT) == "No matches"


def test_matches_are_found_whatever_their_case_and_accents(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    text = "Her Résumé, her re\u0301sume\u0301 (decomposed) and a RESUME at the café: naïve 🙂 resume."
    page.eval_on_selector(".onr-turn-text", "(node, text) => { node.textContent = text; }", text)
    find(page, "resume")
    marks = page.eval_on_selector_all("mark.onr-find", "ms => ms.map(m => m.textContent)")
    assert marks == ["Résumé", "re\u0301sume\u0301", "RESUME", "resume"]  # each mark the text's own characters
    find(page, "CAFÉ")
    assert page.eval_on_selector_all("mark.onr-find", "ms => ms.map(m => m.textContent)") == ["café"]
    find(page, "naive 🙂 resume")
    assert page.eval_on_selector_all("mark.onr-find", "ms => ms.map(m => m.textContent)") == ["naïve 🙂 resume"]
    page.press("#onr-find-input", "Escape")
    assert page.eval_on_selector(".onr-turn-text", "node => node.textContent") == text
