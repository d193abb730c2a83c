"""``extract()``: one page in, one Article out."""

from __future__ import annotations

import logging

import lxml.etree

from extractors.article import Article
from extractors.dates import ParsedDate, parse_date
from extractors.exceptions import UseGeneric
from extractors.generic import generic_paragraphs
from extractors.html import Page, Unreadable, load
from extractors.language import detect_language
from extractors.metadata import Metadata, read_metadata, visible_date
from extractors.registry import registry
from extractors.text import clean, join_paragraphs
from extractors.tree import itemprops

__all__ = ["extract"]

logger = logging.getLogger(__name__)

GENERIC = "generic"


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    encoding: str | None = None,
    generic: bool = False,
) -> Article:
    """Extract the article from one page.

    ``html`` is the page as served (bytes) or already decoded (str); ``encoding``
    is the charset from the HTTP ``Content-Type`` header when known. The site
    extractor registered for ``url``'s domain runs first, unless ``generic`` is
    true; the generic extractor runs when there is none or it hands over.

    Bad content never raises: the Article then has an empty ``body`` and a
    machine-readable ``reason``. A wrong argument type raises
    :class:`~extractors.exceptions.InputError`.
    """
    try:
        page = load(html, url, encoding)
    except Unreadable as exc:
        logger.debug("no article in %s: %s", url, exc)
        return Article(url=url, reason=exc.reason)
    try:
        return _extract(page, generic)
    except (lxml.etree.LxmlError, RecursionError, UnicodeError) as exc:
        # libxml2 and deep trees can fail in ways no input check foresees; the caller
        # gets an Article that says so, never the parser's own exception.
        logger.warning("extraction failed on %s: %s: %s", url, type(exc).__name__, exc)
        return Article(url=url, reason="unparseable")


def _extract(page: Page, generic: bool) -> Article:
    props = itemprops(page.tree) if page.has_microdata else {}
    meta = read_metadata(page.tree, page.url, props)
    site_cls = None if generic else registry.for_url(page.url)
    site = site_cls(page.tree) if site_cls is not None else None
    title = (site.extract_title() if site else None) or meta.title
    authors = (site.extract_authors() if site else None) or meta.authors
    section = (site.extract_section() if site else None) or meta.section
    # The language decides how a localized date reads; a page that does not declare
    # one is guessed from its headline, and only when a date needs it.
    hint = meta.language
    raw_date = site.extract_published() if site else None
    if raw_date or meta.published is None:
        hint = hint or detect_language(f"{title or ''} {meta.description or ''}")
    published = parse_date(raw_date, hint) if raw_date else None
    # Visible date lines are read before the body is cut out of the tree.
    published = published or meta.published or visible_date(page.tree, hint)
    body: list[str] = []
    name = GENERIC
    if site is not None:
        try:
            body = site.extract_body(title)
            name = site.name()
        except UseGeneric as exc:
            logger.debug("%s: handing %s to the generic extractor", exc, page.url)
            site = None
    if site is None:
        body = generic_paragraphs(page.tree, title, props)
    text = join_paragraphs(body)
    return _article(page, meta, title, text, published, authors, section, name)


def _article(
    page: Page,
    meta: Metadata,
    title: str | None,
    body: str,
    published: ParsedDate | None,
    authors: list[str],
    section: str | None,
    extractor: str,
) -> Article:
    return Article(
        url=page.url,
        canonical_url=meta.canonical_url,
        title=clean(title) or None,
        body=body,
        published=published.iso if published else None,
        published_raw=published.raw if published else None,
        modified=meta.modified.iso if meta.modified else None,
        modified_raw=meta.modified.raw if meta.modified else None,
        authors=authors,
        language=meta.language or detect_language(body or f"{title or ''} {meta.description}"),
        section=clean(section) or None,
        site_name=meta.site_name,
        description=meta.description,
        image=meta.image,
        extractor=extractor,
        reason=None if body else "no-article",
    )
