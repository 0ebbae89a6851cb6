"""Where On Record's own files are: ``site_templates/`` (page templates, theme overrides, assets,
message catalogues), inside the installed package or beside it in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def templates_dir() -> Path:
    """``site_templates/``: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "site_templates", here.parent / "site_templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("site_templates/ is missing from the On Record installation")
