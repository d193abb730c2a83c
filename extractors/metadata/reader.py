"""Article metadata from JSON-LD, OpenGraph and meta tags, ``<time>`` and visible text.

Each field takes the first source that has it, in the order the source is usually
right: JSON-LD (written for machines, per article), then OpenGraph and other meta
tags, then visible markup. Dates in the page's chrome (the "today" date in the
site header, dates in tickers and teaser lists) are never the article's.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.etree

from extractors.metadata import jsonld
from extractors.metadata.dates import ParsedDate, find_date, parse_date
from extractors.page.tree import Element, ItemProps, elements, itemprops, text_of
from extractors.text import clean

__all__ = ["Metadata", "normalize_language", "read_metadata", "visible_date"]

# Elements with a given microdata property; compiled once, run by libxml2.
_REL_AUTHOR_XPATH = lxml.etree.XPath("//@rel[. = 'author']/..")  # as tree._ITEMPROPS
# Text nodes with a four-digit year: the places a visible date line can be. libxml2
# keeps those with "19" or "20" (an EXSLT regex in the XPath would call back into
# Python for every text node), then _YEAR keeps the years.
_YEAR_TEXT = lxml.etree.XPath("//body//text()[contains(., '20') or contains(., '19')]")
_YEAR = re.compile(r"(?:19|20)[0-9][0-9]")
# A date line is short; longer text with a year in it is prose ("in 2014 opgericht").
DATE_LINE_MAX_CHARS = 100
# Visible date candidates looked at, at most: the article's date sits near the top.
MAX_DATE_CANDIDATES = 60

# Where a date belongs to the site, not the article: header bars, tickers, teaser
# lists, sidebars, footers, comments.
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_CHROME_CLASS = re.compile(
    r"ticker|breaking|headlines|related|recommend|popular|most-?read|sidebar|widget|weather"
    r"|footer|menu|nav|top-?bar|today|current-?date|clock|comment|teaser|promo|more-",
    re.I,
)
_ARTICLE_TAGS = frozenset({"article", "main"})

_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)
_BYLINE_PREFIX = re.compile(r"^(?:by|door|par|von|por|di|przez|de|av|af|بقلم)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\ben\b|\bet\b|\bund\b|\by\b|\be\b| و)\s*")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:»-]\s+|\s+::\s+")
SITE_SUFFIX_MAX_WORDS = 4

# Meta tag names (lower case) that carry the publication and modification dates.
_PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "date", "pubdate", "publish-date",
    "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date",
    "sailthru.date", "og:published_time", "article.published",
)  # fmt: skip
_MODIFIED_KEYS = (
    "article:modified_time", "datemodified", "og:updated_time", "dcterms.modified",
    "last-modified",
)  # fmt: skip  # "Title | Le Monde.fr": a trailing part this short is the site


@dataclass(slots=True)
class Metadata:
    """Everything about an article except its body."""

    title: str | None = None
    canonical_url: str | None = None
    published: ParsedDate | None = None
    modified: ParsedDate | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None


def normalize_language(value: str | None) -> str | None:
    """ISO 639 code from a language tag: "de-DE" -> "de", "pt_BR" -> "pt".

    >>> normalize_language("de-DE"), normalize_language("x"), normalize_language(None)
    ('de', None, None)
    """
    match = _LANGUAGE.match(value.strip()) if value else None
    return match.group(1).lower() if match else None


def _meta_tags(tree: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    try:
        return urljoin(base, url) if base else url
    except ValueError:
        return url


def read_metadata(tree: Element, url: str | None, props: ItemProps | None = None) -> Metadata:
    """Read metadata from an unpruned page tree (``props``: its :func:`itemprops`)."""
    props = itemprops(tree) if props is None else props
    ld = jsonld.article_object(tree)
    meta = _meta_tags(tree)
    publisher = ld.get("publisher")
    site_name = _first(
        meta.get("og:site_name"),
        jsonld.names(publisher)[0] if jsonld.names(publisher) else None,
        meta.get("application-name"),
    )
    html_lang = tree.get("lang") or tree.get("xml:lang")
    declared = (
        html_lang,
        meta.get("content-language"),
        ld.get("inLanguage"),
        meta.get("og:locale"),
    )
    language = normalize_language(_first(*declared))
    canonical = next(
        (link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"), None
    )
    return Metadata(
        title=_title(tree, ld, meta, site_name),
        canonical_url=_absolute(_first(canonical, meta.get("og:url"), ld.get("url")), url),
        published=_structured_date(
            tree, language, ld.get("datePublished"), meta, _PUBLISHED_KEYS, props, "datePublished"
        ),
        modified=_structured_date(
            tree, language, ld.get("dateModified"), meta, _MODIFIED_KEYS, props, "dateModified"
        ),
        authors=_authors(tree, ld, meta),
        language=language,
        section=_first(ld.get("articleSection"), meta.get("article:section")),
        site_name=clean(site_name) or None,
        description=clean(
            _first(meta.get("description"), meta.get("og:description"), ld.get("description"))
        )
        or None,
        image=_absolute(
            _first(
                meta.get("og:image"), meta.get("twitter:image"), jsonld.first_url(ld.get("image"))
            ),
            url,
        ),
    )


def _structured_date(
    tree: Element,
    language: str | None,
    from_ld: Any,
    meta: dict[str, str],
    keys: tuple[str, ...],
    props: ItemProps,
    itemprop: str,
) -> ParsedDate | None:
    # Cheapest sources first: the tree is searched only when JSON-LD and meta fail.
    for value in (from_ld, *(meta.get(k) for k in keys)):
        if isinstance(value, str) and (parsed := parse_date(value, language)):
            return parsed
    for el in props.get(itemprop, [])[:MAX_DATE_CANDIDATES]:
        value = el.get("datetime") or el.get("content") or text_of(el)
        if parsed := parse_date(value, language):
            return parsed
    if itemprop == "datePublished":
        for count, time in enumerate(tree.iter("time")):
            if count >= MAX_DATE_CANDIDATES:
                break
            if not _in_chrome(time) and (parsed := parse_date(time.get("datetime"), language)):
                return parsed
    return None


def _in_chrome(el: Element) -> bool:
    """True if ``el`` sits in the site's header, footer, a ticker or a teaser list.

    A ``<header>`` or ``<footer>`` inside an ``<article>`` or ``<main>`` is the
    article's own (where its date line lives); chrome classes count anywhere.
    """
    in_chrome_tag = False
    for ancestor in el.iterancestors():
        tag = ancestor.tag
        if tag in _ARTICLE_TAGS:
            return False
        if tag in _CHROME_TAGS:
            in_chrome_tag = True
        names = ancestor.get("class") or ancestor.get("id")
        if names and _CHROME_CLASS.search(names):
            return True
    return in_chrome_tag


def visible_date(tree: Element, language: str | None) -> ParsedDate | None:
    """The first date line in the page's visible text outside its chrome."""
    nodes: list[Any] = _YEAR_TEXT(tree)  # type: ignore[assignment]
    # lxml "smart strings": the text, and the element it belongs to.
    candidates = (node for node in nodes if _YEAR.search(node))
    for node in itertools.islice(candidates, MAX_DATE_CANDIDATES):
        owner = node.getparent()
        if owner is None:
            continue
        if node.is_tail:
            owner = owner.getparent()
        if owner is None or owner.tag in ("script", "style", "title", "a"):
            continue
        text = text_of(owner)
        if len(text) > DATE_LINE_MAX_CHARS:
            text = str(node)
        if len(text) > DATE_LINE_MAX_CHARS or _in_chrome(owner):
            continue
        if parsed := find_date(text, language):
            return parsed
    return None


