"""Build the demo site: every page it serves, and what a crawl should find on it.

The same builder makes the demo site (``scrapy demo`` with no URL), the local
test site the crawler tests crawl, and the benchmark site (thousands of
generated articles). Article pages come from two places:

* the extraction fixtures, ``fixtures/<site>/<slug>/source.html``, served byte
  for byte at their original path with their original ``Content-Type``;
* generated articles (:mod:`crawler.demosite.textgen`), so the site has enough
  pages to show discovery through sitemaps, feeds and paginated listings.

It also holds the traps a generic crawler must get right: an article-shaped URL
that is a listing, an article without a title (dropped), a wire story published
twice (a near duplicate), a page ``robots.txt`` forbids, links off the site, and
feed links with tracking parameters.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from crawler.demosite import pages
from crawler.demosite.pages import ArticleSpec, Teaser
from crawler.demosite.textgen import Lorem

__all__ = ["Resource", "Site", "build_site", "default_fixtures_dir"]

SECTIONS = ("politics", "economy", "culture", "sport")
PER_PAGE = 8  # teasers per listing page: small, so the test site has pagination
NEWS_SITEMAP_SIZE = 10  # news sitemaps hold the latest articles only
FEED_SIZE = 10
FIRST_DATE = datetime(2022, 1, 3, 7, 30, tzinfo=timezone(timedelta(hours=1)))
STEP = timedelta(hours=37)  # spreads 40 test articles over two months, for -a since


@dataclass(slots=True)
class Resource:
    """One URL's response."""

    body: bytes
    content_type: str
    status: int = 200


@dataclass(slots=True)
class Site:
    """The demo site's pages and its answer key."""

    base: str
    resources: dict[str, Resource] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    """Path -> ISO publication date (or "" when unknown) of every page that must
    become exactly one item (one of each near-duplicate pair counts once)."""
    listings: set[str] = field(default_factory=set)
    """Paths that are listing pages, including the article-shaped one."""
    drops: dict[str, str] = field(default_factory=dict)
    """Path -> the drop reason expected in the stats."""
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)
    """Pairs of paths with the same wire story: exactly one of each is kept."""
    forbidden: set[str] = field(default_factory=set)
    """Paths that robots.txt disallows: never to be requested."""

    def add(self, path: str, text: str | bytes, content_type: str) -> None:
        """Serve ``text`` (UTF-8 when a str) at ``path``."""
        body = text.encode("utf-8") if isinstance(text, str) else text
        self.resources[path] = Resource(body, content_type)

    def manifest(self) -> dict[str, object]:
        """The answer key as JSON-ready data (stored beside recorded cassettes)."""
        return {
            "base": self.base,
            "articles": self.articles,
            "listings": sorted(self.listings),
            "drops": self.drops,
            "near_duplicates": self.near_duplicates,
            "forbidden": sorted(self.forbidden),
        }


def default_fixtures_dir() -> Path:
    """``fixtures/`` at the root of the source checkout."""
    return Path(__file__).resolve().parents[2] / "fixtures"


HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


def build_site(base: str, *, generated: int = 40, fixtures_dir: Path | None = None) -> Site:
    """Build every page of the demo site served at ``base`` (no trailing slash).

    ``generated`` is the number of generated articles (the benchmark asks for
    thousands); fixture pages are added when ``fixtures_dir`` holds any.
    """
    site = Site(base=base)
    teasers = _generated_articles(site, generated)
    special = _special_pages(site, teasers)
    archived = _fixture_pages(site, fixtures_dir or default_fixtures_dir())
    _listings(site, teasers, archived + special)

    # Discovery channels overlap, as on real sites; each also has pages of its own:
    # the last generated article is only in the news sitemap, the one before only
    # in the feeds, so a crawl that skips either misses a page.
    only_news, only_feed = teasers[-1], teasers[-2]
    in_sitemap = [t for t in teasers if t not in (only_news, only_feed)] + archived
    latest = sorted(teasers[:-2], key=lambda t: t.published, reverse=True)
    news = [only_news, *latest[: NEWS_SITEMAP_SIZE - 1]]
    feed = [only_feed, *latest[: FEED_SIZE - 1]]
    site.add("/robots.txt", pages.robots_txt(base), "text/plain")
    site.add(
        "/sitemap_index.xml",
        pages.sitemap_index(base, ["/sitemaps/articles.xml.gz", "/sitemaps/news.xml"]),
        XML,
    )
    urlset = pages.urlset(base, in_sitemap).encode("utf-8")
    site.add("/sitemaps/articles.xml.gz", gzip.compress(urlset, mtime=0), "application/gzip")
    site.add("/sitemaps/news.xml", pages.news_sitemap(base, news), XML)
    site.add("/feed.rss", pages.rss_feed(base, feed), "application/rss+xml; charset=utf-8")
    site.add("/feed.atom", pages.atom_feed(base, feed), "application/atom+xml; charset=utf-8")
    return site


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _generated_articles(site: Site, count: int) -> list[Teaser]:
    specs: list[ArticleSpec] = []
    for i in range(count):
        lorem = Lorem(i)
        title = f"{lorem.headline()} ({i})"
        published = (FIRST_DATE + i * STEP).isoformat()
        section = SECTIONS[i % len(SECTIONS)]
        path = f"/{section}/{published[:10].replace('-', '/')}/{_slug(title)}.html"
        specs.append(
            ArticleSpec(
                path=path,
                title=title,
                paragraphs=lorem.paragraphs(),
                published=published,
                section=section,
                author=f"{lorem.words(1)[0].capitalize()} Reporter",
            )
        )
    teasers = [Teaser(s.path, s.title, s.paragraphs[0][:140], s.published) for s in specs]
    for i, spec in enumerate(specs):
        spec.related = [teasers[j % len(teasers)] for j in (i + 1, i + 2, i + 5)]
        site.add(spec.path, pages.article_page(spec, site.base), HTML)
        site.articles[spec.path] = spec.published
    return teasers


