"""Word-level follow-along in a real browser (Debian's chromium through Playwright): playing marks
the word being spoken, a click on a word plays from it, and selecting text, find-in-transcript and
a search's marks still work; a page without word times does not load words.js. The archive is
tests/test_words.py's: WhisperX with word times, and the same speech without."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_words import built

from conftest import serve

pytestmark = pytest.mark.browser
FERRY = "shows/radio/ferry/"
AUDIO = "document.querySelector('.onr-player audio')"
#: The text of the word marked now ("" for none).
MARKED = """(() => {
  const marks = CSS.highlights.get('onr-word-now');
  return marks ? [...marks].map(r => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset);
    x.setEnd(r.endContainer, r.endOffset); return x.toString(); }).join('|') : null;
})()"""
#: Where a word of a turn is on screen, its turn scrolled into view: the middle of the first
#: occurrence of `word` in turn `anchor`'s text, and its left and right edges.
WHERE = """([anchor, word]) => {
  const text = document.getElementById(anchor).closest('.onr-turn').querySelector('.onr-turn-text');
  text.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + word.length);
    const box = range.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2, box.left + 1, box.right - 1];
  }
  return null;
}"""


@pytest.fixture(scope="module")
def words_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server, url = serve(built(tmp_path_factory) / "site")
    yield url
    server.shutdown()


def seek(page: Any, seconds: float) -> None:
    """Seek, and return once the page's own "seeked" listeners have run (they were added first)."""
    page.wait_for_function(f"{AUDIO}.readyState >= 1")
    page.evaluate(f"""() => new Promise((done) => {{ const audio = {AUDIO};
      audio.addEventListener("seeked", () => setTimeout(done), {{ once: true }});
      audio.currentTime = {seconds}; }})""")
    assert abs(page.evaluate(f"{AUDIO}.currentTime") - seconds) < 0.01


def marked(page: Any) -> str:
    return str(page.evaluate(MARKED))


def test_playing_marks_the_word_being_spoken(page: Any, words_url: str) -> None:
    page.goto(words_url + FERRY)
    seek(page, 2.95)
    page.evaluate(f"{AUDIO}.play()")
    page.wait_for_function(f"{MARKED} === 'harbour'", timeout=5000)  # 3.3 s to 3.8 s, reached by playing
    page.wait_for_function(f"{MARKED} === 'ferry.'", timeout=5000)
    page.evaluate(f"{AUDIO}.pause()")
    seek(page, 6.45)
    assert marked(page) == "is"


def test_a_note_is_nobodys_word(page: Any, words_url: str) -> None:
    page.goto(words_url + FERRY)
    seek(page, 5.7)  # the note's time: the word before it stays marked
    assert marked(page) == "Thanks"
    seek(page, 6.25)
    assert marked(page) == "it"
    seek(page, 0.5)  # before the first turn
    assert marked(page) == ""


def test_clicking_a_word_plays_from_it(page: Any, words_url: str) -> None:
    page.goto(words_url + FERRY)
    page.wait_for_function(f"{AUDIO}.readyState >= 1")
    page.evaluate(f"{AUDIO}.playbackRate = 0.1")  # "sail" lasts 3 s of the test's time, not 0.3 s
    x, y, _, _ = page.evaluate(WHERE, ["t10", "sail"])
    page.mouse.click(x, y)
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime >= 10.5 && {AUDIO}.currentTime < 10.7")
    assert marked(page) == "sail"


def test_a_drag_that_selects_words_does_not_seek_and_offers_the_quote_link(page: Any, words_url: str) -> None:
    page.goto(words_url + FERRY)
    page.wait_for_function(f"{AUDIO}.readyState >= 1")
    _, y, left, _ = page.evaluate(WHERE, ["t1", "morning"])
    _, _, _, right = page.evaluate(WHERE, ["t1", "aboard"])
    page.mouse.move(left, y)
    page.mouse.down()
    page.mouse.move(right, y, steps=8)
    page.mouse.up()
    assert page.evaluate("getSelection().toString()").startswith("morning and welcome")
    page.wait_for_selector(".onr-quote-link:not([hidden])")
    assert page.evaluate(f"{AUDIO}.paused && {AUDIO}.currentTime === 0")


def test_find_and_search_marks_keep_the_words_in_step(page: Any, words_url: str) -> None:
    page.goto(words_url + FERRY + "?highlight=ferry")
    assert page.inner_text("mark.onr-hit") == "ferry"
    page.fill("#onr-find-input", "bour")  # a match inside a word
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.onr-find-count').textContent === '1 of 1'")
    seek(page, 3.4)
    assert marked(page) == "harbour"  # cut by the find mark
    seek(page, 3.9)
    assert marked(page) == "ferry."  # cut by the search mark
    page.keyboard.press("Escape")  # the marks go: the word is found again in the joined text
    page.wait_for_function("!document.querySelector('mark.onr-find')")
    assert marked(page) == "ferry."
    x, y, _, _ = page.evaluate(WHERE, ["t1", "welcome"])
    page.mouse.click(x, y)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 2.1) < 0.5")


def test_a_page_without_word_times_does_not_load_words_js(page: Any, words_url: str) -> None:
    page.goto(words_url + "shows/radio/plain/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-words]").count() == 0
    assert not page.evaluate("performance.getEntriesByType('resource').some(r => r.name.includes('words.js'))")
    assert page.evaluate("CSS.highlights.has('onr-word-now')") is False
    page.goto(words_url + FERRY)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("performance.getEntriesByType('resource').some(r => r.name.includes('words.js'))")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_a_marked_word_for_review(browser: Any, words_url: str, artifacts: Path, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 900, "height": 700})
    page = context.new_page()
    page.goto(words_url + FERRY)
    seek(page, 3.4)
    assert marked(page) == "harbour"
    shot = artifacts / f"words-{scheme}.png"
    page.locator(".onr-transcript").screenshot(path=str(shot))
    context.close()
    assert shot.stat().st_size > 5_000
