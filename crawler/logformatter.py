"""Log lines for items that name the page, not its whole body."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.logformatter import LogFormatter, LogFormatterResult

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.http import Response
    from twisted.python.failure import Failure

__all__ = ["ArticleLogFormatter"]


def _url(item: Any) -> str:
    return str(getattr(item, "url", None) or item)


class ArticleLogFormatter(LogFormatter):
    """Scrapy's formatter, but a scraped or dropped article is logged by URL.

    Scrapy's default prints the whole item; an article body is kilobytes long.
    Drops are logged at INFO with their reason (``Dropped <url>: no_title: ...``).
    """

    def scraped(
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        """Debug line: the article's URL and title."""
        return {
            "level": logging.DEBUG,
            "msg": "Scraped %(url)s (%(title)s)",
            "args": {"url": _url(item), "title": getattr(item, "title", "")},
        }

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        """Info line: which page, and why."""
        return {
            "level": logging.INFO,
            "msg": "Dropped %(url)s: %(exception)s",
            "args": {"url": _url(item), "exception": exception},
        }
