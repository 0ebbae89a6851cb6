"""Contrast and accessibility of the demo site (issue 13, item 10), in a real browser (Debian's
chromium through Playwright), in light and dark: Material's ``default`` and ``slate`` schemes, as
the demo's mkdocs.yml sets them (with ``navigation.tabs``, which the fixture archive lacks).

- every text/background pair reaches WCAG AA, measured from computed colours (opacity and
  translucent backgrounds blended), and axe-core's color-contrast rule agrees in both schemes;
- links in lists are underlined (WCAG 1.4.1: a link differs from the text beside it by 2.34:1 in
  light and 1.92:1 in dark, too little to tell them apart by colour alone);
- the who-spoke-when strip has a key for its grey segments, and every speaker's key and the strip
  stand out from the page by 3:1 (WCAG 1.4.11), by their colour or by an edge;
- episode and person pages have an h1, then h2s, with no level skipped;
- one Tab stop per turn on an episode page;
- every control of an episode page shows a focus ring of 3:1 against what is around it, the Cite
  dialog's (tests/test_cite_browser.py) and the list of keys' too, which axe checks open.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import mkdocs_build, serve

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
SCHEMES = {"light": "default", "dark": "slate"}
EPISODE = "shows/city-desk/2023-10-19-town-hall-the-sea-wall/"  # timed, named and unnamed speakers
PERSON = "speakers/ruth-halvorsen/"
PAGES = ["", "shows/", "shows/city-desk/", EPISODE, "speakers/", PERSON, "timeline/", "search/?q=harbour", "about/"]

# The contrast of every element that holds text, against what is behind it: the text colour (times
# the opacity of the element and its ancestors) blended over the first opaque background up the
# tree, with translucent backgrounds on the way blended in. WCAG 2 relative luminance.
COLOURS = """
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const behind = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    return layers.reduceRight((under, layer) => over(layer, under), [255, 255, 255, 1]); };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
"""
CONTRAST = """() => {""" + COLOURS + """
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (el.closest("script, style, noscript, svg, [hidden]")) continue;
    const s = getComputedStyle(el), box = el.getBoundingClientRect();
    if (s.visibility !== "visible" || box.width < 2 || box.height < 2 || s.clipPath === "inset(50%)"
        || s.clip === "rect(0px, 0px, 0px, 0px)") continue;
    let opacity = 1; for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    if (opacity === 0) continue;  // shown on hover or focus: measured then (see the test)
    const bg = behind(el), fg = parse(s.color); fg[3] *= opacity;
    const size = parseFloat(s.fontSize), large = size >= 24 || (Number(s.fontWeight) >= 700 && size >= 18.66);
    out.push({element: el.tagName.toLowerCase() + "." + String(el.className).trim().replace(/\\s+/g, "."),
              text: el.textContent.trim().slice(0, 40), ratio: ratio(over(fg, bg), bg), needed: large ? 3 : 4.5});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo archive (content/, mkdocs.yml) as `make site` builds it, served locally."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(ROOT, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(params=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    """A page in the light or dark scheme, chosen as a reader's system would choose it."""
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1300, "height": 900})
    yield request.param, context.new_page()
    context.close()


def open_in(page: Any, url: str, scheme: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]


def low_contrast(page: Any) -> list[tuple[str, str, float]]:
    return [(r["element"], r["text"], round(r["ratio"], 2)) for r in page.evaluate(CONTRAST) if r["ratio"] < r["needed"]]


@pytest.mark.parametrize("path", PAGES)
def test_every_text_reaches_aa_contrast(scheme_page: tuple[str, Any], demo_url: str, path: str) -> None:
    scheme, page = scheme_page
    open_in(page, demo_url + path, scheme)
    assert page.locator(".md-tabs__link").first.is_visible()  # the nav tabs (4.28:1 before) are measured
    assert low_contrast(page) == []


def test_a_turns_link_reaches_aa_contrast_when_shown(scheme_page: tuple[str, Any], demo_url: str) -> None:
    scheme, page = scheme_page
    open_in(page, demo_url + EPISODE, scheme)
    page.focus(".onr-turn .onr-link")
    assert low_contrast(page) == []


