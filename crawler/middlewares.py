"""Downloader middlewares: what the project adds between Scrapy's engine and the web.

:class:`OriginGuardMiddleware` refuses any request outside the spider's
:class:`~crawler.origins.Origins` (scheme, host and port), whoever made it.
:class:`RedirectGuardMiddleware` turns a redirect or a meta refresh back to a URL
of the same chain (``redirect_loop``) or to another origin (``offsite_redirect``)
into a failure; without it Scrapy's duplicate filter or OffsiteMiddleware drops
the request silently (counted, logged at DEBUG only) and the page vanishes. A
start URL (or its robots.txt) that the site moves to https or to or from
``www.`` takes the crawl's origins along (:func:`crawler.origins.same_site_move`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh

from crawler.origins import origin_of, same_site_move

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from crawler.origins import Origins

__all__ = ["START", "OriginGuardMiddleware", "RedirectGuardMiddleware", "TrapMiddleware"]

logger = logging.getLogger(__name__)

START = "newsclean_start"
"""Request meta key: the request is a start URL or its robots.txt, whose redirect
to the same site on https or with(out) ``www.`` moves the crawl's origins."""
TRAPPED = "crawler trap:"  # the IgnoreRequest message of TrapMiddleware


def _on_site(url: str, domains: list[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one (for a
    spider with ``allowed_domains`` and no origins).

    >>> _on_site("http://www.news.example:8080/a", ["news.example"])
    True
    >>> _on_site("http://news.example.evil/a", ["news.example"])
    False
    """
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith(f".{d}") for d in domains)


def _origins(crawler: Crawler) -> Origins | None:
    return getattr(crawler.spider, "origins", None)


class OriginGuardMiddleware:
    """Downloader middleware: a request outside the spider's origins is refused.

    Placed at 40, before Scrapy's OffsiteMiddleware (50) and RobotsTxtMiddleware
    (100), so that not even the robots.txt of another origin is fetched. The
    spider filters the URLs it finds itself (``offsite/filtered``); this catches
    the rest (a redirected request: ``offsite_redirect``). A spider without an
    ``origins`` attribute is left to Scrapy's ``allowed_domains``.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OriginGuardMiddleware:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Raise ``IgnoreRequest`` for a URL on no allowed origin."""
        origins = _origins(self.crawler)
        if origins is not None and not origins.allows(request.url):
            raise IgnoreRequest(f"off-origin request to {request.url}, outside {origins}")


class TrapMiddleware:
    """Downloader middleware: a link whose URL pattern became a trap
    (:mod:`crawler.traps`) while it waited in the queue is not fetched.

    The spider stops requesting a trap's URLs once it is found; those queued
    before are dropped here (``traps/skipped_urls``), so a trap costs about
    ``NEWSCLEAN_TRAP_PAGES`` pages and the ones in flight, not the whole queue.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrapMiddleware:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Raise ``IgnoreRequest`` for a link into a trap."""
        traps = getattr(self.crawler.spider, "traps", None)
        if traps is None or "newsclean_from" not in request.meta or not traps.is_trap(request.url):
            return
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("traps/skipped_urls")
        raise IgnoreRequest(f"{TRAPPED} {request.url} is in a trap's URL pattern")


class RedirectGuardMiddleware:
    """Downloader middleware: a redirect or a meta refresh into a loop or off the
    site is a failure.

    Placed at 610, so its ``process_response`` sees a response before Scrapy's
    RedirectMiddleware (600) and MetaRefreshMiddleware (580) follow it. Scrapy
    2.19's OffsiteMiddleware drops an off-site redirect when it is scheduled,
    without calling the errback, and its duplicate filter drops a refresh back
    to a page already fetched, so the page would vanish; here both fail, as
    ``offsite_redirect`` and ``redirect_loop``. A page whose meta refresh names
    the page itself (a live page that reloads) is read as it is. A chain of
    always-new URLs is stopped by Scrapy's ``REDIRECT_MAX_TIMES``
    (``redirect_limit``).
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.refresh = settings.getbool("METAREFRESH_ENABLED")
        self.refresh_ignore_tags = settings.getlist("METAREFRESH_IGNORE_TAGS")
        self.refresh_max_delay = settings.getfloat("METAREFRESH_MAXDELAY")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def _admit(self, origins: Origins, url: str, target: str) -> None:
        """A start URL's site moved (to https, to or from www.): its new origin is the
        site's, and joins the crawl's origins."""
        if origins.admit(target):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("offsite/start_moved")
            logger.info(
                "Start URL %s moved to %s: %s is on-site from now on",
                url,
                target,
                origin_of(target),
            )

    def _target(self, request: Request, response: Response) -> tuple[str, str] | None:
        """Where ``response`` sends the crawl, and how; None if nowhere."""
        if request.meta.get("dont_redirect") or request.method == "HEAD":
            return None
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            return urljoin(request.url, location.decode("latin-1")), "redirect"
        if not (self.refresh and isinstance(response, HtmlResponse)):
            return None
        interval, url = get_meta_refresh(response, ignore_tags=self.refresh_ignore_tags)
        if not url or cast("float", interval) >= self.refresh_max_delay:
            return None
        return url, "meta refresh"

    def process_response(self, request: Request, response: Response) -> Response:
        """Raise ``IgnoreRequest`` on a redirect back into its own chain or off the site."""
        found = self._target(request, response)
        if found is None:
            return response
        target, kind = found
        if kind == "meta refresh" and target == request.url:
            request.meta["dont_redirect"] = True  # read the page; do not reload it
            return response
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop ({kind}): {' -> '.join([*chain, target])}")
        origins = _origins(self.crawler)
        if origins is not None:
            if not origins.allows(target):
                if not (request.meta.get(START) and same_site_move(request.url, target)):
                    raise IgnoreRequest(
                        f"redirect off-site ({kind}) to {target}, outside {origins}"
                    )
                self._admit(origins, request.url, target)
            return response
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if domains and not _on_site(target, domains):
            raise IgnoreRequest(f"redirect off-site ({kind}) to {target}, outside {domains}")
        return response
