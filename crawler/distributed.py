"""Distributed crawling: several workers share one crawl through Redis (scrapy-redis).

One switch: set ``NEWSCLEAN_REDIS_URL`` (a setting, or the environment variable of
the same name) and :class:`RedisAddon` puts the crawl on scrapy-redis: the
request queue and the seen-set (duplicate filter) live in Redis, shared by every
worker that points at the same Redis, and are kept between runs. Without it,
nothing changes. See docs/distributed.md.

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
(:class:`~crawler.distributed_scheduler.LeasedPriorityQueue`) moves each request
it pops into the worker's ``inflight`` hash in the same atomic step (a lease);
the lease is released once the request's items are written and the links it
found are queued (:mod:`crawler.distributed_worker`), and the leases of a worker
whose heartbeat expired are put back on the queue by the others
(:mod:`crawler.distributed_frontier`).
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.misc import load_object

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "ENV_VAR",
    "LEASE",
    "PARENT",
    "DistributedCrawlError",
    "Keys",
    "RedisAddon",
    "redis_url",
    "safe_url",
    "worker_id",
]

logger = logging.getLogger(__name__)

ENV_VAR = "NEWSCLEAN_REDIS_URL"
DEFAULT_PREFIX = "newsclean"
PROJECT = SETTINGS_PRIORITIES["project"]
FLUSHING_EXPORTER = "crawler.exporters.FlushingJsonLinesItemExporter"
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
    if not settings.getbool("NEWSCLEAN_REDIS_ENABLED", True):
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


class RedisAddon:
    """The switch: with a Redis URL, put the crawl on scrapy-redis; without, do nothing.

    Registered in ``ADDONS`` (crawler/settings.py). Settings:

    * ``NEWSCLEAN_REDIS_URL`` (or the environment variable): ``redis://host:6379/0``;
    * ``NEWSCLEAN_REDIS_ENABLED`` (default on): off ignores the URL;
    * ``NEWSCLEAN_REDIS_PREFIX`` (``newsclean``): key prefix, one per crawl;
    * ``NEWSCLEAN_REDIS_IDLE_CLOSE`` (30 s): a worker stops once the queue and every
      worker's leases have been empty this long (0: never stop by itself);
    * ``NEWSCLEAN_REDIS_WORKER_TIMEOUT`` (30 s): a worker silent this long is dead
      and its leases go back on the queue.
    """

    def __init__(self, url: str):
        self.url = url

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisAddon:
        """Raise a silent ``NotConfigured`` when no Redis URL is set."""
        url = redis_url(crawler.settings)
        if not url:
            raise NotConfigured  # no message: single-machine crawls log nothing about it
        return cls(url)

    def update_settings(self, settings: BaseSettings) -> None:
        """Set scrapy-redis's scheduler, filter and keys, and add the worker components."""
        prefix = settings.get("NEWSCLEAN_REDIS_PREFIX") or DEFAULT_PREFIX
        for name, value in {
            "REDIS_URL": self.url,
            "SCHEDULER": "crawler.distributed_scheduler.RedisScheduler",
            "DUPEFILTER_CLASS": "crawler.distributed_scheduler.RedisDupeFilter",
            "SCHEDULER_QUEUE_CLASS": "crawler.distributed_scheduler.LeasedPriorityQueue",
            "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
            "SCHEDULER_PERSIST": True,  # the queue and seen-set outlive every worker
            "SCHEDULER_FLUSH_ON_START": False,  # a worker joining must not wipe the others' work
        }.items():
            settings.set(name, value, priority="addon")
        settings.set_in_component_priority_dict(
            "EXTENSIONS", load_object("crawler.distributed_frontier.Frontier"), 600
        )
        # Closest to the engine: it must see every request and item the others let through.
        settings.set_in_component_priority_dict(
            "SPIDER_MIDDLEWARES", load_object("crawler.distributed_worker.LeaseMiddleware"), 1
        )
        self._name_feed_by_worker(settings)
        self._flush_every_item(settings)
        logger.info(
            "Distributed crawl: shared queue in Redis at %s, key prefix %r",
            safe_url(self.url),
            prefix,
        )

    @staticmethod
    def _flush_every_item(settings: BaseSettings) -> None:
        """JSON Lines feeds flush each item, whichever name the format goes by.

        A lease is released once its item has been handed to the feed: a worker
        killed after that must not lose the item in a write buffer. ``-o x.jsonl``
        picks the ``jsonl`` format, which the project settings leave buffered.
        """
        exporters = settings.getdict("FEED_EXPORTERS")
        flushing = exporters.get("jsonlines") or FLUSHING_EXPORTER
        priority = max(settings.getpriority("FEED_EXPORTERS") or 0, SETTINGS_PRIORITIES["addon"])
        settings.set(
            "FEED_EXPORTERS", {**exporters, "jsonl": flushing, "jsonlines": flushing}, priority
        )

    @staticmethod
    def _name_feed_by_worker(settings: BaseSettings) -> None:
        """Default feed ``articles.jsonl`` -> ``articles.<worker>.jsonl``: two workers in
        one folder must not write one file. An explicit ``-o`` is left alone."""
        feed = settings.get("NEWSCLEAN_DEFAULT_FEED")
        if (
            feed and (settings.getpriority("NEWSCLEAN_DEFAULT_FEED") or 0) <= 20
        ):  # project or lower
            path = PurePath(feed)
            named = str(path.with_name(f"{path.stem}.{worker_id()}{path.suffix}"))
            settings.set("NEWSCLEAN_DEFAULT_FEED", named, priority="project")


def safe_url(url: str) -> str:
    """``url`` without its password, for the log.

    >>> safe_url("redis://:secret@redis.lan:6379/0")
    'redis://:***@redis.lan:6379/0'
    """
    password = urlsplit(url).password
    return url.replace(f":{password}@", ":***@", 1) if password else url
