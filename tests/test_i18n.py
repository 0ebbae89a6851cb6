"""The message catalogue (generator/i18n.py): per-string fallback, plurals, locale formats,
Material's language codes, Jinja's newstyle gettext, catalogues complete and in sync with the code,
and the page scripts' strings."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from jinja2 import Environment
from markupsafe import Markup

from generator import i18n
from generator.i18n import KEYWORDS, SCRIPT_MESSAGES, Messages

ROOT = Path(__file__).parent.parent
LOCALES = ROOT / "site_templates" / "locales"
LANGUAGES = ("es", "de")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
#: What a placeholder can stand for, where it is narrower than anything: a time is a clock ("04:20"), so
#: an English page title with " in " in it is not taken for "%(time)s in %(episode)s"; find's
#: "%(current)s of %(num)s" starts with a number, so "(share of the talk time)" is not it; a citation's
#: style is one of cite.js's three, so "Copy %(style)s" is not "Copy a link to this moment".
PLACES = {"time": r"\d+(?::\d\d)+", "current": r"\d[\d.,\s]*", "style": "APA|Chicago|BibTeX"}


def catalogue(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        catalog = read_po(f)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def test_english_is_the_msgid() -> None:
    en = Messages.for_language("en")
    assert en.gettext("Appearances Over Time") == "Appearances Over Time"
    assert en.ngettext("%(num)s turn", "%(num)s turns", 1) == "%(num)s turn"
    assert en.ngettext("%(num)s turn", "%(num)s turns", 0, num=0) == "0 turns"


def test_translations() -> None:
    assert Messages.for_language("es").gettext("Appearances Over Time") == "Apariciones a lo largo del tiempo"
    assert Messages.for_language("de").gettext("Appearances Over Time") == "Auftritte im Zeitverlauf"


def test_a_message_a_language_lacks_falls_back_to_english() -> None:
    es = Messages.for_language("es")
    assert es.gettext("A message nobody translated") == "A message nobody translated"
    assert es.ngettext("%(num)s widget", "%(num)s widgets", 3, num=3) == "3 widgets"
    assert es.gettext("Speakers") == "Participantes"  # while its neighbours are translated


def test_empty_and_fuzzy_translations_fall_back_string_by_string(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "onrecord.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Speakers"\nmsgstr "Participantes"\n\n'
        'msgid "Chapters"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Transcript"\nmsgstr "Transcripción dudosa"\n\n'
        'msgid "%(num)s turn"\nmsgid_plural "%(num)s turns"\nmsgstr[0] "%(num)s intervención"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "locales_dir", lambda: tmp_path)
    locale = Locale.parse("es")
    es = Messages(locale, "es", *i18n.load(locale))
    assert es.gettext("Speakers") == "Participantes"
    assert es.gettext("Chapters") == "Chapters"
    assert es.gettext("Transcript") == "Transcript"
    assert es.ngettext("%(num)s turn", "%(num)s turns", 1, num=1) == "1 turn"  # a plural form is missing


@pytest.mark.parametrize(("code", "n", "expected"), [
    ("es", 1, "1 aparición"), ("es", 2, "2 apariciones"), ("es", 0, "0 apariciones"),
    ("es", 1_000_000, "1.000.000 apariciones"),
    ("de", 1, "1 Auftritt"), ("de", 2, "2 Auftritte"), ("de", 1234, "1.234 Auftritte"),
    ("en", 1, "1 appearance"), ("en", 1234, "1,234 appearances"),
])
def test_plurals(code: str, n: int, expected: str) -> None:
    m = Messages.for_language(code)
    assert m.ngettext("%(num)s appearance", "%(num)s appearances", n, num=m.number(n)) == expected


@pytest.mark.parametrize(("code", "date", "month", "number", "percent"), [
    ("en", "March 3, 2021", "March 2021", "1,234", "42%"),
    ("es", "3 de marzo de 2021", "marzo de 2021", "1.234", "42\u00a0%"),
    ("de", "3. März 2021", "März 2021", "1.234", "42\u00a0%")  # a no-break space before %,
])
def test_dates_and_numbers(code: str, date: str, month: str, number: str, percent: str) -> None:
    m = Messages.for_language(code)
    assert m.date(dt.date(2021, 3, 3)) == date
    assert m.month_year(2021, 3) == month
    assert m.number(1234) == number
    assert m.percent(0.42) == percent


def test_month_names() -> None:
    assert [Messages.for_language(c).month_name(3) for c in ("en", "es", "de")] == ["March", "marzo", "März"]


@pytest.mark.parametrize(("code", "expected"), [
    ("en", ["1 h 05 min", "42 min", "35 s", ""]),
    ("es", ["1 h 05 min", "42 min", "35 s", ""]),
    ("de", ["1 Std. 05 Min.", "42 Min.", "35 Sek.", ""]),
])
def test_durations(code: str, expected: list[str]) -> None:
    m = Messages.for_language(code)
    assert [m.duration(s) for s in (3900, 42 * 60, 35.7, None)] == expected


def test_english_durations_round_to_the_minute() -> None:
    en = Messages.for_language("en")
    found = [en.duration(s) for s in (0, 1, 59.9, 60, 89, 90, 3569, 3570, 3600, 3629, 7199, 36000)]
    assert found == ["", "1 s", "59 s", "1 min", "1 min", "2 min", "59 min", "1 h 00 min", "1 h 00 min",
                     "1 h 00 min", "2 h 00 min", "10 h 00 min"]


@pytest.mark.parametrize("code", [None, "", "xx", "tlh", "../../etc", "en"])
def test_unknown_or_missing_language_is_english(code: str | None) -> None:
    m = Messages.for_language(code)
    assert m.code == "en"
    assert m.gettext("Speakers") == "Speakers"
    assert m.date(dt.date(2021, 3, 3)) == "March 3, 2021"


@pytest.mark.parametrize(("code", "tag", "month"), [
    ("pt-BR", "pt-BR", "março de 2021"), ("zh-Hant", "zh-Hant", "2021年3月"), ("sr-Latn", "sr-Latn", "mart 2021."),
    ("zh-TW", "zh-Hant-TW", "2021年3月"), ("sh", "sr-Latn", "mart 2021."),
])
def test_material_language_codes_resolve(code: str, tag: str, month: str) -> None:
    m = Messages.for_language(code)
    assert (m.code, m.month_year(2021, 3)) == (tag, month)
    assert m.gettext("Speakers") == "Speakers"  # no catalogue for them yet: English strings


def test_a_regional_code_uses_its_language_catalogue() -> None:
    m = Messages.for_language("es-MX")
    assert (m.code, m.gettext("Speakers")) == ("es-MX", "Participantes")
    assert Messages.for_language("de-AT").gettext("Speakers") == "Sprechende"


def test_cached_per_code() -> None:
    assert Messages.for_language("es") is Messages.for_language("es")


def test_language_names() -> None:
    en, es = Messages.for_language("en"), Messages.for_language("es")
    names = [en.language_name(c) for c in ("es", "de", "en", "pt-BR")]
    assert names == ["Español", "Deutsch", "English", "Português (Brasil)"]
    assert (en.language_name(""), es.language_name(""), en.language_name("xx")) == ("Original", "Original", "xx")


def jinja(code: str) -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    m = Messages.for_language(code)
    env.install_gettext_callables(m.gettext, m.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["number"] = m.number
    return env


def test_jinja_newstyle_gettext() -> None:
    template = jinja("es").from_string(
        '<h2>{{ _("Speakers") }}</h2> {{ ngettext("%(num)s turn", "%(num)s turns", n, num=n|number) }}'
        ' <p>{{ _("Also listed %(link)s.", link=link) }}</p> {{ _("Transcribed by %(name)s", name=name) }}'
    )
    html = template.render(n=1234, link=Markup('<a href="x/">por nombre</a>'), name="<b>")
    assert html == ('<h2>Participantes</h2> 1.234 intervenciones'
                    ' <p>Lista también disponible <a href="x/">por nombre</a>.</p> Transcripción de &lt;b&gt;')


def test_jinja_falls_back_to_english_per_string() -> None:
    template = jinja("de").from_string('{{ _("Speakers") }} / {{ _("Not in any catalogue: %(x)s", x="<i>") }}')
    assert template.render() == "Sprechende / Not in any catalogue: &lt;i&gt;"


# The catalogues ------------------------------------------------------------------------------


def test_every_message_is_translated_in_spanish_and_german() -> None:
    template = catalogue(LOCALES / "onrecord.pot")
    assert len(template) > 100
    for language in LANGUAGES:
        translated = catalogue(LOCALES / language / "LC_MESSAGES" / "onrecord.po")
        for msgid, message in template.items():
            assert msgid in translated, f"{language}: {msgid!r} is not in the catalogue (make messages)"
            found = translated[msgid]
            strings = found.string if isinstance(found.string, tuple) else (found.string,)
            assert all(strings) and not found.fuzzy, f"{language}: {msgid!r} is untranslated or fuzzy"
            assert isinstance(found.id, tuple) == isinstance(message.id, tuple), msgid
            wanted = set(PLACEHOLDER.findall(" ".join(message.id if isinstance(message.id, tuple) else (message.id,))))
            for string in strings:  # a form may leave out the count (es "y %(num)s más" keeps it, but may not)
                assert set(PLACEHOLDER.findall(string)) <= wanted | {"num"}, f"{language}: {string!r}"
                assert set(PLACEHOLDER.findall(string)) >= wanted - {"num"}, f"{language}: {string!r}"


def test_no_message_holds_html() -> None:
    """Jinja's newstyle gettext marks a translation safe (``Markup``) and escapes only the values
    filled in, so a message must not hold what HTML reads as markup: a ``"`` would end the
    attribute a message sits in (``placeholder="{{ _(...) }}"``). Typographic quotes are fine."""
    for path in (LOCALES / "onrecord.pot", *(LOCALES / lang / "LC_MESSAGES" / "onrecord.po" for lang in LANGUAGES)):
        for message in catalogue(path).values():
            texts = [*([message.id] if isinstance(message.id, str) else message.id),
                     *([message.string] if isinstance(message.string, str) else message.string)]
            for text in texts:
                assert not set(text) & set('<>&"'), f"{path.parent.parent.name}: {text!r}"


def extracted() -> set[str]:
    """What ``make messages`` would extract today, as babel.cfg maps the files (Python under
    generator/, Jinja templates under site_templates/)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        methods, options = parse_mapping_cfg(f)  # type: ignore[no-untyped-call]
    assert ("site_templates/**.html", "jinja2") in methods
    found = extract_from_dir(ROOT, method_map=methods, options_map=options, keywords={**DEFAULT_KEYWORDS, **KEYWORDS})
    return {message[0] if isinstance(message, tuple) else message for _, _, message, _, _ in found}


