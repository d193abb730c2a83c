"""Who wrote the article: names from structured data, meta tags and the visible byline.

Sources, in order of trust: JSON-LD ``author``; meta tags (``dc:creator``,
``author``, ``article:author``, ``parsely-author``, NYT's ``byl``...); the visible
byline: elements marked ``itemprop=author`` or ``rel=author``, elements whose
class names a byline or an author, and lines that open with "By", "Von",
"Par", "Por", "Door", "Di", "Autor:", "كتب"... outside the site's chrome.

The first source that names a person gives the authors. A name that is the
site's or its publisher's ("Condé Nast" of the copyright line, "BBC News" of
``og:site_name``), an agency or an organization typed so in JSON-LD is given
only when no source names a person.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.etree

from extractors.metadata import jsonld
from extractors.metadata.chrome import in_chrome
from extractors.metadata.names import LEAD_IN as _LEAD_IN
from extractors.metadata.names import is_agency, split_names, strip_lead_in
from extractors.metadata.sources import Sources
from extractors.page.tree import Element, text_of
from extractors.text import clean

__all__ = ["Byline", "read_byline"]

# Meta tags with author names, most trusted first: Dublin Core's creator is set on
# purpose; "author" is often a CMS's default (the publisher, "admin").
_META_KEYS = (
    "dc:creator", "dc.creator", "dcterms.creator", "author", "article:author",
    "article:author_name", "parsely-author", "sailthru.author", "byl", "og:article:author",
    "citation_author", "twitter:data1",
)  # fmt: skip
# Meta tags naming the page's editor: a CMS fills "author" with the editor on duty
# too (chinadaily.com.cn: both "严玉洁", whom the page credits "【责任编辑：严玉洁】").
_EDITOR_KEYS = ("editor", "article:editor")
# Class or id words of an element that may hold a byline ("byline", "author",
# "auteur", "autor", "firma"), tested as substrings: "FeatureByline", "pb-byline",
# "authorname-txt", "signature_article".
_BYLINE_WORDS = re.compile("yline|uthor|uteur|autor|firma|signature")
# Lines beside the headline that open with a byline's lead-in ("By Jane Doe", "Par
# ...") count without a class; this many siblings after the headline (and its
# parent, grandparent) are read.
SIBLINGS_AFTER = 4
LEAD_IN_LEVELS = 3
# Classes of author furniture that is no byline: a bio box, an avatar, a "follow"
# button, a role line ("author-title"), "more by this author".
_NOT_BYLINE = re.compile(
    r"bio|avatar|image|img|photo|pic|follow|social|share|title|desc|about|more|comment|count|views"
    r"|bubble|tooltip|popup|modal",
    re.I,
)
_ORGANIZATION = re.compile(
    r"\b(?:news|media|press|magazine|network|group|agency|inc|ltd|llc|gmbh|corp|staff|team"
    r"|desk|editors|redaktion|rédaction|redacción|redazione|redactie|redakcja|admin)\b"
    r"|^the\s",  # "The Associated Press", "The Water Coolest": no person's name
    re.I,
)
# A URL, alone ("https://www.facebook.com/jane") or beside a name ("Jane (https://...)").
_URL = re.compile(r"\(?\s*(?:https?://|www\.)\S+\s*\)?|@\w+")
_NOT_TEXT = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "body", "html"}
)
# A byline is a line: longer text is a paragraph or a teaser.
BYLINE_MAX_CHARS = 160
MAX_CANDIDATES = 40
# Words of an element's text read to see whether it opens with a lead-in.
OPENING_WORDS = 4
# The region around the headline: its <article> or <main> within this many levels,
# else its ancestor this many levels up.
ARTICLE_LEVELS = 8
REGION_LEVELS = 3


@dataclass(slots=True)
class Byline:
    """The authors of an article and the string they were read from."""

    names: list[str] = field(default_factory=list)
    raw: str | None = None


def read_byline(sources: Sources, headline: Element | None = None) -> Byline:
    """The article's authors: the first source naming a person, else an organization.

    ``headline`` is the page's headline element, next to which the visible byline
    is looked for.
    """
    found = [_from_jsonld(sources), _from_meta(sources)]
    if not any(_people(sources, names) for names, _ in found):
        found.append(_from_page(sources, headline))
    for names, raw in found:
        people = _people(sources, names)
        if people:
            return Byline(people, raw)
    for names, raw in found:
        if names:
            return Byline(names, raw)
    return Byline()


def _people(sources: Sources, names: list[str]) -> list[str]:
    return [name for name in names if not _is_organization(sources, name)]


def _is_organization(sources: Sources, name: str) -> bool:
    return (
        name in sources.organizations
        or name in sources.publishers
        or sources.is_site(name)
        or is_agency(name)
        or bool(_ORGANIZATION.search(name))
    )


def _from_jsonld(sources: Sources) -> tuple[list[str], str | None]:
    people = jsonld.people(sources.ld.get("author"))
    names: list[str] = []
    for name, is_org in people:
        cleaned = clean(name)
        if not cleaned or cleaned.startswith("http"):
            continue
        if is_org:
            sources.organizations.add(cleaned)
            names.append(cleaned)
        else:
            names += _names(sources, cleaned, visible=False)
    raw = ", ".join(clean(name) for name, _ in people) or None
    return _unique(names), raw


def _from_meta(sources: Sources) -> tuple[list[str], str | None]:
    editors = {clean(v) for key in _EDITOR_KEYS for v in sources.meta.get(key, ())}
    for key in _META_KEYS:
        values = [
            _URL.sub("", v)
            for v in sources.meta.get(key, ())
            if not _URL.fullmatch(v.strip()) and clean(v) not in editors
        ]
        if key == "twitter:data1":  # "Written by" label pairs: only with its label
            label = (sources.tag("twitter:label1") or "").casefold()
            values = values if "author" in label or "written" in label else []
        names = [name for value in values for name in _names(sources, value, visible=False)]
        if names:
            return _unique(names), "; ".join(clean(v) for v in values)
    return [], None


def _candidates(sources: Sources, scope: Element, headline: Element | None) -> list[Element]:
    """Elements in ``scope`` that may hold the byline, in page order: byline and
    author classes, ``rel=author``, ``itemprop=author``; then lines beside the
    headline that open with a lead-in. One loop over the elements: faster here than
    an XPath over every attribute node. A scope repeats its class names: each is
    searched once; the ``rel=author`` links, which most pages lack, are found first
    by libxml2, so that the loop reads no tag."""
    found: list[Element] = []
    authors = {a for a in scope.iter("a") if a.get("rel") == "author"}
    bylines: dict[str, bool] = {}
    for el in scope.iter(lxml.etree.Element):
        names = el.get("class") or el.get("id")
        if names:
            byline = bylines.get(names)
            if byline is None:
                byline = bylines[names] = _BYLINE_WORDS.search(names) is not None
        else:
            byline = False
        if byline or (authors and el in authors):
            found.append(el)
            if len(found) >= MAX_CANDIDATES:
                break
    marked = set(map(id, found))
    found += [el for el in sources.props.get("author", []) if id(el) not in marked]
    return found + _lead_in_lines(headline)


def _lead_in_lines(headline: Element | None) -> list[Element]:
    """Elements right after the headline (or after its parent, grandparent) whose
    text opens with a byline's lead-in; and those inside the headline after its
    first line: a byline set in the ``<h1>`` under a ``<br>`` ("編集委員　中沢克二")."""
    if headline is None:
        return []
    found: list[Element] = []
    after_text = bool((headline.text or "").strip())
    for el in headline.iterdescendants(lxml.etree.Element):
        opening = _opening(el)
        if after_text and _LEAD_IN.match(opening):
            found.append(el)
        after_text = after_text or bool(opening)
    node: Element | None = headline
    for _ in range(LEAD_IN_LEVELS):
        if node is None:
            break
        for sibling in itertools.islice(node.itersiblings(), SIBLINGS_AFTER):
            if isinstance(sibling.tag, str) and _LEAD_IN.match(_opening(sibling)):
                found.append(sibling)
        node = node.getparent()
    return found


def _opening(el: Element) -> str:
    """The first words of an element's text, read without reading all of it."""
    words: list[str] = []
    for text in el.itertext():
        words += str(text).split()
        if len(words) >= OPENING_WORDS:
            break
    return " ".join(words)


