"""The article's description, never the site's tagline.

Many sites fill ``<meta name="description">`` with the same sentence on every
page: the site's slogan ("Music, Film, TV and Political News Coverage"). One page
shows what that sentence is when it is also in the site's branding: the
description of its JSON-LD ``WebSite`` or ``Organization``, the part of
``og:site_name`` after the name ("Aktuálně.cz - Víte, co se právě děje"), a
tagline or slogan element in the page's ``<header>``, the site's own name. A
description equal to one of these is the site's, and the next source is taken.

A tagline the page does not show as such is found only across pages: the same
description on several articles of one site. A caller that has seen several
pages (a crawler) passes those descriptions as ``known_taglines`` to
:func:`~extractors.metadata.read_metadata`; one page alone cannot tell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

import lxml.etree

from extractors.metadata import jsonld
from extractors.metadata.sources import Sources, name_key
from extractors.page.tree import elements, text_of
from extractors.text import clean

__all__ = ["read_description"]

# Elements of a site's branding that hold its slogan (WordPress's
# "site-description", "tagline", "slogan", "strapline", "motto").
_TAGLINE_ELEMENTS = lxml.etree.XPath(
    ".//@class[contains(., 'tagline') or contains(., 'slogan') or contains(., 'strapline')"
    " or contains(., 'motto') or contains(., 'site-desc') or contains(., 'sitedesc')]/.."
)
_SEPARATOR = re.compile(r"\s+[|–—·•:-]\s+")
# Headers looked into for a slogan: the site's is among the first.
MAX_HEADERS = 3


def read_description(sources: Sources, known_taglines: Collection[str] = ()) -> str | None:
    """The first description that is not the site's tagline, or None."""
    taglines = _taglines(sources) | {name_key(t) for t in known_taglines}
    for value in (
        sources.tag("description"),
        sources.tag("og:description"),
        sources.ld.get("description"),
    ):
        text = clean(value) if isinstance(value, str) else ""
        if text and name_key(text) not in taglines and not sources.is_site(text):
            return text
    return None


def _taglines(sources: Sources) -> set[str]:
    """The keys (:func:`name_key`) of the site's taglines as this page shows them."""
    found = [
        str(obj["description"])
        for obj in sources.blocks
        if jsonld.is_site_object(obj) and isinstance(obj.get("description"), str)
    ]
    for name in sources.site_names:
        found += _SEPARATOR.split(name)[1:]
    for header in itertools.islice(sources.tree.iter("header"), MAX_HEADERS):
        found += [text_of(el) for el in elements(_TAGLINE_ELEMENTS, header)]
    return {key for key in map(name_key, found) if key}
