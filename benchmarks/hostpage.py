"""Surgery on a real page (the *host*): find its article, put a listing in its place.

The listing builder (:mod:`benchmarks.listings`) keeps a real page's header,
navigation, sidebars and footer: it finds the element holding the host's
article (:func:`locate_article`), puts a listing's markup in its place
(:func:`transplant`), relabels the ``<head>`` as a listing's
(:func:`relabel_head`), and checks how much of the article is left
(:func:`leftover_share`; a host leaving more than :data:`MAX_LEFTOVER` is not
used).

Only lxml and the standard library: no Scrapy, no classifier.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from benchmarks.corpus import Page
from benchmarks.flatten import REMOVED_TAGS, flatten_tree
from benchmarks.listing_markup import ListingSpec, render
from benchmarks.tools import decode_html
from extractors.evaluation.quality import shingles

__all__ = [
    "MAX_LEFTOVER",
    "Host",
    "Located",
    "leftover_share",
    "locate_article",
    "parse_host",
    "relabel_head",
    "serialize",
    "site_of",
    "transplant",
    "visible_shingles",
]

logger = logging.getLogger(__name__)

# Tokens as the metric counts them (extractors.evaluation.quality: Unicode \w+ runs), so
# that an element's coverage is measured in the metric's own shingles.
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
# The article's element is the smallest one holding this share of the
# expected shingles the whole page holds: most of it, not all (a lede or a
# caption sometimes sits apart, and chasing it would take the whole page).
COVER_SHARE = 0.8
# A page whose markup holds less than this share of its expected body (the
# body drawn by script, or marked from another page version) cannot host.
MIN_FOUND = 0.5
# Expected bodies this short give too few shingles to find an element by.
MIN_SHINGLES = 20
# After the article's element is replaced, at most this share of its
# shingles may be left on the page (a lede outside the body, a pull quote).
MAX_LEFTOVER = 0.2
# An <article> (or schema.org Article) ancestor this close in size is the
# article with its headline, byline and share bar: it is replaced instead.
ARTICLE_SLACK = 1.5
ARTICLE_SLACK_TOKENS = 150
# Scripts shorter than this hold code, not a copy of the article in a state blob
# (window.__INITIAL_STATE__, AtlasObscura.current_article = {"body": ...}).
STATE_BLOB_CHARS = 1000
# An <h1> of this many words outside the article's element is its headline; a
# site's logo or name in an <h1> is shorter, and stays.
HEADLINE_WORDS = 4
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|NewsArticle|Report", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Host:
    """A real page, parsed, ready to have its article replaced."""

    page: Page
    root: HtmlElement
    expected: frozenset[tuple[str, ...]]
    """The expected body's shingles."""


@dataclass(frozen=True, slots=True)
class Located:
    """Where a host's article is."""

    element: HtmlElement
    coverage: float
    """Share of the expected shingles inside the element."""
    found: float
    """Share of the expected shingles anywhere in the page's text."""


def parse_host(page: Page, raw: bytes) -> Host | None:
    """``page`` parsed as a possible host; None if its expected body is too short."""
    expected = frozenset(shingles(page.expected))
    if len(expected) < MIN_SHINGLES:
        return None
    try:
        root = lxml.html.document_fromstring(decode_html(raw))
    except (lxml.etree.ParserError, ValueError):
        return None
    return Host(page, root, expected)


