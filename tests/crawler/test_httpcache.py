"""The project's HTTP cache stores and loads no pickle (crawler/httpcache.py), and
Scrapy's remote-control endpoint is off: nothing a crawl reads or serves runs code."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.extensions.remote_control import RemoteControl
from scrapy.http import HtmlResponse
from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from tests.support.crawlers import project_crawler


class _Trap:
    """Unpickling this creates a file: proof that a pickle was loaded."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.write_text, (Path(self.marker), "unpickled"))


def _storage(tmp_path: Path) -> tuple[object, Spider]:
    """The cache storage the project's settings name, opened on a spider."""
    settings = get_project_settings()
    crawler = project_crawler(Spider, {"HTTPCACHE_DIR": str(tmp_path / "cache")})
    spider = Spider.from_crawler(crawler, name="articles")
    crawler.settings.frozen = False
    crawler.settings.set("HTTPCACHE_DIR", str(tmp_path / "cache"))
    storage = load_object(settings["HTTPCACHE_STORAGE"])(crawler.settings)
    storage.open_spider(spider)
    return storage, spider


def test_cache_round_trip(tmp_path: Path) -> None:
    storage, spider = _storage(tmp_path)
    request = Request("http://news.test/a.html")
    body = b"<html><body><p>caf\xc3\xa9</p></body></html>"
    response = HtmlResponse(
        request.url,
        status=200,
        body=body,
        headers={"Content-Type": "text/html; charset=utf-8"},
        flags=["cached-once"],
    )
    storage.store_response(spider, request, response)  # type: ignore[attr-defined]
    back = storage.retrieve_response(spider, Request(request.url))  # type: ignore[attr-defined]
    assert isinstance(back, HtmlResponse)
    assert (back.url, back.status, back.body) == (request.url, 200, body)
    assert back.headers[b"Content-Type"] == b"text/html; charset=utf-8"
    assert "cached-once" in back.flags
    entry = next((tmp_path / "cache").glob("articles/*/*"))
    assert not list(entry.glob("pickled_meta")) and not list(entry.glob("response_data"))


def test_cache_never_unpickles(tmp_path: Path) -> None:
    """A cache folder written elsewhere with pickles in it runs no code when read:
    the entry is read from its literal ``meta`` file, the pickles stay closed."""
    storage, spider = _storage(tmp_path)
    request = Request("http://news.test/b.html")
    page = HtmlResponse(request.url, body=b"<p>hi</p>", headers={"Content-Type": "text/html"})
    storage.store_response(spider, request, page)  # type: ignore[attr-defined]
    entry = next((tmp_path / "cache").glob("articles/*/*"))
    marker = tmp_path / "unpickled"
    for name in ("pickled_meta", "response_data"):
        (entry / name).write_bytes(pickle.dumps(_Trap(str(marker))))
    back = storage.retrieve_response(spider, Request(request.url))  # type: ignore[attr-defined]
    assert not marker.exists(), "a pickle in the cache folder was loaded"
    assert back is not None and back.body == b"<p>hi</p>"


def test_remote_control_is_off() -> None:
    """Scrapy's remote-control endpoint (it runs code sent to it) is not started."""
    enabled = get_project_settings().getbool("REMOTE_CONTROL_ENABLED")
    with pytest.raises(NotConfigured) as refused:
        RemoteControl.from_crawler(get_crawler(Spider, {"REMOTE_CONTROL_ENABLED": enabled}))
    # Refused for being off, not for want of asyncio in this test process (switched
    # on, Scrapy would build it, or refuse it with a message about asyncio).
    assert "asyncio" not in str(refused.value)
