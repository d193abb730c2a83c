"""Response -> extract(bytes, url, encoding): crawler/bridge.py."""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

import crawler.bridge
from crawler.bridge import Extraction, ExtractionError, charset_from_content_type, extract_response
from crawler.failures import log_page_failure
from extractors import Article
from extractors.registry import registry

T = TypeVar("T")

PARAGRAPH = "Le ministre a annoncé un café d'été à la française, dit-on à Rabat. " * 6
PAGE = (
    "<html><head><title>Un été à Rabat</title></head><body><article><h1>Un été à Rabat</h1>"
    f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
)


def in_one_loop(extraction: Extraction, work: Callable[[], Awaitable[T]]) -> T:
    """Run ``work()`` then close ``extraction``, in one event loop (as a crawl does)."""

    async def main() -> T:
        try:
            return await work()
        finally:
            await extraction.close()

    return asyncio.run(main())


def response(charset: str | None, body: bytes) -> HtmlResponse:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return HtmlResponse(
        "https://news.test/ete.html", body=body, headers={"Content-Type": content_type}
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ("text/html;charset='windows-1252'", "windows-1252"),
        ("text/html", None),
        (None, None),
        (b"text/html; Charset=ISO-8859-1", "iso-8859-1"),
    ],
)
def test_charset_from_content_type(header: Any, expected: str | None) -> None:
    assert charset_from_content_type(header) == expected


def test_spider_hands_bytes_url_and_header_charset(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def fake_extract(html: Any, url: Any = None, *, encoding: Any = None) -> Article:
        calls.append((html, url, encoding))
        return Article(url=url)

    monkeypatch.setattr(crawler.bridge, "extract", fake_extract)
    body = PAGE.encode("cp1252")
    extract_response(response("windows-1252", body))
    assert calls == [(body, "https://news.test/ete.html", "windows-1252")]


def test_header_charset_decodes_a_page_without_meta_charset() -> None:
    article = extract_response(response("windows-1252", PAGE.encode("cp1252")))
    assert "café d'été" in article.body
    assert article.title == "Un été à Rabat"


@pytest.mark.parametrize("executor", ["inline", "thread", "process"])
def test_extraction_executors_count_pages_and_time(executor: str) -> None:
    crawler = get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": executor})
    extraction = Extraction.from_crawler(crawler)
    article = in_one_loop(extraction, lambda: extraction(response("utf-8", PAGE.encode())))
    assert "café d'été" in article.body
    assert crawler.stats is not None
    assert crawler.stats.get_value("extraction/pages") == 1
    assert crawler.stats.get_value("extraction/seconds") > 0


def test_extraction_switch_and_bad_executor() -> None:
    with pytest.raises(NotConfigured, match="NEWSCLEAN_EXTRACTION_ENABLED"):
        Extraction.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_ENABLED": False}))
    with pytest.raises(NotConfigured, match="inline, thread, process"):
        Extraction.from_crawler(
            get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": "gpu"})
        )


@pytest.mark.parametrize("executor", ["inline", "process"])
def test_page_classifies_then_extracts_articles_only(executor: str) -> None:
    from crawler.demosite import build_site  # noqa: PLC0415
    from crawler.hints import hints_for  # noqa: PLC0415

    site = build_site("http://127.0.0.1:8000")
    article_path = next(p for p in sorted(site.articles) if p.startswith("/sport/"))
    crawler = get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": executor})
    extraction = Extraction.from_crawler(crawler)

    async def both() -> list[Any]:
        results = []
        for path in (article_path, "/section/sport/"):
            page = HtmlResponse(
                site.base + path,
                body=site.resources[path].body,
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
            results.append(await extraction.page(page, hints_for(page.url)))
        return results

    article, listing = in_one_loop(extraction, both)
    assert article.verdict.is_article and article.article.body
    assert not listing.verdict.is_article and listing.article is None
    assert crawler.stats is not None
    assert crawler.stats.get_value("extraction/pages") == 1


def test_auto_executor_is_process_on_two_cores_or_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crawler.bridge.os, "sched_getaffinity", lambda pid: {0, 1})
    assert crawler.bridge.resolve_executor("auto") == "process"
    monkeypatch.setattr(crawler.bridge.os, "sched_getaffinity", lambda pid: {0})
    assert crawler.bridge.resolve_executor("auto") == "inline"
    assert crawler.bridge.resolve_executor("thread") == "thread"


def die_once(flag: str, value: str) -> str:
    """Kill the worker process the first time (``flag`` does not exist yet)."""
    if not Path(flag).exists():
        Path(flag).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def die_always(value: str) -> str:
    """Kill the worker process."""
    os.kill(os.getpid(), signal.SIGKILL)
    return value


def test_a_dead_worker_is_replaced_and_its_page_tried_again(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": "process"})
    extraction = Extraction.from_crawler(crawler)

    async def runs() -> list[Any]:
        results: list[Any] = []
        flag = str(tmp_path / "died")
        results.append(await extraction._run(die_once, "u1", flag, "second try"))
        try:
            await extraction._run(die_always, "u2", "never")
        except ExtractionError as exc:
            results.append(exc.reason)
        results.append(await extraction(response("utf-8", PAGE.encode())))
        return results

    retried, failed, article = in_one_loop(extraction, runs)
    assert retried == "second try"
    assert failed == "extraction_worker_died"
    assert "café d'été" in article.body  # the pool works again after both deaths


SITE_MODULE = """
from extractors.base import SiteExtractor
from extractors.registry import register

@register
class WorkerTestSite(SiteExtractor):
    domains = ("worker-test.invalid",)
    title = "h1"
    body = "div.story"
"""


def test_worker_processes_know_site_extractors_registered_outside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "worker_test_site.py").write_text(SITE_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("worker_test_site")
    page = HtmlResponse(
        "https://worker-test.invalid/a.html",
        body=f"<html><body><h1>Title</h1><div class=story><p>{PARAGRAPH}</p></div>"
        "<div class=more><p>Not this.</p></div></body></html>".encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    crawler = get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": "process"})
    extraction = Extraction.from_crawler(crawler)
    try:
        article = in_one_loop(extraction, lambda: extraction(page))
    finally:
        registry._by_domain.pop("worker-test.invalid")
        sys.modules.pop("worker_test_site")
    assert article.extractor == "site:worker-test.invalid"
    assert "Not this" not in article.body


def test_many_pages_at_once_reach_a_fresh_worker() -> None:
    # A resumed crawl hands a worker dozens of pages before the first one is
    # answered: the worker's pipes must be set up once, not once per page.
    crawler = get_crawler(settings_dict={"NEWSCLEAN_EXTRACTION_EXECUTOR": "process"})
    extraction = Extraction.from_crawler(crawler)

    async def together() -> list[Article]:
        page = response("utf-8", PAGE.encode())
        return list(await asyncio.gather(*(extraction(page) for _ in range(20))))

    articles = in_one_loop(extraction, together)
    assert len(articles) == 20
    assert all("café d'été" in a.body for a in articles)


def test_a_page_that_fails_is_logged_once_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    crawler = get_crawler()
    assert crawler.stats is not None
    error = ExtractionError("extraction_worker_died", "the worker died twice")
    log_page_failure(crawler, "https://news.test/a.html", error)
    assert crawler.stats.get_value("pages/failed") == 1
    assert crawler.stats.get_value("pages/failed/extraction_worker_died") == 1
    assert [r.getMessage() for r in caplog.records] == [
        "page failed: https://news.test/a.html: extraction_worker_died (the worker died twice)"
    ]
