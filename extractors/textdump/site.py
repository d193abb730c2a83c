"""Lines a site prints on every page: boilerplate by recurrence, across dumps.

A menu, a footer, a cookie notice or a newsletter prompt comes back, word for
word, on every page of a site; an article's sentences do not. Given several
dumps of one site (the records of a WET file that share a host, a folder of
dumps), the lines found on enough of its pages are never article text.

How many pages it needs: a line that does not read as prose (a menu entry, a
label) counts as the site's from :data:`MIN_PAGES` pages on which it recurs,
and a share :data:`MIN_SHARE` of the pages; a prose line needs
:data:`MIN_PROSE_PAGES` pages and a share :data:`MIN_PROSE_SHARE`, since news
agencies reuse background paragraphs in follow-up stories. With a single page
there is no such evidence, and nothing changes.

>>> site = SiteLines()
>>> for page in ("Home\\nNews\\nFirst story text.", "Home\\nNews\\nSecond story text."):
...     site.add(page)
>>> sorted(site.boilerplate())
['Home', 'News']
"""

from __future__ import annotations

import hashlib
from collections import Counter

from extractors.textdump.features import prose_weight
from extractors.textdump.lines import split_lines

__all__ = [
    "MAX_TRACKED_LINES",
    "MIN_PAGES",
    "MIN_PROSE_PAGES",
    "MIN_PROSE_SHARE",
    "MIN_SHARE",
    "SiteLines",
]

# A non-prose line on two pages of the site, and on at least a third of them.
MIN_PAGES = 2
MIN_SHARE = 1 / 3
# A prose line on three pages, and on at least half of them.
MIN_PROSE_PAGES = 3
MIN_PROSE_SHARE = 1 / 2
# Memory bound: distinct lines counted per site (about 100 bytes each); lines
# first seen after that are not counted. Lines longer than MAX_LINE_CHARS are
# not counted either: boilerplate is short, and long lines would cost memory.
MAX_TRACKED_LINES = 200_000
MAX_LINE_CHARS = 1_000


class SiteLines:
    """Counts, over the dumps of one site, on how many pages each line appears."""

    def __init__(self) -> None:
        self._pages = 0
        self._counts: Counter[str] = Counter()
        self._prose: set[str] = set()
        self._seen_pages: set[bytes] = set()

    @property
    def pages(self) -> int:
        """Distinct dumps added (a dump added twice counts once)."""
        return self._pages

    def add(self, text: str) -> None:
        """Count the lines of one dump of the site (each line once per dump)."""
        digest = hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).digest()
        if digest in self._seen_pages:
            return  # the same page twice (a WET file may hold a URL twice)
        self._seen_pages.add(digest)
        self._pages += 1
        seen: set[str] = set()
        for line in split_lines(text):
            key = line.text
            if key in seen or len(key) > MAX_LINE_CHARS:
                continue
            seen.add(key)
            if key in self._counts or len(self._counts) < MAX_TRACKED_LINES:
                self._counts[key] += 1
                if prose_weight(line) > 0:
                    self._prose.add(key)

    def boilerplate(self) -> frozenset[str]:
        """The lines that recur on enough of the site's pages to be its own."""
        found = set()
        for line, count in self._counts.items():
            if line in self._prose:
                if count >= MIN_PROSE_PAGES and count >= MIN_PROSE_SHARE * self._pages:
                    found.add(line)
            elif count >= MIN_PAGES and count >= MIN_SHARE * self._pages:
                found.add(line)
        return frozenset(found)
