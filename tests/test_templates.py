"""Page templates: a site overrides one block or a whole template from its MkDocs ``custom_dir``;
the Python fast path for turns writes exactly what the turn partial writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from conftest import ARCHIVE, mkdocs_build
from generator.archive import build
from generator.pages import Templates
from generator.pages.episode import episode_view

HOSTILE = Path(__file__).parent / "hostile/archive"
DEMO = Path(__file__).parent.parent

SINCE = """{% extends "!onrecord/person.html" %}
{% block onrecord_person_header %}
{{ super() }}
{% if view.stats and view.stats.first.date %}
<p class="on-record-since">On the record since {{ view.stats.first.date.year }} as {{ person.name }}</p>
{% endif %}
{% endblock %}
"""

TURN = (
    '<div class="my-turn" id="{{ turn.placed.anchor }}">{{ turn.person.name if turn.person else "?" }}: '
    "{{ turn.text }}</div>"
)


@pytest.fixture(scope="module")
def overridden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive built with a custom_dir overriding a block of the person page and the
    whole turn partial; a speaker's name carries markup, to show overrides are escaped too."""
    project = tmp_path_factory.mktemp("override") / "archive"
    shutil.copytree(ARCHIVE, project)
    speakers = project / "content/speakers.yml"
    speakers.write_text(speakers.read_text(encoding="utf-8").replace("name: Tom Okafor", 'name: "Tom <b>Okafor</b>"'),
                        encoding="utf-8")
    (project / "overrides/onrecord/partials").mkdir(parents=True)
    (project / "overrides/onrecord/person.html").write_text(SINCE, encoding="utf-8")
    (project / "overrides/onrecord/partials/turn.html").write_text(TURN, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                  "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_block_override_adds_to_the_person_header_and_keeps_the_rest(overridden: Path) -> None:
    html = (overridden / "speakers/tom-okafor/index.html").read_text(encoding="utf-8")
    assert '<p class="on-record-since">On the record since 2023 as Tom &lt;b&gt;Okafor&lt;/b&gt;</p>' in html
    assert html.index('class="onr-person-head"') < html.index("on-record-since") < html.index('id="over-time"')
    assert '<svg class="onr-chart"' in html  # the blocks it does not name are ours
    assert "<b>Okafor</b>" not in html


def test_a_whole_partial_override_replaces_every_turn(overridden: Path) -> None:
    html = (overridden / "shows/harbour-talk/tides/index.html").read_text(encoding="utf-8")
    assert '<div class="my-turn" id="t4">Tom &lt;b&gt;Okafor&lt;/b&gt;: <p>The tide tables' in html
    assert 'class="onr-turn ' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_pages_without_an_override_are_ours(overridden: Path) -> None:
    html = (overridden / "shows/harbour-talk/index.html").read_text(encoding="utf-8")
    assert "<h1>Harbour Talk</h1>" in html or 'class="onr-episodes"' in html


@pytest.mark.parametrize("project", [ARCHIVE, HOSTILE, DEMO], ids=["fixture", "hostile", "demo"])
def test_the_python_turn_writes_what_the_turn_partial_writes(project: Path) -> None:
    archive = build(project / "content", root=project)
    templates = Templates()
    partial = templates.env.get_template("onrecord/partials/turn.html")
    checked = 0
    for episode in archive.episodes:
        view = episode_view(archive, episode)
        fast = templates.env.from_string("{{ turns(view.turns) }}")
        slow = "".join(partial.render(turn=t, page_url=episode.url) + "\n" for t in view.turns)
        assert fast.render(view=view, page_url=episode.url) == slow
        checked += len(view.turns)
    assert checked > 10  # named, labelled and unattributed turns, timed and untimed


def test_a_misspelt_value_in_a_template_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "onrecord").mkdir()
    (tmp_path / "onrecord/search.html").write_text("{{ speakerz }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError, match="speakerz"):
        Templates(tmp_path).render("search.html", "search/", speakers=[])


def test_generate_writes_the_tree_in_the_language_and_with_the_templates_asked(tmp_path: Path) -> None:
    from generator.cli import main

    overrides = tmp_path / "overrides/onrecord"
    overrides.mkdir(parents=True)
    (overrides / "person.html").write_text(SINCE, encoding="utf-8")
    out = tmp_path / "tree"
    args = ["generate", "--content", str(ARCHIVE / "content"), "--out", str(out), "--language", "de",
            "--templates", str(tmp_path / "overrides")]
    assert main(args) in (0, 1)
    person = (out / "speakers/tom-okafor/index.md").read_text(encoding="utf-8")
    assert "Auftritte im Zeitverlauf" in person and "Appearances Over Time" not in person
    assert '<p class="on-record-since">On the record since 2023 as Tom Okafor</p>' in person


def test_markup_is_made_in_one_place() -> None:
    """What is already HTML becomes a Markup in generator/pages/markup.py (or is a template's
    output, in templates.py); nothing else may declare a string safe."""
    import ast

    root = Path(__file__).parent.parent / "generator"
    allowed = {root / "pages/markup.py", root / "pages/templates.py"}
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name == "Markup" and path not in allowed:
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert found == []


def test_one_episode_item_partial_lists_episodes_on_home_show_and_tag_pages(tmp_path: Path) -> None:
    """A site that overrides partials/episode-item.html changes every list of episodes with details."""
    from generator.pages import Page, render

    (tmp_path / "onrecord/partials").mkdir(parents=True)
    (tmp_path / "onrecord/partials/episode-item.html").write_text(
        '{% macro episode_item(episode, show_as=none, details=false) %}<li class="mine">{{ episode.title }}'
        "{% if details %} ({{ listing.tags_of(episode)|map(attribute='name')|join(', ') }}){% endif %}</li>"
        "{% endmacro %}", encoding="utf-8")
    pages = {item.src_uri: item.inline() for item in render(build(ARCHIVE / "content", root=ARCHIVE), custom_dir=tmp_path)
             if isinstance(item, Page)}
    for uri in ("index.md", "shows/night-lab/index.md", "tags/astronomy/index.md"):
        assert '<li class="mine">Counting Stars (astronomy, satellites)</li>' in pages[uri], uri
