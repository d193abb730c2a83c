"""Every response of a crawl into a WARC file: ``-s NEWSCLEAN_WARC_FILE=crawl.warc.gz``.

:class:`WarcWriterMiddleware` is a downloader middleware at 960, after
Scrapy's HttpCompressionMiddleware (590) and RedirectMiddleware (600) in the
order responses travel: it sees each response as the server sent it, before
its body is decompressed and before a redirect is followed, so robots.txt,
sitemaps, feeds, redirects and error pages are archived too. Each response is
written as a ``request`` record (the method, path and headers Scrapy sent,
with the ``Host``; ``WARC-Concurrent-To`` the response) and a ``response``
record (status line, headers, body), with
block and payload digests, WARC/1.1, by fastwarc (``benchmarks/warc_libraries.py``
measured it faster than warcio, writing and reading). A ``.gz`` file has one
gzip member per record, as the WARC standard's annex recommends, so it can be
read from any record on. The file is appended to: a resumed crawl adds to it.

What cannot be kept as it was: Twisted has already removed a chunked transfer
encoding from the body, so a ``Transfer-Encoding`` header is written as
``X-Crawler-Transfer-Encoding`` (Common Crawl does the same), and the record
then says what its body is. Responses from Scrapy's HTTP cache were not
fetched by this crawl and are not written.

Stats: ``warc/records`` (responses written), ``warc/bytes`` (the file's growth),
``warc/failed`` (responses the file could not take, each logged as an error:
a full disk; the crawl goes on).
``newsclean extract crawl.warc.gz`` reads the file back (:mod:`extractors.inputs`).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from http import HTTPStatus
from importlib.metadata import version
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.distributed.keys import redis_url, worker_id

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Headers, Response
    from scrapy.statscollectors import StatsCollector

__all__ = ["WarcFile", "WarcWriterMiddleware", "warc_path"]

logger = logging.getLogger(__name__)

# A gzip member per record, at the level warcio writes with (benchmarks/warc_libraries.py
# compares the two libraries at it).
GZIP_LEVEL = 9
# Hop-by-hop framing Twisted removed from the body before Scrapy saw it.
RENAMED_HEADERS = {b"transfer-encoding": b"X-Crawler-Transfer-Encoding"}


def warc_path(template: str, spider: str, *, distributed: bool) -> Path:
    """The WARC file of ``NEWSCLEAN_WARC_FILE`` for this crawl.

    ``%(name)s`` is the spider's name; in a distributed crawl every worker
    writes its own file, ``<stem>.<host>-<pid>.warc.gz``, as it does its feed.

    >>> str(warc_path("%(name)s.warc.gz", "articles", distributed=False))
    'articles.warc.gz'
    """
    path = Path(template.replace("%(name)s", spider))
    if distributed:
        stem, dot, suffixes = path.name.partition(".")
        path = path.with_name(f"{stem}.{worker_id()}{dot}{suffixes}")
    return path


def _phrase(status: int) -> str:
    """The reason phrase of an HTTP status (Scrapy does not keep the server's).

    >>> _phrase(404), _phrase(599)
    ('Not Found', '')
    """
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _headers(headers: Headers) -> bytes:
    lines: list[bytes] = []
    for key, values in headers.items():
        name = RENAMED_HEADERS.get(key.lower(), key)
        lines.extend(name + b": " + value for value in values)
    return b"".join(line + b"\r\n" for line in lines)


def _record(kind: str, url: str, when: datetime, block: bytes) -> WarcRecord:
    """A ``request`` or ``response`` record of ``block``, an HTTP message."""
    record = WarcRecord()
    record.init_headers(WarcRecordType.request if kind == "request" else WarcRecordType.response)
    record.headers.set("WARC-Target-URI", url)
    record.headers.set("Content-Type", f"application/http; msgtype={kind}")
    record.record_date = when
    record.set_bytes_content(block)
    record.is_http = True
    record.parse_http()  # so that write() adds the WARC-Payload-Digest
    return record


class WarcFile:
    """An open WARC file: records appended one by one, each flushed (and, for a
    ``.gz`` file, in its own gzip member), so a crawl that dies leaves whole records."""

    def __init__(self, path: Path):
        self.path = path
        self.gzip = path.suffix == ".gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file: IO[bytes] = path.open("ab")

    def write(self, record: WarcRecord) -> int:
        """Append ``record`` with its digests; return the bytes written."""
        start = self.file.tell()
        if self.gzip:
            member = GzipWriter(self.file, compression_level=GZIP_LEVEL)
            record.write(member, checksum_data=True)
            member.finish()
        else:
            record.write(self.file, checksum_data=True)
        self.file.flush()
        return self.file.tell() - start

    def warcinfo(self, fields: dict[str, str]) -> int:
        """Append a ``warcinfo`` record naming what wrote the file."""
        record = WarcRecord()
        record.init_headers(WarcRecordType.warcinfo)
        record.headers.set("WARC-Filename", self.path.name)
        record.headers.set("Content-Type", "application/warc-fields")
        record.set_bytes_content("".join(f"{k}: {v}\r\n" for k, v in fields.items()).encode())
        return self.write(record)

    def exchange(self, request: Request, response: Response) -> int:
        """Append ``response`` and the ``request`` it answers; return the bytes written."""
        when = datetime.now(UTC)
        protocol = response.protocol or "HTTP/1.1"
        head = f"{protocol} {response.status} {_phrase(response.status)}\r\n".encode("latin-1")
        answer = _record(
            "response",
            response.url,
            when,
            head + _headers(response.headers) + b"\r\n" + response.body,
        )
        if response.ip_address is not None:
            answer.headers.set("WARC-IP-Address", str(response.ip_address))
        parts = urlsplit(request.url)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        line = f"{request.method} {target} {protocol}\r\nHost: {parts.netloc}\r\n"
        asked = _record(
            "request",
            request.url,
            when,
            line.encode("latin-1") + _headers(request.headers) + b"\r\n" + request.body,
        )
        asked.headers.set("WARC-Concurrent-To", answer.record_id or "")
        return self.write(asked) + self.write(answer)

    def close(self) -> None:
        """Close the file."""
        self.file.close()


class WarcWriterMiddleware:
    """Downloader middleware: writes every downloaded response to ``NEWSCLEAN_WARC_FILE``
    (off when it is empty); see the module docstring."""

    def __init__(self, crawler: Crawler, path: Path):
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        self.warc = WarcFile(path)
        self.warc.warcinfo(
            {
                "software": f"newsclean/{version('newsclean')} (Scrapy {version('scrapy')}, "
                f"fastwarc {version('fastwarc')})",
                "format": "WARC File Format 1.1",
                "robots": "obey" if crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
                "http-header-user-agent": str(crawler.settings.get("USER_AGENT") or ""),
            }
        )
        logger.info("Writing every response to %s", path)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcWriterMiddleware:
        """Build it when ``NEWSCLEAN_WARC_FILE`` names a file; close it with the spider."""
        template = crawler.settings.get("NEWSCLEAN_WARC_FILE")
        if not template:
            raise NotConfigured  # no message: most crawls write no WARC
        name = str(getattr(crawler.spidercls, "name", "") or "crawl")
        path = warc_path(template, name, distributed=bool(redis_url(crawler.settings)))
        middleware = cls(crawler, path)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response) -> Response:
        """Write the exchange, unless the response came from Scrapy's HTTP cache."""
        if "cached" in response.flags:
            return response
        try:
            written = self.warc.exchange(request, response)
        except OSError as exc:  # a full disk: the crawl goes on, the archive says so
            self.stats.inc_value("warc/failed")
            logger.error("Could not write %s to %s: %s", response.url, self.warc.path, exc)
        else:
            self.stats.inc_value("warc/bytes", written)
            self.stats.inc_value("warc/records")
        return response

    def spider_closed(self, spider: Spider) -> None:
        """Close the file."""
        self.warc.close()
        logger.info(
            "%d responses written to %s", self.stats.get_value("warc/records", 0), self.warc.path
        )
