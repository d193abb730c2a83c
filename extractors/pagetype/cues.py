"""What a page says about its type before extraction, read off the unpruned tree.

Structured data (JSON-LD types, ``og:type``), the URL's shape, and the page's
teasers: the other pages of the site it links from headings and captions, as
listing pages do for every story they list. Read before extraction, which
prunes the tree (teaser lists are among what it prunes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree

from extractors.metadata import jsonld
from extractors.page.links import base_url
from extractors.page.tree import Element, text_of

__all__ = [
    "ARTICLE_URL",
    "HEADLINE_CHARS",
    "LISTING_TYPES",
    "LISTING_URL",
    "Cues",
    "SiteLinks",
    "read_cues",
]

LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})

ARTICLE_URL = re.compile(
    r"/(19|20)\d\d/[01]?\d/[^?#]*[^/?#\d]"  # /2022/04/ date path, then more than a day
    r"|/[^/?#]*\d{5,}[^/?#]*/?$"  # numeric id: /archives/98214, /a-story-123456
    r"|/[^/?#]+(-[^/?#]+){3,}/?$"  # long-slug-of-four-or-more-words
    r"|/[^/?#]+(-[^/?#]+){2,}\.s?html?$"  # short-slug.html
)
LISTING_URL = re.compile(
    r"/(tag|tags|category|categories|section|sections|topic|topics|author|authors|archive|"
    r"archives|rubriek|rubrique|kategorie|thema)/(?!\d+/?$)[^/?#]*/?$"  # not /archives/98214
    r"|/page/\d+/?$|[?&](page|p|paged)=\d+"
    r"|/(19|20)\d\d/([01]?\d/)?([0-3]?\d/)?$",  # a date archive: /2019/, /2019/01/, /2019/01/15/
    re.IGNORECASE,
)
# A folder's index page is the folder's front page (/news/index.html), unless the
# folder is an article's own (CNN: /2019/11/18/politics/trump-health/index.html):
# then the rest of the path says so.
INDEX_PAGE = re.compile(r"/(index|default)\.(s?html?|php|aspx?)$", re.IGNORECASE)

# A link's text this long is a headline, not a label ("Home", "More", "Sport",
# "Next page"): 15 characters is a short headline in Latin script and a full one
# in Chinese or Japanese.
HEADLINE_CHARS = 15

# Links inside headings and captions: where listing pages put their teasers'
# headlines (<h3><a>Story</a></h3>, a photo's <figcaption><a>Story</a>).
_HEADING_LINKS = lxml.etree.XPath(
    "//h2//a[@href]|//h3//a[@href]|//h4//a[@href]|//h5//a[@href]|//h6//a[@href]"
    "|//figcaption//a[@href]"
)
_OG_TYPE = lxml.etree.XPath('//meta[@property="og:type"]/@content')
_TITLES = lxml.etree.XPath('//title/text()|//meta[@property="og:title"]/@content')
_CANONICAL = lxml.etree.XPath('//link[@rel="canonical"]/@href')
_NOT_PAGES = ("#", "javascript:", "mailto:", "tel:", "data:")


@dataclass(frozen=True, slots=True)
class SiteLinks:
    """Which links lead to another page of the page's own site (not to the page itself).

    The site is every host the page names as its own: the URL's, its ``<base
    href>``'s and its canonical URL's (``www.`` aside), so that a page saved from
    its site and served elsewhere still knows its links.
    """

    base: str
    hosts: frozenset[str]
    own: frozenset[str]
    """The page's URL and its canonical URL, without fragments."""

    @classmethod
    def of(cls, tree: Element, url: str) -> SiteLinks:
        """For the page ``tree`` fetched from ``url``."""
        base = base_url(tree, url)
        own = {url}
        canonical = _strings(_CANONICAL(tree))
        if canonical:
            own.add(_resolve(base, canonical[0]) or url)
        hosts = {_host(u) for u in (*own, base)}
        return cls(base, frozenset(hosts), frozenset(u.split("#", 1)[0] for u in own))

    def target(self, href: str | None) -> str | None:
        """The absolute URL ``href`` leads to when it is another page of the site, else None."""
        href = (href or "").strip()
        if not href or href.startswith(_NOT_PAGES):
            return None
        absolute = _resolve(self.base, href)
        if absolute is None or _host(absolute) not in self.hosts:
            return None
        absolute = absolute.split("#", 1)[0]
        return None if absolute in self.own else absolute


@dataclass(frozen=True, slots=True)
class Cues:
    """What the page says before extraction: points of each kind, and its teasers."""

    jsonld: int
    og: int
    url: int
    teasers: frozenset[str]
    """The other pages of the site the page links from headings and captions by a
    headline (:data:`HEADLINE_CHARS` or more), as absolute URLs."""
    links: SiteLinks
    titles: tuple[str, ...]
    """The page's ``<title>`` and ``og:title``, case-folded, spaces collapsed."""

    def is_title(self, text: str) -> bool:
        """Whether ``text`` is the page's title (or the title less the site's name)."""
        text = " ".join(text.casefold().split())
        return bool(text) and any(text in title for title in self.titles)


def read_cues(tree: Element, url: str, article_urls: Sequence[re.Pattern[str]] = ()) -> Cues:
    """The cues of the page ``tree`` fetched from ``url``; ``article_urls`` are the
    site's own patterns of article URLs (``re.search`` on the full URL)."""
    links = SiteLinks.of(tree, url)
    return Cues(
        jsonld=_jsonld_points(tree),
        og=_og_points(tree),
        url=url_points(url, article_urls),
        teasers=_teasers(tree, links),
        links=links,
        titles=tuple(" ".join(t.casefold().split()) for t in _strings(_TITLES(tree))),
    )


def _jsonld_points(tree: Element) -> int:
    types = jsonld.page_types(tree)
    if types & jsonld.ARTICLE_TYPES:
        return 3
    if types & LISTING_TYPES:
        return -3
    return 0


def _og_points(tree: Element) -> int:
    values = _strings(_OG_TYPE(tree))
    value = values[0].strip().lower() if values else ""
    return {"article": 1, "website": -1}.get(value, 0)


def url_points(url: str, article_urls: Sequence[re.Pattern[str]] = ()) -> int:
    """+3 when one of the site's ``article_urls`` matches, +1 for an article-like
    path, -2 for a listing-like one (or the home page), else 0.

    >>> url_points("https://n.test/tag/maroc/"), url_points("https://n.test/2022/04/21/x/")
    (-2, 1)
    >>> url_points("https://n.test/news/index.html")
    -2
    >>> url_points("https://n.test/2019/11/18/politics/trump-health/index.html")
    1
    """
    if any(pattern.search(url) for pattern in article_urls):
        return 3
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    if path in ("", "/") or LISTING_URL.search(path):
        return -2
    folder = INDEX_PAGE.sub("/", path)
    if ARTICLE_URL.search(folder):
        return 1
    return -2 if folder != path else 0


def _teasers(tree: Element, links: SiteLinks) -> frozenset[str]:
    found = set()
    for a in _HEADING_LINKS(tree):  # type: ignore[union-attr]
        if not isinstance(a, lxml.etree._Element):
            continue
        if len(" ".join(text_of(a).split())) < HEADLINE_CHARS:
            continue
        target = links.target(a.get("href"))
        if target is not None:
            found.add(target)
    return frozenset(found)


def _strings(result: object) -> list[str]:
    return [str(value) for value in result] if isinstance(result, list) else []


def _resolve(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href.strip())
    except ValueError:  # "http://[broken" and kin
        return None


def _host(url: str) -> str:
    """The host of ``url`` without a leading ``www.``, lower-cased."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
