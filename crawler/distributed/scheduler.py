"""scrapy-redis's scheduler, queue and duplicate filter, adapted to leases and Scrapy 2.19.

Named by :class:`crawler.distributed.RedisAddon` in ``SCHEDULER``, ``DUPEFILTER_CLASS``
and ``SCHEDULER_QUEUE_CLASS`` when a Redis URL is set; see :mod:`crawler.distributed`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from scrapy import Request, Spider
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawler.distributed.keys import LEASE, PARENT, POP_AND_LEASE, DistributedCrawlError, safe_url
from crawler.distributed.leases import Member

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler

__all__ = ["LeasedPriorityQueue", "RedisDupeFilter", "RedisScheduler"]

# Mark a request seen and queue it in one step. scrapy-redis does it in two Redis
# calls (SADD to the seen-set, then ZADD to the queue): a worker killed between
# them leaves a request that every worker takes for done and none will fetch.
# KEYS: seen-set, queue. ARGV: dont_filter ("1"/"0"), fingerprint, score, request.
SEE_AND_PUSH = """
if ARGV[1] == '1' or redis.call('SADD', KEYS[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
  return 1
end
return 0
"""

logger = logging.getLogger(__name__)


class RedisDupeFilter(RFPDupeFilter):  # type: ignore[misc]
    """scrapy-redis's shared seen-set, with fingerprints from Scrapy's own fingerprinter.

    scrapy-redis 0.9.1 hashes method, URL and body itself, ignoring
    ``REQUEST_FINGERPRINTER_CLASS``; using ``crawler.request_fingerprinter`` makes
    a distributed crawl filter exactly the requests a single-machine one does.
    """

    fingerprinter: Any = None

    @classmethod
    def from_spider(cls, spider: Spider) -> RedisDupeFilter:
        """Built by the scheduler once the spider's name (the key) is known."""
        dupefilter: RedisDupeFilter = super().from_spider(spider)
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request: Request) -> str:
        """Scrapy's fingerprint of ``request``, as hex."""
        if self.fingerprinter is None:
            return str(super().request_fingerprint(request))
        return str(self.fingerprinter.fingerprint(request).hex())


class LeasedPriorityQueue(PriorityQueue):  # type: ignore[misc]
    """scrapy-redis's priority queue whose ``pop`` leases what it takes.

    The popped request carries its lease in ``meta[LEASE]``; the pickled request
    stays in the worker's ``inflight`` hash until the lease is released.
    """

    def __init__(self, server: Redis, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.worker = Member.of(spider.crawler)
        self._pop = server.register_script(POP_AND_LEASE)

    def pop(self, timeout: int = 0) -> Request | None:
        """The highest-priority request, leased to this worker; ``None`` if the queue is empty."""
        found = self._pop(keys=[self.key, self.worker.inflight_key])
        if not found:
            return None
        lease, data = found
        request: Request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else str(lease)
        return request


class RedisScheduler(Scheduler):  # type: ignore[misc]
    """scrapy-redis's scheduler, adapted to Scrapy 2.19 and to leases.

    * Scrapy 2.19 deprecates the ``spider`` argument of the stats methods, which
      scrapy-redis 0.9.1 passes on every request (a warning per request), and
      ``Spider.log()``, which its ``open`` calls.
    * A request coming back while leased (a retry, a redirect) or found by a
      leased response's callback is queued first, then its lease is settled:
      queued work is safe in Redis, so the lease is no longer needed for it.
    """

    worker: Any = None
    df: Any
    _see_and_push: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        """Scrapy's constructor hook (0.9.1's ``from_crawler`` without the stats spider)."""
        try:
            scheduler: RedisScheduler = cls.from_settings(crawler.settings)  # pings Redis
        except RedisError as exc:
            raise DistributedCrawlError(
                f"cannot reach Redis at {safe_url(crawler.settings['REDIS_URL'])}: {exc}. Start "
                "redis-server there (docs/distributed.md), or unset NEWSCLEAN_REDIS_URL for a "
                "single-machine crawl"
            ) from exc
        scheduler.stats = crawler.stats
        scheduler.worker = Member.of(crawler)
        return scheduler

    def open(self, spider: Spider) -> None:
        """0.9.1's ``open`` without ``Spider.log()`` (deprecated in Scrapy 2.19)."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if queued := len(self.queue):
            logger.info("Resuming the shared crawl: %d requests queued", queued)

    def enqueue_request(self, request: Request) -> bool:
        """Queue ``request`` unless seen; then settle the lease it came with."""
        lease = request.meta.pop(LEASE, None)
        parent = request.meta.pop(PARENT, None)
        try:
            if self._see_and_push is None:
                self._see_and_push = self.server.register_script(SEE_AND_PUSH)
            queued = self._see_and_push(
                keys=[self.df.key, self.queue.key],
                args=[
                    "1" if request.dont_filter else "0",
                    self.df.request_fingerprint(request),
                    -request.priority,  # scrapy-redis's PriorityQueue scores this way
                    self.queue._encode_request(request),
                ],
            )
            if not queued:
                self.df.log(request, self.spider)
                return False
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            return True
        finally:
            if lease:
                self.worker.leases.release(lease)
            if parent:
                self.worker.leases.settle(parent)

    def next_request(self) -> Request | None:
        """The next request from the shared queue, leased to this worker."""
        request: Request | None = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
