""""Cite this moment" in a real browser (Debian's chromium through Playwright): every turn's heading
gets a Cite button (assets/onrecord/cite.js) that opens one dialog with the moment in APA, Chicago
and BibTeX, each with a Copy button; the permalink in them opens at the turn; names are inverted
and escaped as each style wants; a hostile title comes out as text; from the keyboard Cite is
one →/← away from the turn's stop, and Escape gives focus back; without JavaScript there is no
button and the turn's # link is its permalink."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import mkdocs_build, serve

pytestmark = pytest.mark.browser
# Open: a popover in the top layer (not a <dialog> given showModal(), which takes most of a second to
# open on a 2,000-turn page), announced as a dialog that holds the reader (aria-modal).
OPEN = "d => d.matches(':popover-open') && d.getAttribute('role') === 'dialog' && d.getAttribute('aria-modal') === 'true'"
TIDES = "shows/harbour-talk/tides/"  # "Tides & <Timetables>", 2023-03-14, timed turns
UNTIMED = "shows/night-lab/untimed/"  # no times, 2022-01-20
HOSTILE = Path(__file__).parent / "hostile" / "archive"
STYLES = ("apa", "chicago", "bibtex")


def open_cite(page: Any, anchor: str) -> dict[str, str]:
    """Click the Cite button of turn ``anchor``; the three citations, by style."""
    page.click(f"#{anchor} button.onr-cite")
    assert page.locator(".onr-cite-dialog").evaluate(OPEN)
    return {style: page.text_content(f"#onr-cite-{style}") or "" for style in STYLES}


def test_cite_gives_a_timed_turn_in_three_styles(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    texts = open_cite(page, "t4")  # Tom Okafor at 00:04
    permalink = f"{site_url}{TIDES}#t4"  # the fragment the turn's # link copies
    assert texts["apa"] == (f"Okafor, T. (2023, March 14). Tides & <Timetables> [Audio podcast episode, 00:00:04]. "
                            f"In Harbour Talk. Fixture archive. {permalink}")
    assert texts["chicago"] == (f"Tom Okafor, “Tides & <Timetables>,” Harbour Talk, Fixture archive, March 14, 2023, "
                                f"podcast audio, at 00:00:04, {permalink}.")
    assert texts["bibtex"] == "\n".join([
        "@misc{harbour-talk:tides:t4,",
        "  author = {Okafor, Tom},",
        "  title = {{Tides \\& <Timetables>}},",
        f"  howpublished = {{\\url{{{permalink.replace('#', chr(92) + '#')}}}}},",
        "  year = 2023,",
        "  month = mar,",
        "  note = {Harbour Talk, at 00:00:04},",
        "  publisher = {Fixture archive},",
        "}",
    ])
    assert page.text_content(".onr-cite-what") == "Tom Okafor · 00:00:04"
    page.keyboard.press("Escape")
    page.goto(permalink)  # the permalink lands on the turn
    assert page.evaluate("document.querySelector(':target')?.id") == "t4"
    assert page.evaluate("document.getElementById('t4').closest('.onr-turn').classList.contains('onr-current')")


def test_an_untimed_turn_is_cited_without_a_time(page: Any, site_url: str) -> None:
    page.goto(site_url + UNTIMED)
    texts = open_cite(page, "p2")  # AUDIENCE MEMBER: a label, not a person's name
    permalink = f"{site_url}{UNTIMED}#p2"
    assert texts["apa"] == (f"AUDIENCE MEMBER. (2022, January 20). Untimed Notes [Transcript]. In Night Lab. "
                            f"Fixture archive. {permalink}")
    assert texts["chicago"] == (f"AUDIENCE MEMBER, “Untimed Notes,” Night Lab, Fixture archive, January 20, 2022, "
                                f"transcript, {permalink}.")
    assert "author = {{AUDIENCE MEMBER}}," in texts["bibtex"]
    assert "  note = {Night Lab},\n" in texts["bibtex"]


def test_copy_puts_the_citation_on_the_clipboard(browser: Any, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + TIDES)
    texts = open_cite(page, "t15")
    for style, name in zip(STYLES, ["APA", "Chicago", "BibTeX"], strict=True):
        page.click(f".onr-cite-dialog button[aria-label='Copy {name}']")
        status = "(name) => document.querySelector('.onr-cite-status').textContent === `${name} citation copied`"
        page.wait_for_function(status, arg=name)
        assert page.evaluate("navigator.clipboard.readText()") == texts[style]
    assert page.get_attribute(".onr-cite-status", "role") == "status"  # announced
    context.close()


def test_without_a_clipboard_the_citation_is_selected_to_copy(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.evaluate("Object.defineProperty(navigator, 'clipboard', "
                  "{ value: { writeText: () => Promise.reject(new Error('no')) } })")
    page.evaluate("document.execCommand = () => false")  # and no old copy command either
    texts = open_cite(page, "t4")
    page.click(".onr-cite-dialog button[aria-label='Copy Chicago']")
    page.wait_for_function("document.querySelector('.onr-cite-status').textContent !== ''")
    assert page.text_content(".onr-cite-status") == "Selected: press Ctrl+C to copy"
    assert page.evaluate("getSelection().toString()") == texts["chicago"]


def test_the_keyboard_reaches_cite_with_the_arrows_and_escape_gives_focus_back(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    page.focus("#t4 a.onr-time")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.matches('#t4 button.onr-cite')")
    assert page.evaluate("document.activeElement.tabIndex") == -1  # reached by the arrows, not by Tab
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.onr-cite-dialog') !== null")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy APA"
    page.keyboard.press("j")  # the page's keys rest while the dialog is open
    assert page.evaluate("document.activeElement.closest('.onr-cite-dialog') !== null")
    page.keyboard.press("Escape")
    assert not page.locator(".onr-cite-dialog").evaluate("d => d.matches(':popover-open')")
    assert page.evaluate("document.activeElement.matches('#t4 button.onr-cite')")
    page.keyboard.press("ArrowLeft")  # and back to the link
    assert page.evaluate("document.activeElement.matches('#t4 a.onr-link')")


def test_the_dialog_is_labelled_and_its_close_button_gives_focus_back(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    open_cite(page, "t0")
    label = page.evaluate("document.getElementById(document.querySelector('.onr-cite-dialog')"
                          ".getAttribute('aria-labelledby')).textContent")
    assert label == "Cite this moment"
    page.click(".onr-cite-dialog button.onr-cite-close")
    assert page.evaluate("document.activeElement.matches('#t0 button.onr-cite')")


LABEL = "document.activeElement.getAttribute('aria-label') || document.activeElement.textContent"


def test_tab_cycles_inside_the_dialog_and_escape_gives_focus_back(page: Any, site_url: str) -> None:
    """The WAI-ARIA APG's dialog: Tab and Shift+Tab go round its controls, never to the page behind."""
    page.goto(site_url + TIDES)
    page.focus("#t4 button.onr-cite")
    page.keyboard.press("Enter")
    stops = []
    for _ in range(5):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(LABEL))
    assert stops == ["Copy Chicago", "Copy BibTeX", "Close", "Copy APA", "Copy Chicago"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(LABEL) == "Close"  # from the first control back to the last
    page.click(".onr-cite-dialog h2")  # a click on its text keeps focus in it
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(LABEL) == "Close"
    assert page.locator(".onr-cite-dialog").evaluate(OPEN)
    page.keyboard.press("Escape")
    assert not page.locator(".onr-cite-dialog").evaluate("d => d.matches(':popover-open')")
    assert page.evaluate("document.activeElement.matches('#t4 button.onr-cite')")


def test_a_click_outside_closes_the_dialog_and_the_page_behind_gets_no_click(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    open_cite(page, "t15")
    box = page.evaluate("""(() => {
      const d = document.querySelector('.onr-cite-dialog'), r = d.firstElementChild.getBoundingClientRect();
      return { centre: [(r.left + r.right) / 2 - innerWidth / 2, (r.top + r.bottom) / 2 - innerHeight / 2],
               shade: getComputedStyle(d).backgroundColor, corner: document.elementFromPoint(2, 2) === d }; })()""")
    assert all(abs(offset) < 2 for offset in box["centre"])  # a centred box,
    assert box["shade"] == "rgba(0, 0, 0, 0.4)"  # on a shade over the page,
    assert box["corner"]  # which takes the pointer: the page's links are out of reach
    page.mouse.click(2, 2)
    assert not page.locator(".onr-cite-dialog").evaluate("d => d.matches(':popover-open')")
    assert page.evaluate("document.activeElement.matches('#t15 button.onr-cite')")
    assert page.url.endswith(TIDES)  # nothing behind the backdrop was followed


def test_every_cite_button_is_shown_and_24_px(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    sizes = page.evaluate("""Array.from(document.querySelectorAll('.onr-turn-head'), (h) => {
      const b = h.querySelector('button.onr-cite'); if (!b) return null;
      const r = b.getBoundingClientRect(); return [r.width, r.height, getComputedStyle(b).visibility];
    })""")
    assert sizes and None not in sizes
    assert all(width >= 24 and height >= 24 and shown == "visible" for width, height, shown in sizes)


def test_without_javascript_there_is_no_cite_button_and_the_link_is_the_permalink(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TIDES)
    assert page.locator("button.onr-cite").count() == 0
    assert page.get_attribute("#t4 a.onr-link", "href") == "#t4"
    context.close()


# Names, each style's way: (name, a person's?) -> (APA author, BibTeX author).
NAMES = [
    ("Mara Quinn", True, "Quinn, M.", "{Quinn, Mara}"),
    ("Mara Jane Quinn", True, "Quinn, M. J.", "{Quinn, Mara Jane}"),
    ("Jean-Paul Sartre", True, "Sartre, J.-P.", "{Sartre, Jean-Paul}"),
    ("Ludwig van Beethoven", True, "van Beethoven, L.", "{van Beethoven, Ludwig}"),
    ("Martin Luther King Jr.", True, "King, M. L., Jr.", "{King, Jr., Martin Luther}"),
    ("King, Martin Luther", True, "King, M. L.", "{King, Martin Luther}"),
    ("Dr. Joan Ebert", True, "Ebert, J.", "{Ebert, Joan}"),
    ("Madonna", True, "Madonna.", "{{Madonna}}"),
    ("李小龙", True, "李小龙.", "{{李小龙}}"),
    ("Smith and Sons", True, "Smith and Sons.", "{{Smith and Sons}}"),
    ("AUDIENCE MEMBER", False, "AUDIENCE MEMBER.", "{{AUDIENCE MEMBER}}"),
    ("R&D_Team #1", False, "R&D_Team #1.", "{{R\\&D\\_Team \\#1}}"),
]
CITE = """([who, about]) => window.onrecordCite.citations(
  { who, time: 754, url: 'https://example.org/a/#t9', anchor: 't9' }, about)"""
FACTS = {"site": "On Record demo archive", "show": "City Desk", "title": "Town Hall: The Sea Wall", "audio": True,
         "key": "city-desk:town-hall", "iso": "2023-10-19", "date": "October 19, 2023", "month_day": "October 19"}


def test_names_are_inverted_only_when_they_are_a_persons(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    for name, person, apa, bibtex in NAMES:
        texts = page.evaluate(CITE, [{"name": name, "person": person}, FACTS])
        assert texts["apa"] == (f"{apa} (2023, October 19). Town Hall: The Sea Wall [Audio podcast episode, 00:12:34]. "
                                "In City Desk. On Record demo archive. https://example.org/a/#t9"), name
        assert f"  author = {bibtex},\n" in texts["bibtex"], name
        assert texts["chicago"].startswith(f"{name}, “Town Hall"), name


def test_no_date_no_speaker_and_bibtex_specials(page: Any, site_url: str) -> None:
    page.goto(site_url + TIDES)
    undated = {**FACTS, "title": "50% of {Costs} & $5_000 ^ ~ \\ #1?"}
    for key in ("iso", "date", "month_day"):
        del undated[key]
    texts = page.evaluate(CITE, [None, undated])
    assert texts["apa"] == ("50% of {Costs} & $5_000 ^ ~ \\ #1? [Audio podcast episode, 00:12:34]. (n.d.). In City Desk. "
                            "On Record demo archive. https://example.org/a/#t9")
    assert texts["chicago"] == ("“50% of {Costs} & $5_000 ^ ~ \\ #1?” City Desk, On Record demo archive, podcast audio, "
                                "at 00:12:34, https://example.org/a/#t9.")
    assert texts["bibtex"] == "\n".join([
        "@misc{city-desk:town-hall:t9,",
        "  title = {{50\\% of \\{Costs\\} \\& \\$5\\_000 \\^{} \\~{} \\textbackslash{} \\#1?}},",
        "  howpublished = {\\url{https://example.org/a/\\#t9}},",
        "  note = {City Desk, at 00:12:34},",
        "  publisher = {On Record demo archive},",
        "}",
    ])


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("hostile-cite") / "archive"
    shutil.copytree(HOSTILE, project, symlinks=True)
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def test_a_hostile_title_is_cited_as_text(page: Any, hostile_url: str) -> None:
    alerts: list[str] = []

    def alerted(dialog: Any) -> None:
        alerts.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", alerted)
    page.goto(hostile_url + "shows/evil/2024-01-01-meta/")
    anchor = page.evaluate("document.querySelector('.onr-turn-head').id")
    texts = open_cite(page, anchor)
    title = 'Title"><script>alert("onrecord-xss")</script>'
    show = 'Evil Show"><script>alert("onrecord-xss")</script>'
    assert title in texts["apa"] and show in texts["apa"]
    assert f"“{title},” {show}," in texts["chicago"]
    tags = page.evaluate("Array.from(document.querySelectorAll('.onr-cite-dialog *'), (e) => e.tagName)")
    assert set(tags) == {"DIV", "H2", "P", "SECTION", "H3", "PRE", "BUTTON"}  # ours only: no markup from the page
    assert alerts == []
