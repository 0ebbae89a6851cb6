"""The site in the archive's language: one message catalogue per language, and Babel's formats.

``Messages.for_language(config.theme.language)`` gives the strings, dates and numbers of one
language. Every English string the site generates is a message (a *msgid*: the English text,
with named placeholders such as ``%(num)s``); its translations live in gettext catalogues::

    site_templates/locales/onrecord.pot                     the template: every msgid (make messages)
    site_templates/locales/<lang>/LC_MESSAGES/onrecord.po   one per language: es, de, ...

The ``.po`` files are read as they are with Babel (``babel.messages.pofile.read_po``) the first
time a language is asked for; there is no compile step, so a fresh clone builds, and a translator
edits one text file. A string a language lacks, leaves empty or marks fuzzy falls back to the
English msgid, string by string.

Languages are named as Material's ``theme.language`` spells them (``en``, ``es``, ``pt-BR``,
``zh-Hant``, ``sr-Latn``); the catalogue is the most specific one there is (``pt_BR``, then
``pt``), and formats come from Babel's CLDR data for the full locale. An unknown or missing code
is English. Templates get :meth:`Messages.gettext` and :meth:`Messages.ngettext` through Jinja's
i18n extension with ``newstyle=True``::

    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_callables(messages.gettext, messages.ngettext, newstyle=True)

and then ``{{ _("Speakers") }}`` or ``{{ ngettext("%(num)s turn", "%(num)s turns", n,
num=messages.number(n)) }}``. The page scripts get their strings from :meth:`Messages.script_strings`,
rendered into the page as JSON (see that method).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.lists import format_list
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

DOMAIN = "onrecord"
ENGLISH = "en"
#: Material language codes Babel has no locale for, and the locale that writes them.
ALIASES = {"sh": "sr_Latn"}


def N_(message: str) -> str:  # gettext's own name for a marker
    """Marks ``message`` for the catalogue (``make messages``) without translating it."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural for the catalogue without translating it."""
    return singular, plural


#: The extractor keywords for :func:`N_` and :func:`NP_`, beside Babel's defaults (``_``,
#: ``gettext``, ``ngettext``...): the Makefile's ``messages`` target and tests/test_i18n.py use them.
KEYWORDS: dict[str, tuple[int, ...] | None] = {"N_": None, "NP_": (1, 2)}

#: What the page scripts (``assets/onrecord/episode.js``, ``player.js``, ``search.js``...) show: key -> message.
SCRIPT_MESSAGES: dict[str, str | tuple[str, str]] = {
    "copied": N_("Link to this moment copied"),
    "quote": N_("Link to this quote"),
    "quoted": N_("Link to this quote copied"),
    "more": N_("More results"),
    "searching": N_("Searching…"),
    "none": N_("No results."),
    "results": NP_("%(num)s result", "%(num)s results"),
    "showing": NP_("%(num)s result, showing %(shown)s", "%(num)s results, showing %(shown)s"),
    "absent": NP_("No transcript has the word %(words)s.", "No transcript has the words %(words)s."),
    "quote_word": N_("“%(word)s”"),
    "suggest": N_("Did you mean %(terms)s?"),
    "starting": N_("Words starting with %(words)s"),
    "stale": N_("The search index is catching up with your latest changes: results may be out of date for a moment."),
    "results_for": N_("Results for %(words)s"),
    "find_none": N_("No matches"),
    "find_count": NP_("%(current)s of %(num)s", "%(current)s of %(num)s"),
    "find_capped": NP_("%(current)s of the first %(num)s", "%(current)s of the first %(num)s"),
    "player": N_("Audio player"),
    "play": N_("Play"),
    "pause": N_("Pause"),
    "back15": N_("Back 15 seconds"),
    "forward15": N_("Forward 15 seconds"),
    "speed": N_("Playback speed"),
    "current_turn": N_("Back to the current turn"),
    # the list of keys (episode.js, ?)
    "keys": N_("Keyboard shortcuts"),
    "keys_next": N_("Next turn"),
    "keys_previous": N_("Previous turn"),
    "keys_down_up": N_("Next or previous turn, from a turn's time or link"),
    "keys_left_right": N_("Between a turn's speaker, time, link and Cite"),
    "key_enter": N_("Enter"),
    "keys_enter": N_("On a time: play from there"),
    "key_space": N_("Space"),
    "keys_space": N_("Play or pause"),
    "keys_help": N_("This list of keys"),
    "keys_escape": N_("Close this list"),
    "close": N_("Close"),
    # Cite this moment (cite.js): the button, its dialog, and the words inside the citations
    "cite": N_("Cite"),
    "cite_label": N_("Cite this moment"),
    "cite_title": N_("Cite this moment"),
    "cite_copy": N_("Copy"),
    "cite_copy_style": N_("Copy %(style)s"),
    "cite_copied": N_("%(style)s citation copied"),
    "cite_select": N_("Selected: press Ctrl+C to copy"),
    "cite_podcast_episode": N_("Audio podcast episode"),
    "cite_transcript": N_("Transcript"),
    "cite_nd": N_("n.d."),
    "cite_in": N_("In"),
    "cite_podcast_audio": N_("podcast audio"),
    "cite_transcript_note": N_("transcript"),
    "cite_at": N_("at %(time)s"),
}


