"""Validation, de-duplication and stats: crawler/pipelines.py (the filters: test_filters.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.demosite.textgen import Lorem
from crawler.pipelines import (
    ArticleStatsPipeline,
    NearDuplicatePipeline,
    UrlDedupePipeline,
    ValidationPipeline,
)
from extractors import Article
from tests.support.crawlers import project_crawler


class _Spider(Spider):
    name = "test"


def make_crawler(settings: dict[str, Any] | None = None, **spider_attrs: Any) -> Crawler:
    crawler = project_crawler(_Spider, settings)
    spider = _Spider()
    for name, value in spider_attrs.items():
        setattr(spider, name, value)
    crawler.spider = spider
    return crawler


def article(url: str = "https://news.test/a.html", **fields: Any) -> Article:
    base = {
        "title": "A title",
        "body": "\n\n".join(Lorem(url).paragraphs()),
        "extractor": "generic",
    }
    return Article(url=url, **{**base, **fields})


def dropped(crawler: Crawler) -> dict[str, int]:
    assert crawler.stats is not None
    prefix = "articles/dropped/"
    return {
        k[len(prefix) :]: v for k, v in crawler.stats.get_stats().items() if k.startswith(prefix)
    }


def test_validation_drops_empty_body_with_the_extractors_reason() -> None:
    crawler = make_crawler()
    pipeline = ValidationPipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match="no_article"):
        pipeline.process_item(article(body="", reason="no-article"))
    with pytest.raises(DropItem, match="empty_body"):
        pipeline.process_item(article(body="  "))
    with pytest.raises(DropItem, match="no_title"):
        pipeline.process_item(article(title=None))
    assert dropped(crawler) == {"no_article": 1, "empty_body": 1, "no_title": 1}
    good = article()
    assert pipeline.process_item(good) is good


def test_pipelines_refuse_other_items() -> None:
    pipeline = ValidationPipeline.from_crawler(make_crawler())
    with pytest.raises(TypeError, match=r"extractors\.Article"):
        pipeline.process_item({"url": "x"})


def test_switched_off_pipeline_is_not_configured() -> None:
    with pytest.raises(NotConfigured, match="NEWSCLEAN_VALIDATION_ENABLED"):
        ValidationPipeline.from_crawler(make_crawler({"NEWSCLEAN_VALIDATION_ENABLED": False}))


def test_url_dedupe_by_canonical_url() -> None:
    crawler = make_crawler()
    pipeline = UrlDedupePipeline.from_crawler(crawler)
    pipeline.process_item(article("https://news.test/a.html?utm_source=rss"))
    with pytest.raises(DropItem, match="already written"):
        pipeline.process_item(article("http://NEWS.test/a.html#comments"))
    with pytest.raises(DropItem):  # an AMP copy declaring the same canonical URL
        pipeline.process_item(
            article("https://news.test/amp/a.html", canonical_url="https://news.test/a.html")
        )
    pipeline.process_item(article("https://news.test/b.html"))
    assert dropped(crawler) == {"duplicate_url": 2}


def test_url_dedupe_keeps_keys_in_job_state() -> None:
    state: dict[str, Any] = {}
    crawler = make_crawler(state=state)
    UrlDedupePipeline.from_crawler(crawler).process_item(article())
    resumed = UrlDedupePipeline.from_crawler(make_crawler(state=state))
    with pytest.raises(DropItem):
        resumed.process_item(article())


def test_near_duplicates_keep_the_first_and_record_the_others(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    crawler = make_crawler({"FEEDS": {str(output): {"format": "jsonlines"}}})
    pipeline = NearDuplicatePipeline.from_crawler(crawler)
    wire = article("https://news.test/politics/wire.html")
    pipeline.process_item(wire)
    edited = replace(
        wire,
        url="https://news.test/economy/wire.html",
        body=wire.body + "\n\nReporting by the agency.",
    )
    with pytest.raises(DropItem, match="repeats the body of"):
        pipeline.process_item(edited)
    for i in range(20):  # different stories never collide
        pipeline.process_item(article(f"https://news.test/{i}.html"))
    # The same copy on another site is another publication's article: kept.
    pipeline.process_item(replace(edited, url="https://other.test/wire.html"))
    pipeline.close_spider()
    assert dropped(crawler) == {"near_duplicate": 1}
    lines = (tmp_path / "out.duplicates.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"url": wire.url, "duplicates": [edited.url]}]


def test_stats_count_by_extractor() -> None:
    crawler = make_crawler()
    pipeline = ArticleStatsPipeline.from_crawler(crawler)
    pipeline.process_item(article(extractor="site:news.test"))
    pipeline.process_item(article(extractor="generic"))
    pipeline.process_item(article(extractor="generic"))
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    assert (
        stats["articles/extracted"],
        stats["articles/site_extractor"],
        stats["articles/generic"],
    ) == (3, 1, 2)


def test_stats_count_site_handovers_by_site() -> None:
    crawler = make_crawler()
    pipeline = ArticleStatsPipeline.from_crawler(crawler)
    note = "site:news.test handed the page to the generic extractor: body selector 'x' matched"
    pipeline.process_item(article(extractor="generic", extractor_note=note))
    pipeline.process_item(article(extractor="generic", extractor_note=note))
    pipeline.process_item(article(extractor="generic"))
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    assert stats["articles/site_handover/news.test"] == 2
    assert stats["articles/generic"] == 3


def test_the_add_on_sets_defaults_over_scrapys_own_and_under_the_users() -> None:
    crawler = project_crawler(settings={"NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD": 0.9})
    settings = crawler.settings
    assert settings["LOG_FORMATTER"] == "crawler.logformatter.ArticleLogFormatter"
    assert settings["FEED_EXPORT_ENCODING"] == "utf-8"
    assert settings.getlist("FEED_EXPORT_FIELDS")[:3] == ["url", "canonical_url", "title"]
    assert settings.getfloat("NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD") == 0.9  # the user's wins
