"""Article metadata from JSON-LD, OpenGraph and meta tags, ``<time>`` and visible text.

Each field takes its sources in the order they are usually right (README,
"Metadata"): the title by agreement of its sources (:mod:`.titles`), the authors
from the first source naming a person (:mod:`.bylines`), the dates from
structured values, then visible lines, then the URL (:mod:`.pagedates`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import urljoin

from extractors.metadata import jsonld
from extractors.metadata.bylines import read_byline
from extractors.metadata.dates import ParsedDate
from extractors.metadata.pagedates import (
    MODIFIED_KEYS,
    PUBLISHED_KEYS,
    structured_date,
    url_date,
    visible_date,
)
from extractors.metadata.sources import Sources, first, read_sources
from extractors.metadata.taglines import read_description
from extractors.metadata.titles import read_title
from extractors.page.tree import Element, ItemProps, itemprops
from extractors.text import clean

__all__ = ["Metadata", "normalize_language", "read_metadata", "url_date", "visible_date"]

_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)


@dataclass(slots=True)
class Metadata:
    """Everything about an article except its body."""

    title: str | None = None
    canonical_url: str | None = None
    published: ParsedDate | None = None
    modified: ParsedDate | None = None
    authors: list[str] = field(default_factory=list)
    authors_raw: str | None = None
    language: str | None = None
    language_tag: str | None = None
    """The declared language as written ("en-US", "pt_BR"): its region orders dates."""
    section: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    body: str | None = None
    """The article's text as the page's JSON-LD states it (``articleBody``), its
    paragraphs joined by blank lines; None without one. Not the body: a page
    whose markup holds the story gives that (:func:`extractors.extract` turns to
    this one when the markup holds too little, as a page rendered by a script does)."""


def normalize_language(value: str | None) -> str | None:
    """ISO 639 code from a language tag: "de-DE" -> "de", "pt_BR" -> "pt".

    >>> normalize_language("de-DE"), normalize_language("x"), normalize_language(None)
    ('de', None, None)
    """
    match = _LANGUAGE.match(value.strip()) if value else None
    return match.group(1).lower() if match else None


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    try:
        return urljoin(base, url) if base else url
    except ValueError:
        return url


def read_metadata(
    tree: Element,
    url: str | None,
    props: ItemProps | None = None,
    known_taglines: Collection[str] = (),
) -> Metadata:
    """Read metadata from an unpruned page tree (``props``: its :func:`itemprops`).

    ``known_taglines``: descriptions a caller has seen on several pages of the
    page's site, its taglines (:mod:`.taglines`); one page alone knows only those
    it shows in its branding.
    """
    props = itemprops(tree) if props is None else props
    sources = read_sources(tree, url, props)
    ld = sources.ld
    declared = first(
        tree.get("lang"),
        tree.get("xml:lang"),
        sources.tag("content-language"),
        ld.get("inLanguage"),
        sources.tag("og:locale"),
    )
    language = sources.language = normalize_language(declared)
    canonical = sources.canonical_link()
    title = read_title(sources)
    byline = read_byline(sources, title.element)
    return Metadata(
        title=title.text,
        canonical_url=_absolute(first(canonical, sources.tag("og:url"), ld.get("url")), url),
        published=structured_date(
            sources, language, ld.get("datePublished"), PUBLISHED_KEYS, "datePublished"
        ),
        modified=structured_date(
            sources, language, ld.get("dateModified"), MODIFIED_KEYS, "dateModified"
        ),
        authors=byline.names,
        authors_raw=byline.raw,
        language=language,
        language_tag=declared if language else None,
        section=first(ld.get("articleSection"), sources.tag("article:section")),
        site_name=_site_name(sources),
        description=read_description(sources, known_taglines),
        image=_absolute(
            first(
                sources.tag("og:image"),
                sources.tag("twitter:image"),
                jsonld.first_url(ld.get("image")),
            ),
            url,
        ),
        body=structured_body(ld.get("articleBody")),
    )


# Markup some publishers leave in articleBody ("<p>First.</p><p>Second.</p>").
_BODY_BREAK = re.compile(r"<(?:br|/p|/div|/h[1-6]|/li)\b[^>]*>|\n", re.IGNORECASE)
_BODY_TAG = re.compile(r"<[^>]{0,500}>")


def structured_body(value: object) -> str | None:
    """The paragraphs of a JSON-LD ``articleBody``: one per line (or per ``<p>``,
    where a publisher left its markup in), cleaned, joined by blank lines.

    >>> print(structured_body("First line.\\nSecond &amp; last."))
    First line.
    <BLANKLINE>
    Second & last.
    >>> structured_body("<p>Un.</p><p>Deux <b>et</b> trois.</p>")
    'Un.\\n\\nDeux et trois.'
    >>> structured_body(["not", "text"]) is None, structured_body("  ") is None
    (True, True)
    """
    if not isinstance(value, str):
        return None
    lines = (clean(_BODY_TAG.sub("", line)) for line in _BODY_BREAK.split(value))
    return "\n\n".join(line for line in lines if line) or None


def _site_name(sources: Sources) -> str | None:
    """The publication's name: the article's JSON-LD publisher ("Libération", where
    og:site_name names the website, "Libération.fr"; the Medium publication, where
    og:site_name is "Medium"), then og:site_name, then the app's name."""
    publisher = jsonld.names(sources.ld.get("publisher"))[:1]
    name = first(*publisher, sources.tag("og:site_name"), sources.tag("application-name"))
    return clean(name) or None