def _region(headline: Element | None) -> Element | None:
    """The part of the page around the headline: the ``<article>`` or ``<main>``
    holding it, else its ancestor a few levels up."""
    if headline is None:
        return None
    ancestors = list(itertools.islice(headline.iterancestors(), ARTICLE_LEVELS))
    for ancestor in ancestors:
        if ancestor.tag in ("article", "main"):
            return ancestor
    return ancestors[min(REGION_LEVELS, len(ancestors)) - 1] if ancestors else None


def _from_page(sources: Sources, headline: Element | None) -> tuple[list[str], str | None]:
    """The byline near the headline, else anywhere in the body: most pages have it
    near, and the region costs a fraction of the page. An ``<article>`` holding the
    headline holds its byline too: the rest of the page is not searched then."""
    region = _region(headline)
    body = next(sources.tree.iter("body"), None)
    whole = region is not None and region.tag == "article"
    scopes = (region,) if whole else (region, body)
    return _first_people(
        sources, (_search(sources, scope, headline) for scope in scopes if scope is not None)
    )


def _search(
    sources: Sources, scope: Element, headline: Element | None
) -> tuple[list[str], str | None]:
    candidates = [el for el in _candidates(sources, scope, headline) if _is_byline(el)]
    chosen = set(map(id, candidates))
    outermost = (el for el in candidates if not any(id(a) in chosen for a in el.iterancestors()))
    return _first_people(sources, (_names_in(sources, el, chosen) for el in outermost))


