"""Where article URLs come from: sitemaps, news sitemaps and RSS/Atom feeds.

Pure functions on bytes, so they are tested without a crawl. Each returns
:class:`Entry` objects: a URL and, when the source gives one, its date
(a news sitemap's ``publication_date``, a sitemap's ``lastmod``, a feed item's
``pubDate``/``published``/``updated``), used by the spider's date window.

A sitemap is read as a stream, within bounds (:func:`read_sitemap`): gzip is
inflated a megabyte at a time, the XML is parsed as it comes and each entry's
elements are freed once read, and reading stops at ``max_urls`` entries (the
protocol's limit is 50,000) or ``max_bytes`` of XML (50 MB): a 2 MB gzip file
of 900,000 URLs costs the entries kept, not a tree of 900,000.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import cast

from lxml import etree
from scrapy.exceptions import UsageError

__all__ = [
    "Entry",
    "Sitemap",
    "entry_date",
    "looks_like_feed",
    "parse_feed",
    "parse_sitemap",
    "read_sitemap",
    "since_date",
]

MAX_UNZIPPED = 64 * 1024 * 1024  # 50 MB is the sitemap protocol's limit; a little slack
# The sitemap protocol's limits for one file: 50,000 URLs and 50 MB uncompressed.
MAX_SITEMAP_URLS = 50_000
MAX_SITEMAP_BYTES = 52_428_800
CHUNK = 1024 * 1024  # bytes inflated and parsed at a time


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
    cut: str | None = None
    """Why reading stopped before the end: ``"urls"`` (``max_urls`` entries were
    read and there were more) or ``"bytes"`` (the XML ran past ``max_bytes``,
    or its gzip data broke off); None when the whole sitemap was read."""


def _local(tag: object) -> str:
    """The local name of an element's tag ("" for a comment or a PI)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


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


def _chunks(body: bytes, max_bytes: int) -> Iterator[bytes]:
    """The XML of ``body`` (inflated if it is gzip), a chunk at a time, at most
    ``max_bytes`` plus one byte (which tells the reader there was more)."""
    if body[:2] != b"\x1f\x8b":
        for start in range(0, min(len(body), max_bytes + 1), CHUNK):
            yield body[start : min(start + CHUNK, max_bytes + 1)]
        return
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    budget = max_bytes + 1
    pending = body
    while budget > 0 and (pending or inflater.unconsumed_tail):
        data = inflater.decompress(pending or inflater.unconsumed_tail, min(CHUNK, budget))
        pending = b""
        if not data:
            break
        budget -= len(data)
        yield data
    if budget > 0 and not inflater.eof:
        raise zlib.error("the gzip data breaks off before its end")


def _entry(item: etree._Element) -> tuple[Entry | None, bool]:
    loc, lastmod, published = None, None, None
    for child in item.iter():
        name = _local(child.tag)
        text = (child.text or "").strip()
        if name == "loc" and loc is None:
            loc = text
        elif name == "lastmod":
            lastmod = text
        elif name == "publication_date":
            published = text
    return (Entry(loc, entry_date(published or lastmod)) if loc else None), published is not None


class _Reader:
    """A sitemap read as its XML comes in; stops at ``max_urls`` entries."""

    def __init__(self, max_urls: int):
        self.max_urls = max_urls
        self.kind = ""
        self.entries: list[Entry] = []
        self.news = False
        self.cut: str | None = None
        self.parser = etree.XMLPullParser(
            events=("end",),
            recover=True,
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
        )

    def feed(self, chunk: bytes) -> bool:
        """Parse ``chunk``; False once reading should stop (not a sitemap, or full)."""
        self.parser.feed(chunk)
        for _, found in self.parser.read_events():
            element = cast("etree._Element", found)
            if not self.kind:
                self.kind = _local(element.getroottree().getroot().tag)
                if self.kind not in {"urlset", "sitemapindex"}:
                    return False
            if _local(element.tag) not in {"url", "sitemap"}:
                continue
            if len(self.entries) == self.max_urls:
                self.cut = "urls"
                return False
            entry, is_news = _entry(element)
            self.news = self.news or is_news
            if entry is not None:
                self.entries.append(entry)
            element.clear()  # read: free it, and the entries before it
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
        return True


def read_sitemap(
    body: bytes, max_urls: int = MAX_SITEMAP_URLS, max_bytes: int = MAX_SITEMAP_BYTES
) -> Sitemap | None:
    """Read a sitemap or sitemap index (plain or gzip) within bounds; None if it is
    neither. :attr:`Sitemap.cut` says when a bound stopped the reading.

    >>> xml = b'<urlset><url><loc>http://a.test/1</loc></url><url><loc>http://a.test/2</loc></url>'
    >>> s = read_sitemap(xml + b'<url><loc>http://a.test/3</loc></url></urlset>', max_urls=2)
    >>> [e.url for e in s.entries], s.cut
    (['http://a.test/1', 'http://a.test/2'], 'urls')
    """
    reader = _Reader(max_urls)
    read = 0
    try:
        for chunk in _chunks(body, max_bytes):
            read += len(chunk)
            if read > max_bytes:
                reader.feed(chunk[: len(chunk) - (read - max_bytes)])
                reader.cut = reader.cut or "bytes"
                break
            if not reader.feed(chunk):
                break
        else:
            reader.parser.close()
    except zlib.error:
        reader.cut = "bytes"  # gzip data that breaks off: keep what was read
    except etree.XMLSyntaxError:
        pass  # recover=True reads what it can; an empty document lands here
    if reader.kind not in {"urlset", "sitemapindex"}:
        return None
    return Sitemap(reader.kind, tuple(reader.entries), reader.news, reader.cut)


def parse_sitemap(body: bytes) -> Sitemap | None:
    """Parse a sitemap or sitemap index (plain or gzip) within the protocol's
    limits (:func:`read_sitemap`); None if it is neither.

    >>> s = parse_sitemap(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     b'<url><loc>http://a.test/1</loc><lastmod>2022-04-21</lastmod></url></urlset>')
    >>> s.kind, s.entries
    ('urlset', (Entry(url='http://a.test/1', date=datetime.date(2022, 4, 21)),))
    """
    return read_sitemap(body)


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