@pytest.mark.parametrize("path", [EPISODE, PERSON, "", "timeline/"])
def test_axe_finds_nothing_serious_in_either_scheme(scheme_page: tuple[str, Any], demo_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    scheme, page = scheme_page
    open_in(page, demo_url + path, scheme)
    results = Axe().run(page).response
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    assert "color-contrast" in {v["id"] for v in results["passes"]}  # axe measured the text in this scheme


@pytest.mark.parametrize("dialog", [".onr-cite-dialog", ".onr-keys"])
def test_axe_finds_nothing_serious_in_the_dialogs(scheme_page: tuple[str, Any], demo_url: str, dialog: str) -> None:
    """Cite's dialog and the list of keys (?), open: popovers announced as dialogs, named by their heading."""
    from axe_playwright_python.sync_playwright import Axe

    scheme, page = scheme_page
    open_in(page, demo_url + EPISODE, scheme)
    if dialog == ".onr-keys":
        page.keyboard.press("?")
    else:
        page.click(".onr-turn:nth-of-type(2) button.onr-cite")
        assert page.locator(".onr-cite-dialog:popover-open pre").count() == 3
    name = {".onr-cite-dialog": "Cite this moment", ".onr-keys": "Keyboard shortcuts"}[dialog]
    assert page.get_by_role("dialog", name=name).evaluate(f"d => d.matches('{dialog}:popover-open')")
    results = Axe().run(page, context={"include": [[dialog]]}).response
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    assert "color-contrast" in {v["id"] for v in results["passes"]}  # axe measured the dialog's text
    assert low_contrast(page) == []


LIST_LINKS = {
    "": ".onr-episodes a",  # the home page's latest episodes
    "timeline/": ".onr-episodes a",
    "shows/": ".onr-shows a",
    "shows/city-desk/": ".onr-episodes a, .onr-with a",  # its episodes and guests
    "speakers/": ".onr-people a",
    PERSON: ".onr-with a, .onr-appearances a, .onr-stats dd a, .onr-links a",  # "Appears with" too
    EPISODE: ".onr-speakers a, .onr-chapters a, .onr-downloads a",
}


@pytest.mark.parametrize("path", list(LIST_LINKS))
def test_links_in_lists_are_underlined(page: Any, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    decorations = page.eval_on_selector_all(
        LIST_LINKS[path], "links => links.map(a => [a.textContent.trim(), getComputedStyle(a).textDecorationLine])")
    assert decorations
    assert [text for text, line in decorations if "underline" not in line] == []


def test_the_strips_grey_segments_have_a_key(page: Any, demo_url: str) -> None:
    page.goto(demo_url + EPISODE)
    assert page.locator(".onr-strip rect.onr-sx").count() > 0
    key = page.locator(".onr-speakers li.onr-others")
    assert key.inner_text().strip() == "Others and unnamed speakers"
    assert page.eval_on_selector(".onr-others .onr-key", "k => getComputedStyle(k).backgroundColor") == \
        page.eval_on_selector(".onr-strip rect.onr-sx", "r => getComputedStyle(r).fill")
    page.goto(demo_url + "shows/city-desk/2025-06-12-after-the-storm/")  # everyone named, in colour
    assert page.locator(".onr-strip rect").count() > 0 and page.locator(".onr-strip rect.onr-sx").count() == 0
    assert page.locator(".onr-others").count() == 0


# The colour of a speaker key in each of the palette's colours (its fill, and its edge: a
# box-shadow) and of the strip (its outline), with the page's background, as [r, g, b, a] lists.
SHAPES = """() => {
  const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const list = document.querySelector(".onr-speakers");
  for (const colour of ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "sx"])
    list.insertAdjacentHTML("beforeend", `<li><span class="onr-key onr-${colour}"></span>probe</li>`);
  const keys = Array.from(list.querySelectorAll(".onr-key"), (k) => {
    const s = getComputedStyle(k);
    return {fill: rgba(s.backgroundColor), edge: s.boxShadow === "none" ? [0, 0, 0, 0] : rgba(s.boxShadow)}; });
  const strip = getComputedStyle(document.querySelector(".onr-strip"));
  return {page, keys, outline: strip.outlineStyle === "none" ? [0, 0, 0, 0] : rgba(strip.outlineColor)};
}"""


def _contrast(colour: list[float], page: list[float]) -> float:
    def luminance(c: list[float]) -> float:
        f = [v / 255 for v in c[:3]]
        f = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in f]
        return 0.2126 * f[0] + 0.7152 * f[1] + 0.0722 * f[2]
    blended = [colour[i] * colour[3] + page[i] * (1 - colour[3]) for i in range(3)]
    hi, lo = sorted([luminance(blended), luminance(page)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_speaker_keys_and_the_strip_stand_out_by_3_to_1(scheme_page: tuple[str, Any], demo_url: str) -> None:
    scheme, page = scheme_page
    open_in(page, demo_url + EPISODE, scheme)
    shapes = page.evaluate(SHAPES)
    assert len(shapes["keys"]) >= 9
    faint = [key for key in shapes["keys"]
             if max(_contrast(key["fill"], shapes["page"]), _contrast(key["edge"], shapes["page"])) < 3]
    assert faint == []
    if scheme == "light":  # sky blue and orange fill under 3:1 on white: the strip needs its outline
        assert _contrast(shapes["outline"], shapes["page"]) >= 3


@pytest.mark.parametrize("path", [EPISODE, PERSON])
def test_headings_go_from_h1_down_without_skipping(page: Any, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    levels = page.eval_on_selector_all(".md-content article :is(h1, h2, h3, h4, h5, h6)",
                                       "hs => hs.map(h => Number(h.tagName[1]))")
    assert levels[0] == 1 and levels.count(1) == 1
    assert 2 in levels
    skipped = [(before, after) for before, after in itertools.pairwise(levels) if after > before + 1]
    assert skipped == []


def test_tab_stops_per_turn_on_an_episode_page(page: Any, demo_url: str) -> None:
    page.goto(demo_url + EPISODE)
    turns = page.locator(".onr-turn").count()
    assert page.locator(".onr-turn:has(a.onr-who)").count() and page.locator(".onr-turn:not(:has(a.onr-who))").count()
    where = "(() => { const t = document.activeElement.closest('.onr-turn');" \
            " return t ? [...document.querySelectorAll('.onr-turn')].indexOf(t) : -1; })()"
    page.focus("form.onr-find button[data-find='next']")  # the control before the transcript
    page.keyboard.press("Tab")
    stops: dict[int, int] = {}
    while (turn := page.evaluate(where)) >= 0:
        stops[turn] = stops.get(turn, 0) + 1
        page.keyboard.press("Tab")
    # One stop a turn, named speaker or not (issue 13, item 3): the time; the speaker's link and the
    # link to copy are reached with the arrows (tests/test_keyboard_browser.py).
    assert stops == {turn: 1 for turn in range(turns)}


# The ring of the focused element: its style, width, and contrast against what is around it.
RING = """(el) => {""" + COLOURS + """
  const s = getComputedStyle(el), bg = behind(el.parentElement);
  const colour = over(parse(s.outlineColor), bg);
  return [el.matches(":focus-visible"), s.outlineStyle, parseFloat(s.outlineWidth), ratio(colour, bg)];
}"""
FOCUSABLE = {
    EPISODE: [".onr-skip a", ".onr-speakers a", ".onr-strip a", ".onr-downloads a", "form.onr-find input",
              "form.onr-find button", ".onr-turn-head a.onr-who", ".onr-turn-head a.onr-time",
              ".onr-turn-head a.onr-link", ".onr-turn-head button.onr-cite", ".onr-turn.onr-current a.onr-time",
              ".onr-turn.onr-current button.onr-cite", ".onr-sequence a", ".onr-keys button",
              ".onr-cite-dialog button.onr-cite-copy", ".onr-cite-dialog button.onr-cite-close"],
    "shows/low-tide/kelp-comes-back/": [".onr-chapters a"],
    "shows/low-tide/how-heat-moves/": [".onr-follow input"],
}


@pytest.mark.parametrize("path", list(FOCUSABLE))
def test_every_control_shows_a_focus_ring_of_3_to_1(scheme_page: tuple[str, Any], demo_url: str, path: str) -> None:
    scheme, page = scheme_page
    open_in(page, demo_url + path, scheme)
    page.evaluate("document.querySelector('.onr-turn:nth-of-type(2)').classList.add('onr-current')")  # a highlighted turn
    rings = {}
    for selector in FOCUSABLE[path]:
        if selector.startswith(".onr-keys"):
            page.keyboard.press("?")
        elif selector.startswith(".onr-cite-dialog") and not page.locator(".onr-cite-dialog:popover-open").count():
            page.keyboard.press("Escape")  # the list of keys
            page.focus(".onr-turn button.onr-cite")
            page.keyboard.press("Enter")  # opened from the keyboard, as a ring is for
        page.focus(selector)
        rings[selector] = page.eval_on_selector(selector, RING)
    seen = [True, "solid"]  # a ring drawn, focused from the keyboard
    assert {selector: ring for selector, ring in rings.items() if ring[:2] != seen or ring[2] < 2 or ring[3] < 3} == {}
