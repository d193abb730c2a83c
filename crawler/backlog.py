"""Discovered URLs waiting for Scrapy's scheduler, so that discovery interleaves
with the articles it finds and a crawl's memory does not grow with its sitemaps.

A sitemap of 50,000 URLs handed to Scrapy at once is 50,000 ``Request`` objects
in the scheduler, and a sitemap index of 10,000 children, read breadth first,
fetches every child before the first article. The spider puts what sitemaps
and feeds list here instead, as plain strings in two lanes: page URLs, and
sitemaps still to fetch. :meth:`Backlog.release` hands Scrapy only what keeps
its scheduler at ``batch`` requests, pages first; a sitemap is released when the
page lane runs low and few sitemaps are in flight, so each child sitemap's
articles are fetched before the next child is.

With a ``JOBDIR`` the lanes are kept in the spider's state, saved when the
crawl stops, so a resumed crawl goes on where the last one stopped.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

__all__ = ["Backlog", "Pending"]


class Pending(tuple[str, str, int]):
    """A discovered URL: (url, source, depth); source is ``sitemap``,
    ``news_sitemap``, ``feed`` or ``sitemap-file`` (a sitemap to fetch); depth is
    the crawl depth of its request (the sitemap's or feed's, plus one)."""

    __slots__ = ()

    @property
    def url(self) -> str:
        """The URL to request."""
        return self[0]

    @property
    def source(self) -> str:
        """Where it was found (a stats key part)."""
        return self[1]

    @property
    def depth(self) -> int:
        """The crawl depth of its request."""
        return self[2]


SITEMAP = "sitemap-file"


@dataclass(slots=True)
class Backlog:
    """Two lanes of discovered URLs and the rule that releases them.

    ``batch`` is how many requests Scrapy's scheduler may hold before nothing
    more is released; 0 releases everything at once (a distributed crawl, whose
    scheduler lives in Redis, and whose leases must see every request queued).
    """

    batch: int = 1000
    sitemaps_in_flight_max: int = 2
    pages: deque[Pending] = field(default_factory=deque)
    sitemaps: deque[Pending] = field(default_factory=deque)
    sitemaps_in_flight: int = 0

    def add(self, url: str, source: str, depth: int) -> None:
        """Queue a page URL, or a sitemap (``source`` :data:`SITEMAP`)."""
        lane = self.sitemaps if source == SITEMAP else self.pages
        lane.append(Pending((url, source, depth)))

    def __len__(self) -> int:
        return len(self.pages) + len(self.sitemaps)

    def release(self, scheduled: int) -> list[Pending]:
        """What to hand Scrapy now, with ``scheduled`` requests in its scheduler."""
        if not self.batch:
            out = [*self.pages, *self.sitemaps]
            self.pages.clear()
            self.sitemaps.clear()
            self.sitemaps_in_flight += sum(p.source == SITEMAP for p in out)
            return out
        room = self.batch - scheduled
        out = [self.pages.popleft() for _ in range(min(room, len(self.pages)))]
        low = len(self.pages) < self.batch // 2
        while (
            self.sitemaps
            and low
            and len(out) < max(room, 1)
            and self.sitemaps_in_flight < self.sitemaps_in_flight_max
        ):
            out.append(self.sitemaps.popleft())
            self.sitemaps_in_flight += 1
        return out

    def sitemap_done(self) -> None:
        """A sitemap released here was read, failed or was dropped."""
        self.sitemaps_in_flight = max(0, self.sitemaps_in_flight - 1)

    def state(self) -> dict[str, list[tuple[str, str, int]]]:
        """The lanes as plain data, for the spider's saved state."""
        return {"pages": list(self.pages), "sitemaps": list(self.sitemaps)}

    def restore(self, saved: object) -> int:
        """Put back what :meth:`state` saved; how many URLs."""
        if not isinstance(saved, dict):
            return 0
        for name in ("pages", "sitemaps"):
            lane = self.pages if name == "pages" else self.sitemaps
            lane.extend(Pending(tuple(item)) for item in saved.get(name, ()))
        return len(self)
