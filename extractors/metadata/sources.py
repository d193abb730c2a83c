"""What the metadata is read from: meta tags, the JSON-LD article, the site's own names.

:class:`Sources` is read once a page and handed to the readers of each field.
The names a site goes by (``og:site_name``, the publisher's name, the app name,
the Twitter handle, the host) tell its decoration from an article's headline
("… | The Verge") and a publisher from an author ("Condé Nast").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from extractors.metadata import jsonld
from extractors.page.tree import Element, ItemProps, text_of
from extractors.text import clean

__all__ = [
    "INDEXED_TAGS",
    "Sources",
    "first",
    "host_labels",
    "meta_tags",
    "name_key",
    "read_sources",
    "tag_index",
]

# Meta tags that name the site or its publisher, in order of trust for the
# site_name field.
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:ios:app_name")
_PUBLISHER_KEYS = ("publisher", "article:publisher", "dc.publisher", "dc:publisher", "copyright")
APP_NAME_MAX_WORDS = 4
_SLOGAN = re.compile(r"\s+[|–—:-]\s+")
# A heading is the site's brand when its class says so or it links to the front page.
_BRAND = re.compile(r"logo|brand|site-?(?:title|name)|masthead", re.I)
_HOME = re.compile(r"^(?:https?://[^/]+)?/?(?:index\.html?)?(?:[?#].*)?$")
# Host labels that name no site: "www", "m", "amp", and the generic second-level
# labels of country domains ("co.uk", "com.br").
_HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "com", "co", "org", "net", "gov", "ac"})
_WWW = re.compile(r"^(?:www\d*|m|amp|mobile)$")
# A copyright line names the publisher: "© 2024 Condé Nast", "Copyright 2019 ABC News".
# "Copyright (c) Condé Nast 2019", "© 2010-2024 ABC News": the markers, a year or a
# span of years on either side.
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*(.{2,60})", re.I
)
_COPYRIGHT_TAIL = re.compile(r"[.,|;]|\s(?:all rights|tous droits|alle rechte)|\s+\d{4}\b", re.I)
# A page has one or two copyright lines, in its footer; more are quoted text.
COPYRIGHT_LINES_MAX = 3
FOOTERS_MAX = 3
# The tags the metadata readers look for all over a page, collected in one walk:
# libxml2 walks the whole tree for a tag asked for, and a walk for all of them costs
# what one for a single tag did.
INDEXED_TAGS = ("link", "meta", "script", "h1", "header", "footer", "time")


@functools.lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """A name reduced to letters and digits, casefolded, accents dropped: the form
    in which "The Verge", "theverge" and "THE VERGE" are one name.

    >>> name_key("Aktuálně.cz"), name_key("@TheVerge")
    ('aktualnecz', 'theverge')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def first(*values: Any) -> str | None:
    """The first value that is a non-blank string, stripped."""
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


@dataclass(slots=True)
class Sources:
    """One page's metadata sources, read once."""

    tree: Element
    url: str | None
    ld: dict[str, Any]
    """The page's JSON-LD article object, or {}."""
    meta: dict[str, list[str]]
    """Meta tag contents by lower-case name or property, in page order."""
    props: ItemProps
    site_names: list[str] = field(default_factory=list)
    """Names the site and its publisher go by, in order of trust."""
    host_labels: tuple[str, ...] = ()
    """The labels of the page's host that name the site ("theverge" of www.theverge.com)."""
    organizations: set[str] = field(default_factory=set)
    """Names the page types as organizations (JSON-LD ``Organization`` authors)."""
    site_keys: list[str] = field(default_factory=list)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    """Every object of the page's JSON-LD."""
    elements: dict[str, list[Element]] = field(default_factory=dict)
    """The page's elements of each of ``INDEXED_TAGS``, in page order (:func:`tag_index`)."""
    language: str | None = None
    """The page's declared language (ISO 639: "ja"), set once the reader has it: it
    tells how names written apart are read ("中沢 克二" is one name in Japanese)."""
    _publishers: set[str] | None = None

    def tag(self, *keys: str) -> str | None:
        """The first meta tag content among ``keys``."""
        for key in keys:
            for value in self.meta.get(key, ()):
                return value
        return None

    def canonical_link(self) -> str | None:
        """The ``href`` of the page's first ``<link rel=canonical>``, if any."""
        links = self.elements["link"]
        return next((link.get("href") for link in links if link.get("rel") == "canonical"), None)

    def is_site(self, text: str) -> bool:
        """True if ``text`` names the site: one of its names, its handle or its host.

        "Factorio" is the site of "Factorio.com"; "The Verge" of theverge.com.
        """
        key = name_key(text)
        if not key:
            return False
        return any(
            other == key or _same_but_domain(key, other)
            for other in (*self.site_keys, *self.host_labels)
        )

    @property
    def publishers(self) -> set[str]:
        """Names in the page's copyright lines: a publisher's, never an author's
        (read when first asked for)."""
        if self._publishers is None:
            footers = self.elements["footer"]
            self._publishers = {clean(n) for n in _copyright_names(self.tree, footers)} - {""}
        return self._publishers


