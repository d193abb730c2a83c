"""Which URLs are on-site: the origins (scheme, host, port) a crawl may request.

A crawl stays on the origins of its start URLs, and of the extra origins the
setting ``NEWSCLEAN_ALLOWED_ORIGINS`` lists. Host names alone are not enough: a
hostile page can link to ``http://its-host:6379/`` or to an internal admin port
of the same host, and the answer would land in the corpus. So another port, the
other scheme or a subdomain is another site, unless the setting names it
(``https://www.news.example``, or ``https://*.news.example`` for every
subdomain). An IP address has no subdomains: ``x.127.0.0.1`` is never the site
``127.0.0.1``, and ``*.127.0.0.1`` is refused.

Every way a URL enters the crawl obeys it: links, sitemap entries, robots.txt
``Sitemap:`` lines and feed items (the spider), redirects and meta refreshes
(:class:`crawler.middlewares.RedirectGuardMiddleware`) and any other request
(:class:`crawler.middlewares.OriginGuardMiddleware`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import urlsplit

from scrapy.exceptions import UsageError

__all__ = ["Origin", "Origins", "origin_of", "same_site_move"]

DEFAULT_PORTS = {"http": 80, "https": 443}
SETTING = "NEWSCLEAN_ALLOWED_ORIGINS"


class Origin(NamedTuple):
    """A URL's scheme, lower-case host and port (the scheme's default if none)."""

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = DEFAULT_PORTS.get(self.scheme)
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")


def origin_of(url: str) -> Origin | None:
    """The origin of an http(s) URL, or None for anything else.

    >>> str(origin_of("HTTP://News.Example.:80/a?b"))
    'http://news.example'
    >>> origin_of("http://127.0.0.1:8000/x")
    Origin(scheme='http', host='127.0.0.1', port=8000)
    >>> origin_of("mailto:a@b.test") is None, origin_of("http://[bad/") is None
    (True, True)
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a port that is no number, an unclosed [IPv6]
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return Origin(scheme, host, port if port is not None else DEFAULT_PORTS[scheme])


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def same_site_move(url: str, target: str) -> bool:
    """Whether ``target`` is where a site moved ``url`` to: the same host with or
    without ``www.``, on the same scheme or from http to https, on default ports.

    Sites send their start page to ``https://`` or to ``www.`` (or away from it);
    that is the site itself. Another port, another host or a step down to http is
    not: a hostile site must not steer the crawl there.

    >>> same_site_move("http://news.example/", "https://www.news.example/")
    True
    >>> same_site_move("http://www.news.example/", "https://news.example/")
    True
    >>> same_site_move("https://news.example/", "http://news.example/")
    False
    >>> same_site_move("http://news.example/", "http://news.example:6379/")
    False
    >>> same_site_move("http://news.example/", "https://evil.example/")
    False
    """
    old, new = origin_of(url), origin_of(target)
    if old is None or new is None:
        return False
    if old.port != DEFAULT_PORTS[old.scheme] or new.port != DEFAULT_PORTS[new.scheme]:
        return False
    if old.scheme != new.scheme and (old.scheme, new.scheme) != ("http", "https"):
        return False
    return old.host.removeprefix("www.") == new.host.removeprefix("www.") and not _is_ip(new.host)


class Origins:
    """The origins a crawl may request: its start URLs' and the extra ones.

    ``extra`` entries are origins (``https://www.news.example``,
    ``http://news.example:8080``) or, with ``*.``, every subdomain of a host name
    on one scheme and port (``https://*.news.example``, not the host itself).
    """

    def __init__(self, start_urls: Iterable[str], extra: Iterable[str] = ()):
        self.exact: set[Origin] = set()
        self.subdomains: set[Origin] = set()  # host: the parent domain
        for url in start_urls:
            if origin := origin_of(url):
                self.exact.add(origin)
        for entry in extra:
            self._add_extra(entry.strip())

    def _add_extra(self, entry: str) -> None:
        if not entry:
            return
        wildcard = "://*." in entry
        origin = origin_of(entry.replace("://*.", "://", 1))
        if origin is None or urlsplit(entry).path not in ("", "/"):
            raise UsageError(
                f"{SETTING}: {entry!r} is not an origin; write scheme://host[:port], "
                "e.g. https://www.news.example or https://*.news.example"
            )
        if wildcard and _is_ip(origin.host):
            raise UsageError(
                f"{SETTING}: {entry!r}: an IP address has no subdomains; name the origin "
                "itself (http://127.0.0.1:8000)"
            )
        (self.subdomains if wildcard else self.exact).add(origin)

    def admit(self, url: str) -> bool:
        """Add ``url``'s origin to the allowed ones (a start URL's site moved there);
        whether it was new."""
        origin = origin_of(url)
        if origin is None or origin in self.exact:
            return False
        self.exact.add(origin)
        return True

    def allows(self, url: str) -> bool:
        """Whether ``url`` is on one of the allowed origins."""
        origin = origin_of(url)
        if origin is None:
            return False
        if origin in self.exact:
            return True
        if not self.subdomains or _is_ip(origin.host):
            return False
        return any(
            origin.scheme == o.scheme
            and origin.port == o.port
            and origin.host.endswith(f".{o.host}")
            for o in self.subdomains
        )

    def hosts(self) -> list[str]:
        """The host names of the allowed origins without ``www.`` (Scrapy's
        ``allowed_domains``, which admits subdomains: a start URL moved from or to
        ``www.`` stays on-site for it; the origins themselves stay strict)."""
        return sorted({o.host.removeprefix("www.") for o in self.exact | self.subdomains})

    def __str__(self) -> str:
        names = [str(o) for o in self.exact]
        names += [str(o).replace("://", "://*.", 1) for o in self.subdomains]
        return ", ".join(sorted(names))
