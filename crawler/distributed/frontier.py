"""The end and the health of a distributed crawl, seen from one worker.

:class:`Frontier` (extension, added by :class:`crawler.distributed.RedisAddon`
when a Redis URL is set) keeps the worker's heartbeat, puts the leases of dead
workers back on the queue, wakes the engine when others queued work, and closes
the spider once the whole crawl, not just this worker, has run dry.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from typing import TYPE_CHECKING

from redis.exceptions import RedisError
from scrapy import Spider, signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet.task import LoopingCall

from crawler.distributed.keys import redis_url
from crawler.distributed.leases import Member, text

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

__all__ = ["POLL_SECONDS", "Frontier"]

logger = logging.getLogger(__name__)

# How often a worker beats, looks for dead workers and wakes its engine. Scrapy's
# own engine looks at an empty scheduler only every 5 s; a second worker would sit
# idle that long at the start of every crawl, while the first one seeds the queue.
POLL_SECONDS = 0.5


class Frontier:
    """Heartbeat, recovery of dead workers' leases, waking up, and closing when done."""

    def __init__(self, crawler: Crawler, idle_close: float, timeout: float):
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.idle_close = idle_close
        self.timeout = max(timeout, 4 * POLL_SECONDS)  # several beats before anyone gives up
        self.worker: Member | None = None
        self._loop = LoopingCall(self._tick)
        self._stopping = threading.Event()
        self._heart: threading.Thread | None = None
        self._idle_since: float | None = None
        self._counts: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Frontier:
        """Only in a distributed crawl; connects to the spider's signals."""
        settings = crawler.settings
        if not redis_url(settings):
            raise NotConfigured("Frontier needs NEWSCLEAN_REDIS_URL")
        frontier = cls(
            crawler,
            settings.getfloat("NEWSCLEAN_REDIS_IDLE_CLOSE"),
            settings.getfloat("NEWSCLEAN_REDIS_WORKER_TIMEOUT"),
        )
        crawler.signals.connect(frontier.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(frontier.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(frontier.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(frontier.response_received, signal=signals.response_received)
        crawler.signals.connect(frontier.item_scraped, signal=signals.item_scraped)
        return frontier

    def spider_opened(self, spider: Spider) -> None:
        """Join the crawl: beat, register, record the seeds, start polling."""
        worker = self.worker = Member.of(self.crawler)
        self._beat()
        worker.server.sadd(worker.keys.workers, worker.id)
        seeds = sorted(getattr(spider, "start_urls", None) or [])
        known = sorted(text(s) for s in worker.server.smembers(worker.keys.start_urls))
        if known and seeds and known != seeds:
            logger.warning(
                "This crawl was seeded with %s, this worker with %s: the workers of one crawl "
                "should get the same -a url, or pages of the other sites are dropped as off-site",
                ", ".join(known),
                ", ".join(seeds),
            )
        if seeds:
            worker.server.sadd(worker.keys.start_urls, *seeds)
        logger.info(
            "Worker %s joined the crawl %s (%d requests queued, %d other workers)",
            worker.id,
            worker.keys.base,
            worker.server.zcard(worker.keys.queue),
            len(worker.others()),
        )
        self._heart = threading.Thread(target=self._beat_forever, name="heartbeat", daemon=True)
        self._heart.start()
        self._loop.start(POLL_SECONDS, now=False)

    def _beat(self) -> None:
        assert self.worker is not None
        self.worker.server.set(
            self.worker.heartbeat_key, int(time.time()), px=int(self.timeout * 1000)
        )

    def _beat_forever(self) -> None:
        # A thread of its own: a long extraction blocks the reactor for seconds on
        # a loaded machine, and must not make the others think this worker died.
        while not self._stopping.wait(POLL_SECONDS):
            try:
                self._beat()
            except RedisError as exc:
                logger.warning(
                    "Redis did not take this worker's heartbeat (%s); retrying in %.1f s",
                    exc,
                    POLL_SECONDS,
                )

    def _tick(self) -> None:
        try:
            self._flush_counts()
            self.recover_dead()
        except RedisError as exc:
            logger.warning("Redis did not answer (%s); retrying in %.1f s", exc, POLL_SECONDS)
        self._wake_engine()

    def _wake_engine(self) -> None:
        # Scrapy has no public call that makes an idle engine ask its scheduler
        # again and re-check idleness (it does so by itself every 5 s); without
        # this a worker waits that long after another one queued links, and its
        # idle timeout ticks in 5 s steps. If the attribute goes away in a later
        # Scrapy, the 5 s heartbeat still works.
        nextcall = getattr(getattr(self.crawler.engine, "_slot", None), "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def recover_dead(self) -> int:
        """Requeue the leases of workers whose heartbeat expired; returns how many."""
        assert self.worker is not None
        worker, total = self.worker, 0
        others = worker.others()
        alive = worker.server.pipeline()
        for other in others:
            alive.exists(worker.keys.heartbeat(other))
        for other, beating in zip(others, alive.execute(), strict=True):
            if beating:
                continue
            count = worker.requeue(other, only_if_dead=True)
            if count >= 0:  # -1: it came back to life, or another worker was faster
                logger.warning(
                    "Worker %s stopped beating; %d requests it had taken are back on the queue",
                    other,
                    count,
                )
                self.stats.inc_value("distributed/requeued_from_dead", count)
                total += count
        return total

    def _frontier_busy(self) -> bool:
        """Requests queued, or taken by another worker and not finished."""
        assert self.worker is not None
        worker = self.worker
        pipe = worker.server.pipeline()
        pipe.zcard(worker.keys.queue)
        for other in worker.others():
            pipe.hlen(worker.keys.inflight(other))
        return any(pipe.execute())

    def spider_idle(self, spider: Spider) -> None:
        """Keep the spider open while the crawl goes on anywhere; close it once the
        queue and every worker's leases stayed empty for ``NEWSCLEAN_REDIS_IDLE_CLOSE``."""
        assert self.worker is not None
        # Idle: nothing is downloading or being parsed here, so any lease left
        # belongs to a request that failed or was ignored (robots.txt, off-site).
        if leftover := self.worker.leases.release_all():
            self.stats.inc_value("distributed/leases_unfinished", leftover)
        if self._frontier_busy():
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
            logger.info(
                "The shared queue is empty; closing in %.0f s unless work comes", self.idle_close
            )
        if self.idle_close > 0 and now - self._idle_since >= self.idle_close:
            return
        raise DontCloseSpider

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Leave the crawl; hand back unfinished requests unless the crawl is done."""
        if self._loop.running:
            self._loop.stop()
        self._stopping.set()
        if self._heart is not None:
            self._heart.join(timeout=5)
        worker = self.worker
        if worker is None:
            return
        self._flush_counts()
        if reason == "finished":
            worker.leases.release_all()
            worker.server.srem(worker.keys.workers, worker.id)
        else:  # shutdown (Ctrl-C, SIGTERM), a CLOSESPIDER_* limit, an error
            returned = worker.requeue(worker.id, only_if_dead=False)
            self.stats.set_value("distributed/requeued_on_close", returned)
            if returned:
                logger.info("%d unfinished requests are back on the shared queue", returned)
        worker.server.delete(worker.heartbeat_key)
        logger.info(
            "Worker %s left the crawl (%s); %d requests still queued",
            worker.id,
            reason,
            worker.server.zcard(worker.keys.queue),
        )

    def response_received(self) -> None:
        """Count a page for the crawl-wide progress hash."""
        self._counts["pages"] += 1

    def item_scraped(self) -> None:
        """Count an article for the crawl-wide progress hash."""
        self._counts["articles"] += 1

    def _flush_counts(self) -> None:
        if not self._counts or self.worker is None:
            return
        pipe = self.worker.server.pipeline()
        for name, count in self._counts.items():
            pipe.hincrby(self.worker.keys.progress, name, count)
            pipe.hincrby(self.worker.keys.progress, f"{name}:{self.worker.id}", count)
        pipe.execute()
        self._counts.clear()
