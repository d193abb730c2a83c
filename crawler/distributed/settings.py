"""What a distributed crawl changes in the settings: scrapy-redis's scheduler and
filter, the keys, the worker's components, and a flush after every item.

Applied by the project's add-on (:class:`crawler.addon.Addon`) when a Redis URL is
set (:func:`crawler.distributed.keys.redis_url`). Settings, with their defaults in
the add-on:

* ``NEWSCLEAN_REDIS_URL`` (or the environment variable): ``redis://host:6379/0``;
* ``NEWSCLEAN_REDIS_ENABLED`` (on): off ignores the URL;
* ``NEWSCLEAN_REDIS_PREFIX`` (``newsclean``): key prefix, one per crawl;
* ``NEWSCLEAN_REDIS_IDLE_CLOSE`` (30 s): a worker stops once the queue and every
  worker's leases have been empty this long (0: never stop by itself);
* ``NEWSCLEAN_REDIS_WORKER_TIMEOUT`` (30 s): a worker silent this long is dead
  and its leases go back on the queue.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.misc import load_object

from crawler.distributed.keys import safe_url

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

__all__ = ["apply"]

logger = logging.getLogger(__name__)

FLUSHING_EXPORTER = "crawler.exporters.FlushingJsonLinesItemExporter"


def apply(settings: BaseSettings, url: str) -> None:
    """Put the crawl on scrapy-redis at ``url``, with leases (at add-on priority)."""
    prefix = settings.get("NEWSCLEAN_REDIS_PREFIX")
    for name, value in {
        "REDIS_URL": url,
        "SCHEDULER": "crawler.distributed.scheduler.RedisScheduler",
        "DUPEFILTER_CLASS": "crawler.distributed.scheduler.RedisDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.scheduler.LeasedPriorityQueue",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
        "SCHEDULER_PERSIST": True,  # the queue and seen-set outlive every worker
        "SCHEDULER_FLUSH_ON_START": False,  # a worker joining must not wipe the others' work
        # Discovered URLs go to the shared queue at once: a lease is released once
        # what its page found is queued, and a worker's own backlog would die with it.
        "NEWSCLEAN_DISCOVERY_BATCH": 0,
    }.items():
        settings.set(name, value, priority="addon")
    settings.set_in_component_priority_dict(
        "EXTENSIONS", load_object("crawler.distributed.frontier.Frontier"), 600
    )
    # Closest to the engine: it must see every request and item the others let through.
    settings.set_in_component_priority_dict(
        "SPIDER_MIDDLEWARES", load_object("crawler.distributed.leases.LeaseMiddleware"), 1
    )
    _flush_every_item(settings)
    logger.info(
        "Distributed crawl: shared queue in Redis at %s, key prefix %r", safe_url(url), prefix
    )


def _flush_every_item(settings: BaseSettings) -> None:
    """JSON Lines feeds flush each item, whichever name the format goes by.

    A lease is released once its item has been handed to the feed: a worker
    killed after that must not lose the item in a write buffer. A user's
    ``FEED_EXPORTERS`` may name its own ``jsonl`` exporter: it is replaced.
    """
    exporters = settings.getdict("FEED_EXPORTERS")
    flushing = exporters.get("jsonlines") or FLUSHING_EXPORTER
    priority = max(settings.getpriority("FEED_EXPORTERS") or 0, SETTINGS_PRIORITIES["addon"])
    settings.set(
        "FEED_EXPORTERS", {**exporters, "jsonl": flushing, "jsonlines": flushing}, priority
    )
