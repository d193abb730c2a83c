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

import re
from collections.abc import Collection

import lxml.etree

from extractors.metadata import jsonld
from extractors.metadata.sources import Sources, name_key
from extractors.page.tree import text_of
from extractors.text import clean

__all__ = ["read_description"]

# Class words of the elements of a site's branding that hold its slogan (WordPress's
# "site-description", "tagline", "slogan", "strapline", "motto"), as substrings.
_TAGLINE_CLASS = re.compile("tagline|slogan|strapline|motto|site-desc|sitedesc")
_SEPARATOR = re.compile(r"\s+[|–—·•:-]\s+")
# Headers looked into for a slogan: the site's is among the first.
MAX_HEADERS = 3


def read_description(sources: Sources, known_taglines: Collection[str] = ()) -> str | None:
    """The first description that is not the site's tagline, or None.

    The taglines are read only for a page that has a description to test.
    """
    taglines: set[str] | None = None
    for value in (
        sources.tag("description"),
        sources.tag("og:description"),
        sources.ld.get("description"),
    ):
        text = clean(value) if isinstance(value, str) else ""
        if not text:
            continue
        if taglines is None:
            taglines = _taglines(sources) | {name_key(t) for t in known_taglines}
        if name_key(text) not in taglines and not sources.is_site(text):
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
    # A loop over a header's elements costs half an XPath over its class attributes.
    # A header repeats its class strings (menu items): each is searched once.
    taglines: dict[str, bool] = {}
    for header in sources.elements["header"][:MAX_HEADERS]:
        for el in header.iter(lxml.etree.Element):
            names = el.get("class")
            if not names:
                continue
            tagline = taglines.get(names)
            if tagline is None:
                tagline = taglines[names] = _TAGLINE_CLASS.search(names) is not None
            if tagline:
                found.append(text_of(el))
    return {key for key in map(name_key, found) if key}
