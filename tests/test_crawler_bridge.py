"""Response -> extract(bytes, url, encoding): crawler/bridge.py."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

import crawler.bridge
from crawler.bridge import Extraction, charset_from_content_type, extract_response
from extractors import Article

PARAGRAPH = "Le ministre a annoncé un café d'été à la française, dit-on à Rabat. " * 6
PAGE = (
    "<html><head><title>Un été à Rabat</title></head><body><article><h1>Un été à Rabat</h1>"
    f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
)


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
    try:
        article = asyncio.run(extraction(response("utf-8", PAGE.encode())))
    finally:
        extraction.close()
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

    try:
        article, listing = asyncio.run(both())
    finally:
        extraction.close()
    assert article.verdict.is_article and article.article.body
    assert not listing.verdict.is_article and listing.article is None
    assert crawler.stats is not None
    assert crawler.stats.get_value("extraction/pages") == 1
