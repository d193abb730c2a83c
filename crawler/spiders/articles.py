"""The generic article spider: ``scrapy crawl articles -a url=https://news.example/``.

Where it goes, in order of trust:

1. ``robots.txt`` of each start site, for its ``Sitemap:`` lines (``/sitemap.xml``
   when there are none); sitemap indexes, gzip sitemaps and news sitemaps are
   read with their dates, so ``-a since=`` skips old URLs before fetching them.
2. RSS and Atom feeds the pages announce with ``<link rel="alternate">``.
3. Links on listing pages, within the start sites' domains.

Each fetched HTML page is classified (:mod:`crawler.pagetype`): an article page
goes through :mod:`crawler.bridge` to ``extractors.extract`` and becomes an
:class:`~extractors.Article` item; a listing page is followed. The site's crawl
hints (:mod:`crawler.hints`) add start URLs, article URL patterns and URLs to skip.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured, UsageError
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.bridge import Extraction, ExtractionError
from crawler.discovery import Entry, looks_like_feed, parse_feed, parse_sitemap
from crawler.failures import log_fetch_failure, log_page_failure
from crawler.hints import SiteHints, hints_for
from crawler.pagetype import classify
from crawler.spiders.base import apply_default_feed
from crawler.urls import host_of, strip_tracking
from extractors import Article

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

__all__ = ["ArticlesSpider"]

logger = logging.getLogger(__name__)

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
# A body that starts like this is HTML whatever its Content-Type says: servers
# that send article pages as text/plain exist (a misconfigured CMS or proxy).
HTML_START = (b"<!doctype html", b"<html")
# Media types that are never an article page, whatever the URL looks like:
# Scrapy picks HtmlResponse from a ".html" URL even when the server says image/png.
NOT_HTML_TYPES = (
    b"image/",
    b"audio/",
    b"video/",
    b"font/",
    b"application/pdf",
    b"application/zip",
)
FEED_LINKS = '//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href'


def _links(response: HtmlResponse) -> Iterator[str]:
    """Absolute http(s) URLs of the page's ``<a href>`` links, in page order.

    Not Scrapy's LinkExtractor: it costs 10 ms on a 100-link listing page, and
    its ``allow_domains`` compares host:port, which rejects every link of a site
    served on a port (the demo site). Off-site links are left to Scrapy's
    OffsiteMiddleware, which reads ``allowed_domains``.
    """
    for href in response.xpath("//a[@href]/@href").getall():
        href = href.strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            url = response.urljoin(href)
            if url.startswith(("http://", "https://")):
                yield url


def _by_content(response: Response) -> Response:
    """The response as the class its bytes call for, whatever Scrapy guessed.

    HTML served as text/plain becomes an :class:`HtmlResponse`; an image, a PDF
    or any binary body (a NUL byte in the first KB) at an article-shaped URL
    becomes a plain :class:`Response`, which the spider counts as not HTML.
    """
    if type(response) is TextResponse and response.body.lstrip()[:14].lower().startswith(
        HTML_START
    ):
        return response.replace(cls=HtmlResponse)
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    # UTF-16 pages have NUL bytes too, and a BOM; the bridge decodes those.
    binary = b"\x00" in response.body[:1024] and not response.body.startswith(
        (b"\xff\xfe", b"\xfe\xff")
    )
    if isinstance(response, TextResponse) and (content_type.startswith(NOT_HTML_TYPES) or binary):
        return Response(
            response.url,
            status=response.status,
            headers=response.headers,
            body=response.body,
            request=response.request,
            flags=response.flags,
        )
    return response


def _start_urls(url: str | None, file: str | None) -> list[str]:
    urls = (url or "").replace(",", " ").split()
    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"cannot read the start URL file {file!r}: {exc}") from exc
        urls += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not urls:
        raise UsageError(
            "give the site to crawl: scrapy crawl articles -a url=https://news.example/ "
            "(several: comma-separated, or -a file=start-urls.txt, one per line)"
        )
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise UsageError(f"start URLs must be http(s) URLs; got {', '.join(bad)}")
    return urls


def _since(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"-a since={value!r} is not a date; write it as 2022-04-01") from exc


class ArticlesSpider(Spider):
    """Discovers article pages from start URLs and yields clean articles.

    Spider arguments (``-a name=value``): ``url`` (one or several, comma-separated),
    ``file`` (start URLs, one per line), ``since`` (ISO date: skip and drop older
    articles), ``max_pages``, ``max_articles``, ``max_depth``.
    """

    name = "articles"

    def __init__(
        self,
        url: str | None = None,
        file: str | None = None,
        since: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.start_urls = _start_urls(url, file)
        self.since = _since(since)
        # "www." dropped: allowed_domains admits subdomains, and sites link between
        # www.news.example and news.example.
        domains = {host_of(u).removeprefix("www.") for u in self.start_urls}
        self.hints = {d: hints_for(f"http://{d}/") for d in domains}
        self.allowed_domains = sorted(domains)
        # URLs this spider already asked for: most links on listing pages point
        # to pages found before (sitemaps, feeds, other listings); skipping them
        # here saves building a Request that the duplicate filter would drop.
        # The filter stays the authority (and persists with JOBDIR).
        self._asked: set[str] = set()
        self.extraction: Extraction | None = None
        self.follow_articles = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArticlesSpider:
        """Apply ``max_*`` arguments to Scrapy's own limits and set up extraction."""
        limits = {
            "max_pages": "CLOSESPIDER_PAGECOUNT",
            "max_articles": "CLOSESPIDER_ITEMCOUNT",
            "max_depth": "DEPTH_LIMIT",
        }
        for arg, setting in limits.items():
            if arg in kwargs:
                crawler.settings.set(setting, int(kwargs.pop(arg)), priority="spider")
        apply_default_feed(crawler)
        spider: ArticlesSpider = super().from_crawler(crawler, *args, **kwargs)
        try:
            spider.extraction = Extraction.from_crawler(crawler)
        except NotConfigured as exc:
            logger.info("Article pages are not extracted: %s", exc)
        spider.follow_articles = crawler.settings.getbool("NEWSCLEAN_FOLLOW_ARTICLE_LINKS")
        return spider

    def _hints(self, url: str) -> SiteHints:
        host = host_of(url)
        if host not in self.hints:
            self.hints[host] = hints_for(url)
        return self.hints[host]

    def _request(self, url: str, callback: Any, **meta: Any) -> Request | None:
        """A request for ``url`` without tracking parameters, unless the site skips it."""
        url = strip_tracking(url)
        if url in self._asked:
            return None
        self._asked.add(url)
        if self._hints(url).is_skipped(url):
            self.crawler.stats.inc_value("discovery/skipped_by_hints")
            return None
        return Request(url, callback=callback, errback=self.fetch_failed, meta=meta)

    def fetch_failed(self, failure: Failure) -> None:
        """Errback of every request: log and count a final failure once
        (:func:`crawler.failures.log_fetch_failure`)."""
        log_fetch_failure(self.crawler, failure)

    async def start(self) -> AsyncIterator[Any]:
        """robots.txt and the start page of each site, plus the site's hinted start URLs."""
        user_agent = self.settings.get("USER_AGENT")
        if user_agent == self.settings.get("NEWSCLEAN_DEFAULT_USER_AGENT") and any(
            host_of(u) not in LOCAL_HOSTS for u in self.start_urls
        ):
            logger.warning(
                "Crawling with the default User-Agent. Name yourself and a contact: "
                "-s USER_AGENT='yourproject/1.0 (+mailto:you@example.org)'"
            )
        for url in self.start_urls:
            yield Request(
                urljoin(url, "/robots.txt"), callback=self.parse_robots, errback=self.fetch_failed
            )
            for start in (url, *self._hints(url).start_urls):
                if request := self._request(start, self.parse_page):
                    yield request

    def parse_robots(self, response: Response) -> Iterable[Request]:
        """Follow the ``Sitemap:`` lines of robots.txt (or try /sitemap.xml)."""
        sitemaps = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not sitemaps:
            sitemaps = [urljoin(response.url, "/sitemap.xml")]
        for url in sitemaps:
            if request := self._request(url, self.parse_sitemap):
                yield request

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        """Follow a sitemap index, or request a sitemap's URLs inside the date window."""
        sitemap = parse_sitemap(response.body)
        if sitemap is None:
            logger.warning("Not a sitemap, ignored: %s", response.url)
            return
        self.crawler.stats.inc_value("discovery/sitemaps")
        if sitemap.kind == "sitemapindex":
            for entry in sitemap.entries:
                if request := self._request(entry.url, self.parse_sitemap):
                    yield request
            return
        source = "news_sitemap" if sitemap.news else "sitemap"
        yield from self._entries(sitemap.entries, source)

    def parse_feed(self, response: Response) -> Iterable[Request]:
        """Request the item links of an RSS or Atom feed inside the date window."""
        self.crawler.stats.inc_value("discovery/feeds")
        yield from self._entries(parse_feed(response.body), "feed")

    def _entries(self, entries: Iterable[Entry], source: str) -> Iterable[Request]:
        stats = self.crawler.stats
        for entry in entries:
            if self.since and entry.date and entry.date < self.since:
                stats.inc_value("discovery/before_since")
                continue
            if request := self._request(entry.url, self.parse_page, newsclean_source=source):
                stats.inc_value(f"discovery/{source}_urls")
                yield request

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """Article pages become items; listing pages are followed."""
        response = _by_content(response)
        if not isinstance(response, HtmlResponse):
            for other in self._parse_other(response):
                yield other
            return
        hints = self._hints(response.url)
        if self.extraction is None:
            verdict = classify(response.selector.root, response.url, hints)
            article: Article | None = None
            if verdict.is_article:
                article = Article(url=response.url, reason="extraction-off")
        else:
            try:
                result = await self.extraction.page(response, hints)
            except ExtractionError as exc:
                log_page_failure(self.crawler, response.url, exc)
                return
            verdict, article = result.verdict, result.article
        logger.debug("%s is %s", response.url, verdict.explain())
        self.crawler.stats.inc_value(f"pages/{'article' if verdict.is_article else 'listing'}")
        if article is not None:
            yield article
        if not verdict.is_article or self.follow_articles:
            # Sites announce the same feeds on every page: reading them on the
            # pages that are followed finds them all, at no cost per article.
            for href in response.xpath(FEED_LINKS).getall():
                if request := self._request(response.urljoin(href), self.parse_feed):
                    yield request
            for url in _links(response):
                if request := self._request(url, self.parse_page):
                    yield request

    def _parse_other(self, response: Response) -> Iterable[Request]:
        """A start URL or link that is a sitemap or a feed rather than a page."""
        if parse_sitemap(response.body) is not None:
            yield from self.parse_sitemap(response)
        elif looks_like_feed(response.body):
            yield from self.parse_feed(response)
        else:
            self.crawler.stats.inc_value("pages/not_html")
            content_type = response.headers.get(b"Content-Type") or b"no Content-Type"
            logger.info(
                "Not an HTML page, ignored: %s (%s)", response.url, content_type.decode("latin-1")
            )