def _same_but_domain(key: str, other: str) -> bool:
    """ "factoriocom" and "factorio", "lemondefr" and "lemonde": one name with a TLD."""
    longer, shorter = (key, other) if len(key) > len(other) else (other, key)
    tail = longer[len(shorter) :]
    return longer.startswith(shorter) and 2 <= len(tail) <= 3 and tail.isascii()


def tag_index(tree: Element) -> dict[str, list[Element]]:
    """The elements of ``tree`` of each of ``INDEXED_TAGS``, in page order.

    >>> import lxml.etree
    >>> index = tag_index(lxml.etree.fromstring("<html><h1>a</h1><p><h1>b</h1></p></html>"))
    >>> [h.text for h in index["h1"]], index["meta"]
    (['a', 'b'], [])
    """
    found: dict[str, list[Element]] = {tag: [] for tag in INDEXED_TAGS}
    for el in tree.iter(*INDEXED_TAGS):
        found[el.tag].append(el)
    return found


def meta_tags(metas: Iterable[Element]) -> dict[str, list[str]]:
    """Meta tag contents by lower-case key, from the page's ``<meta>`` elements
    ``metas``; a key list ("og:title twitter:title", as RDFa allows) files the
    content under each of its keys."""
    found: dict[str, list[str]] = {}
    for meta in metas:
        keys = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if not keys or not content or not content.strip():
            continue
        for key in keys.lower().split():
            found.setdefault(key, []).append(content.strip())
    return found


def read_sources(tree: Element, url: str | None, props: ItemProps) -> Sources:
    """The sources of one page, with the names its site goes by."""
    elements = tag_index(tree)
    blocks = list(jsonld.block_objects(elements["script"]))
    ld = jsonld.article_object(blocks)
    meta = meta_tags(elements["meta"])
    sources = Sources(tree, url, ld, meta, props, blocks=blocks, elements=elements)
    names = [sources.tag(key) for key in _SITE_KEYS[:1]]
    names += jsonld.names(ld.get("publisher"))
    # An app's name is set by hand once a site, or filled with each page's title by
    # some CMSs (msn.com): only a short one is a name.
    apps = [sources.tag(key) for key in _SITE_KEYS[1:]]
    names += [name for name in apps if name and len(name.split()) <= APP_NAME_MAX_WORDS]
    names += [value for key in _PUBLISHER_KEYS for value in meta.get(key, ())]
    names += jsonld.site_names(blocks)
    names += _brand_headings(elements["h1"])
    # "LinkNaija | Nigeria's popular news platform": the name before its slogan too.
    names += [_SLOGAN.split(n)[0] for n in names if n and _SLOGAN.search(n)]
    sources.site_names = list(dict.fromkeys(clean(n) for n in names if n and "/" not in n))
    sources.site_keys = [key for key in map(name_key, sources.site_names) if key]
    canonical = first(sources.canonical_link(), sources.tag("og:url"))
    sources.host_labels = host_labels(canonical, url)
    return sources


def host_labels(*urls: str | None) -> tuple[str, ...]:
    """The labels of the hosts of ``urls`` that can name a site.

    >>> host_labels("https://www1.folha.uol.com.br/a", None)
    ('folha', 'uol')
    >>> host_labels("https://www.theverge.com/x", "http://fakehost/t")
    ('theverge', 'fakehost')
    """
    labels: list[str] = []
    for url in urls:
        try:
            host = urlsplit(url or "").hostname or ""
        except ValueError:
            continue
        parts = host.split(".")[:-1] if "." in host else [host]
        labels += [p for p in parts if p and p not in _HOST_NOISE and not _WWW.match(p)]
    return tuple(dict.fromkeys(labels))


def _brand_headings(headings: list[Element]) -> list[str]:
    """The text of the ``<h1>`` elements ``headings`` that are the site's brand: a
    logo's class, or a link to the front page ("<h1 class=logo>Mozilla</h1>",
    "<h1><a href="/">Site</a></h1>")."""
    found: list[str] = []
    for heading in headings:
        names = f"{heading.get('class') or ''} {heading.get('id') or ''}"
        links = heading.findall(".//a")
        home = len(links) == 1 and _HOME.match(links[0].get("href") or "") is not None
        if _BRAND.search(names) or home:
            found.append(text_of(heading))
    return found


def _copyright_names(tree: Element, footers: list[Element]) -> list[str]:
    """Names from the page's copyright lines ("© 2024 Condé Nast. All rights reserved"),
    looked for where they are: in the ``<footer>`` elements ``footers``, else in the
    body's last elements."""
    found: list[str] = []
    places = footers[:FOOTERS_MAX]
    body = next(tree.iter("body"), None)
    if not places and body is not None:
        places = list(body)[-FOOTERS_MAX:]
    lines = (
        line
        for el in places
        for line in text_of(el).splitlines()
        if "©" in line or "opyright" in line
    )
    for line in lines:
        match = _COPYRIGHT.search(line)
        if match:
            name = _COPYRIGHT_TAIL.split(match.group(1))[0].strip()
            if name and not name[0].isdigit():
                found.append(name)
        if len(found) >= COPYRIGHT_LINES_MAX:
            break
    return found
