"""Where On Record's own site files are: page templates, theme overrides, message catalogues,
and the stylesheets and scripts its pages use. No MkDocs here: the plugin and ``onrecord
generate`` both find them this way."""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: The folder, relative to the site root, that On Record's CSS and JavaScript are published in.
ASSETS = "assets/onrecord"


@cache
def templates_dir() -> Path:
    """``site_templates/``: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "site_templates", here.parent / "site_templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("site_templates/ is missing from the On Record installation")


def assets() -> list[Path]:
    """Every file of ``site_templates/assets/onrecord/`` (stylesheets and scripts), by name."""
    return sorted(path for path in (templates_dir() / ASSETS).iterdir() if path.is_file())


def stylesheets() -> list[str]:
    """The site URLs of On Record's stylesheets, one per component, in the order they load."""
    return [f"{ASSETS}/{path.name}" for path in assets() if path.suffix == ".css"]
