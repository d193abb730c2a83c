"""What the article spider does to find pages: robots.txt, sitemaps and feeds,
through the gate (:mod:`crawler.gate`) and the backlog (:mod:`crawler.backlog`).

:class:`DiscoveringSpider` is the article spider's base: it queues the sitemaps
of robots.txt (``/sitemap.xml`` when it names none), reads sitemaps within
their caps (``NEWSCLEAN_SITEMAP_MAX_URLS``, ``NEWSCLEAN_SITEMAP_MAX_BYTES``; a
sitemap cut short is logged once and counted in ``discovery/capped/sitemap_urls``
or ``discovery/capped/sitemap_bytes``), reads an RSS or Atom feed where a
sitemap was expected, and hands Scrapy what the backlog releases after every
callback, errback and idle moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.backlog import SITEMAP, Backlog
from crawler.discovery import Entry, looks_like_feed, parse_feed, read_sitemap
from crawler.failures import log_fetch_failure
from crawler.gate import Gate
from crawler.hints import SiteHints, hints_for
from crawler.origins import Origins
from crawler.traps import TrapGuard
from crawler.urls import host_of

if TYPE_CHECKING:
    from datetime import date

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

__all__ = ["DiscoveringSpider"]

logger = logging.getLogger(__name__)

# The backlog's name for a sitemap entry with a date (<lastmod>): a page published
# or changed, which the page-type classifier counts as a little evidence of an
# article. Its requests say "sitemap" (the Article's discovered_by) and carry
# newsclean_lastmod.
DATED_SITEMAP = "sitemap_lastmod"


def _source_meta(source: str) -> dict[str, Any]:
    """The request meta that says how a backlog entry was found."""
    if source == DATED_SITEMAP:
        return {"newsclean_source": "sitemap", "newsclean_lastmod": True}
    return {"newsclean_source": source}


class DiscoveringSpider(Spider):
    """robots.txt, sitemaps and feeds, the gate and the backlog (module docstring)."""

    hints: dict[str, SiteHints]
    origins: Origins
    gate: Gate
    backlog: Backlog
    traps: TrapGuard | None
    since: date | None
    parse_page: Callable[[Response], Any]  # where page requests go (the subclass's)

    def set_origins(self, crawler: Crawler, starts: list[str]) -> None:
        """The origins of ``starts`` and ``NEWSCLEAN_ALLOWED_ORIGINS`` (a bad entry
        raises :class:`~scrapy.exceptions.UsageError` before the crawl starts)."""
        self.origins = Origins(starts, crawler.settings.getlist("NEWSCLEAN_ALLOWED_ORIGINS"))
        self.allowed_domains = self.origins.hosts()  # for Scrapy's OffsiteMiddleware

    def set_up_discovery(self) -> None:
        """Build the trap guard, the gate and the backlog from the settings, once the
        project's add-on has set its defaults (it runs after the spider is built)."""
        crawler = self.crawler
        settings = crawler.settings
        self.traps = None
        if settings.getbool("NEWSCLEAN_TRAP_ENABLED"):
            self.traps = TrapGuard(settings.getint("NEWSCLEAN_TRAP_PAGES"))
        self.gate = Gate(
            crawler,
            self.origins,
            self._hints,
            max_urls=settings.getint("NEWSCLEAN_MAX_URLS"),
            max_sitemaps=settings.getint("NEWSCLEAN_MAX_SITEMAPS"),
            traps=self.traps,
        )
        self.backlog = Backlog(settings.getint("NEWSCLEAN_DISCOVERY_BATCH"))
        self.restore_backlog()
        crawler.signals.connect(self._idle, signal=signals.spider_idle)
        crawler.signals.connect(self._dropped, signal=signals.request_dropped)

    def _hints(self, url: str) -> SiteHints:
        host = host_of(url)
        if host not in self.hints:
            self.hints[host] = hints_for(url)
        return self.hints[host]

    def _request(self, url: str, callback: Any, found_on: str = "", **meta: Any) -> Request | None:
        """A request for ``url`` if the gate lets it through (:class:`~crawler.gate.Gate`)."""
        taken = self.gate.take(url, found_on)
        if taken is None:
            return None
        return Request(taken, callback=callback, errback=self.fetch_failed, meta=meta)

    def _sitemap_bytes(self) -> int:
        return self.settings.getint("NEWSCLEAN_SITEMAP_MAX_BYTES")

    def _feed(self) -> int:
        """Hand Scrapy what the backlog releases now (see :mod:`crawler.backlog`);
        how many requests.

        Through the engine, not as a callback's output: Scrapy's DepthMiddleware
        would give a request the depth of whichever page released it, and drop
        the sitemaps and pages of a long crawl past ``DEPTH_LIMIT``. Each keeps
        the depth of the sitemap or feed that listed it, and its priority
        (``DEPTH_PRIORITY``).
        """
        if not len(self.backlog) or self.crawler.engine is None:
            return 0
        scheduler = self.crawler.engine.scheduler
        scheduled = len(scheduler) if self.backlog.batch and scheduler is not None else 0  # type: ignore[arg-type]
        released = self.backlog.release(scheduled)
        depth_priority = self.settings.getint("DEPTH_PRIORITY")
        for pending in released:
            meta: dict[str, Any] = {"depth": pending.depth}
            callback: Callable[[Response], Any]
            priority = -pending.depth * depth_priority
            if pending.source == SITEMAP:
                callback = self.parse_sitemap
                # A sitemap may be as large as the protocol allows, past DOWNLOAD_MAXSIZE.
                meta.update(newsclean_sitemap=True, download_maxsize=self._sitemap_bytes())
                if not self.backlog.batch:
                    priority -= 100  # everything is queued at once: pages first
            else:
                callback = self.parse_page
                meta.update(_source_meta(pending.source))
            self.crawler.engine.crawl(
                Request(
                    pending.url,
                    callback,
                    errback=self.fetch_failed,
                    meta=meta,
                    priority=priority,
                )
            )
        return len(released)

    def _idle(self) -> None:
        """The crawl ran dry: release more from the backlog, if it holds any."""
        if self._feed():
            raise DontCloseSpider

    def _answered(self, request: Request | None, *, article: bool) -> None:
        """A request was answered or failed (the subclass tells its trap guard)."""

    def _dropped(self, request: Request) -> None:
        if request.meta.get("newsclean_sitemap"):
            self.backlog.sitemap_done()
        self._answered(request, article=False)

    def fetch_failed(self, failure: Failure) -> None:
        """Errback of every request: log and count a final failure once
        (:func:`crawler.failures.log_fetch_failure`)."""
        log_fetch_failure(self.crawler, failure)
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get("newsclean_sitemap"):
            self.backlog.sitemap_done()
        self._answered(request, article=False)
        self._feed()

    def restore_backlog(self) -> None:
        """Take back the backlog a stopped JOBDIR crawl kept in the spider's state."""
        state = getattr(self, "state", None)
        if isinstance(state, dict):
            restored = self.backlog.restore(state.pop("newsclean_backlog", None))
            if restored:
                logger.info("Resuming with %d discovered URLs from the job's state", restored)

    def closed(self, reason: str) -> None:
        """Keep the backlog in the spider's state (saved with a JOBDIR)."""
        state = getattr(self, "state", None)
        if isinstance(state, dict) and len(self.backlog):
            state["newsclean_backlog"] = self.backlog.state()
            logger.info(
                "%d discovered URLs not yet requested are kept in the job's state",
                len(self.backlog),
            )

    def _add_sitemap(self, url: str, response: Response) -> None:
        if taken := self.gate.take(url, response.url, sitemap=True):
            self.backlog.add(taken, SITEMAP, response.meta.get("depth", 0) + 1)

    def parse_robots(self, response: Response) -> None:
        """Queue the sitemaps of robots.txt's ``Sitemap:`` lines (or /sitemap.xml)."""
        sitemaps = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        for url in sitemaps or [urljoin(response.url, "/sitemap.xml")]:
            self._add_sitemap(url, response)
        self._feed()

    def parse_sitemap(self, response: Response) -> None:
        """Queue a sitemap index's sitemaps, or a sitemap's URLs inside the date window."""
        self.backlog.sitemap_done()
        limit = self.settings.getint("NEWSCLEAN_SITEMAP_MAX_URLS")
        sitemap = read_sitemap(response.body, limit, self._sitemap_bytes())
        if sitemap is None:
            if looks_like_feed(response.body):  # search engines take feeds as sitemaps
                self.parse_feed(response)
            else:
                logger.warning("Not a sitemap, ignored: %s", response.url)
            return
        self.crawler.stats.inc_value("discovery/sitemaps")
        if sitemap.cut:
            self._cut(response.url, sitemap.cut, len(sitemap.entries))
        if sitemap.kind == "sitemapindex":
            for entry in sitemap.entries:
                self._add_sitemap(entry.url, response)
        else:
            source = "news_sitemap" if sitemap.news else "sitemap"
            self._entries(sitemap.entries, source, response)
        self._feed()

    def _cut(self, url: str, cut: str, read: int) -> None:
        self.crawler.stats.inc_value(f"discovery/capped/sitemap_{cut}")
        setting = "NEWSCLEAN_SITEMAP_MAX_URLS" if cut == "urls" else "NEWSCLEAN_SITEMAP_MAX_BYTES"
        limit = self.settings.getint(setting)
        logger.warning(
            "Sitemap %s %s; read its first %d entries and stopped (%s)",
            url,
            f"lists more than {limit} URLs" if cut == "urls" else f"runs past {limit} bytes",
            read,
            setting,
        )

    def parse_feed(self, response: Response) -> None:
        """Queue the item links of an RSS or Atom feed inside the date window."""
        self.crawler.stats.inc_value("discovery/feeds")
        self._entries(parse_feed(response.body), "feed", response)
        self._feed()

    def _entries(self, entries: Iterable[Entry], source: str, response: Response) -> None:
        stats = self.crawler.stats
        depth = response.meta.get("depth", 0) + 1
        for entry in entries:
            if self.since and entry.date and entry.date < self.since:
                stats.inc_value("discovery/before_since")
                continue
            if taken := self.gate.take(entry.url, response.url):
                stats.inc_value(f"discovery/{source}_urls")
                dated = source == "sitemap" and entry.date is not None
                self.backlog.add(taken, DATED_SITEMAP if dated else source, depth)
