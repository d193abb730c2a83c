"""The page service: Response -> one bounded parse -> classify, links, extract
(crawler/extraction/service.py and crawler/extraction/pages.py)."""

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

import crawler.extraction.pages
import crawler.extraction.service
from crawler.extraction.pages import PageResult, process_page
from crawler.extraction.service import ExtractionFailed, PageService, charset_from_content_type
from crawler.failures import log_page_failure
from extractors import Article, UnreadablePage
from extractors.site import registry
from tests.support.crawlers import project_crawler

T = TypeVar("T")

PARAGRAPH = "Le ministre a annoncé un café d'été à la française, dit-on à Rabat. " * 6
PAGE = (
    "<html><head><title>Un été à Rabat</title></head><body><article><h1>Un été à Rabat</h1>"
    f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
)


def page_service(executor: str = "inline", **settings: Any) -> tuple[Any, PageService]:
    """A crawler with the project's add-on, and its page service."""
    crawler = project_crawler(
        settings={"NEWSCLEAN_EXTRACTION_EXECUTOR": executor, **settings}, pages=True
    )
    service = crawler.get_extension(PageService)
    assert service is not None
    return crawler, service


def in_one_loop(service: PageService, work: Callable[[], Awaitable[T]]) -> T:
    """Run ``work()`` then close ``service``, in one event loop (as a crawl does)."""

    async def main() -> T:
        try:
            return await work()
        finally:
            await service.close()

    return asyncio.run(main())


def response(
    charset: str | None, body: bytes, url: str = "https://news.test/ete.html"
) -> HtmlResponse:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return HtmlResponse(url, body=body, headers={"Content-Type": content_type})


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


