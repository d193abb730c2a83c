"""The names a distributed crawl shares in Redis: keys, Lua scripts, worker ids, the URL.

Redis keys, for a spider ``articles`` and the default prefix ``newsclean``:

=================================  ======  ==========================================
``newsclean:articles:requests``    zset    the shared queue (scrapy-redis PriorityQueue)
``newsclean:articles:dupefilter``  set     fingerprints of every request ever queued
``newsclean:articles:inflight:W``  hash    requests worker ``W`` took and has not finished
``newsclean:articles:worker:W``    string  worker ``W``'s heartbeat (expires when it dies)
``newsclean:articles:workers``     set     the ids of workers that have not left
``newsclean:articles:start_urls``  set     the start URLs the crawl was seeded with
``newsclean:articles:progress``    hash    pages and articles, summed over all workers
=================================  ======  ==========================================

scrapy-redis pops a request and forgets it: a worker killed with SIGKILL loses
every request it had taken but not finished, and the shared seen-set stops
anyone from queueing them again. So the queue
(:class:`~crawler.distributed.scheduler.LeasedPriorityQueue`) moves each request
it pops into the worker's ``inflight`` hash in the same atomic step (a lease);
the lease is released once the request's items are written and the links it
found are queued (:mod:`crawler.distributed.leases`), and the leases of a worker
whose heartbeat expired are put back on the queue by the others
(:mod:`crawler.distributed.frontier`).
"""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "DEFAULT_PREFIX",
    "ENV_VAR",
    "LEASE",
    "PARENT",
    "POP_AND_LEASE",
    "REQUEUE",
    "DistributedCrawlError",
    "Keys",
    "redis_url",
    "safe_url",
    "worker_id",
]

ENV_VAR = "NEWSCLEAN_REDIS_URL"
DEFAULT_PREFIX = "newsclean"
LEASE = "newsclean_lease"
"""Request meta key: the lease of a request popped from the shared queue."""
PARENT = "newsclean_parent"
"""Request meta key: the lease of the response whose callback found this request."""

# Lua scripts, run atomically by Redis.
# Pop the best request and lease it in one step, so that a worker killed between
# the two cannot lose it. The lease id keeps the score, to requeue it in place.
POP_AND_LEASE = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
local lease = found[2] .. '|' .. redis.sha1hex(found[1])
redis.call('HSET', KEYS[2], lease, found[1])
return {lease, found[1]}
"""
# Put a worker's leases back on the queue and forget the worker; with ARGV[2] == '1'
# only if its heartbeat has expired (two live workers may try at once: one wins).
REQUEUE = """
if ARGV[2] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  redis.call('ZADD', KEYS[2], string.match(entries[i], '^[^|]+'), entries[i + 1])
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[4], ARGV[1])
return #entries / 2
"""


class DistributedCrawlError(Exception):
    """A distributed crawl cannot run: Redis is unreachable or misconfigured."""


def redis_url(settings: BaseSettings) -> str:
    """The Redis URL of a distributed crawl, or ``""`` for a single-machine one.

    ``NEWSCLEAN_REDIS_URL`` from the settings (``-s``) wins over the environment
    variable; ``NEWSCLEAN_REDIS_ENABLED=0`` ignores both.
    """
    if not settings.getbool("NEWSCLEAN_REDIS_ENABLED"):
        return ""
    return str(settings.get("NEWSCLEAN_REDIS_URL") or os.environ.get(ENV_VAR, "")).strip()


def worker_id() -> str:
    """This process's name among the workers: ``host-pid``, unique while it runs."""
    return f"{socket.gethostname()}-{os.getpid()}"


class Keys:
    """The Redis key names of one crawl (one spider, one prefix)."""

    def __init__(self, prefix: str, spider: str):
        self.base = f"{prefix}:{spider}"
        self.queue = f"{self.base}:requests"
        self.dupefilter = f"{self.base}:dupefilter"
        self.workers = f"{self.base}:workers"
        self.start_urls = f"{self.base}:start_urls"
        self.progress = f"{self.base}:progress"

    @classmethod
    def of(cls, crawler: Crawler, spider: str) -> Keys:
        """The keys for ``spider`` under ``NEWSCLEAN_REDIS_PREFIX``."""
        return cls(crawler.settings.get("NEWSCLEAN_REDIS_PREFIX") or DEFAULT_PREFIX, spider)

    def inflight(self, worker: str) -> str:
        """The hash of ``worker``'s leases."""
        return f"{self.base}:inflight:{worker}"

    def heartbeat(self, worker: str) -> str:
        """``worker``'s heartbeat key."""
        return f"{self.base}:worker:{worker}"


def safe_url(url: str) -> str:
    """``url`` without its password, for the log.

    >>> safe_url("redis://:secret@redis.lan:6379/0")
    'redis://:***@redis.lan:6379/0'
    """
    password = urlsplit(url).password
    return url.replace(f":{password}@", ":***@", 1) if password else url
