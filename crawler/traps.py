"""Crawler traps: URL patterns whose pages keep leading to no new article.

A calendar links to the next month forever; a faceted listing makes a new URL
of every filter; a pager counts past the last page. Each page is a new URL, so
the duplicate filter never stops them, and ``DEPTH_LIMIT`` only bounds them at
a branching factor to the power of the depth. :class:`TrapGuard` watches URL
*patterns* instead: the URL with every run of digits made ``0`` and every query
value dropped (``/calendar/2024/05/?view=week`` -> ``/calendar/0/0/?view=``).
A listing page is judged once every new link it gave has been answered: it was
fruitful if one of them was an article. A fruitful page resets its pattern's
count, a fruitless one adds one; at ``NEWSCLEAN_TRAP_PAGES`` fruitless listing
pages in a row, the pattern is a trap: logged once, counted (``traps/patterns``),
and its URLs are no longer requested (``traps/skipped_urls``). Waiting for the
answers matters: a section page links to the next pages and to its articles
alike, and the pages may well be fetched first.

A paginated section whose pages list new articles is never a trap, however
long; a calendar whose pages link only to more calendar pages is, and so are
two patterns that link only to each other.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
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


@dataclass(slots=True)
class _Open:
    left: int  # new links not yet answered
    pattern: str
    fruitful: bool = False  # one of them was an article


class TrapGuard:
    """Judges listing pages by what their new links turned out to be, and counts,
    per URL pattern, fruitless listing pages in a row."""

    def __init__(self, pages: int):
        self.pages = pages
        self.fruitless: dict[str, int] = {}
        self.traps: set[str] = set()
        self._open: dict[str, _Open] = {}  # listing pages whose links are not all answered

    def is_trap(self, url: str) -> bool:
        """Whether ``url``'s pattern was found to be a trap."""
        return bool(self.traps) and pattern_of(url) in self.traps

    def listing(self, url: str, new_links: int) -> str | None:
        """A listing page was read and gave ``new_links`` new requests; the pattern
        that just became a trap, if one did (the caller logs and counts it)."""
        if new_links:
            self._open[url] = _Open(new_links, pattern_of(url))
            return None
        return self._judge(pattern_of(url), fruitful=False)

    def answered(self, linked_from: str | None, *, article: bool) -> str | None:
        """A request linked from listing page ``linked_from`` was answered (an
        article or not) or failed; a pattern that became a trap, if one did."""
        entry = self._open.get(linked_from or "")
        if entry is None:
            return None
        entry.left -= 1
        entry.fruitful = entry.fruitful or article
        if entry.left > 0:
            return None
        del self._open[linked_from or ""]
        return self._judge(entry.pattern, fruitful=entry.fruitful)

    def _judge(self, key: str, *, fruitful: bool) -> str | None:
        if key in self.traps:
            return None
        if fruitful:
            self.fruitless.pop(key, None)
            return None
        if key not in self.fruitless and len(self.fruitless) >= MAX_PATTERNS:
            return None
        self.fruitless[key] = count = self.fruitless.get(key, 0) + 1
        if count < self.pages:
            return None
        self.traps.add(key)
        del self.fruitless[key]
        return key
