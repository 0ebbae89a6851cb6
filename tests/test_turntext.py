"""Transcript text as the source meant it: inline Markdown for Markdown transcripts (safely),
editorial notes shown as notes and left out of words and quotes, files a transcript links to
published beside its page. Exact HTML, from small inputs written here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ARCHIVE, mkdocs_build
from generator import notes, quotes
from generator.model import Episode, EpisodeTurn, Turn
from generator.pages import Asset, Templates
from generator.pages.turntext import TurnText

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
NOTE = '<span class="onr-note" data-pagefind-ignore>{}</span>'


def episode(folder: Path | None = None, content: Path | None = None, fmt: str = "text",
            turns: tuple[EpisodeTurn, ...] = ()) -> Episode:
    return Episode(show="s", slug="e", title="E", date=None, path="content/shows/s/e.md", turns=turns, format=fmt,
                   source_dir=str(folder or ""), content_dir=str(content or ""))


def placed(text: str, person: str | None = "ann", index: int = 0) -> EpisodeTurn:
    return EpisodeTurn(Turn("Ann", text), person, f"p{index}", index)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """content/ with a show folder holding an image, a PDF, a fake image and a key; and an image outside."""
    folder = tmp_path / "content/shows/s"
    (folder / "img").mkdir(parents=True)
    (folder / "chart.png").write_bytes(PNG)
    (folder / "img/two words.png").write_bytes(PNG)
    (folder / "deck.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "fake.png").write_bytes(b"not a png at all")
    (folder / "e.md").write_text("Ann: hi\n", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(PNG)
    (folder / "linked.png").symlink_to(tmp_path / "outside.png")
    return tmp_path / "content"


def html(text: str, fmt: str = "text") -> str:
    return TurnText(episode(fmt=fmt)).html(text)


def test_inline_emphasis_code_and_backslash_escapes() -> None:
    assert html(r"It was **very** _odd_, said `ls *` \*twice\* and snake\_case \[sic-ish\].") == (
        "<p>It was <strong>very</strong> <em>odd</em>, said <code>ls *</code> *twice* and snake_case [sic-ish].</p>"
    )
    assert html("First paragraph *here*.\n\nSecond &lt;one&gt;.") == (
        "<p>First paragraph <em>here</em>.</p><p>Second &lt;one&gt;.</p>"
    )


def test_caption_formats_keep_their_characters_literal() -> None:
    assert html(r"a *b* \[c\] <i>", fmt="webvtt") == r"<p>a *b* \[c\] &lt;i&gt;</p>"


def test_raw_html_is_escaped_not_passed_through() -> None:
    assert html("Look <script>alert(1)</script> **now** <b onclick=x>bold</b>") == (
        "<p>Look &lt;script&gt;alert(1)&lt;/script&gt; <strong>now</strong> &lt;b onclick=x&gt;bold&lt;/b&gt;</p>"
    )


def test_links_pass_the_url_policy_or_keep_only_their_text() -> None:
    assert html("See [the notes](https://example.org/n?a=1&b=2) or [this](javascript:alert(1)) "
                "or [that](JaVaScRiPt:alert(1)) or <javascript:alert(2)> or [mail](mailto:a@b.org).") == (
        '<p>See <a href="https://example.org/n?a=1&amp;b=2">the notes</a> or this or that or javascript:alert(2) '
        'or <a href="mailto:a@b.org">mail</a>.</p>'
    )
    assert html("![pic](javascript:alert(1)) ![remote](https://example.org/a.png)") == (
        '<p>pic <img src="https://example.org/a.png" alt="remote" loading="lazy"></p>'
    )


def test_an_image_beside_the_transcript_is_published(content: Path) -> None:
    text = TurnText(episode(content / "shows/s", content))
    assert text.html('![A chart](chart.png "Votes") ![two](img/two%20words.png) [deck](deck.pdf)') == (
        '<p><img src="chart.png" alt="A chart" title="Votes" loading="lazy"> '
        '<img src="img/two%20words.png" alt="two" loading="lazy"> <a href="deck.pdf">deck</a></p>'
    )
    assert text.files == {"chart.png": str(content / "shows/s/chart.png"),
                          "img/two words.png": str(content / "shows/s/img/two words.png"),
                          "deck.pdf": str(content / "shows/s/deck.pdf")}


def test_files_that_fail_the_policy_are_refused(content: Path) -> None:
    text = TurnText(episode(content / "shows/s", content))
    refused = ("![fake](fake.png) ![key](e.md) ![out](linked.png) ![up](../../../outside.png) "
               "![missing](nope.png) [transcript](e.md) [root](/etc/passwd)")
    assert text.html(refused) == "<p>fake key out up missing transcript root</p>"
    assert text.files == {}


def test_episode_render_yields_the_published_files_as_assets(content: Path) -> None:
    from generator.model import Archive, Show
    from generator.pages import episode as episode_page

    ep = episode(content / "shows/s", content, turns=(placed("Here: ![A chart](chart.png) ![fake](fake.png)", None),))
    archive = Archive(shows={"s": Show("s", "S")}, people={}, episodes=(ep,), appearances={}, labels={})
    assets = [item for item in episode_page.render(archive, ep, Templates()) if isinstance(item, Asset)]
    assert assets == [Asset("shows/s/e/chart.png", str(content / "shows/s/chart.png"))]


def test_notes_are_shown_as_notes() -> None:
    assert html(r"Ha \[laughs\] and [unintelligible 00:11:01] then (Laughter and applause.) "
                r"\[08:01\] but \[Ghani\] and [laughs](https://example.org) stay.") == (
        f"<p>Ha {NOTE.format('laughs')} and {NOTE.format('unintelligible 00:11:01')} then "
        f"{NOTE.format('Laughter and applause')} {NOTE.format('08:01')} but [Ghani] and "
        '<a href="https://example.org">laughs</a> stay.</p>'
    )
    assert html("(Applause.) Thank you (music, mostly) [crosstalk]", fmt="webvtt") == (
        f"<p>{NOTE.format('Applause')} Thank you (music, mostly) {NOTE.format('crosstalk')}</p>"
    )


def test_notes_are_not_words() -> None:
    assert notes.words(r"\[laughs\] Yes (inaudible) we did [crosstalk 00:12:34].") == 3
    assert placed("(Applause.)").words == 0
    assert placed("Two words [laughter]").words == 2


def test_quotes_leave_notes_and_escapes_out() -> None:
    said = placed(r"\[laughs\] The harbour moved \[the\] ferry by forty minutes every single week in 2023 "
                  r"(Applause.) and nobody\_noticed [crosstalk 00:01:02].")
    assert [q.text for q in quotes.pick((said,))] == [
        "The harbour moved [the] ferry by forty minutes every single week in 2023 and nobody_noticed."
    ]


def test_a_quote_never_spans_two_speakers() -> None:
    # Ann's turn stops mid-sentence and Ben's finishes it: neither quote may join them.
    ann = placed("We measured the tide at the northern pier every morning for three whole", "ann", 0)
    ben = placed("years of records, which nobody had published before we arrived in 2019.", "ben", 1)
    both = (ann, ben)
    picked = quotes.pick(both, n=2)
    assert [(q.turn.person, q.text) for q in picked] == [("ann", ann.turn.text), ("ben", ben.turn.text)]
    assert all(q.text in q.turn.turn.text for q in picked)


def test_markdown_transcript_with_images_and_notes_builds_strict(tmp_path: Path) -> None:
    project = tmp_path / "archive"
    shutil.copytree(ARCHIVE, project)
    folder = project / "content/shows/night-lab"
    (folder / "orbit.png").write_bytes(PNG)
    (folder / "slides.md").write_text(
        "---\ntitle: Slides\ndate: 2023-06-01\n---\n"
        "Dr. Inès Moreau: Here is the **orbit** ![Orbit diagram](orbit.png) \\[laughs\\] "
        "and ![gone](missing.png) and [bad](javascript:alert(1)).\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = project / "site/shows/night-lab/slides"
    assert (page / "orbit.png").read_bytes() == PNG
    text = (page / "index.html").read_text(encoding="utf-8")
    assert ('<div class="onr-turn-text"><p>Here is the <strong>orbit</strong> '
            f'<img src="orbit.png" alt="Orbit diagram" loading="lazy"> {NOTE.format("laughs")} '
            "and gone and bad.</p></div>") in text


def test_quotes_read_markdown_as_plain_text() -> None:
    from generator import quotes

    text = "I read **the** [spec](https://example.org/spec \"t\") and it said *no* \\[laughs\\]. 2 * 3 is six."
    assert quotes.sentences(text) == ["I read the spec and it said no.", "2 * 3 is six."]


def test_a_heading_kept_in_an_untimed_markdown_transcript_reads_as_a_section_title() -> None:
    from generator.model import Episode
    from generator.pages.turntext import TurnText

    text = TurnText(Episode(show="s", slug="e", title="E", date=None, path="e.md", turns=(), format="text"))
    assert text.html("## Method of *finding* bugs ##") == (
        '<p class="onr-section"><strong>Method of <em>finding</em> bugs</strong></p>')
    assert text.html("#hashtag is not a heading") == "<p>#hashtag is not a heading</p>"


@pytest.mark.parametrize("text", [
    "One. Two! Three? Four… Five.", " Leading space. Then more.", "No end", "", "A.  B. C.\n\nD. E.",
    "(Laughter.) Then it began. [inaudible] And ended.", "“Quoted.” Next one. 3 is a number. ¿Qué? Sí.",
])
@pytest.mark.parametrize("limit", [1, 2, 3, 12])
def test_the_first_sentences_are_the_first_of_all_sentences(text: str, limit: int) -> None:
    assert quotes.sentences(text, limit) == quotes.sentences(text)[:limit]


@pytest.mark.parametrize(("turns", "expected"), [
    # a White House transcript: place and time before the first speaker, END and a time after
    ([("", "East Room"), ("", "4:27 P.M. EST"), ("THE PRESIDENT", "Hi."), ("", "END"), ("", "4:35 P.M. EST")],
     {0, 1, 3, 4}),
    ([("", "Washington, D.C."), ("", "(September 15, 2022)"), ("A", "x"), ("", "Thank you."), ("", "\\###")],
     {0, 1, 4}),
    ([("", "South Lawn"), ("A", "x")], set()),  # a place alone may be speech: it needs its time
    ([("", "Good morning, everyone."), ("", "2:17 P.M. EST"), ("A", "x")], set()),  # a sentence ends the run
    ([("", "Thank you."), ("", "END")], {1}),  # a speech with no labels at all
])
def test_place_and_time_lines_at_either_end_are_datelines(turns: list[tuple[str, str]], expected: set[int]) -> None:
    assert notes.datelines(turns) == expected