def _special_pages(site: Site, teasers: list[Teaser]) -> list[Teaser]:
    """The traps; returns teasers for the archive page."""
    lorem = Lorem("wire")
    story = lorem.paragraphs(6, 6)
    published = "2022-04-22T09:15:00+02:00"
    wire = []
    for section, lead in (("politics", "Summit"), ("economy", "Trade summit")):
        title = f"{lead} ends with a joint coalition statement"
        path = f"/{section}/2022/04/22/{_slug(title)}.html"
        # The same agency copy on two pages; the second adds an editor's line.
        paragraphs = story if section == "politics" else [*story, "Reporting by the agency."]
        spec = ArticleSpec(path, title, paragraphs, published, section, "Wire Agency")
        site.add(path, pages.article_page(spec, site.base), HTML)
        wire.append(Teaser(path, title, story[0][:140], published))
    site.articles[wire[0].path] = published
    site.near_duplicates.append((wire[0].path, wire[1].path))

    # An article-shaped URL whose page is a list of headlines (a daily round-up).
    roundup = Teaser("/politics/2022/04/21/the-days-headlines.html", "The day's headlines", "", "")
    site.add(
        roundup.path,
        pages.listing_page(
            roundup.title, roundup.path, teasers[:12], site.base, og_type="article"
        ),
        HTML,
    )
    site.listings.add(roundup.path)

    # A photo-only "article": JSON-LD says NewsArticle, but there is no headline.
    untitled_lorem = Lorem("untitled")
    untitled = ArticleSpec(
        "/culture/2022/03/10/photo-series-4411.html",
        "",
        untitled_lorem.paragraphs(3, 3),
        "2022-03-10T12:00:00+01:00",
        "culture",
        "Photo Desk",
        show_title=False,
    )
    site.add(untitled.path, pages.article_page(untitled, site.base), HTML)
    site.drops[untitled.path] = "no_title"

    # robots.txt disallows /private/: a polite crawler never asks for this page.
    secret = ArticleSpec(
        "/private/subscriber-area",
        "Subscribers only",
        Lorem("private").paragraphs(),
        "2022-02-01T08:00:00+01:00",
        "politics",
        "Staff",
    )
    site.add(secret.path, pages.article_page(secret, site.base), HTML)
    site.forbidden.add(secret.path)
    return [*wire, roundup, Teaser(untitled.path, "Photo series", "", untitled.published)]


def _fixture_pages(site: Site, fixtures_dir: Path) -> list[Teaser]:
    """Serve each fixture's source.html at its original path; return teasers."""
    teasers = []
    for meta_path in sorted(fixtures_dir.glob("*/*/meta.json")):
        source = meta_path.with_name("source.html")
        if not source.is_file():
            continue  # a fixture still being written
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        path = re.sub(r"^[a-z]+://[^/]+", "", meta["url"]) or "/"
        if path in site.resources:
            path = f"/{meta_path.parent.parent.name}{path}"
        headers = {k.lower(): v for k, v in meta.get("headers", {}).items()}
        site.add(path, source.read_bytes(), headers.get("content-type", "text/html"))
        expected = meta_path.with_name("expected.json")
        published = ""
        title = meta_path.parent.name
        if expected.is_file():
            data = json.loads(expected.read_text(encoding="utf-8"))
            published = data.get("published") or ""
            title = data.get("title") or title
        site.articles[path] = published
        teasers.append(Teaser(path, title, "", published or FIRST_DATE.isoformat()))
    return teasers


def _listings(site: Site, teasers: list[Teaser], archived: list[Teaser]) -> None:
    """Home page, paginated section pages and the archive."""
    newest_first = sorted(teasers[:-2], key=lambda t: t.published, reverse=True)
    elsewhere = [
        ("https://other-news.example.com/world/", "Our partner: world news"),
        ("http://www.example.org/2022/04/21/an-article-elsewhere.html", "Read it elsewhere"),
    ]
    site.add(
        "/",
        pages.listing_page(
            "Demo Daily: latest news",
            "/",
            newest_first[:12],
            site.base,
            extra_links=elsewhere,
        ),
        HTML,
    )
    site.listings.add("/")
    for section in SECTIONS:
        items = [t for t in newest_first if f"/{section}/" in t.path]
        chunks = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
        for n, chunk in enumerate(chunks, start=1):
            path = _page_path(section, n)
            site.add(
                path,
                pages.listing_page(
                    f"{section.capitalize()}, page {n}",
                    path,
                    chunk,
                    site.base,
                    prev_path=_page_path(section, n - 1) if n > 1 else None,
                    next_path=_page_path(section, n + 1) if n < len(chunks) else None,
                ),
                HTML,
            )
            site.listings.add(path)
    site.add(
        "/archive/",
        pages.listing_page(
            "Archive and partner copy",
            "/archive/",
            archived,
            site.base,
        ),
        HTML,
    )
    site.listings.add("/archive/")


def _page_path(section: str, n: int) -> str:
    return f"/section/{section}/" if n == 1 else f"/section/{section}/page/{n}/"
