"""What a speaker label is, and the real name behind ``MR. DEESE``.

**Kinds.** :func:`kind` sorts a label (as it is compared: :func:`~generator.slugs.label_key`)
into one of:

- ``"role"``: every word is a role word (``MODERATOR``, ``OPERATOR``, ``AIDE``, ``SENIOR
  ADMINISTRATION OFFICIAL``, ``AUDIENCE MEMBERS``, ``Q``): someone unnamed, for ``unnamed:``;
- ``"office"``: an honorific and nothing else (``THE PRESIDENT``, ``THE VICE PRESIDENT``, ``THE
  FIRST LADY``): a role whose holder changes over the years, so no name is guessed for it;
- ``"anonymous"``: a diarization label (``SPEAKER_00``), a different person in every episode;
- ``"prose"``: probably not a speaker at all but text read as a label: more than
  :data:`MAX_WORDS` words, a digit (``Project 2025``), a common English word (``Consider``,
  ``On Russia``, ``Friday``, ``Topic``), a possessive (``People’s House``, ``Leaders’ Summit``),
  or, given ``lone_case``, one mixed-case word in episodes whose turns are mostly in capitals or
  unlabelled (``Atlanta:`` among ``THE PRESIDENT:`` turns in a White House transcript);
- ``"name"``: anything else.

**Name proposals.** For a ``"name"`` label made of an honorific and a surname (``MR. DEESE``,
``SECRETARY RAIMONDO``) or of one word alone (``Deese``, ``Christian``), :func:`propose` looks in
the titles, descriptions, credited speakers and other labels of the episodes where it occurs for a
capitalised full name ending in that surname (``…and National Economic Council Director Brian
Deese``): the surname is matched ignoring case and accents, and the name is the run of up to three
capitalised words just before it, stopping at role and function words (``Director``, ``Press``,
``and``) and acronyms (``APNSA``). A one-word label may also be a first name (``Christian`` ->
``Christian Decker``); two or three capitals may be initials (``SL`` -> ``Stephan Livera``), and
``Michael Flaxman (MF)`` spells its initials out. Each episode votes once per name; the most votes
win, then the shorter name. A titled honorific (anything but Mr/Ms/Mrs/Miss/Dr) must agree with
the role words just before a name when there are some: ``PRESIDENT BIDEN`` takes ``President Joe
Biden`` but not ``First Lady Jill Biden``. When the label's own episodes name no one, the titles
of the whole archive are searched, but only for a titled label, only names that the same title
precedes (``Vice President Kamala Harris``) count, and only a single such name is proposed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .slugs import is_anonymous, label_key

MAX_WORDS = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Honorifics (as label keys) and the group a title in a text must belong to, to agree with it.
HONORIFICS: dict[str, str] = {
    "mr": "", "mrs": "", "ms": "", "miss": "", "mx": "", "dr": "", "doctor": "", "prof": "", "professor": "",
    "sir": "", "dame": "", "lord": "", "lady": "",
    "president": "president", "vice president": "vice president", "first lady": "first lady",
    "second gentleman": "second gentleman", "second lady": "second lady",
    "secretary": "secretary", "secretary general": "secretary general", "ambassador": "ambassador",
    "general": "general", "gen": "general", "admiral": "admiral", "adm": "admiral",
    "senator": "senator", "sen": "senator", "governor": "governor", "gov": "governor",
    "lt governor": "lieutenant governor", "lieutenant governor": "lieutenant governor",
    "representative": "representative", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "mayor": "mayor", "prime minister": "prime minister",
    "deputy prime minister": "deputy prime minister", "minister": "minister", "foreign minister": "minister",
    "chancellor": "chancellor", "king": "king", "queen": "queen", "prince": "prince", "crown prince": "prince",
    "princess": "princess", "emir": "emir", "sheikh": "sheikh", "speaker": "speaker", "leader": "leader",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "director": "director",
    "administrator": "administrator", "commissioner": "commissioner", "attorney general": "attorney general",
    "judge": "judge", "justice": "justice", "colonel": "colonel", "captain": "captain", "major": "major",
    "sergeant": "sergeant", "lieutenant": "lieutenant", "chief": "chief", "reverend": "reverend",
    "rev": "reverend", "bishop": "bishop", "rabbi": "rabbi", "father": "father", "pope": "pope",
    "coach": "coach", "officer": "officer", "sheriff": "sheriff", "deputy": "deputy",
}
_LONGEST = max(len(h.split()) for h in HONORIFICS)
#: Words that make up role labels; a role label needs at least one of :data:`ROLE_NOUNS`.
ROLE_NOUNS = _words(
    "moderator operator aide official audience member reporter participant staff staffer interpreter "
    "translator student crowd announcer narrator q question questioner answer caller panelist protester "
    "heckler attendee child kid journalist correspondent voice video recording "
    "unidentified unknown group all everyone audio interviewer interviewee respondent volunteer")
ROLE_MODIFIERS = _words(
    "the a an senior administration white house military female male unidentified another other state "
    "department defense press pool of off camera on from in offstage audience")
#: Capitalised words that are not part of a person's name in a title ("…by Press Secretary Jen Psaki").
NOT_NAME = _words(
    "and or with by of the for at in on to from featuring feat ft vs versus about after before during "
    "remarks statement readout briefing press conference interview conversation call meeting event "
    "episode ep part podcast show transcript live special senior assistant deputy acting chief staff "
    "national economic security council advisor adviser director coordinator spokesperson communications "
    "strategic white house united states nations department state treasury commerce defense energy "
    "education labor agriculture transportation homeland health human services interior justice veterans "
    "affairs housing urban development office agency committee administration envoy climate u.s. us "
    "republic federal general attorney surgeon mr mrs ms miss dr doctor his her excellency majesty "
    "highness honorable hon the former late new lt official annual historic"
) | frozenset(w for h in HONORIFICS for w in h.split())
#: Words whose presence marks a label as prose or a heading rather than a person: function words,
#: days, months, numbers and sentence openers that are rarely names (not April, June, August, An).
COMMON = _words(
    "a the and or but if so on of in at to for from with by as about into over after before under "
    "this that these those there here it its is are was were be been i we you he she they me us them my "
    "our your his her their what when where why how who which yes no not also then now well okay ok "
    "please thanks thank hello hi one two three four five six seven eight nine ten first second third "
    "last next finally today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday "
    "january february march july september october november december "
    "consider note nota notes update summary topic topics date time location place agenda intro "
    "introduction outro conclusion background overview terminology wishlist break jingle music applause "
    "laughter transcript transcription chapter section example examples step result results source "
    "sources reference references question answer link links warning important quote edit")
_TOKEN = re.compile(r"\S+")
INITIALS = re.compile(r"[A-Z]{2,3}")
SPELLED_OUT = re.compile(r"(.+?)\s*\(([A-Z.]{2,6})\)")  # "Michael Flaxman (MF)"
POSSESSIVE = re.compile(r"\w['’]s?(?!\w)")


def split_honorific(key: str) -> tuple[str, str]:
    """``"the vice president"`` -> ``("vice president", "")``; ``"mr deese"`` -> ``("mr", "deese")``."""
    words = key.split()
    if words[:1] == ["the"]:
        words = words[1:]
    for size in range(min(_LONGEST, len(words)), 0, -1):
        if " ".join(words[:size]) in HONORIFICS:
            return " ".join(words[:size]), " ".join(words[size:])
    return "", " ".join(words)


def kind(label: str, lone_case: bool = False) -> str:
    """``"role"``, ``"office"``, ``"anonymous"``, ``"prose"`` or ``"name"`` (see the module docs)."""
    words = label_key(label).split()
    if not words:
        return "anonymous"
    if all(w in ROLE_NOUNS or w in ROLE_MODIFIERS or w.rstrip("s") in ROLE_NOUNS for w in words) and any(
            w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS for w in words):
        return "role"
    if is_anonymous(label):
        return "anonymous"
    if POSSESSIVE.search(label) or (lone_case and len(words) == 1 and label.upper() != label):
        return "prose"
    honorific, rest = split_honorific(" ".join(words))
    if honorific and not rest:
        return "office"
    if len(words) > MAX_WORDS or any(c.isdigit() for c in label) or (not honorific and COMMON.intersection(words)):
        return "prose"
    return "name"


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase without accents, one character for one, so positions still index ``text``
    (cached: the same titles are searched for many labels)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else (unicodedata.normalize("NFKD", c)[:1] or c).lower()[:1] for c in text)


@dataclass(frozen=True)
class Proposal:
    name: str
    votes: int  # how many episodes (or, archive-wide, titles) name them
    wide: bool = False  # found in other episodes' titles, not the label's own


def propose(label: str, texts: Sequence[Sequence[str]], archive_text: str = "") -> Proposal | None:
    """The full name ``label`` most likely stands for, from each of its episodes' ``texts`` (title,
    description, then names: credited speakers, other labels); ``archive_text`` is every title, for
    the fallback. Initials are looked up among the names only: titles are full of capitalised words."""
    spelled = SPELLED_OUT.fullmatch(label.strip())
    if spelled and _initials(spelled[1]) == spelled[2].replace(".", "").upper():  # "Michael Flaxman (MF)"
        return Proposal(" ".join(spelled[1].split()), len(texts))
    honorific, rest = split_honorific(label_key(label))
    if not rest or (not honorific and " " in rest):
        return None
    pattern = re.compile(r"(?<!\w)" + r"[\W_]*".join(map(re.escape, rest.split())) + r"(?!\w)")
    initials = label.strip() if INITIALS.fullmatch(label.strip()) else ""
    votes: Counter[str] = Counter()
    for episode_texts in texts:
        votes.update({name for text in episode_texts[2:] for name in _initialled(text, initials)} if initials else
                     {name for text in episode_texts for name in _names(text, pattern, honorific, not honorific)})
    if votes:
        name, count = min(votes.items(), key=lambda item: (-item[1], len(item[0].split()), item[0]))
        return Proposal(name, count)
    if not HONORIFICS.get(honorific) or not archive_text:
        return None
    wide = Counter(_names(archive_text, pattern, honorific, False, strict=True))
    return Proposal(*wide.most_common(1)[0], wide=True) if len(wide) == 1 else None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _initialled(text: str, initials: str) -> Iterable[str]:
    """Names in ``text`` whose initials are ``initials`` ("SL": "Stephan Livera")."""
    tokens = [t.group() for t in _TOKEN.finditer(text)]
    size = len(initials)
    for at in range(len(tokens) - size + 1):
        words = tokens[at:at + size]
        if all(map(_is_name, words)) and _initials(" ".join(words)) == initials:
            yield " ".join(words)


def _names(text: str, pattern: re.Pattern[str], honorific: str, first_name: bool,
           strict: bool = False) -> Iterable[str]:
    """Full names in ``text`` ending in (or, for a first name, starting with) a ``pattern`` match."""
    for match in pattern.finditer(fold(text)):
        found = text[match.start():match.end()]
        if not found[:1].isupper():
            continue
        before, role = _before(text[:match.start()])
        if before and _agrees(honorific, role, strict):
            yield " ".join([*before, *found.split()])
        if first_name:
            after = _after(text[match.end():])
            if after:
                yield " ".join([*found.split(), *after])


def _before(text: str) -> tuple[list[str], list[str]]:
    """Up to three name words just before the end of ``text``, and the title words before those."""
    if text and not text[-1].isspace():
        return [], []
    tokens = [t.group() for t in _TOKEN.finditer(text[-200:])]
    name: list[str] = []
    while tokens and len(name) < 3 and _is_name(tokens[-1]):
        name.insert(0, tokens.pop())
    if tokens and tokens[-1].lower() in ("the", "a", "an"):  # "the Official Obama Portraits": not a name
        return [], []
    role: list[str] = []
    while tokens and len(role) < _LONGEST and _is_title(tokens[-1]):
        role.insert(0, tokens.pop().rstrip(".,").lower().replace("-", " "))
    return name, role


def _after(text: str) -> list[str]:
    if not text[:1].isspace():
        return []
    name: list[str] = []
    for token in (t.group() for t in _TOKEN.finditer(text[:100])):
        if len(name) == 2 or not _is_name(token):
            break
        name.append(token)
    return name


def _is_name(token: str) -> bool:
    """A capitalised word with a small letter (not an acronym), or an initial; not a title word."""
    letters = token.replace("'", "").replace("’", "").replace("-", "").rstrip(".")
    if not letters.isalpha() or not token[0].isupper():
        return False
    if (len(letters) == 1 and not token.endswith(".")) or "." in token[:-1]:
        return False
    if len(letters) > 1 and not any(c.islower() for c in letters):
        return False
    return not any(part in NOT_NAME for part in token.rstrip(".").lower().split("-"))


def _is_title(token: str) -> bool:
    return all(part in NOT_NAME for part in token.rstrip(".,").lower().split("-"))


def _agrees(honorific: str, role: list[str], strict: bool) -> bool:
    """Whether the title words before a name fit the label's honorific (no title words fit any)."""
    group = HONORIFICS.get(honorific, "")
    words = " ".join(role).split()
    titles = [HONORIFICS.get(" ".join(words[i:])) for i in range(len(words))]
    title = next((t for t in titles if t is not None), None)
    if strict:
        return bool(group) and title == group
    return not group or title is None or title == group


