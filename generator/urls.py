"""The one URL policy every link passes: in YAML fields (schema.py), in Markdown fields and
transcript text (the page modules), and for audio and people's links.

It imports nothing of ours, so the schema and the page code that renders Markdown can both use it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SCHEMES = frozenset({"http", "https", "mailto"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(value: str) -> bool:
    """The one URL policy: ``http``, ``https``, ``mailto`` or a relative URL. Browsers ignore
    control characters and spaces inside a scheme (``java\\tscript:``), so they are removed
    before the scheme is read."""
    try:
        scheme = urlsplit(_CONTROL.sub("", value)).scheme.lower()
    except ValueError:
        return False
    return not scheme or scheme in SCHEMES
