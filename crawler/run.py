"""The main job: crawl the given sites, or the bundled demo site when none is given.

``scrapy demo`` with no URL builds the demo site (:mod:`crawler.demosite`, from
the fixtures plus generated articles), serves it on 127.0.0.1 and crawls it
over HTTP, so that with no internet it still shows the whole path from
robots.txt and sitemaps to ``articles.jsonl``.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.demosite import serve_site
from crawler.extensions import summary_line
from crawler.spiders.articles import ArticlesSpider

if TYPE_CHECKING:
    from scrapy.crawler import CrawlerProcessBase

__all__ = ["LOCAL_SITE_SETTINGS", "crawl"]

logger = logging.getLogger(__name__)

# Our own server on this machine: no need to be gentle with it.
LOCAL_SITE_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def crawl(
    process: CrawlerProcessBase,
    urls: list[str],
    output: Path,
    overrides: dict[str, Any] | None = None,
    *,
    since: str | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Crawl ``urls`` (the demo site when empty) into ``output``; return it and the stats."""
    with ExitStack() as stack:
        crawler = process.create_crawler(ArticlesSpider)
        if not urls:
            server = stack.enter_context(serve_site())
            urls = [f"{server.base_url}/"]
            logger.info("Serving the demo site at %s", urls[0])
            for name, value in LOCAL_SITE_SETTINGS.items():
                crawler.settings.set(name, value, priority="cmdline")
        for name, value in (overrides or {}).items():
            crawler.settings.set(name, value, priority="cmdline")
        if not crawler.settings.getdict("FEEDS"):
            feed = {"format": "jsonlines", "overwrite": True}
            crawler.settings.set("FEEDS", {str(output): feed}, priority="cmdline")
        process.crawl(crawler, url=",".join(urls), since=since)
        process.start()
    assert crawler.stats is not None
    return output.resolve(), crawler.stats.get_stats()


def report(output: Path, stats: dict[str, Any]) -> str:
    """The two lines printed at the end: where the output is, and the summary."""
    return f"Articles written to {output}\n{summary_line(stats)}"
