"""Re-extract stored pages without downloading them: ``scrapy crawl replay -a path=...``.

``path`` is either

* a fixtures folder (``fixtures/``, one site's folder, or one fixture): every
  ``<slug>/source.html`` with the URL and headers of its ``meta.json``; or
* Scrapy's HTTP cache (``.scrapy/httpcache/articles`` after a crawl with
  ``-s HTTPCACHE_ENABLED=1``): every stored response; HTML pages the page
  classifier calls listings are skipped, as the crawl would have.

The pages go through the same page service and item pipelines as a crawl, so
the output is what a fresh crawl would write with today's extractors.
"""

from __future__ import annotations

import ast
import gzip
import json
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.exceptions import UsageError
from scrapy.http import Headers, HtmlResponse, Response
from scrapy.responsetypes import responsetypes
from w3lib.http import headers_raw_to_dict

from crawler.extraction.pages import PageResult
from crawler.extraction.service import ExtractionFailed, PageService
from crawler.failures import log_page_failure
from crawler.hints import hints_for

__all__ = ["ReplaySpider", "cached_responses", "fixture_responses"]

logger = logging.getLogger(__name__)


def _response(url: str, headers: Headers, body: bytes, status: int = 200) -> Response:
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url=url, headers=headers, body=body, status=status, flags=["replay"])


def fixture_responses(root: Path) -> Iterator[Response]:
    """A response per fixture folder under ``root`` (source.html + meta.json)."""
    for meta_path in sorted(root.glob("**/meta.json")):
        source = meta_path.with_name("source.html")
        if not source.is_file():
            logger.warning("Fixture %s has no source.html, skipped", meta_path.parent)
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        yield _response(meta["url"], Headers(meta.get("headers", {})), source.read_bytes())


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data  # HTTPCACHE_GZIP


def _literal_meta(path: Path) -> dict[str, Any]:
    try:
        meta = ast.literal_eval(_read(path).decode("utf-8"))
    except (OSError, ValueError, SyntaxError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not a Scrapy HTTP cache entry ({exc})") from exc
    if not isinstance(meta, dict):
        raise UsageError(f"{path}: not a Scrapy HTTP cache entry (no metadata dict)")
    return meta


def cached_responses(root: Path) -> Iterator[Response]:
    """A response per entry of a Scrapy ``FilesystemCacheStorage`` folder under ``root``."""
    for meta_path in sorted(root.glob("**/meta")):
        folder = meta_path.parent
        if not (folder / "response_body").exists():
            continue
        # Scrapy's own storage writes each entry's metadata twice: pickled, and as
        # the repr() of the same dict in "meta"; crawler.httpcache writes the repr
        # only. The repr is read with ast.literal_eval, which evaluates literals
        # only: a cache folder from elsewhere cannot run code, as unpickling
        # "pickled_meta" could.
        meta = _literal_meta(meta_path)
        headers = Headers(headers_raw_to_dict(_read(folder / "response_headers")))
        url = meta.get("response_url") or meta["url"]
        yield _response(url, headers, _read(folder / "response_body"), int(meta["status"]))


class ReplaySpider(Spider):
    """Extracts stored pages (fixtures or HTTP cache) through the crawl's pipelines."""

    name = "replay"

    def __init__(self, path: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not path:
            raise UsageError(
                "say what to replay: scrapy crawl replay -a path=fixtures "
                "(or -a path=.scrapy/httpcache/articles)"
            )
        self.root = Path(path)
        if not self.root.exists():
            raise UsageError(f"-a path={path!r} does not exist")
        self.from_cache = any(self.root.glob("**/response_body"))

    @property
    def pages(self) -> PageService:
        """The crawl's page service (:meth:`PageService.of`)."""
        return PageService.of(self.crawler, "replay")

    async def start(self) -> AsyncIterator[Any]:
        """Yield an article per stored article page (no request is made)."""
        stats = self.crawler.stats
        responses = (cached_responses if self.from_cache else fixture_responses)(self.root)
        for response in responses:
            stats.inc_value("replay/pages")
            try:
                result = await self._process(response)
            except ExtractionFailed as exc:
                log_page_failure(self.crawler, response.url, exc)
                continue
            if result is not None and result.article is not None:
                yield result.article

    async def _process(self, response: Response) -> PageResult | None:
        """A fixture is an article page by definition; a cached page is classified as
        the crawl would have, and a listing (or anything not HTML) skipped."""
        if not self.from_cache:
            return await self.pages.article(response)
        if response.status != 200 or not isinstance(response, HtmlResponse):
            self.crawler.stats.inc_value("replay/skipped/not_html")
            return None
        result = await self.pages.page(response, hints_for(response.url).article_urls)
        if result.verdict is not None and not result.verdict.is_article:
            self.crawler.stats.inc_value("replay/skipped/listing")
        return result
