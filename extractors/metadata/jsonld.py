"""Read the article object out of a page's JSON-LD blocks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from extractors.page.tree import Element

__all__ = [
    "ARTICLE_TYPES",
    "ORGANIZATION_TYPES",
    "article_object",
    "block_objects",
    "first_url",
    "is_site_object",
    "names",
    "objects",
    "page_types",
    "people",
    "site_names",
]

#: schema.org types whose properties describe the article on the page.
ARTICLE_TYPES = frozenset(
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
        "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting",
    }
)  # fmt: skip
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "CollectionPage"})
# Types whose name is the site's or its publisher's.
_SITE_TYPES = frozenset({"WebSite", "NewsMediaOrganization", "Organization"})
#: Author types that are no person.
ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})
# Wrappers some sites put around a block's JSON, from XHTML habits: "<![CDATA[ ... ]]>"
# (the JSON-LD of theverge.com, medium.com and aclu.org, among others) and HTML
# comments; JSON cannot start with "<" or "/", so these are never the data itself.
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document, through lists and @graph."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if graph is not None:
                stack.append(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind.rsplit("/", 1)[-1]}
    if isinstance(kind, list):
        return {k.rsplit("/", 1)[-1] for k in kind if isinstance(k, str)}
    return set()


def objects(tree: Element) -> Iterator[dict[str, Any]]:
    """Every object of every JSON-LD block of the page, through lists and @graph.

    Broken JSON is common (trailing commas, raw newlines in strings): a block that
    does not parse is skipped, it never fails the page.
    """
    return block_objects(tree.iter("script"))


def block_objects(scripts: Iterable[Element]) -> Iterator[dict[str, Any]]:
    """:func:`objects` of the page's ``<script>`` elements ``scripts``."""
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_unwrap(script.text or ""), strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _objects(data)


def _unwrap(text: str) -> str:
    """A block's JSON without a CDATA or comment wrapper.

    >>> _unwrap('  <![CDATA[ {"a": 1} ]]> ')
    ' {"a": 1} '
    """
    return _WRAPPER.sub("", text) if text.lstrip()[:1] in ("<", "/") else text


def page_types(tree: Element) -> set[str]:
    """The schema.org types the page's JSON-LD declares, its ``mainEntity`` included,
    each without a URL prefix ("https://schema.org/NewsArticle" is "NewsArticle").

    >>> import lxml.etree
    >>> page = lxml.etree.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"@type": "WebPage", "mainEntity": {"@type": "https://schema.org/NewsArticle"}}'
    ...     '</script></head></html>')
    >>> sorted(page_types(page))
    ['NewsArticle', 'WebPage']
    """
    found: set[str] = set()
    for obj in objects(tree):
        found |= _types(obj)
        main = obj.get("mainEntity")
        for entity in _objects(main) if isinstance(main, dict | list) else ():
            found |= _types(entity)
    return found


def article_object(tree: Element | list[dict[str, Any]]) -> dict[str, Any]:
    """The first Article-typed JSON-LD object of the page (or of its :func:`objects`,
    read once), or {} if there is none."""
    fallback: dict[str, Any] = {}
    for obj in objects(tree) if isinstance(tree, Element) else tree:
        kinds = _types(obj)
        if kinds & ARTICLE_TYPES:
            return obj
        if not fallback and kinds & _PAGE_TYPES and "headline" in obj:
            fallback = obj
    return fallback


def site_names(tree: Element | list[dict[str, Any]]) -> list[str]:
    """The names of the page's WebSite and news-organization objects: the site's own.

    >>> import lxml.etree
    >>> page = lxml.etree.fromstring('<html><head><script type="application/ld+json">'
    ...     '[{"@type": "WebSite", "name": "Daily"}, {"@type": "Person", "name": "Jo"}]'
    ...     '</script></head></html>')
    >>> site_names(page)
    ['Daily']
    """
    return [
        obj["name"]
        for obj in (objects(tree) if isinstance(tree, Element) else tree)
        if _types(obj) & _SITE_TYPES and isinstance(obj.get("name"), str)
    ]


def is_site_object(obj: dict[str, Any]) -> bool:
    """True for a WebSite or organization object: the site's own, not an article's."""
    return bool(_types(obj) & _SITE_TYPES)


def names(value: Any) -> list[str]:
    """Names from a Person/Organization value, a string, or a list of them.

    >>> names([{"@type": "Person", "name": "Jane Doe"}, "John Roe"])
    ['Jane Doe', 'John Roe']
    """
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(item["name"])
    return out


def people(value: Any) -> list[tuple[str, bool]]:
    """Names from an author value, each with whether it names an organization.

    >>> people([{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "AP"}])
    [('Jane Doe', False), ('AP', True)]
    """
    out: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            out.append((item, False))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append((item["name"], bool(_types(item) & ORGANIZATION_TYPES)))
    return out


def first_url(value: Any) -> str | None:
    """A URL from an ImageObject, a string, or a list of them.

    >>> first_url([{"@type": "ImageObject", "url": "https://x.test/a.jpg"}])
    'https://x.test/a.jpg'
    """
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item:
            return item
        if isinstance(item, dict):
            for key in ("url", "contentUrl", "@id"):
                if isinstance(item.get(key), str):
                    return str(item[key])
    return None
