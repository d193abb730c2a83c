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

:class:`crawler.middlewares.RedirectGuardMiddleware` turns a redirect back to a
URL of the same chain (``redirect_loop``, a meta refresh too) or to another origin
(``offsite_redirect``) into a failure, which is logged here like any other.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from crawler.extraction.service import ExtractionFailed

__all__ = ["failure_cause", "log_fetch_failure", "log_page_failure"]

logger = logging.getLogger(__name__)

# IgnoreRequest messages of Scrapy 2.19 components, by cause.
_IGNORED = {
    "max redirections reached": "redirect_limit",  # RedirectMiddleware, REDIRECT_MAX_TIMES
    "DOWNLOAD_MAXSIZE": "too_large",  # HttpCompressionMiddleware: a decompression bomb
    "redirect loop": "redirect_loop",  # crawler.middlewares.RedirectGuardMiddleware
    "redirect off-site": "offsite_redirect",  # crawler.middlewares.RedirectGuardMiddleware
}
# Skipped on purpose and counted where skipped: not a fault of the site.
_DELIBERATE = (
    "Forbidden by robots.txt",  # robotstxt/forbidden, by Scrapy
    "crawler trap:",  # traps/skipped_urls, crawler.middlewares.TrapMiddleware
)


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
        if message.startswith("off-origin request"):
            # A link to another origin is filtered by the spider and counted there
            # (offsite/filtered); a request that gets here anyway is named.
            return "offsite_redirect" if redirected else "offsite"
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


def log_page_failure(crawler: Crawler, url: str, error: ExtractionFailed) -> None:
    """Log ``page failed: <url>: <reason> (<detail>)`` and count
    ``pages/failed/<reason>``: a page fetched but not extracted, for a reason
    outside the page (its extraction worker died twice)."""
    assert crawler.stats is not None
    crawler.stats.inc_value("pages/failed")
    crawler.stats.inc_value(f"pages/failed/{error.reason}")
    logger.error("page failed: %s: %s (%s)", url, error.reason, error)
