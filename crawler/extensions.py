"""The end-of-crawl summary: pages, articles, drops, and extraction's share of time."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

__all__ = ["CrawlSummary", "summary_line"]

logger = logging.getLogger(__name__)

DROPPED = "articles/dropped/"


def summary_line(stats: dict[str, Any]) -> str:
    """One line: pages fetched, articles written, drops by reason.

    >>> summary_line({"response_received_count": 60, "articles/extracted": 42,
    ...               "articles/dropped/no_title": 1, "articles/dropped/near_duplicate": 1})
    'pages: 60, articles: 42, dropped: 2 (near_duplicate: 1, no_title: 1)'
    """
    drops = {k[len(DROPPED) :]: v for k, v in stats.items() if k.startswith(DROPPED)}
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(drops.items()))
    line = (
        f"pages: {stats.get('response_received_count') or stats.get('replay/pages', 0)}, "
        f"articles: {stats.get('articles/extracted', 0)}, dropped: {sum(drops.values())}"
    )
    return f"{line} ({reasons})" if reasons else line


class CrawlSummary:
    """Logs :func:`summary_line` and extraction's share of the crawl at the end.

    With ``NEWSCLEAN_STATS_DUMP`` set to a path, also writes the stats there as JSON.
    Sets the stats ``extraction/share`` (extraction seconds over the crawl's
    elapsed seconds) so that the cost of extraction is measured on every crawl.
    """

    def __init__(self, stats: StatsCollector, dump: str = ""):
        self.stats = stats
        self.dump = dump
        self.started = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        """Build it unless ``NEWSCLEAN_SUMMARY_ENABLED`` is false."""
        if not crawler.settings.getbool("NEWSCLEAN_SUMMARY_ENABLED"):
            raise NotConfigured("NEWSCLEAN_SUMMARY_ENABLED is off")
        assert crawler.stats is not None
        ext = cls(crawler.stats, crawler.settings.get("NEWSCLEAN_STATS_DUMP"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        """Note the start time."""
        self.started = datetime.now(UTC)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Record extraction's share of the crawl and log the summary."""
        elapsed = (datetime.now(UTC) - self.started).total_seconds()
        seconds = float(self.stats.get_value("extraction/seconds", 0.0))
        if elapsed > 0:
            self.stats.set_value("extraction/share", round(seconds / elapsed, 4))
        logger.info(
            "Crawl finished (%s): %s; extraction took %.1f s of %.1f s (%.0f%%)",
            reason,
            summary_line(self.stats.get_stats()),
            seconds,
            elapsed,
            100 * seconds / elapsed if elapsed else 0.0,
        )
        if self.dump:
            stats = {**self.stats.get_stats(), "finish_reason": reason}
            with open(self.dump, "w", encoding="utf-8") as f:
                json.dump(stats, f, indent=1, sort_keys=True, default=str)
