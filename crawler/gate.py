"""The gate every URL the article spider finds passes once, before it is requested.

In order: tracking parameters and the fragment go (:func:`crawler.urls.strip_tracking`);
a URL asked for before is let by; one on another origin (:mod:`crawler.origins`)
is filtered (``offsite/filtered``, the origin named once in the log); the site's
skip hints (``discovery/skipped_by_hints``); a trap's pattern (:mod:`crawler.traps`,
``traps/skipped_urls``); the crawl's cap on URLs (``NEWSCLEAN_MAX_URLS``,
``discovery/capped/urls``); for a sitemap, the cap on sitemaps per origin
(``NEWSCLEAN_MAX_SITEMAPS``, ``discovery/capped/sitemaps``). Each cap is logged
once, when it is first reached (per origin for sitemaps).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from crawler.origins import Origins, origin_of
from crawler.urls import strip_tracking

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.hints import SiteHints
    from crawler.traps import TrapGuard

__all__ = ["Gate"]

logger = logging.getLogger(__name__)

# Other origins named in the log (once each) before the gate stops naming them:
# a hostile page can link to any number of ports and hosts.
MAX_NAMED_ORIGINS = 20


class Gate:
    """Decides which discovered URLs the crawl requests (see the module docstring)."""

    def __init__(
        self,
        crawler: Crawler,
        origins: Origins,
        hints: Callable[[str], SiteHints],
        *,
        max_urls: int,
        max_sitemaps: int,
        traps: TrapGuard | None,
    ):
        self.crawler = crawler  # its stats exist once the crawl starts
        self.origins = origins
        self.hints = hints
        self.max_urls = max_urls
        self.max_sitemaps = max_sitemaps
        self.traps = traps
        # URLs taken: most links on listing pages point to pages found before;
        # skipping them here saves a Request the duplicate filter would drop.
        # The filter stays the authority (and persists with JOBDIR).
        self.asked: set[str] = set()
        self.sitemaps: Counter[str] = Counter()
        self._named: set[str] = set()
        self._capped: set[str] = set()

    def take(self, url: str, found_on: str, *, sitemap: bool = False) -> str | None:
        """The URL to request (tracking parameters stripped), or None if it is not to be."""
        url = strip_tracking(url)
        if url in self.asked:
            return None
        if not self.origins.allows(url):
            self._offsite(url, found_on)
            return None
        if self.hints(url).is_skipped(url):
            self._count("discovery/skipped_by_hints")
            return None
        if self.traps is not None and self.traps.is_trap(url):
            self._count("traps/skipped_urls")
            return None
        if len(self.asked) >= self.max_urls:
            self._cap(
                "urls",
                "The crawl has taken %d URLs (NEWSCLEAN_MAX_URLS); URLs found from now on"
                " are not requested (counted in discovery/capped/urls)",
                self.max_urls,
            )
            return None
        if sitemap:
            origin = str(origin_of(url))
            if self.sitemaps[origin] >= self.max_sitemaps:
                self._cap(
                    f"sitemaps {origin}",
                    "%s has listed %d sitemaps (NEWSCLEAN_MAX_SITEMAPS); its other sitemaps"
                    " are not read (counted in discovery/capped/sitemaps)",
                    origin,
                    self.max_sitemaps,
                )
                return None
            self.sitemaps[origin] += 1
        self.asked.add(url)
        return url

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)

    def _cap(self, key: str, message: str, *args: object) -> None:
        self._count(f"discovery/capped/{key.split(maxsplit=1)[0]}")
        if key not in self._capped:
            self._capped.add(key)
            logger.warning(message, *args)

    def _offsite(self, url: str, found_on: str) -> None:
        """Count a URL on another origin; name that origin in the log once."""
        self._count("offsite/filtered")
        origin = str(origin_of(url) or url[:100])
        if origin in self._named or len(self._named) > MAX_NAMED_ORIGINS:
            return
        self._named.add(origin)
        more = len(self._named) > MAX_NAMED_ORIGINS
        logger.info(
            "Not following URLs on other origin %s (first: %s, on %s); the crawl stays on %s."
            " Add it to NEWSCLEAN_ALLOWED_ORIGINS to follow them.%s",
            origin,
            url,
            found_on,
            self.origins,
            " Other origins are counted in offsite/filtered only." if more else "",
        )