def locales_dir() -> Path:
    """``site_templates/locales/``: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "site_templates" / "locales", here.parent / "site_templates" / "locales"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("site_templates/locales/ is missing from the On Record installation")


def locale_of(code: str | None) -> Locale:
    """Babel's locale for a Material language code; English when there is none."""
    name = ALIASES.get(code or "", code or ENGLISH)
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(ENGLISH)


Translations = dict[str, str | tuple[str, ...]]


def load(locale: Locale) -> tuple[Translations, Callable[[int], int]]:
    """The translated messages of the most specific catalogue for ``locale`` (``pt_BR``, then
    ``pt``), without empty or fuzzy ones, and its plural rule (n -> index of the plural form)."""
    for name in dict.fromkeys((str(locale), f"{locale.language}_{locale.script}" if locale.script else "",
                               locale.language)):
        path = locales_dir() / name / "LC_MESSAGES" / f"{DOMAIN}.po" if name else None
        if path and path.is_file():
            with path.open("rb") as f:
                catalog = read_po(f, locale=name, domain=DOMAIN)
            found: Translations = {}
            for message in catalog:
                ids, strings = _texts(message.id), _texts(message.string)
                if ids[0] and not message.fuzzy and all(strings):
                    found[ids[0]] = strings if message.pluralizable else strings[0]
            return found, _gettext.c2py(catalog.plural_expr)
    return {}, lambda n: int(n != 1)


