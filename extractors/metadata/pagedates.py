"""Where a page states its dates: structured values, ``<time>``, visible lines, the URL.

Structured values come first (JSON-LD, meta tags, microdata, ``<time
datetime>``), then the first visible date line outside the site's chrome, and
last the date in the URL's path (``/2024/03/06/story/``): then ``raw`` is the URL
itself, so that ``published_raw`` says where the date came from.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree

from extractors.metadata.chrome import in_chrome
from extractors.metadata.dates import (
    YMD,
    ParsedDate,
    ascii_digits,
    default_order,
    find_date,
    numeric_order,
    parse_date,
    reads_buddhist_era,
)
from extractors.metadata.sources import Sources
from extractors.page.tree import Element, text_of

__all__ = ["MODIFIED_KEYS", "PUBLISHED_KEYS", "structured_date", "url_date", "visible_date"]

# Texts of the body are read for a year when they hold "19" or "20", or the "/"
# of a short numeric date ("19/4/14"), a cheap test before _YEAR's. The languages
# that write the year first write such dates with dots and dashes too
# (``dots=True``); their text has few dots and dashes besides.
_YEAR = re.compile(r"(?:19|20)[0-9][0-9]|[0-9]{1,2}\s*[./-]\s*[0-9]{1,2}\s*[./-]\s*[0-9]{2}")
# Pages in Thai date in the Buddhist Era too ("21 ม.ค. 2562"): their texts are
# read for "25" and such a year.
_BUDDHIST_YEAR = re.compile(r"25[0-9][0-9]")
# Digits of other scripts ("٢٠١٣", "२०१८"): such a text is read in ASCII digits.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# A date line is short; longer text with a year in it is prose ("in 2014 opgericht").
DATE_LINE_MAX_CHARS = 100
# Visible date candidates looked at, at most: the article's date sits near the top.
MAX_DATE_CANDIDATES = 60

# Meta tag names (lower case) that carry the publication and modification dates.
PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "date", "pubdate", "publish-date",
    "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date",
    "sailthru.date", "og:published_time", "article.published", "article:published",
    "dcterms.issued", "dc:date",
)  # fmt: skip
MODIFIED_KEYS = (
    "article:modified_time", "datemodified", "og:updated_time", "dcterms.modified",
    "last-modified",
)  # fmt: skip
# A date in a URL's path: /2024/03/06/, /2024-03-06-, /20240306/ (year 1990 to 2099).
_URL_DATE = re.compile(
    r"/((?:199|20[0-9])[0-9])[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?=[/_.-]|$)"
)


def structured_date(
    sources: Sources, language: str | None, from_ld: Any, keys: tuple[str, ...], itemprop: str
) -> ParsedDate | None:
    """The first date among JSON-LD, the meta tags ``keys``, microdata ``itemprop``
    and (for the publication date) ``<time datetime>`` outside the chrome."""
    # Cheapest sources first: the tree is searched only when JSON-LD and meta fail.
    for value in (from_ld, *(sources.tag(k) for k in keys)):
        if isinstance(value, str) and (parsed := parse_date(value, language)):
            return parsed
    for el in sources.props.get(itemprop, [])[:MAX_DATE_CANDIDATES]:
        value = el.get("datetime") or el.get("content") or text_of(el)
        if parsed := parse_date(value, language):
            return parsed
    if itemprop == "datePublished":
        for count, time in enumerate(sources.elements["time"]):
            if count >= MAX_DATE_CANDIDATES:
                break
            if not in_chrome(time) and (parsed := parse_date(time.get("datetime"), language)):
                return parsed
    return None


def visible_date(tree: Element, language: str | None) -> ParsedDate | None:
    """The first date line in the page's visible text outside its chrome.

    ``language`` is the page's language tag ("ja", "en-US"). Numeric dates are read
    in the order the page's own date lines show (:func:`numeric_order`): the
    teaser dates and the footer count as evidence, though never as the date.
    """
    dots = default_order(language) == YMD
    buddhist = reads_buddhist_era(language)
    candidates = (
        (text, owner)
        for text, owner in _body_texts(tree, dots, buddhist)
        if _YEAR.search(ascii := ascii_digits(text)) or (buddhist and _BUDDHIST_YEAR.search(ascii))
    )
    lines: list[tuple[str, bool]] = []
    for node, owner in itertools.islice(candidates, MAX_DATE_CANDIDATES):
        if owner.tag in ("script", "style", "title", "a"):
            continue
        text = text_of(owner)
        if len(text) > DATE_LINE_MAX_CHARS:
            text = node
        if len(text) <= DATE_LINE_MAX_CHARS:
            lines.append((text, not in_chrome(owner)))
    order = numeric_order([text for text, _ in lines], language)
    for text, in_article in lines:
        if in_article and (parsed := find_date(text, language, order)):
            return parsed
    return None


def _body_texts(
    tree: Element, dots: bool, buddhist: bool = False
) -> Iterator[tuple[str, Element]]:
    """The texts in the page's ``<body>`` that may hold a year (see ``_YEAR``'s
    comment; ``dots``: dotted and dashed dates too; ``buddhist``: Buddhist Era
    years, "25xx"), each with the element it sits
    in, in page order (the text nodes of an XPath's ``//body//text()``), read
    lazily: the walk stops at the last candidate needed. An XPath testing each
    text node with ``contains()`` copied every text three to five times.

    >>> import lxml.etree
    >>> page = lxml.etree.fromstring("<html><body>19 May<p>x<b>2020</b> 1/2</p></body></html>")
    >>> [(text, el.tag) for text, el in _body_texts(page, False)]
    [('19 May', 'body'), ('2020', 'b'), (' 1/2', 'p')]
    """
    for body in tree.iter("body"):
        if next(body.iterancestors("body"), None) is not None:
            continue  # its texts were read with the body around it
        for event, el in lxml.etree.iterwalk(body, events=("start", "end")):
            if event == "start":
                # A comment's or processing instruction's content is no text node.
                text, owner = (el.text, el) if isinstance(el.tag, str) else (None, el)
            elif el is body:
                continue
            else:
                text, owner = el.tail, el.getparent()
            if text and (
                "20" in text
                or "19" in text
                or "/" in text
                or (dots and ("." in text or "-" in text))
                or (buddhist and "25" in text)
                or (not text.isascii() and _OTHER_DIGIT.search(text))
            ):
                yield text, owner


def url_date(url: str | None) -> ParsedDate | None:
    """The day in a URL's path, with the URL as the raw string: a last resort.

    >>> url_date("https://n.test/2024/03/06/story/")
    ParsedDate(raw='https://n.test/2024/03/06/story/', iso='2024-03-06')
    >>> url_date("https://n.test/news/20240306-story.html").iso
    '2024-03-06'
    >>> url_date("https://n.test/2024/03/story/") is None
    True
    """
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    year, month, day = match.groups()
    parsed = parse_date(f"{year}-{month}-{day}")
    return ParsedDate(raw=url or "", iso=parsed.iso) if parsed else None
