"""Crawler traps: URL patterns whose pages keep leading to no new article.

A calendar links to the next month forever; a faceted listing makes a new URL
of every filter; a pager counts past the last page. Each page is a new URL, so
the duplicate filter never stops them, and ``DEPTH_LIMIT`` only bounds them at
a branching factor to the power of the depth. :class:`TrapGuard` watches URL
*patterns* instead: the URL with every run of digits made ``0`` and every query
value dropped (``/calendar/2024/05/?view=week`` -> ``/calendar/0/0/?view=``).
A listing page of a pattern that yields a new article resets the pattern's count;
one that does not adds one; at ``NEWSCLEAN_TRAP_PAGES`` listing pages in a row
with no new article found through them, the pattern is a trap: logged once,
counted (``traps/patterns``), and its URLs are no longer requested
(``traps/skipped_urls``).

A paginated section whose pages list new articles is never a trap: each page's
articles are credited to the pattern of the page that linked them.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlsplit

__all__ = ["TrapGuard", "pattern_of"]

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+")
# How many patterns are tracked at most: every pattern costs a dict entry, and a
# hostile site can make up any number. Past it, new patterns are not tracked
# (and not trapped: DEPTH_LIMIT and the URL cap still bound them).
MAX_PATTERNS = 100_000


def pattern_of(url: str) -> str:
    """The URL's pattern: digits made 0, query values dropped, names sorted.

    >>> pattern_of("http://a.test/calendar/2024/05/?view=week&day=3")
    'http://a.test/calendar/0/0/?day=&view='
    >>> pattern_of("http://a.test/section/politics/page/12")
    'http://a.test/section/politics/page/0'
    """
    parts = urlsplit(url)
    path = _DIGITS.sub("0", parts.path)
    names = sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)})
    query = "&".join(f"{_DIGITS.sub('0', name)}=" for name in names)
    return f"{parts.scheme}://{parts.netloc}{path}" + (f"?{query}" if query else "")


class TrapGuard:
    """Counts, per URL pattern, listing pages in a row that led to no new article."""

    def __init__(self, pages: int):
        self.pages = pages
        self.fruitless: dict[str, int] = {}
        self.traps: set[str] = set()

    def is_trap(self, url: str) -> bool:
        """Whether ``url``'s pattern was found to be a trap."""
        return bool(self.traps) and pattern_of(url) in self.traps

    def listing(self, url: str) -> str | None:
        """A listing page of ``url``'s pattern was read; the pattern if it just
        became a trap (the caller logs and counts it)."""
        key = pattern_of(url)
        if key in self.traps or (
            key not in self.fruitless and len(self.fruitless) >= MAX_PATTERNS
        ):
            return None
        self.fruitless[key] = count = self.fruitless.get(key, 0) + 1
        if count < self.pages:
            return None
        self.traps.add(key)
        del self.fruitless[key]
        return key

    def article(self, via: str | None) -> None:
        """A new article was found on a page linked from a page of pattern ``via``."""
        if via is not None and via in self.fruitless:
            self.fruitless[via] = 0
