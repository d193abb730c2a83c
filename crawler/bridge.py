"""The bridge: a Scrapy Response in, an :class:`~extractors.Article` out.

Spiders hold no field selectors. They hand the bytes as served, the URL and the
charset the HTTP ``Content-Type`` header declared to :func:`extractors.extract`
and get an Article back. :class:`Extraction` does that for a crawl, times it
(stats ``extraction/pages`` and ``extraction/seconds``) and can run it on a
thread or process pool (``NEWSCLEAN_EXTRACTION_EXECUTOR``) so that the reactor
keeps downloading while pages are extracted.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import lxml.html
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.hints import SiteHints
from crawler.pagetype import Verdict, classify
from crawler.workers import Worker, WorkerExitedError
from extractors import Article, extract
from extractors.registry import registry

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = [
    "Extraction",
    "ExtractionError",
    "PageResult",
    "charset_from_content_type",
    "extract_response",
    "extract_timed",
    "process_page",
    "resolve_executor",
]

logger = logging.getLogger(__name__)

EXECUTORS = ("auto", "inline", "thread", "process")


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


def extract_response(response: Response) -> Article:
    """Extract the article of ``response`` in the calling thread."""
    charset = charset_from_content_type(response.headers.get(b"Content-Type"))
    return extract(response.body, response.url, encoding=charset)


def extract_timed(body: bytes, url: str, encoding: str | None) -> tuple[Article, float]:
    """:func:`extractors.extract` and the seconds it took (a module function, so
    that process pools can pickle it)."""
    start = time.perf_counter()
    article = extract(body, url, encoding=encoding)
    return article, time.perf_counter() - start


@dataclass(frozen=True, slots=True)
class PageResult:
    """A fetched page's verdict and, for an article page, its Article."""

    verdict: Verdict
    article: Article | None
    seconds: float
    """Seconds spent in :func:`extractors.extract` (0 for a listing page)."""


@lru_cache(maxsize=32)
def _parser(encoding: str | None) -> lxml.html.HTMLParser:
    try:
        return lxml.html.HTMLParser(encoding=encoding)
    except LookupError:  # a charset lxml does not know: let it read <meta charset>
        return lxml.html.HTMLParser()


def process_page(body: bytes, url: str, encoding: str | None, hints: SiteHints) -> PageResult:
    """Classify a page and extract it when it is an article, in one call.

    One call, so that a worker process does both: the reactor then only
    downloads, schedules and writes (see ``NEWSCLEAN_EXTRACTION_EXECUTOR``).
    """
    try:
        doc = lxml.html.document_fromstring(body, parser=_parser(encoding))
    except (lxml.etree.ParserError, ValueError):  # empty or not HTML at all
        doc = lxml.html.document_fromstring("<html><body></body></html>")
    verdict = classify(doc, url, hints)
    if not verdict.is_article:
        return PageResult(verdict, None, 0.0)
    article, seconds = extract_timed(body, url, encoding)
    return PageResult(verdict, article, seconds)


# A small article with a date in words and enough text to detect its language:
# extracting it once loads what the extractors load lazily (dateparser's
# language data, py3langid's model), which takes seconds on the first page.
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p>Published on 21 April 2022 - 17:40</p>"
    + "<p>The minister said the harbour and the railway station open next week.</p>" * 6
    + "</article></body></html>"
).encode()


def warm_up() -> None:
    """Extract :data:`WARM_UP_PAGE` once."""
    extract(WARM_UP_PAGE, "http://warm-up.invalid/2022/04/21/warm-up.html")


def _extractor_modules() -> tuple[str, ...]:
    """The importable modules that define the registered site extractors."""
    return tuple(
        dict.fromkeys(
            cls.__module__ for cls in registry.extractors() if cls.__module__ != "__main__"
        )
    )


