"""Article page or listing page? A crawler's one decision about a fetched page.

Article pages become items; listing pages (home, sections, tags, archives,
round-ups) are followed for links. The decision adds up evidence from four
kinds of signal, each worth a few points, positive for "article":

================  =======================================================  =======
signal            evidence                                                 points
================  =======================================================  =======
``jsonld``        JSON-LD ``@type`` NewsArticle, Article, BlogPosting...    +3
                  JSON-LD CollectionPage, ItemList, SearchResultsPage       -3
``og``            ``og:type`` ``article`` / ``website``                     +1 / -1
``url``           the site's ``article_urls`` pattern matches               +3
                  article-like URL (date path, long slug, numeric id)       +1
                  listing-like URL (/tag/, /category/, /page/2, ?page=)     -2
``text``          longest run of prose under one parent >= 800 chars        +3
                  ... >= 400 chars                                          +2
                  ... < 200 chars (teasers only)                            -3
``links``         link density (link text / all text) >= 0.5               -1
================  =======================================================  =======

A page scoring :data:`ARTICLE_THRESHOLD` or more is an article. Metadata alone
cannot make one (CMSs print ``og:type=article`` on every page, see the demo site's
round-up trap), and text alone cannot either (a long "about us" page): an
article needs prose *and* at least one other signal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import lxml.etree

from extractors.api import load_page
from extractors.exceptions import UnreadablePage
from extractors.metadata import jsonld
from extractors.page.tree import Element, text_of

__all__ = ["ARTICLE_THRESHOLD", "Verdict", "classify", "classify_html"]

ARTICLE_THRESHOLD = 4

ARTICLE_TYPES = jsonld.ARTICLE_TYPES
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})

# Prose thresholds, in characters of paragraph text (link text excluded) under
# one parent element: a news article's body is one run of paragraphs; a listing's
# teasers sit one per card (the demo site's teasers are 140 characters). The
# marokkonieuws.test fixture, a short news item, has a 930-character run.
LONG_PROSE = 800
SOME_PROSE = 400
TEASER_PROSE = 200
MIN_PARAGRAPH = 40  # shorter <p> are captions, bylines, buttons
HIGH_LINK_DENSITY = 0.5  # home pages and section fronts are mostly links

ARTICLE_URL = re.compile(
    r"/(19|20)\d\d/[01]?\d/"  # /2022/04/ date path
    r"|/[^/?#]*\d{5,}[^/?#]*/?$"  # numeric id: /archives/98214, /a-story-123456
    r"|/[^/?#]+(-[^/?#]+){3,}/?$"  # long-slug-of-four-or-more-words
    r"|/[^/?#]+(-[^/?#]+){2,}\.s?html?$"  # short-slug.html
)
LISTING_URL = re.compile(
    r"/(tag|tags|category|categories|section|sections|topic|topics|author|authors|archive|"
    r"archives|rubriek|rubrique|kategorie|thema)/(?!\d+/?$)[^/?#]*/?$"  # not /archives/98214
    r"|/page/\d+/?$|[?&](page|p|paged)=\d+|/(index|default)\.(s?html?|php|aspx?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision, its score and the signals behind it (for logs and tests)."""

    is_article: bool
    score: int
    signals: tuple[tuple[str, int], ...]

    def explain(self) -> str:
        """One line for the debug log, e.g. ``article 8: jsonld+3 og+1 text+3 url+1``."""
        kind = "article" if self.is_article else "listing"
        return f"{kind} {self.score}: " + " ".join(f"{n}{p:+d}" for n, p in self.signals)


def classify_html(
    html: str | bytes, url: str, article_urls: Sequence[re.Pattern[str]] = ()
) -> Verdict:
    """:func:`classify` for a page given as text or bytes (parsed within the
    default limits; input that is no page is a listing with no signals)."""
    try:
        page = load_page(html, url)
    except UnreadablePage:
        return Verdict(False, 0, ())
    return classify(page.tree, url, article_urls)


def classify(tree: Element, url: str, article_urls: Sequence[re.Pattern[str]] = ()) -> Verdict:
    """Classify a parsed page fetched from ``url``; ``article_urls`` are the site's
    own patterns of article URLs (``re.search`` on the full URL)."""
    signals = [
        ("jsonld", _jsonld_points(tree)),
        ("og", _og_points(tree)),
        ("url", _url_points(url, article_urls)),
        ("text", _prose_points(tree)),
        ("links", _link_points(tree)),
    ]
    signals = [(name, points) for name, points in signals if points]
    score = sum(points for _, points in signals)
    has_prose = dict(signals).get("text", 0) > 0
    return Verdict(has_prose and score >= ARTICLE_THRESHOLD, score, tuple(signals))


def _jsonld_points(tree: Element) -> int:
    types = jsonld.page_types(tree)
    if types & ARTICLE_TYPES:
        return 3
    if types & LISTING_TYPES:
        return -3
    return 0


_OG_TYPE = lxml.etree.XPath('//meta[@property="og:type"]/@content')


def _og_points(tree: Element) -> int:
    values = _OG_TYPE(tree)
    value = str(values[0]).strip().lower() if isinstance(values, list) and values else ""
    return {"article": 1, "website": -1}.get(value, 0)


def _url_points(url: str, article_urls: Sequence[re.Pattern[str]]) -> int:
    if any(pattern.search(url) for pattern in article_urls):
        return 3
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    if LISTING_URL.search(path) or path in ("", "/"):
        return -2
    return 1 if ARTICLE_URL.search(path) else 0


def _prose_points(tree: Element) -> int:
    runs: dict[Element | None, int] = {}
    for p in tree.iter("p"):
        chars = len(text_of(p).strip()) - sum(len(text_of(a)) for a in p.iter("a"))
        if chars >= MIN_PARAGRAPH:
            parent = p.getparent()
            runs[parent] = runs.get(parent, 0) + chars
    longest = max(runs.values(), default=0)
    if longest >= LONG_PROSE:
        return 3
    if longest >= SOME_PROSE:
        return 2
    return -3 if longest < TEASER_PROSE else 0


def _link_points(tree: Element) -> int:
    body = tree.find("body")
    if body is None:
        return 0
    total = len(text_of(body))
    linked = sum(len(text_of(a)) for a in body.iter("a"))
    return -1 if total and linked / total >= HIGH_LINK_DENSITY else 0
