"""Replay and record Scrapy's HTTP traffic through a VCR.py cassette.

VCR.py patches Python HTTP clients (http.client, requests, aiohttp...), not
Twisted, so Scrapy's downloader goes around it. This downloader middleware
brings cassettes to Scrapy at the one point every request passes through:

* a request the cassette holds is answered from it, and never reaches the
  downloader (no socket is opened);
* a request it lacks is refused (``IgnoreRequest``) when the record mode forbids
  recording (``none``, the default), or else fetched by Scrapy's own downloader
  and appended to the cassette, which is saved when the spider closes.

A middleware rather than a download handler: recording then uses the real
downloader, with Scrapy's own headers, redirects, robots.txt and compression
handling around it, and needs no second HTTP client in a thread. Its position
(950, after HttpCompressionMiddleware) means the raw bytes are stored and
replayed, exactly as the server sent them.

Switched on by ``TESTS_CASSETTE`` (the cassette's path; pytest-recording's
``vcr`` fixture gives it) and ``TESTS_CASSETTE_RECORD_MODE``. Stats:
``cassette/played``, ``cassette/recorded``, ``cassette/missing``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = ["CassetteMiddleware"]

logger = logging.getLogger(__name__)

RECORD_HINT = "record it with: .venv/bin/pytest tests/test_crawler_spider.py --record-mode=rewrite"


def _vcr_request(request: Request) -> Any:
    from vcr.request import Request as VcrRequest  # noqa: PLC0415  (vcrpy is a test dependency)

    headers = {
        k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in request.headers.items()
    }
    return VcrRequest(request.method, request.url, request.body or None, headers)


class CassetteMiddleware:
    """Downloader middleware answering requests from a VCR.py cassette."""

    def __init__(self, crawler: Crawler, path: str, record_mode: str):
        from vcr import matchers  # noqa: PLC0415
        from vcr.cassette import Cassette  # noqa: PLC0415
        from vcr.record_mode import RecordMode  # noqa: PLC0415

        self.crawler = crawler
        self.cassette = Cassette.load(
            path=path,
            record_mode=RecordMode(record_mode),
            match_on=(
                matchers.method,
                matchers.scheme,
                matchers.host,
                matchers.port,
                matchers.path,
                matchers.query,
            ),
            allow_playback_repeats=True,  # robots.txt is asked for twice, and resumed jobs repeat
        )
        logger.info(
            "Cassette %s (%d interactions, record mode %s)", path, len(self.cassette), record_mode
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CassetteMiddleware:
        """Build it when ``TESTS_CASSETTE`` names a cassette file."""
        path = crawler.settings.get("TESTS_CASSETTE")
        if not path:
            raise NotConfigured  # off (no message: Scrapy would log a warning on every crawl)
        mw = cls(crawler, path, crawler.settings.get("TESTS_CASSETTE_RECORD_MODE") or "none")
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _stats(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"cassette/{key}")

    def process_request(self, request: Request) -> Response | None:
        """Answer from the cassette, refuse, or let the downloader fetch (recording)."""
        wanted = _vcr_request(request)
        if self.cassette.can_play_response_for(wanted):
            self._stats("played")
            return self._response(request, self.cassette.play_response(wanted))
        if self.cassette.write_protected:
            self._stats("missing")
            raise IgnoreRequest(
                f"{request.url} is not in cassette {self.cassette.path}; " + RECORD_HINT
            )
        request.meta["newsclean_cassette_record"] = wanted
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        """Append a response fetched in record mode to the cassette."""
        wanted = request.meta.pop("newsclean_cassette_record", None)
        if wanted is not None:
            self._stats("recorded")
            headers = {
                k.decode("latin-1"): [v.decode("latin-1") for v in values]
                for k, values in response.headers.items()
            }
            self.cassette.append(
                wanted,
                {
                    "status": {"code": response.status, "message": ""},
                    "headers": headers,
                    "body": {"string": response.body},
                },
            )
        return response

    @staticmethod
    def _response(request: Request, recorded: dict[str, Any]) -> Response:
        headers = Headers({k: v for k, v in recorded["headers"].items()})
        body = recorded["body"]["string"]
        body = body.encode("utf-8") if isinstance(body, str) else body
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(
            url=request.url,
            status=recorded["status"]["code"],
            headers=headers,
            body=body,
            request=request,
            flags=["cassette"],
        )

    def spider_closed(self) -> None:
        """Save what was recorded (nothing is written in replay mode)."""
        self.cassette._save()
