"""URL canonicalization: one spelling per page, for requests and for items.

Feeds and share buttons add tracking parameters (``utm_source=rss``); hosts
come in any case; fragments never reach the server. Two URLs that differ only
in these are the same page, and the crawler must fetch and keep it once.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

__all__ = ["canonicalize", "host_of", "strip_tracking"]

# Parameters that say where a reader came from, never which page they read.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref_src|at_medium|"
    r"at_campaign|xtor|ns_source|ns_mchannel|ito)$",
    re.IGNORECASE,
)


def strip_tracking(url: str) -> str:
    """Drop tracking parameters and the fragment, keep everything else as is.

    Used on request URLs, so that the scheduler's duplicate filter sees one URL
    per page while the server still gets the query it expects.

    >>> strip_tracking("http://a.test/x.html?utm_source=rss&id=3#top")
    'http://a.test/x.html?id=3'
    >>> strip_tracking("http://a.test/x.html?utm_medium=feed")
    'http://a.test/x.html'
    """
    parts = urlsplit(url)
    if parts.query:
        query = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMS.match(k)
        ]
        parts = parts._replace(query=urlencode(query))
    return urlunsplit(parts._replace(fragment=""))


def canonicalize(url: str) -> str:
    """The key two URLs of the same page share (for de-duplication, not fetching).

    Lower-case scheme and host, default port dropped, query sorted, tracking
    parameters and fragment removed, ``http`` and ``https`` merged.

    >>> canonicalize("HTTPS://News.Test:443/a/b.html?b=2&a=1&utm_source=x#c")
    'http://news.test/a/b.html?a=1&b=2'
    >>> canonicalize("http://news.test/a/") == canonicalize("https://news.test/a/")
    True
    """
    url = canonicalize_url(strip_tracking(url))
    parts = urlsplit(url)
    netloc = parts.netloc.lower()
    if parts.scheme == "https" and netloc.endswith(":443"):
        netloc = netloc[: -len(":443")]
    return urlunsplit(parts._replace(scheme="http", netloc=netloc))


def host_of(url: str) -> str:
    """The lower-case host name of ``url``, without port.

    >>> host_of("http://127.0.0.1:8080/x")
    '127.0.0.1'
    """
    return (urlsplit(url).hostname or "").lower()
