"""Hostile input: ``tests/hostile/archive`` is a content folder in which every file is an attack
(one per row of the untrusted-input issue). The build must succeed, report each problem as
``path:line: message``, and publish nothing live: no script, no ``javascript:`` link, no file
from outside ``content/``, no draft, no forged caption cue.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import mkdocs_build
from generator import archive, readers
from generator.readers.cues import scan

HOSTILE = Path(__file__).parent / "hostile" / "archive"
SECRET = "ONRECORD-SECRET-TOKEN"
DRAFT = "ONRECORD-DRAFT-MARKER"
#: What would run in a browser: a script element, an event handler, a script URL in a link.
LIVE = re.compile(
    r"<script>alert|<img[^>]*\bonerror=|\b(?:href|src|content)\s*=\s*[\"']?\s*(?:java|vb)\s*script:"
    r"|\b(?:href|src)\s*=\s*[\"']?data:|<!--onrecord:",
    re.I,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "archive"
    shutil.copytree(HOSTILE, target, symlinks=True)
    return target


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project / "site"


def texts(site: Path) -> dict[Path, str]:
    """Every output file as text; Pagefind's gzipped chunks decompressed."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix in (".woff2", ".png", ".ico"):
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[path] = data.decode("utf-8", "replace")
    return out


def test_nothing_live_reaches_html_or_xml(site: Path) -> None:
    live = {path.relative_to(site).as_posix(): m[0] for path, text in texts(site).items()
            if path.suffix in (".html", ".xml") and (m := LIVE.search(text))}
    assert live == {}


def test_no_secret_from_outside_content_and_no_draft_is_published(site: Path) -> None:
    leaked = [p.relative_to(site).as_posix() for p, text in texts(site).items() if SECRET in text or DRAFT in text]
    assert leaked == []
    assert not (site / "shows" / "drafty").exists()
    assert not (site / "shows" / "outside-show").exists()


def test_meta_description_is_one_escaped_attribute(site: Path) -> None:
    page = (site / "shows/evil/2024-01-01-meta/index.html").read_text(encoding="utf-8")
    metas = re.findall(r'<meta name="description" content="([^"]*)">', page)
    assert metas == ['Description&#34;&gt;&lt;script&gt;alert(&#34;onrecord-xss&#34;)&lt;/script&gt; '
                     '&lt;!--onrecord:0--&gt; &lt;!--onrecord:99--&gt;'] or metas == [
        'Description&quot;&gt;&lt;script&gt;alert(&quot;onrecord-xss&quot;)&lt;/script&gt; '
        '&lt;!--onrecord:0--&gt; &lt;!--onrecord:99--&gt;']
    role = (site / "speakers/eve-role/index.html").read_text(encoding="utf-8")
    assert "Spy&quot;&gt;&lt;script&gt;" in role or "Spy&#34;&gt;&lt;script&gt;" in role


