"""Per-site crawl hints, read from the site's extractor class.

A site is added in one place, ``extractors/sites/<domain>.py``: the class that
extracts its pages also says where a crawl starts (``start_urls``), which URLs
are articles (``article_urls``) and which are never worth fetching
(``skip_urls``). Sites without an extractor get :data:`GENERIC_SKIP` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.site import registry

__all__ = ["GENERIC_SKIP", "SiteHints", "hints_for"]

# Pages no news site needs crawled: accounts, search, sharing, printing, comment
# feeds, media files. Matched with re.search on the full URL.
GENERIC_SKIP = (
    r"/(wp-)?login|/logout|/register|/signin|/sign-in|/account|/my-account|/cart|/checkout",
    r"[/?&](s|q|search|query)=|/search(/|\?|$)",
    r"/(share|sharer|print|email|mailto)(/|\?|$)|[?&](share|print|replytocom)=",
    r"/wp-(admin|json|content|includes)/|/xmlrpc\.php|/comments/feed|/embed/?$",
    r"\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|css|js|ico)(\?|$)",
)


@dataclass(frozen=True, slots=True)
class SiteHints:
    """Compiled crawl hints for one site (or the generic ones)."""

    name: str
    start_urls: tuple[str, ...]
    article_urls: tuple[re.Pattern[str], ...]
    skip_urls: tuple[re.Pattern[str], ...]

    def is_article_url(self, url: str) -> bool:
        """Whether the site's own patterns say ``url`` is an article page."""
        return any(p.search(url) for p in self.article_urls)

    def is_skipped(self, url: str) -> bool:
        """Whether ``url`` must not be followed (site patterns and generic ones)."""
        return any(p.search(url) for p in self.skip_urls)


_GENERIC = SiteHints("generic", (), (), tuple(re.compile(p) for p in GENERIC_SKIP))


@lru_cache(maxsize=256)
def _hints_for_class(name: str) -> SiteHints:
    for cls in registry.extractors():
        if cls.name() == name:
            return SiteHints(
                name,
                tuple(cls.start_urls),
                tuple(re.compile(p) for p in cls.article_urls),
                _GENERIC.skip_urls + tuple(re.compile(p) for p in cls.skip_urls),
            )
    return _GENERIC  # pragma: no cover (names come from the registry)


def hints_for(url: str) -> SiteHints:
    """The crawl hints of the site ``url`` belongs to (generic when none).

    >>> hints_for("http://127.0.0.1:8000/").name
    'generic'
    """
    cls = registry.for_url(url)
    return _GENERIC if cls is None else _hints_for_class(cls.name())