def _title(
    tree: Element, ld: dict[str, Any], meta: dict[str, str], site: str | None
) -> str | None:
    headings = [clean(text_of(h1)) for h1 in tree.iter("h1")]
    headings = [h for h in headings if h and h != site]
    title_el = tree.find(".//title")
    page_title = clean(text_of(title_el)) if title_el is not None else ""
    primary = clean(
        _first(ld.get("headline"), meta.get("og:title"), meta.get("twitter:title"), page_title)
    )
    for heading in headings:
        if primary and (primary == heading or primary.startswith(heading)):
            return heading
    if primary:
        return _strip_site(primary, site)
    return headings[0] if headings else None


def _strip_site(title: str, site: str | None) -> str:
    """Drop a " | Site name" part from a title.

    >>> _strip_site("Blinken in Rabat | Le Journal", None)
    'Blinken in Rabat'
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    first, last = parts[0], parts[-1]
    if site and site.casefold() in (first.casefold(), last.casefold()):
        return " - ".join(p for p in parts if p.casefold() != site.casefold())
    if len(last.split()) <= SITE_SUFFIX_MAX_WORDS and len(first.split()) > len(last.split()):
        return title[: title.rfind(last)].rstrip(" |–—·•:»-")
    return title


def _authors(tree: Element, ld: dict[str, Any], meta: dict[str, str]) -> list[str]:
    found = jsonld.names(ld.get("author"))
    if not found:
        raw = _first(meta.get("author"), meta.get("article:author"), meta.get("dc.creator"))
        if raw and not raw.startswith("http"):
            found = _AUTHOR_SPLIT.split(raw)
    if not found:
        for el in elements(_REL_AUTHOR_XPATH, tree):
            found.append(text_of(el))
    seen: dict[str, None] = {}
    for name in found:
        name = _BYLINE_PREFIX.sub("", clean(name))
        if name and not name.startswith("http"):
            seen.setdefault(name, None)
    return list(seen)