def locate_article(root: HtmlElement, expected: frozenset[tuple[str, ...]]) -> Located | None:
    """The smallest element whose text holds :data:`COVER_SHARE` of the expected shingles
    the page holds, widened to an ``<article>`` ancestor of about its size.

    None when the page's text holds less than :data:`MIN_FOUND` of them.
    """
    body = root.find("body")
    if body is None or not expected:
        return None
    tokens, spans = _token_spans(body)
    hits = [0]
    for index in range(len(tokens)):
        hit = tuple(tokens[index : index + _SHINGLE]) in expected
        hits.append(hits[-1] + hit)

    def covered(span: tuple[int, int]) -> int:
        start, end = span
        return hits[end - _SHINGLE + 1] - hits[start] if end - start >= _SHINGLE else 0

    found = min(1.0, covered(spans[body]) / len(expected))
    if found < MIN_FOUND:
        return None
    target = COVER_SHARE * covered(spans[body])
    candidates = [el for el, span in spans.items() if covered(span) >= target]
    best = min(candidates, key=lambda el: spans[el][1] - spans[el][0])
    best = _widen(best, spans)
    return Located(best, min(1.0, covered(spans[best]) / len(expected)), found)


def _widen(element: HtmlElement, spans: dict[HtmlElement, tuple[int, int]]) -> HtmlElement:
    """The article around ``element`` with its headline, byline and share bar, if close in size.

    That is the smallest ancestor holding the headline (an ``<h1>`` of
    :data:`HEADLINE_WORDS` words or more), else the outermost ``<article>`` or
    schema.org Article ancestor; each only if at most :data:`ARTICLE_SLACK` times
    the element's size plus :data:`ARTICLE_SLACK_TOKENS` tokens.
    """
    size = spans[element][1] - spans[element][0]
    limit = size * ARTICLE_SLACK + ARTICLE_SLACK_TOKENS

    def fits(ancestor: HtmlElement) -> bool:
        span = spans.get(ancestor)
        return (
            ancestor.tag not in ("body", "html")
            and span is not None
            and (span[1] - span[0] <= limit)
        )

    headline = _headline(element)
    if headline is not None:
        around = set(headline.iterancestors())
        common = next((a for a in element.iterancestors() if a in around), None)
        if common is not None and fits(common):
            return common
    chosen = element
    for ancestor in element.iterancestors():
        if not fits(ancestor):
            break
        if ancestor.tag == "article" or _ARTICLE_TYPES.search(ancestor.get("itemtype", "")):
            chosen = ancestor
    return chosen


def _headline(element: HtmlElement) -> HtmlElement | None:
    """The last ``<h1>`` of headline length before ``element`` in the page, if any."""
    found = None
    for node in element.getroottree().iter():
        if node is element:
            break
        if node.tag == "h1" and len(node.text_content().split()) >= HEADLINE_WORDS:
            found = node
    if found is not None and any(ancestor is found for ancestor in element.iterancestors()):
        return None  # an <h1> around the article is not its headline
    return found