def test_service_hands_bytes_url_and_header_charset(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def fake_load(html: Any, url: Any = None, *, encoding: Any = None) -> Any:
        calls.append((html, url, encoding))
        raise UnreadablePage("not-html", "a test")

    monkeypatch.setattr(crawler.extraction.pages, "load_page", fake_load)
    _, service = page_service()
    body = PAGE.encode("cp1252")
    result = in_one_loop(service, lambda: service.page(response("windows-1252", body)))
    assert calls[-1] == (body, "https://news.test/ete.html", "windows-1252")  # after the warm-up
    assert result.refused == "not-html"


def test_header_charset_decodes_a_page_without_meta_charset() -> None:
    _, service = page_service()
    page = response("windows-1252", PAGE.encode("cp1252"))
    result = in_one_loop(service, lambda: service.article(page))
    assert result.article is not None
    assert "café d'été" in result.article.body
    assert result.article.title == "Un été à Rabat"


@pytest.mark.parametrize("executor", ["inline", "thread", "process"])
def test_executors_count_pages_and_time(executor: str) -> None:
    crawler, service = page_service(executor)
    result = in_one_loop(service, lambda: service.article(response("utf-8", PAGE.encode())))
    assert result.article is not None
    assert "café d'été" in result.article.body
    assert crawler.stats is not None
    assert crawler.stats.get_value("extraction/pages") == 1
    assert crawler.stats.get_value("extraction/seconds") > 0


def test_extraction_switch_and_bad_executor() -> None:
    _, off = page_service(NEWSCLEAN_EXTRACTION_ENABLED=False)
    result = in_one_loop(off, lambda: off.article(response("utf-8", PAGE.encode())))
    assert result.article == Article(url="https://news.test/ete.html", reason="extraction-off")
    crawler, inline = page_service()
    asyncio.run(inline.close())
    with pytest.raises(NotConfigured, match="inline, thread, process"):
        PageService(
            crawler,
            executor="gpu",
            workers=1,
            extraction=True,
            follow_articles=False,
            site_modules=[],
        )


@pytest.mark.parametrize("executor", ["inline", "process"])
def test_page_classifies_then_extracts_articles_only(executor: str) -> None:
    from crawler.demosite import build_site  # noqa: PLC0415
    from crawler.hints import hints_for  # noqa: PLC0415

    site = build_site("http://127.0.0.1:8000")
    article_path = next(p for p in sorted(site.articles) if p.startswith("/sport/"))
    crawler, service = page_service(executor)

    async def both() -> list[PageResult]:
        results = []
        for path in (article_path, "/section/sport/"):
            page = response("utf-8", site.resources[path].body, site.base + path)
            results.append(await service.page(page, hints_for(page.url).article_urls))
        return results

    article, listing = in_one_loop(service, both)
    assert article.verdict is not None and article.verdict.is_article
    assert article.article is not None and article.article.body
    assert article.links == ()  # an article's links are not followed
    assert listing.verdict is not None and not listing.verdict.is_article
    assert listing.article is None
    assert {link.removeprefix(site.base) for link in listing.links} & set(site.articles)
    assert crawler.stats is not None
    assert crawler.stats.get_value("extraction/pages") == 2


def test_a_page_over_the_limits_is_refused_without_parsing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    flood = " ".join(f"a{i}=x" for i in range(200_000))
    body = f"<html><body><div {flood}>{PARAGRAPH}</div></body></html>".encode()
    crawler, service = page_service()
    result = in_one_loop(service, lambda: service.page(response("utf-8", body)))
    assert result.refused == "too-large" and result.article is None and result.verdict is None
    assert result.seconds < 1
    assert crawler.stats is not None
    assert crawler.stats.get_value("pages/refused/too_large") == 1
    assert "page refused: https://news.test/ete.html: too-large" in caplog.text


def test_auto_executor_is_process_on_two_cores_or_more(monkeypatch: pytest.MonkeyPatch) -> None:
    service = crawler.extraction.service
    monkeypatch.setattr(service.os, "sched_getaffinity", lambda pid: {0, 1})
    assert service.resolve_executor("auto") == "process"
    monkeypatch.setattr(service.os, "sched_getaffinity", lambda pid: {0})
    assert service.resolve_executor("auto") == "inline"
    assert service.resolve_executor("thread") == "thread"


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
    _, service = page_service("process")

    async def runs() -> list[Any]:
        results: list[Any] = []
        flag = str(tmp_path / "died")
        results.append(await service._run(die_once, "u1", flag, "second try"))
        try:
            await service._run(die_always, "u2", "never")
        except ExtractionFailed as exc:
            results.append(exc.reason)
        results.append(await service.article(response("utf-8", PAGE.encode())))
        return results

    retried, failed, result = in_one_loop(service, runs)
    assert retried == "second try"
    assert failed == "extraction_worker_died"
    assert "café d'été" in result.article.body  # the pool works again after both deaths


SITE_MODULE = """
from extractors.site import SiteExtractor, register

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
    _, service = page_service("process")
    try:
        result = in_one_loop(service, lambda: service.article(page))
    finally:
        registry._by_domain.pop("worker-test.invalid")
        sys.modules.pop("worker_test_site")
    assert result.article is not None
    assert result.article.extractor == "site:worker-test.invalid"
    assert "Not this" not in result.article.body


def test_many_pages_at_once_reach_a_fresh_worker() -> None:
    # A resumed crawl hands a worker dozens of pages before the first one is
    # answered: the worker's pipes must be set up once, not once per page.
    _, service = page_service("process")

    async def together() -> list[PageResult]:
        page = response("utf-8", PAGE.encode())
        return list(await asyncio.gather(*(service.article(page) for _ in range(20))))

    results = in_one_loop(service, together)
    assert len(results) == 20
    assert all(r.article is not None and "café d'été" in r.article.body for r in results)


def test_a_page_that_fails_is_logged_once_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    crawler = project_crawler()
    assert crawler.stats is not None
    error = ExtractionFailed("extraction_worker_died", "the worker died twice")
    log_page_failure(crawler, "https://news.test/a.html", error)
    assert crawler.stats.get_value("pages/failed") == 1
    assert crawler.stats.get_value("pages/failed/extraction_worker_died") == 1
    assert [r.getMessage() for r in caplog.records] == [
        "page failed: https://news.test/a.html: extraction_worker_died (the worker died twice)"
    ]


NOTE = (
    "<html><head><title>A note</title></head><body><nav><a href='/world/'>World</a></nav>"
    f"<main><h1>A note</h1><p>{PARAGRAPH[:300]}</p></main></body></html>"
).encode()


def test_a_page_of_uncertain_type_is_extracted_flagged_and_followed() -> None:
    result = process_page(NOTE, "https://news.test/x", None)
    assert result.verdict is not None and result.verdict.uncertain, result.verdict
    assert result.article is not None and result.article.page_type_confidence == "low"
    assert result.links == ("https://news.test/world/",)  # perhaps a listing after all


def test_provenance_is_evidence_for_the_page_type() -> None:
    result = process_page(NOTE, "https://news.test/x", None, provenance="news_sitemap")
    assert result.verdict is not None and not result.verdict.uncertain
    assert ("source", 2) in result.verdict.signals
    assert result.article is not None and result.article.page_type_confidence == "high"
    assert result.links == ()


def test_a_listing_names_its_teaser_links() -> None:
    from crawler.demosite import build_site  # noqa: PLC0415

    site = build_site("http://127.0.0.1:8000")
    path = "/section/sport/"
    result = process_page(site.resources[path].body, site.base + path, None)
    assert result.verdict is not None and not result.verdict.is_article
    teasers = {url.removeprefix(site.base) for url in result.teasers}
    assert teasers and teasers <= set(site.articles)
    assert site.base + "/section/sport/page/2/" in result.links
    assert "/section/sport/page/2/" not in teasers  # the pager is no teaser
    assert set(result.teasers) <= set(result.links)
