"""The messages no template or ``gettext`` call names literally, marked for the catalogue.

Every other string the site shows is marked where it is used: ``{{ _("Speakers") }}`` in a
template under ``site_templates/``, ``messages.gettext(...)`` in Python. These are the ones
chosen at run time (a download's label, ``{{ _(link.label) }}``) or used by a MkDocs theme
partial (``onrecord_messages.gettext`` in ``partials/onrecord-search.html``), which the
extractor cannot see. :func:`~generator.i18n.N_` marks a message and translates nothing.
A message holds no ``<``, ``>``, ``&`` or ``"``: Jinja's newstyle gettext marks translations safe.
"""

from __future__ import annotations

from .i18n import N_

# The episode page's download labels (generator/exports.py EXPORTS; WebVTT and SRT are names).
DOWNLOADS = (N_("Podcasting 2.0 JSON"), N_("Plain text"))

# The header's search box (site_templates/partials/onrecord-search.html, rendered by MkDocs).
HEADER = (N_("Search the archive"),)
