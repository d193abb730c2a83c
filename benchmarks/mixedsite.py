"""A whole local news site built from the corpora, with its answer key, for crawl tests.

:func:`build_mixed_site` returns every file of a site served from one origin:

- each real corpus page at its own URL's path (and query), as the bytes saved;
- a home page ``/`` linking to the sections and to the other listings;
- one section per name of :data:`SECTIONS`, each a paginated listing
  (``/section/<name>/``, ``/section/<name>/page/2/``...) whose teasers link to
  that section's articles, :data:`PER_PAGE` to a page, with a pager;
- a tag page, an author page, an archive month and a page of video teasers,
  each linking to some articles;
- ``/robots.txt`` naming ``/sitemap.xml``, a sitemap index of
  ``/sitemaps/articles-<n>.xml`` (every article, with ``<lastmod>``) and
  ``/sitemaps/listings.xml``.

Listing pages are built like the page-type benchmark's
(:mod:`benchmarks.listings`): a real page's markup with teasers in its
article's place. The answer key says which paths are articles and which are
listings, which articles are a corpus's made-up test documents rather than news
pages, and which are one story saved twice. Free of Scrapy: a test serves
:attr:`MixedSite.files` as it likes.

>>> site = build_mixed_site([pages], seed=13)                    # doctest: +SKIP
>>> body, content_type = site.files["/"]                         # doctest: +SKIP
>>> len(site.articles), site.kind("/section/world/page/2/")      # doctest: +SKIP
(311, 'listing')
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from benchmarks.corpus import Page
from benchmarks.listing_markup import ListingSpec
from benchmarks.listings import DEFAULT_SEED, SYNTHETIC, listing_for, make_spec, usable_pages
from benchmarks.teasers import FIRST_DAY, Story, story_of

__all__ = [
    "HTML",
    "LISTING_HTML",
    "PER_PAGE",
    "SECTIONS",
    "XML",
    "MixedSite",
    "article_path",
    "build_mixed_site",
    "is_test_document",
]

HTML = "text/html"
"""The content type of the real pages: no charset, as each page declares its own (or not)."""
LISTING_HTML = "text/html; charset=utf-8"
XML = "application/xml"
TEXT = "text/plain; charset=utf-8"
SECTIONS = ("world", "politics", "business", "technology", "science", "culture")
PER_PAGE = 20
"""Teasers per section page: a section of 50 articles has three pages."""
SITEMAP_SIZE = 200
"""URLs per article sitemap: more than one sitemap, so the index matters."""
OTHER_KINDS = ("tag", "author", "archive", "media")
"""The listings besides home and sections, one each, at the path their kind gets."""
OTHER_TEASERS = 12
"""Articles each of the other listings links to."""
HOME_TEASERS = 24
_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_TITLE = re.compile(rb"<title[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MixedSite:
    """The files of the site and its answer key."""

    base_url: str
    files: Mapping[str, tuple[bytes, str]]
    """Path (with query, if any) -> (body, content type)."""
    articles: frozenset[str]
    """Paths of the real article pages: each should be written once."""
    listings: frozenset[str]
    """Paths of the listing pages: none should be written."""
    test_documents: frozenset[str] = frozenset()
    """Those of ``articles`` that are a corpus's made-up test documents, not news
    pages (:func:`is_test_document`): a crawl may write them or drop them."""
    same_story: tuple[frozenset[str], ...] = ()
    """Groups of ``articles`` that are one story saved more than once (the same
    expected body): a crawl should write one page of each group."""

    @property
    def stories(self) -> list[frozenset[str]]:
        """The real articles, one group of paths per story (a single path for most):
        each should be written once, by one of its paths."""
        grouped = {path for group in self.same_story for path in group}
        singles = [frozenset({path}) for path in sorted(self.articles - grouped)]
        groups = [group - self.test_documents for group in self.same_story]
        return [group for group in [*singles, *groups] if group - self.test_documents]

    def kind(self, path: str) -> str | None:
        """``"article"``, ``"listing"``, ``"other"`` (robots, sitemaps) or None (not served)."""
        if path in self.articles:
            return "article"
        if path in self.listings:
            return "listing"
        return "other" if path in self.files else None


def is_test_document(page: Page) -> bool:
    """Whether ``page`` is a made-up test document rather than a news page: its
    expected body is placeholder Latin (:data:`~benchmarks.listings.SYNTHETIC`), or
    it has no ``<title>`` at all (the readability tests' "Test" page, a list of one
    item): no news site publishes a page without a title."""
    return bool(SYNTHETIC.search(page.expected)) or _TITLE.search(page.read()) is None


def article_path(page: Page) -> str:
    """Where the site serves ``page``: its URL's path, with its query if any."""
    parts = urlsplit(page.url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def build_mixed_site(
    corpora: Sequence[Sequence[Page]],
    seed: int = DEFAULT_SEED,
    base_url: str = "http://127.0.0.1:8000",
) -> MixedSite:
    """The site made of every page of ``corpora``, deterministically for ``seed``.

    Raises :class:`ValueError` when two pages share a path or no page can host a listing.
    """
    rng = random.Random(seed)
    pages = [page for corpus in corpora for page in corpus]
    files: dict[str, tuple[bytes, str]] = {}
    for page in pages:
        path = article_path(page)
        if path in files:
            raise ValueError(f"two corpus pages are served at {path}; the site needs one each")
        files[path] = (page.read(), HTML)
    articles = frozenset(files)
    stories = {page.id: story_of(page, page.read()) for page in pages}
    paths = {page.id: article_path(page) for page in pages}
    hosts = _HostCycle(usable_pages(pages), rng)
    order = list(pages)
    rng.shuffle(order)
    others = _other_specs(order, stories, paths, rng)
    specs = [
        _home_spec(order, stories, paths, others, rng),
        *_section_specs(order, stories, paths, rng),
        *others,
    ]
    for spec in specs:
        if spec.path in files:
            raise ValueError(f"listing {spec.path} would replace a corpus page served there")
        files[spec.path] = (hosts.render(spec, base_url), LISTING_HTML)
    listings = frozenset(spec.path for spec in specs)
    files.update(_sitemaps(base_url, sorted(articles), sorted(listings), rng))
    tests = frozenset(paths[page.id] for page in pages if is_test_document(page))
    return MixedSite(base_url, files, articles, listings, tests, _same_story(pages))


def _same_story(pages: Sequence[Page]) -> tuple[frozenset[str], ...]:
    """Paths of the pages whose expected bodies are the same, in groups of two or more."""
    by_body: dict[str, set[str]] = {}
    for page in pages:
        by_body.setdefault(" ".join(page.expected.split()), set()).add(article_path(page))
    return tuple(sorted((frozenset(g) for g in by_body.values() if len(g) > 1), key=sorted))


class _HostCycle:
    """Real pages taking turns as hosts, skipping those that cannot host."""

    def __init__(self, pages: Sequence[Page], rng: random.Random) -> None:
        self._pages = list(pages)
        rng.shuffle(self._pages)
        self._next = 0

    def render(self, spec: ListingSpec, base_url: str) -> bytes:
        """The listing ``spec`` in the next page able to host it."""
        for _ in range(len(self._pages)):
            page = self._pages[self._next % len(self._pages)]
            self._next += 1
            # number=1: never keep og:type=article, and declare none; the crawl test
            # is about page structure and provenance, the benchmark measures that trap.
            listing = listing_for(page, spec, number=1, site=base_url)
            if listing is not None:
                return listing.html
        raise ValueError("no corpus page can host a listing: no article found in their markup")


def _linked(spec: ListingSpec, paths: Mapping[str, str]) -> ListingSpec:
    """``spec`` with each teaser linking to its story's page on the site."""
    teasers = [replace(t, href=paths[t.story.page_id]) for t in spec.teasers]
    return replace(spec, teasers=teasers)


def _section_specs(
    order: Sequence[Page],
    stories: Mapping[str, Story],
    paths: Mapping[str, str],
    rng: random.Random,
) -> list[ListingSpec]:
    """Every page of every section: all articles, dealt round the sections in ``order``."""
    specs = []
    for index, name in enumerate(SECTIONS):
        members = [stories[page.id] for page in order[index :: len(SECTIONS)]]
        last = max(1, -(-len(members) // PER_PAGE))
        for number in range(1, last + 1):
            chunk = members[(number - 1) * PER_PAGE : number * PER_PAGE]
            path = f"/section/{name}/" if number == 1 else f"/section/{name}/page/{number}/"
            spec = make_spec("paginated" if last > 1 else "section", chunk, rng)
            spec = replace(spec, name=name.title(), path=path, page_number=number, last_page=last)
            specs.append(_linked(spec, paths))
    return specs


def _other_specs(
    order: Sequence[Page],
    stories: Mapping[str, Story],
    paths: Mapping[str, str],
    rng: random.Random,
) -> list[ListingSpec]:
    """One listing of each of :data:`OTHER_KINDS`, linking to a sample of the articles."""
    specs = []
    for kind in OTHER_KINDS:
        chosen = [stories[page.id] for page in rng.sample(list(order), OTHER_TEASERS)]
        specs.append(_linked(make_spec(kind, chosen, rng), paths))
    return specs


def _home_spec(
    order: Sequence[Page],
    stories: Mapping[str, Story],
    paths: Mapping[str, str],
    others: Sequence[ListingSpec],
    rng: random.Random,
) -> ListingSpec:
    """The home page: the latest stories, and links to every section and other listing."""
    chosen = [stories[page.id] for page in order[:HOME_TEASERS]]
    links = tuple((name.title(), f"/section/{name}/") for name in SECTIONS)
    links += tuple((spec.name.title(), spec.path) for spec in others)
    spec = replace(make_spec("home", chosen, rng), path="/", links=links)
    return _linked(spec, paths)


def _sitemaps(
    base_url: str, articles: Sequence[str], listings: Sequence[str], rng: random.Random
) -> dict[str, tuple[bytes, str]]:
    """robots.txt, the sitemap index, the article sitemaps (with lastmod) and the listings'."""
    files: dict[str, tuple[bytes, str]] = {}
    names = []
    for number, start in enumerate(range(0, len(articles), SITEMAP_SIZE), start=1):
        entries = []
        for path in articles[start : start + SITEMAP_SIZE]:
            day = FIRST_DAY + timedelta(days=rng.randrange(7 * 365))
            loc = escape(base_url + path)
            entries.append(f"<url><loc>{loc}</loc><lastmod>{day:%Y-%m-%d}</lastmod></url>")
        names.append(f"/sitemaps/articles-{number}.xml")
        files[names[-1]] = (_urlset(entries), XML)
    entries = [f"<url><loc>{escape(base_url + path)}</loc></url>" for path in listings]
    names.append("/sitemaps/listings.xml")
    files[names[-1]] = (_urlset(entries), XML)
    index = "".join(f"<sitemap><loc>{escape(base_url + name)}</loc></sitemap>" for name in names)
    files["/sitemap.xml"] = (_xml(f"<sitemapindex {_SITEMAP_NS}>{index}</sitemapindex>"), XML)
    robots = f"User-agent: *\nAllow: /\nSitemap: {base_url}/sitemap.xml\n"
    files["/robots.txt"] = (robots.encode(), TEXT)
    return files


def _urlset(entries: Sequence[str]) -> bytes:
    return _xml(f"<urlset {_SITEMAP_NS}>" + "\n".join(entries) + "</urlset>")


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