def test_the_template_is_in_sync_with_the_code() -> None:
    """Every message the code and templates use is in the .pot, and nothing else is (run
    ``make messages`` after adding, changing or removing a string)."""
    assert extracted() == set(catalogue(LOCALES / "onrecord.pot"))


def test_catalogues_ship_with_the_package() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["site_templates"] == "generator/site_templates"
    assert i18n.locales_dir() == LOCALES


# The page scripts ----------------------------------------------------------------------------


def test_script_strings_carry_every_form_the_language_needs() -> None:
    es = Messages.for_language("es").script_strings()
    assert es["lang"] == "es" and es["copied"] == "Enlace a este momento copiado"
    assert (es["results.one"], es["results.other"], es["results.many"]) == (
        "%(num)s resultado", "%(num)s resultados", "%(num)s resultados")
    en = Messages.for_language(None).script_strings()
    # the single-form messages are their English; those with a plural, one key per form
    single = {key: message for key, message in SCRIPT_MESSAGES.items() if isinstance(message, str)}
    assert {key: en[key] for key in single} == single
    assert en.items() >= {"lang": "en", "copied": "Link to this moment copied", "quote": "Link to this quote",
                  "quoted": "Link to this quote copied", "more": "More results", "searching": "Searching…",
                  "none": "No results.", "results.one": "%(num)s result", "results.other": "%(num)s results",
                  "showing.one": "%(num)s result, showing %(shown)s", "showing.other": "%(num)s results, showing %(shown)s",
                  "find_none": "No matches", "find_count.one": "%(current)s of %(num)s",
                  "find_count.other": "%(current)s of %(num)s", "find_capped.one": "%(current)s of the first %(num)s",
                  "find_capped.other": "%(current)s of the first %(num)s",
                  "absent.one": "No transcript has the word %(words)s.",
                  "absent.other": "No transcript has the words %(words)s.", "quote_word": "“%(word)s”",
                  "suggest": "Did you mean %(terms)s?", "starting": "Words starting with %(words)s",
                  "results_for": "Results for %(words)s",
                  "player": "Audio player", "play": "Play", "pause": "Pause", "back15": "Back 15 seconds",
                  "forward15": "Forward 15 seconds", "speed": "Playback speed",
                  "current_turn": "Back to the current turn"}.items()