def _first_people(
    sources: Sources, found: Iterable[tuple[list[str], str | None]]
) -> tuple[list[str], str | None]:
    """The first of ``found`` (names, the byline as found) that names people, read
    lazily; else the first that names anyone; else no names."""
    fallback: tuple[list[str], str | None] = ([], None)
    for names, raw in found:
        if _people(sources, names):
            return names, raw
        if names and not fallback[0]:
            fallback = (names, raw)
    return fallback


def _is_byline(el: Element) -> bool:
    if el.tag in _NOT_TEXT:
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if _NOT_BYLINE.search(names) and el.get("itemprop") != "author" and el.get("rel") != "author":
        return False
    return not in_chrome(el)


def _names_in(sources: Sources, el: Element, chosen: set[int]) -> tuple[list[str], str | None]:
    """Names in one byline element: from its innermost byline elements when it holds
    some ("By <span class=author>Jane Doe</span>"), else from its own text."""
    inner = [d for d in el.iterdescendants() if id(d) in chosen]
    leaves = [d for d in inner if not any(id(x) in chosen for x in d.iterdescendants())]
    # The leaves are read as one byline, so that "Reuters," "Washington," in two
    # elements is an agency and its dateline, as in one.
    texts = [" ".join(_element_text(leaf).split()) for leaf in leaves]
    texts = [text for text in texts if text]
    names = _names(sources, ", ".join(text.strip(" ,") for text in texts)) if texts else []
    raw = " ".join(text_of(el).split())
    if len(raw) > BYLINE_MAX_CHARS:
        return _unique(names), (clean(" ".join(texts)) or None)
    if not names:
        names = _names(sources, _element_text(el))
    return _unique(names), (clean(raw) or None) if names else None


def _element_text(el: Element) -> str:
    """An author element's text, or its ``content`` (``<meta itemprop=author>``)."""
    name = el.find(".//*[@itemprop='name']")
    if name is not None:
        return text_of(name) or name.get("content") or ""
    return text_of(el) or el.get("content") or ""


def _names(sources: Sources, text: str, visible: bool = True) -> list[str]:
    """Names in one byline string; a string that is the site's name stays whole
    ("Mac & i")."""
    text = clean(text)
    if not text:
        return []
    bare = strip_lead_in(text)
    if sources.is_site(bare):
        return [bare]
    return split_names(text, visible, sources.language)


def _unique(names: list[Any]) -> list[str]:
    return list(dict.fromkeys(str(n) for n in names if n))