class Extraction:
    """Runs extraction for a crawl: inline, on threads or on processes.

    ``inline`` classifies and extracts in the reactor thread. ``thread`` uses a
    thread pool: no gain, since this is pure-Python CPU work and the GIL lets one
    thread run it at a time. ``process`` uses ``NEWSCLEAN_EXTRACTION_WORKERS``
    worker processes (:mod:`crawler.workers`), so the reactor keeps downloading
    on one core while pages are classified and extracted on another (figures in
    docs/crawling.md). ``auto``, the default, is ``process`` on a machine with
    two cores or more.

    A worker process that dies (killed, out of memory, a crash in a C library)
    takes the pages it had with it: a new worker replaces it and each of those
    pages is tried once more; a page that fails twice is logged and counted as
    ``pages/failed/extraction_worker_died``, and the crawl goes on.
    """

    def __init__(self, crawler: Crawler, *, executor: str = "auto", workers: int = 1):
        if executor not in EXECUTORS:
            raise NotConfigured(
                f"NEWSCLEAN_EXTRACTION_EXECUTOR is {executor!r}; use one of {', '.join(EXECUTORS)}"
            )
        self.crawler = crawler  # its stats exist once the crawl starts, after spiders are built
        self.mode = resolve_executor(executor)
        self._threads: ThreadPoolExecutor | None = None
        self._workers: list[Worker] = []
        self._closing: set[asyncio.Future[None]] = set()  # dead workers being reaped
        # Warm up before the crawl starts, so the first article page does not hold
        # the reactor for the seconds that loading language data takes.
        if self.mode == "process":
            self._modules = _extractor_modules()
            self._workers = [Worker(self._modules) for _ in range(max(1, workers))]
        else:
            warm_up()
            if self.mode == "thread":
                self._threads = ThreadPoolExecutor(workers, thread_name_prefix="extract")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Extraction:
        """Build from the crawl's settings; stop the workers when the spider closes."""
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_EXTRACTION_ENABLED", True):
            raise NotConfigured("extraction is switched off (NEWSCLEAN_EXTRACTION_ENABLED)")
        ext = cls(
            crawler,
            executor=settings.get("NEWSCLEAN_EXTRACTION_EXECUTOR", "auto"),
            workers=settings.getint("NEWSCLEAN_EXTRACTION_WORKERS", 1),
        )
        crawler.signals.connect(ext.close, signal=signals.spider_closed)
        return ext

    async def _run(self, function: Any, url: str, *args: Any) -> Any:
        if self._threads is not None:
            return await asyncio.wrap_future(self._threads.submit(function, *args))
        if not self._workers:
            return function(*args)
        for attempt in (1, 2):
            worker = min(self._workers, key=lambda w: len(w.pending))
            try:
                return await worker.call(function, *args)
            except WorkerExitedError:
                self._replace(worker)
                if attempt == 2:
                    raise ExtractionError(
                        "extraction_worker_died",
                        f"the extraction worker process died twice while extracting {url}",
                    ) from None
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

    def _count(self, seconds: float) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("extraction/pages")
        stats.set_value("extraction/seconds", stats.get_value("extraction/seconds", 0.0) + seconds)

    async def __call__(self, response: Response) -> Article:
        """The article of ``response`` (known to be an article page); counted in the stats."""
        charset = charset_from_content_type(response.headers.get(b"Content-Type"))
        result: tuple[Article, float] = await self._run(
            extract_timed, response.url, response.body, response.url, charset
        )
        self._count(result[1])
        return result[0]

    async def page(self, response: Response, hints: SiteHints) -> PageResult:
        """Classify ``response`` and extract it if it is an article (:func:`process_page`)."""
        charset = charset_from_content_type(response.headers.get(b"Content-Type"))
        result: PageResult = await self._run(
            process_page, response.url, response.body, response.url, charset, hints
        )
        if result.article is not None:
            self._count(result.seconds)
        return result

    async def close(self, **kwargs: Any) -> None:
        """Stop the threads or worker processes (connected to ``spider_closed``;
        call it in the event loop the extraction ran in)."""
        if self._threads is not None:
            self._threads.shutdown(wait=True, cancel_futures=True)
        workers, self._workers = self._workers, []
        await asyncio.gather(*(worker.aclose() for worker in workers), *self._closing)


class ExtractionError(Exception):
    """A page could not be extracted for a reason outside the page (a dead worker)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