#: Words that stay lowercase inside a title-cased label: ``Secretary of State``.
_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def display(label: str) -> str:
    """How a label in capitals that names no one in ``speakers.yml`` is shown: ``MS. PSAKI`` ->
    ``Ms. Psaki``, ``THE VICE PRESIDENT`` -> ``The Vice President``, ``SECRETARY OF STATE`` ->
    ``Secretary of State``, ``O'BRIEN`` -> ``O'Brien``. A label with any lowercase letter, or
    of one or two letters (``Q``, ``JD``: initials), is the transcriber's own spelling and is kept;
    so are initialisms written with dots (``U.S.``). The label itself stays on the person's page
    ("Also transcribed as")."""
    letters = [c for c in label if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return label

    def word(match: re.Match[str]) -> str:
        token = match[0]
        if re.fullmatch(r"[^\W\d_]['’][^\W\d_]{2,}", token):  # O'BRIEN, D'ANGELO
            return token[:2] + token[2].upper() + token[3:].lower()
        if len(token) == 1 and "." in label[max(match.start() - 1, 0):match.end() + 1]:
            return token  # a letter of an initialism: U.S.
        lower = token.lower()
        return lower if match.start() > 0 and lower in _SMALL else lower[:1].upper() + lower[1:]

    return _TOKEN.sub(word, label)
