"""Requests that finally failed: one log line and one stats key each.

Scrapy retries a failed download (``RETRY_TIMES``) and logs each retry at
DEBUG; the project sets ``RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"`` too, so that the
one line a failure leaves at INFO and above is the errback's::

    fetch failed: http://news.example/a.html: timeout (User timeout caused connection failure ...)

counted as ``fetch/failed/<cause>`` (and in total as ``fetch/failed``). Every
request the article spider makes carries :func:`log_fetch_failure` as its
errback; Scrapy calls it once, after the last retry. A request ignored on
purpose (robots.txt, an off-site *link*) is not a failure: Scrapy counts those
already (``robotstxt/forbidden``, ``offsite/filtered``) and nothing is logged.

:class:`RedirectGuardMiddleware` turns a redirect back to a URL of the same
chain (``redirect_loop``) or to another domain (``offsite_redirect``) into a
failure; without it Scrapy's duplicate filter or OffsiteMiddleware drops the
request silently (counted, logged at DEBUG only) and the page vanishes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

    from crawler.bridge import ExtractionError

__all__ = ["RedirectGuardMiddleware", "failure_cause", "log_fetch_failure", "log_page_failure"]

logger = logging.getLogger(__name__)

# IgnoreRequest messages of Scrapy 2.19 components, by cause.
_IGNORED = {
    "max redirections reached": "redirect_limit",  # RedirectMiddleware, REDIRECT_MAX_TIMES
    "DOWNLOAD_MAXSIZE": "too_large",  # HttpCompressionMiddleware: a decompression bomb
    "redirect loop": "redirect_loop",  # RedirectGuardMiddleware, below
    "redirect off-site": "offsite_redirect",  # RedirectGuardMiddleware
}
_DELIBERATE = ("Forbidden by robots.txt",)  # counted by Scrapy, not a fault of the site


def failure_cause(failure: Failure) -> str | None:
    """A short cause for a failed request, or ``None`` for one skipped on purpose."""
    exc = failure.value
    request: Request | None = getattr(failure, "request", None)
    redirected = bool(request is not None and request.meta.get("redirect_urls"))
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if message.startswith("Filtered offsite request"):
            return "offsite_redirect" if redirected else None
        if message.startswith(_DELIBERATE):
            return None
        return next((c for text, c in _IGNORED.items() if text in message), "ignored")
    # Scrapy 2.19 wraps the download handler's errors in its own exceptions.
    if isinstance(exc, scrapy_errors.DownloadCancelledError):
        # The HTTP handler cancels a body announced or grown past DOWNLOAD_MAXSIZE.
        return "too_large" if "max size" in str(exc) else "cancelled"
    return _DOWNLOAD_ERRORS.get(type(exc), type(exc).__name__.lower()) if exc else "unknown"


_DOWNLOAD_ERRORS: dict[type[BaseException], str] = {
    scrapy_errors.DownloadTimeoutError: "timeout",
    scrapy_errors.ResponseDataLossError: "truncated",  # DOWNLOAD_FAIL_ON_DATALOSS
    scrapy_errors.DownloadFailedError: "connection_lost",  # reset or closed mid-answer
    scrapy_errors.DownloadConnectionRefusedError: "connection_refused",
    scrapy_errors.CannotResolveHostError: "dns",
}


def log_fetch_failure(crawler: Crawler, failure: Failure) -> None:
    """Log ``fetch failed: <url>: <cause> (<detail>)`` and count ``fetch/failed/<cause>``."""
    cause = failure_cause(failure)
    if cause is None:
        return
    request: Request | None = getattr(failure, "request", None)
    url = "?"
    if request is not None:
        url = (request.meta.get("redirect_urls") or [request.url])[0]
    detail = str(failure.value) or type(failure.value).__name__
    if request is not None and request.url != url:
        detail = f"{detail}; redirected to {request.url}"
    assert crawler.stats is not None
    crawler.stats.inc_value("fetch/failed")
    crawler.stats.inc_value(f"fetch/failed/{cause}")
    logger.warning("fetch failed: %s: %s (%s)", url, cause, detail)


def log_page_failure(crawler: Crawler, url: str, error: ExtractionError) -> None:
    """Log ``page failed: <url>: <reason> (<detail>)`` and count
    ``pages/failed/<reason>``: a page fetched but not extracted, for a reason
    outside the page (its extraction worker died twice)."""
    assert crawler.stats is not None
    crawler.stats.inc_value("pages/failed")
    crawler.stats.inc_value(f"pages/failed/{error.reason}")
    logger.error("page failed: %s: %s (%s)", url, error.reason, error)


def _on_site(url: str, domains: list[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one.

    Not Scrapy's ``url_is_from_any_domain``: it compares host:port, so every
    URL of a site served on a port (the test sites) would be off-site.

    >>> _on_site("http://www.news.example:8080/a", ["news.example"])
    True
    >>> _on_site("http://news.example.evil/a", ["news.example"])
    False
    """
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith(f".{d}") for d in domains)


class RedirectGuardMiddleware:
    """Downloader middleware: a redirect into a loop or off the site is a failure.

    Placed at 610, so its ``process_response`` sees a redirect before Scrapy's
    RedirectMiddleware (600) follows it. Scrapy 2.19's OffsiteMiddleware drops
    an off-site redirect when it is scheduled, without calling the errback, so
    the page would vanish with only ``offsite/filtered`` to show for it; here
    it fails as ``offsite_redirect`` (and still never leaves the site). A chain
    of always-new URLs is stopped by Scrapy's ``REDIRECT_MAX_TIMES``
    (``redirect_limit``).
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        """Raise ``IgnoreRequest`` on a 3xx back into its own chain or off the site."""
        location = response.headers.get(b"Location")
        if not (300 <= response.status < 400 and location):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if domains and not _on_site(target, domains):
            raise IgnoreRequest(f"redirect off-site to {target}, outside {', '.join(domains)}")
        return response