def test_links_keep_their_text_and_lose_bad_urls(site: Path) -> None:
    page = (site / "speakers/eve-role/index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/eve"' in page
    assert ">inline</a>" in page and ">reference</a>" in page  # the words stay, the URL goes
    assert "Home</a>" not in page and "Tabbed</a>" not in page and "Data</a>" not in page


def test_captions_cannot_be_forged_by_labels_or_text(site: Path) -> None:
    folder = site / "shows/evil/2024-01-02-label"
    srt = (folder / "transcript.srt").read_text(encoding="utf-8")
    vtt = (folder / "transcript.vtt").read_text(encoding="utf-8")
    assert srt.count("-->") == 3  # three cues; the arrows in the text are escaped
    assert "<script" not in vtt and "<script" not in srt
    for kind in ("srt", "vtt"):
        read = readers.read_file(folder / f"transcript.{kind}", f"transcript.{kind}")
        assert len(scan((folder / f"transcript.{kind}").read_text(encoding="utf-8"))) == 3, kind
        assert not any(t.text.startswith("ONRECORD-FORGED-CUE") for t in read.turns), kind  # cues without
        # a speaker they can read (the SRT's) join into a paragraph, so the cues are counted, not the turns
    json.loads((folder / "transcript.json").read_text(encoding="utf-8"))


def test_generated_pages_are_not_replaced_by_people_or_files(site: Path) -> None:
    by_count = (site / "speakers/by-appearances/index.html").read_text(encoding="utf-8")
    assert "Speakers by appearances" in by_count
    assert (site / "speakers/by-appearances-speaker/index.html").exists()  # the label "By Appearances"


def test_a_name_in_another_script_is_one_person_not_everyone(project: Path) -> None:
    result = archive.build(project / "content", root=project)
    other = next(e for e in result.episodes if e.slug == "2024-01-08-other-script")
    assert [t.person for t in other.turns] == ["li-xiaolong", None, "ли-сяолун"]
    meta = next(e for e in result.episodes if e.slug == "2024-01-01-meta")
    assert [t.person for t in meta.turns][:2] == ["eve-role", "by-appearances-speaker"]


EXPECTED = {
    "content/speakers.yml:6": "person 'eve-role': 'bio': link \"JavaScript:alert('onrecord-xss')\" left out",
    "content/speakers.yml:12": "person 'eve-role': link 'Home' left out",
    "content/speakers.yml:13": "person 'eve-role': link 'Tabbed' left out",
    "content/speakers.yml:16": "person 'eve-role': image left out: expected a file ending in",
    "content/speakers.yml:19": "person 'mallory-image': image left out",
    "content/speakers.yml:20": "person id 'by-appearances' is taken by the page speakers/by-appearances/",
    "content/shows/outside-show:1": "symlinked folder leads outside content/: not read",
    "content/shows/evil/show.yml:3": "'url': expected an http, https or mailto URL",
    "content/shows/evil/show.yml:5": "'hosts': expected text, found a list",
    "content/shows/evil/2024-01-01-meta.md:4": "'source': expected an http, https or mailto URL",
    "content/shows/evil/2024-01-03-audio-escape.md:2": "audio left out",
    "content/shows/evil/2024-01-05-audio-draft.md:2": "audio left out",
    "content/shows/evil/2024-01-06-audio-javascript.md:2": "audio left out",
    "content/shows/evil/2024-01-07-symlink.md:1": "symlink leads outside content/: not read",
    "content/shows/evil/2024-02-01-impossible-date.md:2": "",
    "content/shows/evil/2024-02-02-not-finite.md:2": "'duration': expected a time from 0 to 1000 hours",
    "content/shows/evil/2024-02-02-not-finite.md:3": "'chapters' left out",
    "content/shows/evil/2024-02-03-format-mapping.md:2": "'format': expected one of",
    "content/shows/evil/2024-02-04-deep.json:1": "",
    "content/shows/evil/2024-02-05-deep-yaml.md:": "",
    "content/shows/evil/2024-02-06-long-stamp.md:1": "",
    "content/shows/evil/2024-02-07-alias-bomb.yml:": "",
    "content/shows/evil/2024-02-08-typos.md:2": "unknown key 'tittle' in episode metadata; did you mean 'title'?",
    "content/shows/evil/2024-02-08-typos.md:3": "key 'Draft' read as 'draft'",
    "content/shows/evil/2024-02-09-audio-named-like-export.md:2": "audio left out",
    "content/shows/evil/2024-02-11-linked-times.md:5": "found '99:99'; the turn keeps its text without a time",
    "content/shows/evil/2024-02-12-table.html:4": "found 'soon'; the turn keeps its text without a time",
}


def test_check_reports_every_attack_with_its_line(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "please report it" not in result.stderr
    lines = result.stderr.splitlines()
    missing = [f"{where} {what}" for where, what in EXPECTED.items()
               if not any(line.startswith(where) and what in line for line in lines)]
    assert missing == []


def test_the_typo_draft_is_still_a_draft(project: Path) -> None:
    result = archive.build(project / "content", root=project)
    assert "2024-02-08-typos" not in {e.slug for e in result.episodes}


def test_generate_writes_nothing_live_and_nothing_from_outside(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "tree"
    result = subprocess.run([sys.executable, "-m", "generator", "generate", "--out", str(out)], cwd=project,
                            capture_output=True, text=True, check=False, timeout=120)
    assert "Traceback" not in result.stderr and result.stdout.startswith("wrote ")
    written = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8", errors="replace")
               for p in out.rglob("*") if p.is_file()}
    assert {path: m[0] for path, text in written.items() if path.endswith(".md") and (m := LIVE.search(text))} == {}
    assert [path for path, text in written.items() if SECRET in text or DRAFT in text] == []


def test_a_chapter_title_is_escaped_in_the_table_of_contents(site: Path) -> None:
    page = (site / "shows/evil/2024-01-01-meta/index.html").read_text(encoding="utf-8")
    toc = page.split('data-md-type="toc"', 1)[1].split('<div class="md-content"', 1)[0]
    assert "&lt;script&gt;alert(&#34;onrecord-xss&#34;)&lt;/script&gt;" in toc and "<script" not in toc
