"""The links of a parsed page, for a crawler: pages to follow and feeds to read.

Read off the same tree that classification and extraction use, so a crawled
page is parsed once (and within the limits). Read them before extraction, which
prunes the tree.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.etree

from extractors.page.tree import Element

__all__ = ["base_url", "feed_links", "page_hrefs", "page_links", "resolve_links"]

# Hrefs that lead to no page: in-page anchors, scripts, mail and phone links, inline data.
_NOT_PAGES = ("#", "javascript:", "mailto:", "tel:", "data:")
_HREFS = lxml.etree.XPath("//a[@href]/@href")
_BASE = lxml.etree.XPath("(//base[@href])[1]/@href")
_FEEDS = lxml.etree.XPath(
    '//link[@href][contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
    '[contains(@type, "rss") or contains(@type, "atom")]/@href'
)


def _strings(result: object) -> list[str]:
    return [str(value) for value in result] if isinstance(result, list) else []


def base_url(tree: Element, url: str | None) -> str:
    """The URL relative links resolve against: the page's ``<base href>``, else ``url``.

    >>> page = lxml.etree.fromstring("<html><head><base href='/news/'/></head></html>")
    >>> base_url(page, "http://a.test/x/y.html")
    'http://a.test/news/'
    """
    found = _strings(_BASE(tree))
    base = url or ""
    if found and found[0].strip():
        try:
            return urljoin(base, found[0].strip())
        except ValueError:  # a malformed base ("http://[x") resolves nothing
            return base
    return base


def _absolute(hrefs: list[str], base: str) -> list[str]:
    found: dict[str, None] = {}
    for href in hrefs:
        href = href.strip()
        if not href or href.startswith(_NOT_PAGES):
            continue
        try:
            url = urljoin(base, href)
        except ValueError:  # "http://[broken" and kin: not a link anyone can follow
            continue
        if url.startswith(("http://", "https://")):
            found.setdefault(url.split("#", 1)[0], None)
    return list(found)


def page_links(tree: Element, url: str | None) -> list[str]:
    """Absolute http(s) URLs of the page's ``<a href>`` links, in page order, each once,
    without fragments.

    >>> page = lxml.etree.fromstring(
    ...     "<p><a href='/a#top'>A</a><a href='mailto:x@y'>m</a><a href='/a'>again</a></p>")
    >>> page_links(page, "http://n.test/index.html")
    ['http://n.test/a']
    """
    return resolve_links(page_hrefs(tree), base_url(tree, url))


def page_hrefs(tree: Element) -> list[str]:
    """The ``href`` values of the page's ``<a href>`` links as written: cheap to read
    before extraction prunes the tree, resolved later by :func:`resolve_links` only
    for a page whose links are followed."""
    return _strings(_HREFS(tree))


def resolve_links(hrefs: list[str], base: str) -> list[str]:
    """:func:`page_links` for ``hrefs`` read earlier with :func:`page_hrefs`, against
    ``base`` (:func:`base_url`, read at the same time).

    >>> page = lxml.etree.fromstring("<p><a href='/a#top'>A</a><a href='/b'>B</a></p>")
    >>> resolve_links(page_hrefs(page), base_url(page, "http://n.test/x.html"))
    ['http://n.test/a', 'http://n.test/b']
    """
    return _absolute(hrefs, base)


def feed_links(tree: Element, url: str | None) -> list[str]:
    """Absolute URLs of the RSS and Atom feeds the page announces with
    ``<link rel="alternate" type="application/rss+xml">``.

    >>> page = lxml.etree.fromstring('<html><head><link rel="alternate" '
    ...     'type="application/rss+xml" href="/feed/"/></head></html>')
    >>> feed_links(page, "http://n.test/a/b.html")
    ['http://n.test/feed/']
    """
    return _absolute(_strings(_FEEDS(tree)), base_url(tree, url))
