"""The one URL policy every link passes: in YAML fields (schema.py), in Markdown fields and
transcript text (the page modules), and for audio and people's links; and the one way a site path
becomes an absolute URL under ``site_url`` (feeds, structured data, the data files).

It imports nothing of ours, so the schema and the page code that renders Markdown can both use it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

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


def absolute(site_url: str, path: str) -> str:
    """A site path (``shows/a/b/``) under ``site_url``, percent-encoded (slugs may be in any
    script); a path from the host's root (``/media/a.mp3``) joined to it; a URL (a podcast's own
    audio) as it is."""
    if urlsplit(path).scheme:
        return path
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, path) if path.startswith("/") else base + quote(path)
