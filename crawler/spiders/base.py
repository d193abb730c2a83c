"""What every newsclean spider does when it is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["apply_default_feed"]


def apply_default_feed(crawler: Crawler) -> None:
    """Write ``NEWSCLEAN_DEFAULT_FEED`` (JSON Lines) when no ``-o``/``-O``/FEEDS is given.

    Called from a spider's ``from_crawler``, before Scrapy builds its feed
    exporter (settings are frozen only after the spider exists). Putting the
    default in ``FEEDS`` itself would make ``-o other.jsonl`` write both files.
    """
    settings = crawler.settings
    default = settings.get("NEWSCLEAN_DEFAULT_FEED")
    if default and not settings.getdict("FEEDS"):
        settings.set("FEEDS", {default: {"format": "jsonlines"}}, priority="spider")
