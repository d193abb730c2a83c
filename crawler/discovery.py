"""Where article URLs come from: sitemaps, news sitemaps and RSS/Atom feeds.

Pure functions on bytes, so they are tested without a crawl. Each returns
:class:`Entry` objects: a URL and, when the source gives one, its date
(a news sitemap's ``publication_date``, a sitemap's ``lastmod``, a feed item's
``pubDate``/``published``/``updated``), used by the spider's date window.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from lxml import etree
from scrapy.exceptions import UsageError

__all__ = [
    "Entry",
    "Sitemap",
    "entry_date",
    "looks_like_feed",
    "parse_feed",
    "parse_sitemap",
    "since_date",
]

MAX_UNZIPPED = 64 * 1024 * 1024  # 50 MB is the sitemap protocol's limit; a little slack


@dataclass(frozen=True, slots=True)
class Entry:
    """A discovered URL and the date its source gave for it."""

    url: str
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: ``kind`` is ``"sitemapindex"`` or ``"urlset"``."""

    kind: str
    entries: tuple[Entry, ...]
    news: bool = False


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _xml_root(body: bytes) -> etree._Element | None:
    # recover=True: real sitemaps and feeds are often not well-formed XML.
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, remove_comments=True
    )
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None


def gunzip(body: bytes) -> bytes:
    """``body`` decompressed when it is gzip data (``.xml.gz`` sitemaps), else as is.

    >>> import gzip
    >>> gunzip(gzip.compress(b"<urlset/>"))
    b'<urlset/>'
    >>> gunzip(b"<urlset/>")
    b'<urlset/>'
    """
    if body[:2] != b"\x1f\x8b":
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = decompressor.decompress(body, MAX_UNZIPPED)
    if decompressor.unconsumed_tail:
        raise ValueError(
            f"gzip sitemap expands past {MAX_UNZIPPED} bytes; the sitemap protocol allows 50 MB"
        )
    return data


def entry_date(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 or RFC 2822 date string, or None.

    >>> entry_date("2022-04-21T17:40:00+02:00")
    datetime.date(2022, 4, 21)
    >>> entry_date("Thu, 21 Apr 2022 17:40:00 +0200")
    datetime.date(2022, 4, 21)
    >>> entry_date("2022-04") is None, entry_date("") is None
    (True, True)
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def since_date(value: str | None) -> date | None:
    """The first day of the date window (``-a since=``, ``NEWSCLEAN_SINCE``), or None.

    >>> since_date("2022-04-01"), since_date("")
    (datetime.date(2022, 4, 1), None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"since={value!r} is not a date; write it as 2022-04-01") from None


def parse_sitemap(body: bytes) -> Sitemap | None:
    """Parse a sitemap or sitemap index (plain or gzip); None if it is neither.

    >>> s = parse_sitemap(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     b'<url><loc>http://a.test/1</loc><lastmod>2022-04-21</lastmod></url></urlset>')
    >>> s.kind, s.entries
    ('urlset', (Entry(url='http://a.test/1', date=datetime.date(2022, 4, 21)),))
    """
    root = _xml_root(gunzip(body))
    if root is None or _local(root.tag) not in {"urlset", "sitemapindex"}:
        return None
    entries = []
    news = False
    for item in root:
        if _local(item.tag) not in {"url", "sitemap"}:
            continue
        loc, lastmod, published = None, None, None
        for child in item.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name == "lastmod":
                lastmod = text
            elif name == "publication_date":
                published, news = text, True
        if loc:
            entries.append(Entry(loc, entry_date(published or lastmod)))
    return Sitemap(_local(root.tag), tuple(entries), news)


def looks_like_feed(body: bytes) -> bool:
    """Whether ``body`` starts like an RSS, RDF or Atom document.

    >>> looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    True
    >>> looks_like_feed(b"<!DOCTYPE html><html></html>")
    False
    """
    head = body[:1024].lstrip().lower()
    return (
        head.startswith(b"<?xml") and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    ) or head.startswith((b"<rss", b"<feed"))


def parse_feed(body: bytes) -> list[Entry]:
    """Item links and dates of an RSS 2.0, RSS 1.0 (RDF) or Atom feed.

    >>> parse_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
    ...     b'<link rel="alternate" href="http://a.test/x"/><updated>2022-04-21T10:00:00Z</updated>'
    ...     b'</entry></feed>')
    [Entry(url='http://a.test/x', date=datetime.date(2022, 4, 21))]
    """
    root = _xml_root(body)
    if root is None:
        return []
    entries = []
    for item in root.iter():
        kind = _local(item.tag)
        if kind not in {"item", "entry"}:
            continue
        link, when = None, None
        for child in item:
            name = _local(child.tag)
            if name == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    link = link or href.strip()
                elif not href and child.text:
                    link = link or child.text.strip()
            elif name in {"pubDate", "published", "date"} or (name == "updated" and not when):
                when = (child.text or "").strip()
        if link:
            entries.append(Entry(link, entry_date(when)))
    return entries
