"""Linking and sharing in a real browser (Debian's chromium through Playwright): every turn's link
is shown without hovering and is a 24 px target; selecting words in a turn offers "Link to this
quote", which copies the turn's address with a text fragment (#t4:~:text=...)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser
TIDES = "shows/harbour-talk/tides/"

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
