"""A stop within seconds: Ctrl-C, SIGTERM or a ``CLOSESPIDER_*`` limit, whatever
the queue.

Scrapy stops a crawl gracefully: it waits for every request it has handed to
the downloader. With politeness, many of those are not being downloaded at all:
they wait in the downloader's per-site queue for their ``DOWNLOAD_DELAY`` or
AutoThrottle turn, so a stop took 20 s and more. :class:`FastStop` notices the
stop as it begins and

1. takes the requests that were never sent out of the downloader's queues;
2. ``NEWSCLEAN_STOP_GRACE`` seconds later (2), times out the downloads still in
   flight, through Scrapy's own download timeout (a slow or hanging server would
   hold the stop for ``DOWNLOAD_TIMEOUT``, 30 s);

and :class:`FastStopMiddleware` hands each of those requests back to the
scheduler (not to RetryMiddleware: a stop is no fault of the site), which keeps
them in the ``JOBDIR`` queue for the next run (``shutdown/requeued``); without a
``JOBDIR`` they are simply not fetched. The
pages already downloaded are processed as usual. Both are switched off with
``NEWSCLEAN_FAST_STOP_ENABLED``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import call_later, create_looping_call
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

__all__ = ["FastStop", "FastStopMiddleware", "StoppedBeforeDownload"]

logger = logging.getLogger(__name__)

POLL = 0.2  # seconds between looks at the engine


class StoppedBeforeDownload(Exception):  # noqa: N818  (a state, like Scrapy's IgnoreRequest)
    """The crawl is stopping: this request was taken out of the downloader's queue."""


class FastStop:
    """Extension: cut a stop short (see the module docstring)."""

    def __init__(self, crawler: Crawler, grace: float):
        self.crawler = crawler
        self.grace = grace
        self.stopping = False
        self._loop: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FastStop:
        """Build it unless ``NEWSCLEAN_FAST_STOP_ENABLED`` is off."""
        if not crawler.settings.getbool("NEWSCLEAN_FAST_STOP_ENABLED"):
            raise NotConfigured("NEWSCLEAN_FAST_STOP_ENABLED is off")
        ext = cls(crawler, crawler.settings.getfloat("NEWSCLEAN_STOP_GRACE"))
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def engine_started(self) -> None:
        """Look at the engine every :data:`POLL` seconds for the start of a stop."""
        self._loop = create_looping_call(self._look)
        self._loop.start(POLL, now=False)

    def spider_closed(self) -> None:
        """Stop looking."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()

    def _closing(self) -> bool:
        engine = self.crawler.engine
        if engine is None:
            return False
        # Scrapy 2.19: stop_async() clears `running` (a signal); close_spider_async()
        # sets the slot's `closing` (a CLOSESPIDER_* limit, the end of the crawl).
        slot = getattr(engine, "_slot", None)
        return not engine.running or getattr(slot, "closing", None) is not None

    def _look(self) -> None:
        if self.stopping or not self._closing():
            return
        self.stopping = True
        unsent = self._drain()
        if unsent:
            logger.info(
                "Stopping: %d requests not yet sent go back to the queue%s",
                unsent,
                " (JOBDIR keeps them)" if self.crawler.settings.get("JOBDIR") else "",
            )
        call_later(self.grace, self._abort)

    def _drain(self) -> int:
        """Fail the requests waiting in the downloader's queues; how many."""
        engine = self.crawler.engine
        if engine is None:
            return 0
        waiting = []
        for slot in list(engine.downloader.slots.values()):
            while slot.queue:
                waiting.append(slot.queue.popleft())
        for request, deferred in waiting:
            deferred.errback(Failure(StoppedBeforeDownload(request.url)))  # type: ignore[no-untyped-call]
        return len(waiting)

    def _abort(self) -> None:
        """Time out the downloads still in flight after the grace time."""
        from twisted.internet import reactor  # noqa: PLC0415  (the installed reactor)

        engine = self.crawler.engine
        if engine is None or not engine.downloader.active:
            return
        # Scrapy's HTTP handler times a download out with reactor.callLater(
        # DOWNLOAD_TIMEOUT, deferred.cancel): firing those now ends each download
        # through Scrapy's own timeout path.
        calls: list[Any] = list(reactor.getDelayedCalls())  # type: ignore[misc]
        timeouts = [
            call
            for call in calls
            if call.active()
            and getattr(call.func, "__name__", "") == "cancel"
            and isinstance(getattr(call.func, "__self__", None), Deferred)
        ]
        for call in timeouts:
            call.reset(0)
        logger.info(
            "Stopping: %d downloads still in flight after %.0f s (NEWSCLEAN_STOP_GRACE)"
            " are cut short",
            len(engine.downloader.active),
            self.grace,
        )


class FastStopMiddleware:
    """Downloader middleware: while :class:`FastStop` stops the crawl, a request
    that it took out of a queue, or whose download it aborted, goes back to the
    scheduler (kept by a ``JOBDIR``), counted in ``shutdown/requeued``.

    Placed at 990, closest to the downloader, so that its ``process_exception``
    comes before RetryMiddleware's, which would count the aborted download as a
    failure of the site.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FastStopMiddleware:
        """Build it unless ``NEWSCLEAN_FAST_STOP_ENABLED`` is off."""
        if not crawler.settings.getbool("NEWSCLEAN_FAST_STOP_ENABLED"):
            raise NotConfigured("NEWSCLEAN_FAST_STOP_ENABLED is off")
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> Request | None:
        """The request again, to be queued, if the crawl is stopping."""
        stop = self.crawler.get_extension(FastStop)
        if stop is None or not stop.stopping:
            return None
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("shutdown/requeued")
        # The duplicate filter has seen it already: the next run must not drop it.
        return request.replace(dont_filter=True)
