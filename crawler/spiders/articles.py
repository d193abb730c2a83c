"""The generic article spider: ``scrapy crawl articles -a url=https://news.example/``.

Where it goes, in order of trust:

1. ``robots.txt`` of each start site, for its ``Sitemap:`` lines (``/sitemap.xml``
   when there are none); sitemap indexes, gzip sitemaps and news sitemaps are
   read with their dates, so ``-a since=`` skips old URLs before fetching them.
2. RSS and Atom feeds the pages announce with ``<link rel="alternate">`` (or
   that a ``Sitemap:`` line names).
3. Links on listing pages, on the start URLs' origins.

Every URL found passes :class:`~crawler.gate.Gate` (origins, hints, traps,
caps); what sitemaps and feeds list waits in :class:`~crawler.backlog.Backlog`,
which feeds Scrapy's scheduler a batch at a time, so articles flow while
sitemaps are still being read and memory stays flat.

Each fetched HTML page goes to the page service
(:class:`~crawler.extraction.service.PageService`), which parses it once within
the extractors' limits, classifies it (:mod:`extractors.pagetype`), reads its
links and extracts it: an article page becomes an :class:`~extractors.Article`
item; a listing page is followed. The site's crawl hints (:mod:`crawler.hints`)
add start URLs, article URL patterns and URLs to skip.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.exceptions import UsageError
from scrapy.http import HtmlResponse, Response, TextResponse

from crawler.discovery import looks_like_feed, read_sitemap, since_date
from crawler.extraction.service import ExtractionFailed, PageService
from crawler.failures import log_page_failure
from crawler.filters import FILTER_ARGUMENTS, check_filter_arguments, check_filter_settings
from crawler.hints import hints_for
from crawler.middlewares import START
from crawler.origins import Origins
from crawler.spiders.discovering import DiscoveringSpider
from crawler.urls import host_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from extractors.pagetype import Verdict

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
# A User-Agent that names a way to reach its operator: a URL or an e-mail address.
CONTACT = re.compile(r"https?://|mailto:|@")


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
    # UTF-16 pages have NUL bytes too, and a BOM; the page service decodes those.
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
            raise UsageError(f"cannot read the start URL file {file!r}: {exc}") from None
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


class ArticlesSpider(DiscoveringSpider):
    """Discovers article pages from start URLs and yields clean articles.

    Spider arguments (``-a name=value``): ``url`` (one or several, comma-separated),
    ``file`` (start URLs, one per line), ``since`` (ISO date: skip and drop older
    articles; the setting ``NEWSCLEAN_SINCE``), ``until`` and ``lang`` (the other
    filters, :data:`crawler.filters.FILTER_ARGUMENTS`), ``max_pages``,
    ``max_articles``, ``max_depth`` (Scrapy's ``CLOSESPIDER_PAGECOUNT``,
    ``CLOSESPIDER_ITEMCOUNT``, ``DEPTH_LIMIT``). To fetch exactly a list of URLs,
    following nothing, use the ``urls`` spider (:mod:`crawler.spiders.urls`).
    """

    name = "articles"

    def __init__(self, url: str | None = None, file: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.start_urls = _start_urls(url, file)
        domains = {host_of(u).removeprefix("www.") for u in self.start_urls}
        self.hints = {d: hints_for(f"http://{d}/") for d in domains}
        # The site's own hinted start URLs are trusted like the user's.
        self._starts = [*self.start_urls, *(u for h in self.hints.values() for u in h.start_urls)]
        self.origins = Origins(self._starts)
        self.allowed_domains = self.origins.hosts()  # for Scrapy's OffsiteMiddleware
        self.since: date | None = None

    @classmethod
    def check_arguments(
        cls,
        url: str | None = None,
        file: str | None = None,
        urls: str | None = None,
        **filters: Any,
    ) -> None:
        """Raise :class:`UsageError` for arguments the crawl cannot run with (the
        ``crawl`` command calls it before the crawl starts)."""
        if urls is not None:
            raise UsageError(
                "the articles spider crawls whole sites from its start URLs; to fetch "
                f"exactly the URLs listed in a file: scrapy crawl urls -a file={urls}"
            )
        _start_urls(url, file)
        check_filter_arguments(**filters)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArticlesSpider:
        """Map the filter (``since``, ``until``, ``lang``) and ``max_*`` arguments to
        settings, and take the crawl's origins from the start URLs."""
        arguments = {
            **FILTER_ARGUMENTS,
            "max_pages": ("CLOSESPIDER_PAGECOUNT", int),
            "max_articles": ("CLOSESPIDER_ITEMCOUNT", int),
            "max_depth": ("DEPTH_LIMIT", int),
        }
        for arg, (setting, kind) in arguments.items():
            value = kwargs.pop(arg, None)
            if value is not None:
                crawler.settings.set(setting, kind(value), priority="spider")
        check_filter_settings(crawler.settings)  # a bad date fails before the crawl
        spider: ArticlesSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.set_origins(crawler, spider._starts)
        return spider

    @property
    def pages(self) -> PageService:
        """The crawl's page service (:meth:`PageService.of`)."""
        return PageService.of(self.crawler, "articles")

    async def start(self) -> AsyncIterator[Any]:
        """robots.txt and the start page of each site, plus the site's hinted start URLs."""
        self.since = since_date(self.settings.get("NEWSCLEAN_SINCE"))
        self.set_up_discovery()
        user_agent = str(self.settings.get("USER_AGENT") or "")
        if not CONTACT.search(user_agent) and any(
            host_of(u) not in LOCAL_HOSTS for u in self.start_urls
        ):
            logger.warning(
                "Crawling with the default User-Agent. Name yourself and a contact: "
                "-s USER_AGENT='yourproject/1.0 (+mailto:you@example.org)'"
            )
        for url in self.start_urls:
            yield Request(
                urljoin(url, "/robots.txt"),
                callback=self.parse_robots,
                errback=self.fetch_failed,
                meta={START: True},
            )
            for start in (url, *self._hints(url).start_urls):
                # newsclean_start: the START meta key of crawler.middlewares.
                if request := self._request(
                    start, self.parse_page, newsclean_source="start_url", newsclean_start=True
                ):
                    yield request
        self._feed()

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """Article pages become items; listing pages are followed."""
        response = _by_content(response)
        if not isinstance(response, HtmlResponse):
            self._parse_other(response)
            self._answered(response.request, article=False)
            return
        hints = self._hints(response.url)
        try:
            result = await self.pages.page(response, hints.article_urls)
        except ExtractionFailed as exc:
            log_page_failure(self.crawler, response.url, exc)
            self._answered(response.request, article=False)
            return
        verdict = result.verdict
        is_article = verdict is not None and verdict.is_article
        self._answered(response.request, article=is_article)
        if verdict is None:  # refused: logged and counted by the service
            return
        self._count(response.url, verdict)
        if result.article is not None:
            yield result.article
        # Sites announce the same feeds on every page: reading them on the pages
        # that are followed finds them all, at no cost per article.
        for url in result.feeds:
            if request := self._request(url, self.parse_feed, response.url):
                yield request
        linked_from = response.url if self.traps is not None else None
        new_links = 0
        for url in result.links:
            meta: dict[str, Any] = {"newsclean_from": linked_from, "newsclean_source": "link"}
            if url in result.teasers:
                meta["newsclean_teaser"] = True
            if request := self._request(url, self.parse_page, response.url, **meta):
                new_links += 1
                yield request
        if self.traps is not None and (not is_article or verdict.uncertain):
            self._trapped(self.traps.listing(response.url, new_links), response.url)
        self._feed()

    def _count(self, url: str, verdict: Verdict) -> None:
        """Count the page's type; a listing (not extracted) is logged with its score."""
        stats = self.crawler.stats
        if verdict.is_article:
            stats.inc_value("pages/article")
            if verdict.uncertain:
                stats.inc_value("pages/article_uncertain")
                logger.debug(
                    "Uncertain page type, extracted and flagged: %s (%s)", url, verdict.explain()
                )
            else:
                logger.debug("%s is %s", url, verdict.explain())
        else:
            stats.inc_value("pages/listing")
            logger.debug("Listing page, followed, not extracted: %s (%s)", url, verdict.explain())

    def _answered(self, request: Request | None, *, article: bool) -> None:
        """Tell the trap guard what a link of a listing page turned out to be."""
        if self.traps is not None and request is not None:
            linked_from = request.meta.get("newsclean_from")
            self._trapped(self.traps.answered(linked_from, article=article), linked_from)

    def _trapped(self, pattern: str | None, url: str | None) -> None:
        if pattern is None:
            return
        self.crawler.stats.inc_value("traps/patterns")
        logger.warning(
            "Crawler trap: %d listing pages in a row of the URL pattern %s led to no new"
            " article (the last: %s); its URLs are no longer requested (NEWSCLEAN_TRAP_PAGES,"
            " traps/skipped_urls)",
            self.traps.pages if self.traps else 0,
            pattern,
            url,
        )

    def _parse_other(self, response: Response) -> None:
        """A start URL or link that is a sitemap or a feed rather than a page."""
        if read_sitemap(response.body, max_urls=1) is not None:
            self.parse_sitemap(response)
        elif looks_like_feed(response.body):
            self.parse_feed(response)
        else:
            self.crawler.stats.inc_value("pages/not_html")
            content_type = response.headers.get(b"Content-Type") or b"no Content-Type"
            logger.info(
                "Not an HTML page, ignored: %s (%s)", response.url, content_type.decode("latin-1")
            )
