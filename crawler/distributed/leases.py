"""One worker of a distributed crawl: its identity and its leases.

:class:`LeaseMiddleware` (spider middleware, added by
:mod:`crawler.distributed.settings` when a Redis URL is set) releases the
lease of a request once everything its callback produced is safe: its items went
through the pipelines (and so into the feed) and the links it found are in the
shared queue. The heartbeat and the end of the crawl: :mod:`crawler.distributed.frontier`.
"""

from __future__ import annotations

import logging
import weakref
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy_redis.connection import get_redis_from_settings

from crawler.distributed.keys import LEASE, PARENT, REQUEUE, Keys, redis_url, worker_id

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler

__all__ = ["LeaseMiddleware", "Leases", "Member", "text"]

logger = logging.getLogger(__name__)


class Leases:
    """This worker's leases, and when each may be released.

    A lease is released when the callback of its response has finished
    (:meth:`end`) and each request or item it produced has settled (:meth:`settle`):
    a request once queued, an item once scraped, dropped or failed.
    """

    def __init__(self, server: Redis, key: str):
        self.server = server
        self.key = key
        self._running: set[str] = set()
        self._pending: Counter[str] = Counter()

    def begin(self, lease: str) -> None:
        """The callback of the leased request's response has started."""
        self._running.add(lease)

    def expect(self, lease: str) -> None:
        """The callback produced one more request or item."""
        self._pending[lease] += 1

    def settle(self, lease: str) -> None:
        """One request or item of the callback is safe."""
        self._pending[lease] -= 1
        self._release_if_done(lease)

    def end(self, lease: str) -> None:
        """The callback has produced everything it will."""
        self._running.discard(lease)
        self._release_if_done(lease)

    def _release_if_done(self, lease: str) -> None:
        if lease not in self._running and self._pending[lease] <= 0:
            del self._pending[lease]
            self.release(lease)

    def release(self, lease: str) -> None:
        """Forget the lease: its request is done, or back on the queue."""
        self.server.hdel(self.key, lease)

    def release_all(self) -> int:
        """Forget every lease left; returns how many there were."""
        self._running.clear()
        self._pending.clear()
        pipe = self.server.pipeline()
        pipe.hlen(self.key)
        pipe.delete(self.key)
        count, _ = pipe.execute()
        return int(count)


class Member:
    """This process's identity in the crawl, its Redis connection and its leases.

    One per crawler, shared by the scheduler, the queue, the middleware and the
    extension (:meth:`of`). Built once the spider exists: the keys carry its name.
    """

    _workers: ClassVar[weakref.WeakKeyDictionary[Crawler, Member]] = weakref.WeakKeyDictionary()

    def __init__(self, crawler: Crawler):
        assert crawler.spider is not None, "a Member needs the spider's name"
        self.id = worker_id()
        self.server: Redis = get_redis_from_settings(crawler.settings)
        self.keys = Keys.of(crawler, crawler.spider.name)
        self.inflight_key = self.keys.inflight(self.id)
        self.heartbeat_key = self.keys.heartbeat(self.id)
        self.leases = Leases(self.server, self.inflight_key)
        self._requeue = self.server.register_script(REQUEUE)

    @classmethod
    def of(cls, crawler: Crawler) -> Member:
        """The crawler's worker, made on first use."""
        if crawler not in cls._workers:
            cls._workers[crawler] = cls(crawler)
        return cls._workers[crawler]

    def requeue(self, worker: str, *, only_if_dead: bool) -> int:
        """Put ``worker``'s leases back on the queue and remove it from the workers;
        ``-1`` (nothing done) if ``only_if_dead`` and its heartbeat is still there."""
        keys = [
            self.keys.inflight(worker),
            self.keys.queue,
            self.keys.heartbeat(worker),
            self.keys.workers,
        ]
        return int(self._requeue(keys=keys, args=[worker, "1" if only_if_dead else "0"]))

    def others(self) -> list[str]:
        """The other workers that have not left (alive, or dead and not yet noticed)."""
        members = self.server.smembers(self.keys.workers)
        ids = (text(m) for m in members)
        return sorted(w for w in ids if w != self.id)


def text(value: bytes | str) -> str:
    """A Redis reply as ``str``."""
    return value.decode() if isinstance(value, bytes) else value


def _lease_of(response: Response | Any) -> str | None:
    meta = getattr(getattr(response, "request", None), "meta", None) or {}
    lease = meta.get(LEASE)
    return str(lease) if lease else None


class LeaseMiddleware:
    """Counts what each leased response's callback produces, to release its lease
    when all of it is safe (see :class:`Leases`)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        # Connected after the feed exporter (extensions are built before the
        # engine's middlewares), so an item is written before its lease settles.
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self.item_done, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseMiddleware:
        """Only in a distributed crawl."""
        if not redis_url(crawler.settings):
            raise NotConfigured("LeaseMiddleware needs NEWSCLEAN_REDIS_URL")
        return cls(crawler)

    @property
    def leases(self) -> Leases:
        """This worker's leases."""
        return Member.of(self.crawler).leases

    def _track(self, output: Any, lease: str) -> Any:
        if isinstance(output, Request):
            output.meta.pop(LEASE, None)  # a copy of the leased request is a new request
            output.meta[PARENT] = lease
            self.leases.expect(lease)
        elif output is not None:
            self.leases.expect(lease)
        return output

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        """Count the callback's output; the lease may go once it is exhausted."""
        lease = _lease_of(response)
        if lease is None:
            yield from result
            return
        self.leases.begin(lease)
        try:
            for output in result:
                yield self._track(output, lease)
        finally:
            self.leases.end(lease)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        """:meth:`process_spider_output` for asynchronous callbacks."""
        lease = _lease_of(response)
        if lease is None:
            async for output in result:
                yield output
            return
        self.leases.begin(lease)
        try:
            async for output in result:
                yield self._track(output, lease)
        finally:
            self.leases.end(lease)

    def item_done(self, item: Any, response: Response | None = None, **kwargs: Any) -> None:
        """An item was scraped, dropped or failed: one output of its response settled."""
        if (lease := _lease_of(response)) is not None:
            self.leases.settle(lease)
