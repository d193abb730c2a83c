"""The site's chrome: where dates, headings and bylines belong to the site, not the article.

Header bars ("today" dates), tickers, teaser lists with their own dates and
bylines, sidebars, footers and comments repeat on every page of a site; what they
hold is never the article's metadata.
"""

from __future__ import annotations

import itertools
import re

from extractors.page.tree import Element

__all__ = ["in_chrome"]

_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
# A name counts from the start of a class word: "site-nav" and "nav-bar" are chrome,
# "merriweather" (a font) and "ShowNav" (a page state on <html>) are not.
_CHROME_CLASS = re.compile(
    r"(?<![a-z])(?i:ticker|breaking|headlines|related|recommend|popular|most-?read|sidebar|widget|weather"
    r"|footer|menu|nav|top-?bar|today|current-?date|clock|comment|teaser|promo|more-"
    # Teaser feeds under the article ("recirculation" on fandom.com, "outbrain",
    # "taboola"), each item with its own byline and date.
    r"|recirc|outbrain|taboola)"
)
# A BEM modifier says how a block looks, not what it is: the article's own header
# at wired.com is "content-header content-header--social-icons-position--simple-navigation".
_MODIFIER = re.compile(r"--\S*")
_ARTICLE_TAGS = frozenset({"article", "main"})
_ENTRY = re.compile(r"(?<![\w-])h-?entry(?![\w-])")
_ARTICLE_TYPE = re.compile(r"schema\.org/(?:\w*Article|BlogPosting)\b")
# A <header> or <footer> named after the article is its own, wherever it stands
# ("article-header" outside any <article> at venturebeat.com, "entry-header").
_OWN = re.compile(r"article|post|entry|story", re.I)
# A class or id that names the page's header ("header-cont", "site-header",
# "masthead"): the site's bar above the article, with its "today" date ("Mon, 25
# Dec 2023" in a ``#date-box``), unless it holds the headline (a "page-header"
# around the <h1>) or is named after the article ("entry-header"). A header of
# something else is no page header: Blogger's "date-header" is the post's date.
_HEADER_CLASS = re.compile(
    r"(?<![\w-])(?i:(?:site|page|global|main|top)[-_]?)?(?i:header|masthead)"
)
# Their classes describe the page's state ("ShowNav", "sidebar-open"), not a part of it.
_PAGE_TAGS = frozenset({"body", "html"})


def _is_article(el: Element) -> bool:
    """An element marked as the article: microformats' ``hentry``/``h-entry`` (every
    Blogger and most WordPress posts) or a schema.org Article ``itemtype``."""
    names = el.get("class")
    if names and _ENTRY.search(names):
        return True
    kind = el.get("itemtype")
    return bool(kind and _ARTICLE_TYPE.search(kind))


def in_chrome(el: Element, within: Element | None = None) -> bool:
    """True if ``el`` is or sits in the site's header, footer, a ticker or a teaser list.

    ``within``: an ancestor of ``el`` known to be no chrome; it and what holds it
    are not read.

    Inside an ``<article>``, ``<main>``, a microformats ``hentry`` or a schema.org
    Article, nothing is chrome. A ``<header>`` or ``<footer>`` named after the article
    is the article's own (where its date line and byline live); so is an element
    named a header that holds an ``<h1>``; chrome classes count anywhere.

    >>> import lxml.etree
    >>> page = lxml.etree.fromstring(
    ...     "<body><header><b>x</b></header><article><header><i>y</i></header></article></body>")
    >>> in_chrome(page.find(".//b")), in_chrome(page.find(".//i"))
    (True, False)
    >>> page = lxml.etree.fromstring(
    ...     "<body><div id='header-cont' class='line'><b>x</b></div>"
    ...     "<div class='page-header'><h1>t</h1><i>y</i></div></body>")
    >>> in_chrome(page.find(".//b")), in_chrome(page.find(".//i"))
    (True, False)
    """
    in_chrome_tag = False
    for ancestor in itertools.chain((el,), el.iterancestors()):
        tag = ancestor.tag
        if tag in _PAGE_TAGS or ancestor is within:
            break
        if tag in _ARTICLE_TAGS or _is_article(ancestor):
            return False
        if tag in _CHROME_TAGS and not _OWN.search(ancestor.get("class") or ""):
            in_chrome_tag = True
        names = ancestor.get("class") or ancestor.get("id")
        if names and _CHROME_CLASS.search(_MODIFIER.sub("", names)):
            return True
        if _is_site_header(ancestor):
            in_chrome_tag = True
    return in_chrome_tag


def _is_site_header(el: Element) -> bool:
    """``el``'s class or id names the page's header (``<div id="header-cont"
    class="line">``), not the article's, and it holds no ``<h1>``."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return (
        _HEADER_CLASS.search(_MODIFIER.sub("", names)) is not None
        and not _OWN.search(names)
        and next(el.iter("h1"), None) is None
    )
