"""Downloader middlewares: what the project adds between Scrapy's engine and the web.

:class:`RedirectGuardMiddleware` turns a redirect back to a URL of the same
chain (``redirect_loop``) or to another domain (``offsite_redirect``) into a
failure; without it Scrapy's duplicate filter or OffsiteMiddleware drops the
request silently (counted, logged at DEBUG only) and the page vanishes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = ["RedirectGuardMiddleware"]


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
