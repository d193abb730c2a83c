"""An HTTP cache that stores no pickle and loads none.

Scrapy's ``FilesystemCacheStorage`` writes each entry's metadata and extra
response data with :mod:`pickle` and reads them back with ``pickle.load``: a
cache folder that someone else wrote (a shared drive, a downloaded archive, a
folder an attacker can write to) runs code in the crawl when it is read.
:class:`SafeCacheStorage` keeps Scrapy's folder layout and file names, writes
the metadata only as the ``repr()`` of a dict of literals (``meta``, which Scrapy
writes too) and the extra response data as JSON, and reads them with
:func:`ast.literal_eval` and :func:`json.loads`, which build plain data and
call nothing. A folder written by Scrapy's own storage is read too (from its
``meta`` file); its pickles are never opened.

``HTTPCACHE_STORAGE`` names it (:mod:`crawler.settings`).
"""

from __future__ import annotations

import ast
import json
import logging
from pathlib import Path
from time import time
from typing import TYPE_CHECKING, Any

from scrapy.extensions.httpcache import FilesystemCacheStorage
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.python import to_bytes
from w3lib.http import headers_dict_to_raw, headers_raw_to_dict

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.http import Response

__all__ = ["SafeCacheStorage"]

logger = logging.getLogger(__name__)

EXTRA = "response_data.json"  # Scrapy's "response_data" is a pickle


class SafeCacheStorage(FilesystemCacheStorage):
    """Scrapy's filesystem cache without pickles (see the module docstring)."""

    def _read_meta(self, spider: Spider, request: Request) -> dict[str, Any] | None:
        path = Path(self._get_request_path(spider, request)) / "meta"
        if not path.exists():
            return None
        if 0 < self.expiration_secs < time() - path.stat().st_mtime:
            return None  # expired
        try:
            with self._open(path, "rb") as f:
                meta = ast.literal_eval(f.read().decode("utf-8"))
        except (OSError, ValueError, SyntaxError, UnicodeDecodeError, MemoryError) as exc:
            logger.warning("HTTP cache entry %s is unreadable, fetching again: %s", path, exc)
            return None
        return meta if isinstance(meta, dict) else None

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        """The cached response for ``request``, or None if none is stored."""
        meta = self._read_meta(spider, request)
        if meta is None:
            return None
        folder = Path(self._get_request_path(spider, request))
        with self._open(folder / "response_body", "rb") as f:
            body = f.read()
        with self._open(folder / "response_headers", "rb") as f:
            headers = Headers(headers_raw_to_dict(f.read()))
        extra: dict[str, Any] = {}
        if (folder / EXTRA).exists():
            with self._open(folder / EXTRA, "rb") as f:
                extra = json.loads(f.read())
        url = str(meta.get("response_url") or meta["url"])
        cls = responsetypes.from_args(headers=headers, url=url, body=body)
        request.meta["cache_timestamp"] = meta.get("timestamp")
        return cls(
            url=url,
            headers=headers,
            status=int(meta["status"]),
            body=body,
            flags=list(extra.get("flags") or []),
            protocol=extra.get("protocol"),
        )

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        """Store ``response`` as literals, JSON and raw bytes: nothing that runs code."""
        folder = Path(self._get_request_path(spider, request))
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "url": request.url,
            "method": request.method,
            "status": response.status,
            "response_url": response.url,
            "timestamp": time(),
        }
        extra = {"flags": list(response.flags), "protocol": response.protocol}
        files = {
            "meta": to_bytes(repr(meta)),
            EXTRA: json.dumps(extra).encode(),
            "response_headers": headers_dict_to_raw(response.headers),
            "response_body": response.body,
            "request_headers": headers_dict_to_raw(request.headers),
            "request_body": request.body,
        }
        for name, data in files.items():
            with self._open(folder / name, "wb") as f:
                f.write(data or b"")
