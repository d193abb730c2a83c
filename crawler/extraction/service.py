"""The page service: a Scrapy Response in, a :class:`~crawler.extraction.pages.PageResult` out.

One extension per crawl (:class:`PageService`, added by the project's add-on),
fetched by the spiders with ``crawler.get_extension(PageService)``. Spiders hold
no field selectors: they hand the bytes as served, the URL and the charset the
HTTP ``Content-Type`` header declared to :func:`~crawler.extraction.pages.process_page`,
which loads the page once within the extractors' limits, classifies it, reads
its links and extracts it. The service runs that inline, on a thread pool or in
worker processes (``NEWSCLEAN_EXTRACTION_EXECUTOR``), so that the reactor keeps
downloading while pages are processed, and counts what it did: stats
``extraction/pages`` and ``extraction/seconds`` (every page processed), and
``pages/refused/<reason>`` for a page that held no readable page.

At start-up it loads the site extractors named by ``NEWSCLEAN_SITE_MODULES``
(every module of :mod:`extractors.sites` when empty): a module that does not
load stops the crawl before it starts, with one error naming it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from scrapy import signals
from scrapy.exceptions import NotConfigured, UsageError

from crawler.extraction.pages import PageResult, process_page, warm_up
from crawler.extraction.workers import Worker, WorkerExitedError
from extractors.render import Formats
from extractors.site import registry

if TYPE_CHECKING:
    import re

    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from extractors import Article

__all__ = [
    "EXECUTORS",
    "ExtractionFailed",
    "PageService",
    "charset_from_content_type",
    "provenance_of",
    "record_fetch",
    "resolve_executor",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

EXECUTORS = ("auto", "inline", "thread", "process")
# Article.fetched: UTC to the second, zyte-common-items' dateDownloaded format.
FETCHED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def resolve_executor(executor: str) -> str:
    """``auto`` is ``process`` when this process may run on two or more cores,
    else ``inline``; the other names stand for themselves.

    >>> resolve_executor("inline")
    'inline'
    >>> resolve_executor("auto") in ("inline", "process")
    True
    """
    if executor != "auto":
        return executor
    return "process" if len(os.sched_getaffinity(0)) >= 2 else "inline"


def charset_from_content_type(value: bytes | str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, or None.

    >>> charset_from_content_type(b"text/html; charset=ISO-8859-1")
    'iso-8859-1'
    >>> charset_from_content_type('text/html;charset="utf-8"')
    'utf-8'
    >>> charset_from_content_type("text/html") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    for param in value.split(";")[1:]:
        name, _, charset = param.partition("=")
        if name.strip().lower() == "charset":
            return charset.strip().strip("\"'").lower() or None
    return None


def record_fetch(article: Article, response: Response, fetched: str) -> None:
    """Write how ``article``'s page was fetched into it: ``fetched``, the response's
    HTTP status, and how the URL was found (the request's ``newsclean_source``,
    which the spiders set; the meta survives redirects). Only for responses the
    crawl downloaded: a replayed page was not fetched now."""
    article.fetched = fetched
    article.http_status = response.status
    article.discovered_by = response.meta.get("newsclean_source")


def provenance_of(meta: Mapping[str, Any]) -> str | None:
    """Where the crawl found a page, in the page-type classifier's words
    (:data:`extractors.pagetype.PROVENANCE_POINTS`), from its request's meta: the
    spiders' ``newsclean_source``, told apart by ``newsclean_lastmod`` (a sitemap
    entry with a date) and ``newsclean_teaser`` (a teaser's headline link).

    >>> provenance_of({"newsclean_source": "sitemap", "newsclean_lastmod": True})
    'sitemap_lastmod'
    >>> provenance_of({"newsclean_source": "link", "newsclean_teaser": True})
    'teaser'
    >>> provenance_of({"newsclean_source": "feed"}), provenance_of({})
    ('feed', None)
    """
    source = meta.get("newsclean_source")
    if source == "sitemap" and meta.get("newsclean_lastmod"):
        return "sitemap_lastmod"
    if source == "link" and meta.get("newsclean_teaser"):
        return "teaser"
    return source if isinstance(source, str) else None


class ExtractionFailed(Exception):  # noqa: N818  (a verdict on a page, with a reason)
    """A page could not be processed for a reason outside the page (a dead worker)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class PageService:
    """Processes the crawl's pages: inline, on threads or in worker processes.

    ``inline`` runs in the reactor thread. ``thread`` uses a thread pool: no
    gain, since this is pure-Python CPU work and the GIL lets one thread run it
    at a time. ``process`` uses ``NEWSCLEAN_EXTRACTION_WORKERS`` worker processes
    (:mod:`crawler.extraction.workers`), so the reactor keeps downloading on one
    core while pages are processed on another. ``auto`` is ``process`` on a
    machine with two cores or more.

    A worker process that dies (killed, out of memory, a crash in a C library)
    takes the pages it had with it: a new worker replaces it and each of those
    pages is tried once more; a page that fails twice raises
    :class:`ExtractionFailed` (``extraction_worker_died``), and the crawl goes on.
    """

    def __init__(
        self,
        crawler: Crawler,
        *,
        executor: str,
        workers: int,
        extraction: bool,
        follow_articles: bool,
        site_modules: list[str],
        formats: Formats = Formats(),  # noqa: B008  (frozen: one shared default is safe)
    ):
        if executor not in EXECUTORS:
            raise NotConfigured(
                f"NEWSCLEAN_EXTRACTION_EXECUTOR is {executor!r}; use one of {', '.join(EXECUTORS)}"
            )
        self.crawler = crawler
        self.mode = resolve_executor(executor)
        self.extraction = extraction
        self.follow_articles = follow_articles
        self.formats = formats
        registry.load(site_modules or None)
        # The modules of every registered extractor, those registered outside the
        # package included, so that worker processes know the same sites.
        self._modules = tuple(
            dict.fromkeys(
                cls.__module__ for cls in registry.extractors() if cls.__module__ != "__main__"
            )
        )
        self._threads: ThreadPoolExecutor | None = None
        self._workers: list[Worker] = []
        self._closing: set[asyncio.Future[None]] = set()  # dead workers being reaped
        # Warm up before the crawl starts, so the first article page does not hold
        # the reactor for the seconds that loading language data takes.
        if self.mode == "process":
            self._workers = [Worker(self._modules) for _ in range(max(1, workers))]
        else:
            warm_up()
            if self.mode == "thread":
                self._threads = ThreadPoolExecutor(workers, thread_name_prefix="extract")

    @classmethod
    def of(cls, crawler: Crawler, spider: str) -> PageService:
        """The crawl's page service (an extension, built after the spider); a
        ``UsageError`` naming ``spider`` when the crawl was set up without it."""
        service = crawler.get_extension(cls)
        if service is None:
            raise UsageError(
                f"the {spider} spider needs crawler.extraction.service.PageService in "
                "EXTENSIONS; add crawler.addon.Addon to ADDONS"
            )
        return service

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageService:
        """Build from the crawl's settings; stop the workers when the spider closes."""
        settings = crawler.settings
        service = cls(
            crawler,
            executor=settings.get("NEWSCLEAN_EXTRACTION_EXECUTOR"),
            workers=settings.getint("NEWSCLEAN_EXTRACTION_WORKERS"),
            extraction=settings.getbool("NEWSCLEAN_EXTRACTION_ENABLED"),
            follow_articles=settings.getbool("NEWSCLEAN_FOLLOW_ARTICLE_LINKS"),
            site_modules=settings.getlist("NEWSCLEAN_SITE_MODULES"),
            formats=Formats.named(
                settings.getlist("NEWSCLEAN_BODY_FORMATS"),
                figures=settings.getbool("NEWSCLEAN_BODY_FIGURES"),
            ),
        )
        if not service.extraction:
            logger.info("Article pages are not extracted (NEWSCLEAN_EXTRACTION_ENABLED is off)")
        crawler.signals.connect(service.close, signal=signals.spider_closed)
        return service

    async def _run(self, function: Callable[..., T], url: str, *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)`` where pages are processed (``url``: for errors)."""
        if self._threads is not None:
            future = self._threads.submit(function, *args, **kwargs)
            return await asyncio.wrap_future(future)
        if not self._workers:
            return function(*args, **kwargs)
        for attempt in (1, 2):
            worker = min(self._workers, key=lambda w: len(w.pending))
            try:
                result: T = await worker.call(function, *args, **kwargs)
            except WorkerExitedError:
                self._replace(worker)
                if attempt == 2:
                    raise ExtractionFailed(
                        "extraction_worker_died",
                        f"the extraction worker process died twice while processing {url}",
                    ) from None
            else:
                return result
        raise AssertionError("unreachable")

    def _replace(self, worker: Worker) -> None:
        """Start a new worker in place of a dead one (once, however many of its
        pages notice)."""
        if worker not in self._workers:
            return
        logger.warning(
            "An extraction worker process died (exit code %s); starting a new one",
            worker.process.poll(),
        )
        self._workers[self._workers.index(worker)] = Worker(self._modules, wait=False)
        self._closing.add(asyncio.ensure_future(worker.aclose(timeout=1)))

    def _count(self, url: str, result: PageResult) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("extraction/pages")
        seconds = stats.get_value("extraction/seconds", 0.0) + result.seconds
        stats.set_value("extraction/seconds", seconds)
        if result.charset_note:
            # A page whose declared charset lied: read by the next rule, said here.
            stats.inc_value("pages/charset_overruled")
            logger.info("charset: %s: %s", url, result.charset_note)
        if result.refused:
            stats.inc_value(f"pages/refused/{result.refused.replace('-', '_')}")
            logger.warning(
                "page refused: %s: %s (%s) in %.3f s",
                url,
                result.refused,
                result.detail,
                result.seconds,
            )

    async def page(
        self, response: Response, article_urls: tuple[re.Pattern[str], ...] = ()
    ) -> PageResult:
        """Extract ``response``, classify it, and read its links where they are followed
        (:func:`~crawler.extraction.pages.process_page`); where the crawl found it
        (:func:`provenance_of`) is evidence too."""
        provenance = provenance_of(response.meta) if response.request is not None else None
        return await self._process(
            response,
            article_urls=article_urls,
            follow_articles=self.follow_articles,
            provenance=provenance,
        )

    async def article(self, response: Response) -> PageResult:
        """Extract ``response``, known to be an article page (a saved fixture)."""
        return await self._process(response, known_article=True)

    async def _process(self, response: Response, **options: Any) -> PageResult:
        fetched = datetime.now(UTC).strftime(FETCHED_FORMAT)
        charset = charset_from_content_type(response.headers.get(b"Content-Type"))
        result = await self._run(
            process_page,
            response.url,
            response.body,
            response.url,
            charset,
            extraction=self.extraction,
            formats=self.formats,
            **options,
        )
        self._count(response.url, result)
        if result.article is not None and response.request is not None:
            record_fetch(result.article, response, fetched)
        return result

    async def close(self, **kwargs: Any) -> None:
        """Stop the threads or worker processes (connected to ``spider_closed``;
        call it in the event loop the pages were processed in)."""
        if self._threads is not None:
            self._threads.shutdown(wait=True, cancel_futures=True)
        workers, self._workers = self._workers, []
        await asyncio.gather(*(worker.aclose() for worker in workers), *self._closing)