def test_the_scripts_english_is_the_catalogues() -> None:
    """Each script's built-in English (shown when a page carries no strings) is the msgid."""
    folder = ROOT / "site_templates/assets/onrecord"
    scripts = "".join(path.read_text() for path in sorted(folder.glob("*.js")))
    for key, message in SCRIPT_MESSAGES.items():
        if isinstance(message, str):
            assert f'say("{key}", "{message}"' in scripts, key
        else:
            assert f'sayCount("{key}", "{message[0]}", "{message[1]}"' in scripts, key


def with_strings(page: Any, url: str, code: str) -> None:
    """Serve ``url`` with the strings block the templates will render into it."""
    block = json.dumps(Messages.for_language(code).script_strings()).replace("<", "\\u003c")

    def handle(route: Any) -> None:
        response = route.fetch()
        strings = f'<script type="application/json" id="onr-strings">{block}</script>'
        body = response.text().replace("<script", strings + "<script", 1)
        route.fulfill(response=response, body=body)

    page.route(url, handle)


@pytest.mark.browser
def test_search_speaks_the_pages_language(page: Any, site_url: str) -> None:
    with_strings(page, f"{site_url}search/?q=night", "es")
    page.goto(f"{site_url}search/?q=night")
    page.wait_for_selector("ol.onr-results[data-state=done]")
    assert re.fullmatch(r"\d+ resultados?(, se muestran? \d+)?", page.inner_text(".onr-search-status"))
    assert page.evaluate("document.querySelector('button.onr-more').textContent") == "Más resultados"