def _texts(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A catalogue entry's msgid or msgstr as a tuple: one string, or one per plural form."""
    return tuple(value) if isinstance(value, tuple | list) else (value or "",)


class Messages:
    """One language's strings and formats. Get one with :meth:`for_language` (cached per code)."""

    def __init__(self, locale: Locale, code: str, translations: Translations, plural: Callable[[int], int]) -> None:
        self.locale = locale
        #: The BCP 47 code for ``<html lang>`` and ``lang=`` (``en``, ``es``, ``pt-BR``).
        self.code = code
        self._translations = translations
        self._plural = plural

    @staticmethod
    @cache
    def for_language(code: str | None) -> Messages:
        """Messages for Material's ``theme.language`` code; English for ``None`` or an unknown code."""
        locale = locale_of(code)
        tag = "-".join(part for part in (locale.language, locale.script, locale.territory) if part)
        return Messages(locale, tag, *load(locale))

    def gettext(self, message: str, **variables: object) -> str:
        """The translation of ``message``, or ``message`` itself. With ``variables`` (Python
        callers), the result is %-formatted with them; Jinja's newstyle gettext passes none and
        formats (and escapes) the variables itself."""
        found = self._translations.get(message)
        text = found if isinstance(found, str) else message
        return text % variables if variables else text

    def ngettext(self, singular: str, plural: str, n: int, **variables: object) -> str:
        """The form of a message with a plural for the count ``n`` (``%(num)s`` is ``n`` unless
        given): the language's own forms, or English's."""
        found = self._translations.get(singular)
        if isinstance(found, tuple):
            index = self._plural(n)
            text = found[index] if 0 <= index < len(found) else found[-1]
        else:
            text = singular if n == 1 else plural
        return text % {"num": n, **variables} if variables else text

    # Babel's formatting costs 20-60 µs a call and a site asks for the same dates, months and
    # counts thousands of times (every bar of every person's chart): each is cached.
    @lru_cache(maxsize=8192)  # noqa: B019 (Messages live as long as the process: for_language caches them)
    def number(self, n: float) -> str:
        """``1,234`` (en), ``1.234`` (de, es)."""
        return str(format_decimal(n, locale=self.locale))

    @lru_cache(maxsize=8192)  # noqa: B019 (Messages live as long as the process: for_language caches them)
    def percent(self, x: float) -> str:
        """``42%`` (en), ``42 %`` (de, es) for ``0.42``."""
        return str(format_percent(x, locale=self.locale))

    @lru_cache(maxsize=8192)  # noqa: B019 (Messages live as long as the process: for_language caches them)
    def date(self, day: dt.date) -> str:
        """The long date: ``March 3, 2021``, ``3 de marzo de 2021``, ``3. März 2021``."""
        return str(format_date(day, "long", locale=self.locale))

    def month_day(self, day: dt.date) -> str:
        """``October 19``, ``19 de octubre``, ``19. Oktober``: the day without its year (an APA
        citation's date is ``2023, October 19``)."""
        return str(format_skeleton("MMMMd", day, locale=self.locale))

    def list(self, items: Sequence[str]) -> str:
        """``a, b, and c`` (en), ``a, b y c`` (es), ``a, b und c`` (de)."""
        return str(format_list(list(items), locale=self.locale)) if items else ""

    @lru_cache(maxsize=8192)  # noqa: B019 (Messages live as long as the process: for_language caches them)
    def month_year(self, year: int, month: int) -> str:
        """``March 2021``, ``marzo de 2021``, ``März 2021``."""
        return str(format_skeleton("yMMMM", dt.date(year, month, 1), locale=self.locale))

    def month_name(self, month: int) -> str:
        """The month's name standing alone, as a heading would show it: ``March``, ``marzo``, ``März``."""
        return str(get_month_names("wide", "stand-alone", locale=self.locale)[month])

    def duration(self, seconds: float | None) -> str:
        """``1 h 05 min`` / ``42 min`` / ``35 s`` in English; ``""`` for no length."""
        if not seconds:
            return ""
        if seconds < 60:
            return self.gettext("%(seconds)s s", seconds=self.number(int(seconds)))
        minutes = round(seconds / 60)
        if minutes < 60:
            return self.gettext("%(minutes)s min", minutes=self.number(minutes))
        return self.gettext("%(hours)s h %(minutes)s min", hours=self.number(minutes // 60), minutes=f"{minutes % 60:02d}")

    def language_name(self, code: str) -> str:
        """A language in its own name, capitalised as a list of languages shows it: ``Español``,
        ``Deutsch``, ``Português (Brasil)``; ``""`` (an episode's original) is ``Original`` in
        this language, and a code Babel does not know is shown as it is."""
        if not code:
            return self.gettext("Original")
        try:
            own = Locale.parse(ALIASES.get(code, code).replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            return code
        name = str(own.get_display_name(own) or code)
        return name[:1].upper() + name[1:]

    def script_strings(self) -> dict[str, str]:
        """The page scripts' strings in this language, for the page to carry as JSON::

            <script type="application/json" id="onr-strings">{{ messages.script_strings() | tojson }}</script>

        ``lang`` is :attr:`code`; each message of :data:`SCRIPT_MESSAGES` is under its key, and a
        message with a plural under ``key.<category>`` for each CLDR plural category of the
        language (``results.one``, ``results.other``), which the scripts pick with
        ``Intl.PluralRules``. Placeholders stay as ``%(name)s``; the scripts fill them in, and
        without this block they show their built-in English."""
        strings = {"lang": self.code}
        for key, message in SCRIPT_MESSAGES.items():
            if isinstance(message, str):
                strings[key] = self.gettext(message)
                continue
            for category, n in self.plural_samples().items():
                strings[f"{key}.{category}"] = self.ngettext(*message, n)
        return strings

    def plural_samples(self) -> dict[str, int]:
        """A whole number for each of the language's CLDR plural categories (``one``: 1, ``other``: 2...)."""
        samples: dict[str, int] = {}
        for n in (*range(0, 201), 1000, 10**6):
            samples.setdefault(str(self.locale.plural_form(n)), n)
        return samples
