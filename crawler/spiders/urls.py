"""Fetch exactly a list of URLs, following nothing: ``scrapy crawl urls -a file=urls.txt``.

For article URLs you already have (a search, an earlier crawl, a colleague's
list): each listed URL is requested once, in the order of the list (a URL
listed twice is fetched once), and its page is extracted as an article by the
same page service and item pipelines as a crawl, filters included. No link,
sitemap or feed is followed, and the page classifier is not asked: you listed
the page, so it is extracted (a page with no article in it is dropped as
``no_article``). The only other requests are each site's ``robots.txt``, which
Scrapy reads to obey it (``ROBOTSTXT_OBEY``; a URL it forbids is counted as
``robotstxt/forbidden``), and the redirects a listed URL answers with.

Arguments: ``file`` (one URL a line; blank lines and ``#`` comments are
skipped), ``url`` (one or several, comma-separated), and the filters ``since``,
``until``, ``lang`` (:data:`crawler.filters.FILTER_ARGUMENTS`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.exceptions import UsageError
from scrapy.http import HtmlResponse, Response

from crawler.extraction.service import ExtractionFailed, PageService
from crawler.failures import log_fetch_failure, log_page_failure
from crawler.filters import FILTER_ARGUMENTS, check_filter_arguments, check_filter_settings

# The articles spider's own judgement of what a response is (HTML served as
# text/plain, an image at an article URL): one rule for both spiders.
from crawler.spiders.articles import _by_content

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

__all__ = ["UrlsSpider", "listed_urls"]

logger = logging.getLogger(__name__)


def listed_urls(file: str | None, url: str | None = None) -> list[str]:
    """The URLs of ``url`` (comma-separated) and ``file`` (one a line), in order;
    :class:`UsageError` for a file that cannot be read, no URL, or a non-http URL."""
    urls = (url or "").replace(",", " ").split()
    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read the URL list {file!r}: {exc}") from None
        urls += [
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
    if not urls:
        raise UsageError(
            "give the URLs to fetch: scrapy crawl urls -a file=urls.txt (one URL a line)"
            + (f"; {file} lists none" if file else "")
        )
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise UsageError(f"the URL list must hold http(s) URLs only; got {', '.join(bad[:5])}")
    return urls


class UrlsSpider(Spider):
    """Fetches the listed URLs and yields their articles; see the module docstring."""

    name = "urls"

    def __init__(self, file: str | None = None, url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        listed = listed_urls(file, url)
        self.start_urls = list(dict.fromkeys(listed))
        self.repeats = len(listed) - len(self.start_urls)

    @classmethod
    def check_arguments(
        cls, file: str | None = None, url: str | None = None, **filters: Any
    ) -> None:
        """Raise :class:`UsageError` for arguments the crawl cannot run with (the
        ``crawl`` command calls it before the crawl starts)."""
        listed_urls(file, url)
        check_filter_arguments(**filters)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> UrlsSpider:
        """Map the filter arguments to their settings."""
        for arg, (setting, kind) in FILTER_ARGUMENTS.items():
            value = kwargs.pop(arg, None)
            if value is not None:
                crawler.settings.set(setting, kind(value), priority="spider")
        check_filter_settings(crawler.settings)
        spider: UrlsSpider = super().from_crawler(crawler, *args, **kwargs)
        return spider

    @property
    def pages(self) -> PageService:
        """The crawl's page service (:meth:`PageService.of`)."""
        return PageService.of(self.crawler, "urls")

    async def start(self) -> AsyncIterator[Any]:
        """One request per listed URL."""
        logger.info(
            "Fetching %d listed URLs, following nothing%s",
            len(self.start_urls),
            f" ({self.repeats} repeats in the list, fetched once)" if self.repeats else "",
        )
        for url in self.start_urls:
            yield Request(
                url,
                callback=self.parse_page,
                errback=self.fetch_failed,
                meta={"newsclean_source": "start_url"},
            )

    def fetch_failed(self, failure: Failure) -> None:
        """Log and count a URL that could not be fetched, once
        (:func:`crawler.failures.log_fetch_failure`)."""
        log_fetch_failure(self.crawler, failure)

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """Extract the page as an article; anything but HTML is counted and logged."""
        response = _by_content(response)
        if not isinstance(response, HtmlResponse):
            self.crawler.stats.inc_value("pages/not_html")
            content_type = response.headers.get(b"Content-Type") or b"no Content-Type"
            logger.info(
                "Not an HTML page, ignored: %s (%s)", response.url, content_type.decode("latin-1")
            )
            return
        try:
            result = await self.pages.article(response)
        except ExtractionFailed as exc:
            log_page_failure(self.crawler, response.url, exc)
            return
        if result.article is not None:  # None: refused, logged and counted by the service
            self.crawler.stats.inc_value("pages/article")
            yield result.article