@pytest.mark.browser
def test_search_without_strings_is_english(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=night")
    page.wait_for_selector("ol.onr-results[data-state=done]")
    assert re.fullmatch(r"\d+ results?(, showing \d+)?", page.inner_text(".onr-search-status"))
    assert page.evaluate("document.querySelector('button.onr-more').textContent") == "More results"
    page.goto(f"{site_url}search/?q=night&year=1999")  # words that exist, but not in that year
    page.wait_for_function("document.querySelector('.onr-search-status').textContent === 'No results.'")
    page.goto(f"{site_url}search/?q=nigt+fery")
    page.wait_for_selector("ol.onr-results[data-state=done]", state="attached")
    assert page.inner_text(".onr-search-status") == "No transcript has the words “nigt” and “fery”."
    assert page.inner_text(".onr-search-suggest") == "Did you mean night ferry?"


@pytest.mark.browser
@pytest.mark.parametrize(("code", "status", "suggest"), [
    ("es", "Ninguna transcripción tiene la palabra «fery».", "¿Quería decir ferry?"),
    ("de", "Kein Transkript enthält das Wort „fery“.", "Meinten Sie ferry?"),
])
def test_a_word_no_page_holds_is_said_in_the_pages_language(page: Any, site_url: str, code: str, status: str,
                                                            suggest: str) -> None:
    with_strings(page, f"{site_url}search/?q=fery", code)
    page.goto(f"{site_url}search/?q=fery")
    page.wait_for_selector("ol.onr-results[data-state=done]", state="attached")
    assert page.inner_text(".onr-search-status") == status
    assert page.inner_text(".onr-search-suggest") == suggest


# The demo in Spanish ---------------------------------------------------------------------------

#: Where a page shows what came from the user's files (transcript text, quotes, bios, labels):
#: never our strings, so not searched.
USER_TEXT = {"onr-turn-text", "onr-quote", "onr-bio", "onr-description", "onr-role", "onr-labels"}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ENGLISH_DATE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                          r"( \d{1,2},)? \d{4}\b")