def _token_spans(
    body: HtmlElement,
) -> tuple[list[str], dict[HtmlElement, tuple[int, int]]]:
    """The tokens of the visible text under ``body`` and each element's [start, end) span."""
    tokens: list[str] = []
    starts: dict[HtmlElement, int] = {}
    spans: dict[HtmlElement, tuple[int, int]] = {}
    walker = lxml.etree.iterwalk(body, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            tokens += _TOKEN.findall(element.tail or "")
        elif event == "start":
            if element.tag in REMOVED_TAGS:
                walker.skip_subtree()
                continue
            starts[element] = len(tokens)
            tokens += _TOKEN.findall(element.text or "")
        else:
            if element in starts:
                spans[element] = (starts[element], len(tokens))
            if element is not body:
                tokens += _TOKEN.findall(element.tail or "")
    return tokens, spans


def transplant(host: Host, located: Located, spec: ListingSpec) -> HtmlElement:
    """The host page with the listing of ``spec`` where its article was (``host`` is changed).

    The old headline (an ``<h1>`` left outside the replaced element) goes too, and so
    do inline scripts holding a copy of the article (JSON-LD is :func:`relabel_head`'s).
    """
    listing = render(spec)
    listing.tail = located.element.tail
    parent = located.element.getparent()
    if parent is None:
        raise ValueError(f"the article element of {host.page.id} has no parent")
    parent.replace(located.element, listing)
    for script in list(host.root.iter("script")):
        if _holds_article(script, host.expected):
            script.drop_tree()
    ours = set(listing.iter("h1"))
    for heading in list(host.root.iter("h1")):
        inside = heading in ours or any(el is listing for el in heading.iter())
        if not inside and len(heading.text_content().split()) >= HEADLINE_WORDS:
            heading.drop_tree()
    return host.root


def _holds_article(script: HtmlElement, expected: frozenset[tuple[str, ...]]) -> bool:
    """Whether an inline script carries the old article (a state blob: ``{"body": ...}``)."""
    text = script.text or ""
    if len(text) < STATE_BLOB_CHARS or script.get("type") == "application/ld+json":
        return False
    return leftover_share(frozenset(shingles(text)), expected) >= MAX_LEFTOVER


def visible_shingles(root: HtmlElement) -> frozenset[tuple[str, ...]]:
    """The shingles of the page's visible text (:func:`benchmarks.flatten.flatten_tree`)."""
    return frozenset(shingles(flatten_tree(root)))


def leftover_share(
    visible: frozenset[tuple[str, ...]], expected: frozenset[tuple[str, ...]]
) -> float:
    """The share of ``expected`` shingles among the page's ``visible`` ones."""
    return len(visible & expected) / len(expected) if expected else 0.0


def relabel_head(
    root: HtmlElement, title: str, url: str, description: str, og_type: str | None
) -> None:
    """Make the ``<head>`` a listing's: its title, description and canonical URL.

    Structured data about the old article goes: JSON-LD, ``article:*`` and
    ``og:*`` properties; ``og:type`` is then ``og_type``, or none at all when it
    is None (``article`` for a CMS that prints it on every page: common, and the
    classifier must not trust it). Charset declarations are replaced by UTF-8,
    the encoding :func:`serialize` writes.
    """
    head = root.find("head")
    if head is None:
        head = lxml.html.Element("head")
        root.insert(0, head)
    for script in root.xpath('//script[@type="application/ld+json"]'):
        script.drop_tree()
    for meta in head.xpath("meta"):
        name = (meta.get("property") or meta.get("name") or "").lower()
        equiv = (meta.get("http-equiv") or "").lower()
        structured = name.startswith(("article:", "og:", "twitter:", "parsely-", "sailthru."))
        declares = meta.get("charset") is not None or equiv == "content-type"
        if declares or name == "description" or structured:
            meta.drop_tree()
    for link in head.xpath('link[@rel="canonical" or @rel="amphtml"]'):
        link.drop_tree()
    for element in root.xpath("//*[@itemtype]"):
        if _ARTICLE_TYPES.search(element.get("itemtype", "")):
            element.set("itemtype", "https://schema.org/WebPage")
    for old in root.xpath("//title[not(ancestor::svg)]"):  # some pages repeat it in <body>
        old.drop_tree()
    new = [
        lxml.html.Element("meta", charset="utf-8"),
        _element("title", text=title),
        lxml.html.Element("meta", name="description", content=description),
        lxml.html.Element("link", rel="canonical", href=url),
        lxml.html.Element("meta", property="og:title", content=title),
    ]
    if og_type is not None:
        new.append(lxml.html.Element("meta", property="og:type", content=og_type))
    for index, element in enumerate(new):
        head.insert(index, element)


def _element(tag: str, text: str) -> HtmlElement:
    element = lxml.html.Element(tag)
    element.text = text
    return element


def serialize(root: HtmlElement) -> bytes:
    """The page as UTF-8 bytes with an HTML5 doctype."""
    text: str = lxml.html.tostring(root, encoding="unicode", method="html")
    return ("<!DOCTYPE html>\n" + text).encode("utf-8")


def site_of(url: str) -> str:
    """``scheme://host`` of ``url`` (``http://fakehost`` for the test pages)."""
    parts = urlsplit(url)
    return f"{parts.scheme or 'http'}://{parts.netloc or 'localhost'}"
