"""Bytes to one bounded, parsed page: every page reaches libxml2 through here.

- :mod:`~extractors.page.decode`: the charset, and bodies that are no page;
- :mod:`~extractors.page.markup`: the pre-parse scan that bounds libxml2's work;
- :mod:`~extractors.page.load`: checks, then the parse: a :class:`Page`;
- :mod:`~extractors.page.tree`: the element type and its text helpers;
- :mod:`~extractors.page.links`: the page's links, read off the parsed tree.

May import :mod:`extractors.exceptions`, :mod:`extractors.limits` and the
standard and parsing libraries; nothing else of the package.
"""

from extractors.page.load import Page, load

__all__ = ["Page", "load"]