def english_patterns(code: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each English form of each message the language translates differently, as a regex
    (placeholders match anything) that a whole text or attribute value would match."""
    messages = Messages.for_language(code)
    patterns = []
    for msgid, message in catalogue(LOCALES / "onrecord.pot").items():
        forms = list(message.id) if not isinstance(message.id, str) else [msgid]
        for n, form in zip((1, 2), forms, strict=False):
            ours = messages.ngettext(forms[0], forms[-1], n) if len(forms) > 1 else messages.gettext(form)
            if ours == form or not re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", form)):
                continue
            parts = PLACEHOLDER.split(form)
            pattern = "".join(re.escape(p) if i % 2 == 0 else PLACES.get(p, ".+?") for i, p in enumerate(parts))
            patterns.append((form, re.compile(pattern)))
    return patterns


class EnglishFinder(HTMLParser):
    """Texts and attribute values outside the user's own text that are an English message of ours."""

    def __init__(self, patterns: list[tuple[str, re.Pattern[str]]]) -> None:
        super().__init__(convert_charrefs=True)
        self.patterns = patterns
        self.stack: list[bool] = []  # per open element: inside the user's text?
        self.found: set[str] = set()

    def check(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.found.update(f"{form!r}: {text!r}" for form, pattern in self.patterns if pattern.fullmatch(text))
        if ENGLISH_DATE.search(text):
            self.found.add(f"an English date: {text!r}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        user = bool(self.stack and self.stack[-1]) or bool(USER_TEXT & set((values.get("class") or "").split()))
        if tag not in VOID:
            self.stack.append(user)
        if not user:
            for name in ATTRIBUTES:
                self.check(values.get(name) or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self.stack and self.stack[-1]):
            self.check(data)


def english_in(html: str, code: str = "es") -> set[str]:
    finder = EnglishFinder(english_patterns(code))
    finder.feed(html)
    return finder.found


def test_the_finder_finds_our_english_and_leaves_the_users_text_alone() -> None:
    html = ('<h2>Speakers <small>(share of the talk time)</small></h2><p class="onr-facts">March 3, 2021 · 12 turns</p>'
            '<svg aria-label="Who spoke when: 3 turns across 04:00"></svg><div class="onr-turn-text"><p>Speakers</p>'
            '<p>Go to this moment</p></div><p>Participantes</p><a title="Copy a link to this moment">#</a>')
    assert english_in(html) == {
        "'Speakers': 'Speakers'", "'(share of the talk time)': '(share of the talk time)'",
        "an English date: 'March 3, 2021 · 12 turns'", "'%(num)s turns': 'March 3, 2021 · 12 turns'",
        "'Who spoke when: %(num)s turns across %(length)s': 'Who spoke when: 3 turns across 04:00'",
        "'Copy a link to this moment': 'Copy a link to this moment'",
    }


@pytest.fixture(scope="module")
def spanish_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive built with ``theme.language: es`` (search off: it is not what is tested)."""
    from conftest import mkdocs_build

    project = tmp_path_factory.mktemp("spanish") / "demo"
    shutil.copytree(ROOT / "content", project / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  name: material\n", "  name: material\n  language: es\n", 1)
    config = config.replace("      content: content\n", "      content: content\n      search: false\n", 1)
    assert "language: es" in config and "search: false" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_demo_in_spanish_has_no_english_string_of_ours_on_person_and_episode_pages(spanish_demo: Path) -> None:
    pages = [*sorted(spanish_demo.glob("speakers/*/index.html")), *sorted(spanish_demo.glob("shows/*/*/**/index.html"))]
    assert len(pages) > 30
    found = {f"{page.relative_to(spanish_demo)}: {what}" for page in pages
             for what in english_in(page.read_text(encoding="utf-8"))}
    assert sorted(found) == []
