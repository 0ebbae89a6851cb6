"""Linking and sharing in a real browser (Debian's chromium through Playwright): every turn's link
is shown without hovering and is a 24 px target; selecting words in a turn offers "Link to this
quote", which copies the turn's address with a text fragment (#t4:~:text=...)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser
TIDES = "shows/harbour-talk/tides/"

# Select the words `words` of turn `anchor`'s text (the first text node holding them), as a mouse would.
SELECT = """([anchor, words]) => {
  const text = document.getElementById(anchor).closest('.onr-turn').querySelector('.onr-turn-text');
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  }
  return false;
}"""


def turn_words(page: Any, anchor: str) -> str:
    script = "(a) => document.getElementById(a).closest('.onr-turn').querySelector('.onr-turn-text').textContent"
    return str(page.evaluate(script, anchor))


def test_every_turn_link_is_shown_and_24_px_without_hovering(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.mouse.move(0, 0)
    sizes = page.evaluate("""Array.from(document.querySelectorAll('.onr-turn .onr-link'), (a) => {
      const r = a.getBoundingClientRect(), s = getComputedStyle(a);
      return [r.width, r.height, s.opacity, s.visibility, s.display];
    })""")
    assert sizes
    for width, height, opacity, visibility, display in sizes:
        assert width >= 24 and height >= 24
        assert (opacity, visibility) == ("1", "visible") and display != "none"


def test_selecting_words_offers_a_link_to_the_quote(browser: Any, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + TIDES)
    assert page.is_hidden(".onr-quote-link")
    words = " ".join(turn_words(page, "t4").split()[:3])
    assert page.evaluate(SELECT, ["t4", words])
    page.wait_for_selector(".onr-quote-link", state="visible")
    box = page.locator(".onr-quote-link").bounding_box()
    assert box and box["height"] >= 24
    page.click(".onr-quote-link")
    page.wait_for_function("document.querySelector('.onr-toast').textContent.length > 0")
    expected = f"#t4:~:text={quote(words, safe='')}"
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{TIDES}{expected}"
    assert page.url.endswith("#t4")  # the address bar has the turn; Chromium keeps the :~:text= to itself
    assert page.is_hidden(".onr-quote-link")
    context.close()


def test_a_long_quote_is_linked_by_its_first_and_last_words(browser: Any, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + TIDES)
    text = turn_words(page, "t4").split("\n")[0].split()
    assert len(text) > 8
    words = " ".join(text[:10])
    assert page.evaluate(SELECT, ["t4", words])
    page.click(".onr-quote-link")
    page.wait_for_function("document.querySelector('.onr-toast').textContent.length > 0")
    start, end = (quote(" ".join(part), safe="").replace("-", "%2D") for part in (text[:4], text[6:10]))
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"#t4:~:text={start},{end}")
    context.close()


def test_a_selection_outside_the_transcript_offers_nothing(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.evaluate("""() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      getSelection().addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }""")
    page.wait_for_timeout(300)
    assert page.is_hidden(".onr-quote-link")


def test_a_quote_link_opens_at_its_turn(page: Any, site_url: str) -> None:
    words = "ferry schedule"
    page.goto(f"{site_url}{TIDES}#t4:~:text={quote(words)}")
    page.wait_for_function("Math.abs(document.querySelector('.onr-player audio').currentTime - 4) < 0.5")
    assert page.evaluate("document.querySelector('.onr-turn.onr-current h3').id") == "t4"
