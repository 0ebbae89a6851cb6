"""Person pages: every number, date and bar checked against a small archive built here, in
which each of them is known in advance."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import mkdocs_build
from generator.pages import Templates, charts

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
SPEAKERS = """\
people:
  ada:
    name: Ada Ruiz
    aliases: [ADA RUIZ, Ada Ruis]
    role: Engineer
    image: images/ada.png
  ben:
    name: Ben Osei
  cy:
    name: Cy Tran
unnamed: [Q]
"""
# Ada: 3 appearances (Jan 2021, Jan 2021, Apr 2021) on two shows; months Feb and Mar are empty.
EPISODES = {
    "content/shows/one/show.yml": "title: Show One\nhosts: [ben]\n",
    "content/shows/two/show.yml": "title: Show Two\n",
    "content/shows/one/a.md": "---\ntitle: A\ndate: 2021-01-05\n---\n"
    "[00:00:00] Ben Osei: Welcome to show one and thanks for listening.\n"
    "[00:00:10] ADA RUIZ: The bridge carries nine thousand cars every single working day.\n"
    "[00:00:40] Q: How many?\n[00:00:50] Ada Ruiz: Nine thousand, give or take.\n",
    "content/shows/one/b.md": "---\ntitle: B\ndate: 2021-01-20\nduration: 100\n---\n"
    "[00:00:00] Ben Osei: Welcome to show one and thanks for listening.\n"
    "[00:00:20] Ada Ruis: We replaced forty cables in the winter of 2019 without closing a lane.\n",
    "content/shows/two/c.md": "---\ntitle: C\ndate: 2021-04-02\n---\n"
    "Cy Tran: Untimed words here.\nAda Ruiz: One two three four.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("numbers")
    (root / "mkdocs.yml").write_text("site_name: N\nsite_url: https://example.org/\ndocs_dir: content/pages\n"
                                     "theme: {name: material, font: false}\n"
                                     "plugins:\n  - onrecord:\n      search: false\n")
    (root / "content/pages").mkdir(parents=True)
    (root / "content/speakers.yml").write_text(SPEAKERS)
    (root / "content/images").mkdir()
    (root / "content/images/ada.png").write_bytes(PNG)
    for name, text in EPISODES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def stats(html: str) -> dict[str, str]:
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html)
    return {name: re.sub(r"<[^>]+>", "", value) for name, value in pairs}


def test_person_numbers_are_exact(site: Path) -> None:
    html = (site / "speakers/ada/index.html").read_text()
    assert stats(html) == {
        "Appearances": "3",
        "Shows": "Show One (2), Show Two (1)",
        "First appearance": "January 5, 2021",
        "Latest appearance": "April 2, 2021",
        # a: 10 + 5 words, b: 13, c: 4
        "Words spoken": "32",
        # a: 00:10 to Q at 00:40 = 30 s (the last turn has no end and a has no duration); b: 00:20 to the
        # duration 100 = 80 s; c is untimed. 110 s rounds to 2 min.
        "Talk time": "2 min (in 2 of 3 appearances)",
        # 32 of the 53 words in a (8 + 10 + 2 + 5), b (8 + 13) and c (3 + 4)
        "Share of the conversation": "60% of the words spoken in their episodes",
    }
    assert 'href="../../shows/one/a/">January 5, 2021' in html and 'href="../../shows/two/c/">April 2, 2021' in html


def test_appearances_over_time_bars_are_exact(site: Path) -> None:
    html = (site / "speakers/ada/index.html").read_text()
    bars = re.findall(r'data-period="([^"]+)" data-count="(\d+)"><title>([^<]+)</title>', html)
    assert bars == [("2021-01", "2", "January 2021: 2 appearances"), ("2021-02", "0", "February 2021: no appearances"),
                    ("2021-03", "0", "March 2021: no appearances"), ("2021-04", "1", "April 2021: 1 appearance")]
    assert '<a href="#a2021-01"><rect' in html and 'id="a2021-01"' in html and 'id="a2021-04"' in html
    assert '<a href="#a2021-02">' not in html  # empty months link nowhere


def test_appears_with_and_also_transcribed_as(site: Path) -> None:
    html = (site / "speakers/ada/index.html").read_text()
    assert re.findall(r'<a href="../ben/">Ben Osei</a> <span class="onr-count">(.*?)</span>', html) == ["2 episodes"]
    assert re.findall(r'<a href="../cy/">Cy Tran</a> <span class="onr-count">(.*?)</span>', html) == ["1 episode"]
    assert "<q>Ada Ruis</q>, <q>ADA RUIZ</q>" in html  # labels met, not the name itself
    assert "speakers/q" not in html  # unnamed labels have no page and count in no statistics


def test_quotes_skip_stock_lines_and_link_to_the_moment(site: Path) -> None:
    ben = (site / "speakers/ben/index.html").read_text()
    # Ben only ever says his stock intro, a greeting and thanks: never shown, not even for want of better.
    ada = (site / "speakers/ada/index.html").read_text()
    assert "The bridge carries nine thousand cars every single working day." in ada
    assert 'href="../../shows/one/a/#t10">00:10 in A</a>' in ada  # named by its time and episode
    assert 'href="../../shows/two/c/#p2">in C</a>' in ada  # untimed: the episode alone
    assert "Welcome to show one" not in ben and "onr-quote" not in ben
    css = (site / "assets/onrecord/people.css").read_text()
    assert re.search(r"\.onr-quote a \{[^}]*min-height: 24px", css)  # a target of 24 px at least


def test_show_page_lists_hosts_and_guests_with_counts(site: Path) -> None:
    html = (site / "shows/one/index.html").read_text()
    assert "Hosted by" in html and 'href="../../speakers/ben/">Ben Osei</a>' in html
    assert re.findall(r'id="guests".*?</ul>', html, re.S)[0].count("<li>") == 1  # Ada; Ben hosts, Q is unnamed


def test_speakers_index_by_name_and_by_appearances(site: Path) -> None:
    by_name = (site / "speakers/index.html").read_text()
    by_count = (site / "speakers/by-appearances/index.html").read_text()
    assert by_name.index("Ada Ruiz") < by_name.index("Ben Osei") < by_name.index("Cy Tran")
    assert re.findall(r'<li><a href="../(\w+)/"', by_count) == ["ada", "ben", "cy"]
    assert "3 appearances · 2021" in by_name


def test_chart_markup_is_exact() -> None:
    data = charts.bars([dt.date(2020, 1, 3), dt.date(2020, 3, 9)])
    chart = charts.chart(data, "episode", lambda b: f"#m{b.period}")
    assert Templates().render("partials/chart.html", "timeline/", chart=chart, label="Episodes") == (
        '<figure class="onr-figure"><svg class="onr-chart" viewBox="0 0 30 60" preserveAspectRatio="none" role="group" '
        'aria-label="Episodes">'
        '<a href="#m2020-01"><rect class="onr-bar" x="1" y="4.0" width="8" height="56.0" data-period="2020-01" '
        'data-count="1"><title>January 2020: 1 episode</title></rect></a>'
        '<rect class="onr-bar onr-empty" x="11" y="59.2" width="8" height="0.8" data-period="2020-02" '
        'data-count="0"><title>February 2020: no episodes</title></rect>'
        '<a href="#m2020-03"><rect class="onr-bar" x="21" y="4.0" width="8" height="56.0" data-period="2020-03" '
        'data-count="1"><title>March 2020: 1 episode</title></rect></a></svg>'
        '<p class="onr-chart-axis"><span>January 2020</span><span>most in one month: 1</span>'
        '<span>March 2020</span></p></figure>\n'
        '<details class="onr-chart-table"><summary>Episodes as a table</summary><table><thead><tr>'
        '<th scope="col">Month</th><th scope="col">Episodes</th></tr></thead><tbody>'
        '<tr><th scope="row"><a href="#m2020-01">January 2020</a></th><td>1</td></tr>'
        '<tr><th scope="row"><a href="#m2020-03">March 2020</a></th><td>1</td></tr></tbody></table></details>'
    )


def test_long_spans_use_one_bar_per_year() -> None:
    data = charts.bars([dt.date(2010, 5, 1), dt.date(2020, 1, 1)])
    assert [(b.period, b.count) for b in data][:2] == [("2010", 1), ("2011", 0)] and len(data) == 11


def test_a_portrait_under_content_is_published_beside_the_page(site: Path) -> None:
    assert (site / "speakers/ada/ada.png").read_bytes() == PNG
    assert '<img class="onr-portrait" src="ada.png" alt="" width="128" height="128">' in (
        site / "speakers/ada/index.html").read_text()


@pytest.mark.parametrize(("label", "shown"), [
    ("MS. PSAKI", "Ms. Psaki"), ("THE VICE PRESIDENT", "The Vice President"),
    ("SECRETARY OF STATE", "Secretary of State"), ("O'BRIEN", "O'Brien"), ("DR. SMITH-JONES", "Dr. Smith-Jones"),
    ("U.S. AMBASSADOR", "U.S. Ambassador"), ("ÉMILE ZOLA", "Émile Zola"),
    ("Q", "Q"), ("JD", "JD"), ("Jane Doe", "Jane Doe"), ("danah boyd", "danah boyd"),
])
def test_labels_in_capitals_are_shown_in_title_case(label: str, shown: str) -> None:
    from generator.names import display

    assert display(label) == shown


def test_a_person_known_only_by_a_label_in_capitals(tmp_path: Path) -> None:
    from generator import archive
    from generator.stats import person_stats

    show = tmp_path / "content/shows/s"
    show.mkdir(parents=True)
    (show / "2024-05-01-briefing.md").write_text("MS. PSAKI: Good afternoon.\n\nQ: A question.\n", encoding="utf-8")
    (show / "2024-05-02-briefing.md").write_text("MS. PSAKI: Hello again.\n", encoding="utf-8")
    result = archive.build(tmp_path / "content", root=tmp_path)
    person = result.people["ms-psaki"]
    assert person.name == "Ms. Psaki" and not person.declared
    assert person_stats(result, "ms-psaki").labels == ("MS. PSAKI",)  # kept: "Also transcribed as"
