"""The date window and the language filter: crawler/filters.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, UsageError

from crawler.demosite import SiteServer
from crawler.demosite.build import SECTIONS
from crawler.filters import (
    DateWindowPipeline,
    LanguagePipeline,
    check_filter_arguments,
)
from extractors import Article
from tests.support.crawlers import project_crawler
from tests.support.crawlrun import crawl


class _Spider(Spider):
    name = "test"


def make_crawler(settings: dict[str, Any] | None = None) -> Crawler:
    crawler = project_crawler(_Spider, settings)
    crawler.spider = _Spider()
    return crawler


def article(published: str | None = None, language: str | None = "en") -> Article:
    url = f"https://news.test/{published}-{language}.html"
    return Article(url=url, title="T", body="Text.", published=published, language=language)


def dropped(crawler: Crawler) -> dict[str, int]:
    assert crawler.stats is not None
    prefix = "articles/dropped/"
    stats = crawler.stats.get_stats()
    return {k.removeprefix(prefix): v for k, v in stats.items() if k.startswith(prefix)}


def test_since() -> None:
    crawler = make_crawler({"NEWSCLEAN_SINCE": "2022-04-01"})
    pipeline = DateWindowPipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match="before 2022-04-01"):
        pipeline.process_item(article("2022-03-31T23:00:00+02:00"))
    for published in ("2022-04-01", "2022-04-21T17:40:00", None):
        pipeline.process_item(article(published))
    assert dropped(crawler) == {"before_since": 1}


def test_until_includes_its_day() -> None:
    crawler = make_crawler({"NEWSCLEAN_SINCE": "2022-04-01", "NEWSCLEAN_UNTIL": "2022-04-30"})
    pipeline = DateWindowPipeline.from_crawler(crawler)
    for published in ("2022-04-01T00:00:00", "2022-04-30T23:59:00-05:00", "2022-04-15", None):
        pipeline.process_item(article(published))
    with pytest.raises(DropItem, match="published 2022-05-01, after 2022-04-30"):
        pipeline.process_item(article("2022-05-01T00:10:00+02:00"))
    with pytest.raises(DropItem, match="before 2022-04-01"):
        pipeline.process_item(article("2022-03-31"))
    assert dropped(crawler) == {"after_until": 1, "before_since": 1}


def test_undated_articles_are_a_setting() -> None:
    keep = DateWindowPipeline.from_crawler(make_crawler({"NEWSCLEAN_UNTIL": "2022-04-30"}))
    keep.process_item(article(None))
    crawler = make_crawler({"NEWSCLEAN_UNTIL": "2022-04-30", "NEWSCLEAN_KEEP_UNDATED": False})
    drop = DateWindowPipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match="has no publication date"):
        drop.process_item(article(None))
    drop.process_item(article("2022-04-02"))
    assert dropped(crawler) == {"undated": 1}
    # Without a window there is nothing to be outside of: undated articles pass.
    no_window = make_crawler({"NEWSCLEAN_KEEP_UNDATED": False})
    DateWindowPipeline.from_crawler(no_window).process_item(article(None))
    assert dropped(no_window) == {}


def test_language() -> None:
    crawler = make_crawler({"NEWSCLEAN_LANGUAGES": "nl,FR"})
    pipeline = LanguagePipeline.from_crawler(crawler)
    for language in ("nl", "fr", "fr-BE"):
        pipeline.process_item(article(language=language))
    with pytest.raises(DropItem, match="is in en, not in fr, nl"):
        pipeline.process_item(article(language="en"))
    with pytest.raises(DropItem, match="language is unknown"):
        pipeline.process_item(article(language=None))
    assert dropped(crawler) == {"language": 1, "unknown_language": 1}


def test_no_language_set_passes_everything() -> None:
    crawler = make_crawler()
    pipeline = LanguagePipeline.from_crawler(crawler)
    for language in ("ar", None):
        pipeline.process_item(article(language=language))
    assert dropped(crawler) == {}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"until": "30-04-2022"}, "until='30-04-2022' is not a date"),
        ({"since": "2022-05-01", "until": "2022-04-30"}, "before since=2022-05-01"),
        ({"lang": "nl,english"}, "lang='english' is not an ISO 639-1"),
    ],
)
def test_wrong_filter_arguments_are_usage_errors(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_filter_arguments(**arguments)


def test_wrong_filter_argument_stops_the_crawl_before_it_starts(tmp_path: Path) -> None:
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        args={"url": "http://127.0.0.1:9/", "lang": "english"},
    )
    assert result.returncode == 2
    assert "is not an ISO 639-1 language code" in result.log
    assert "Traceback" not in result.log


def test_crawl_with_until_and_lang(test_site: SiteServer, tmp_path: Path) -> None:
    until = "2022-02-15"
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        args={"url": f"{test_site.base_url}/", "until": until, "lang": "en"},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.items
    assert all(i["published"] is None or i["published"][:10] <= until for i in result.items)
    assert {i["language"] for i in result.items} == {"en"}
    generated = tuple(f"/{section}/" for section in SECTIONS)  # in English
    expected = {
        p
        for p, day in test_site.site.articles.items()
        if p.startswith(generated) and day and day[:10] <= until
    }
    wire = {p for pair in test_site.site.near_duplicates for p in pair}
    assert expected - wire <= set(result.paths(test_site.base_url))
    # The newer generated articles and the fixtures (April 2022) are after the window;
    # the fixtures in Dutch, French, German and Arabic are in other languages too.
    assert result.stats["articles/dropped/after_until"] > 0
    assert "Dropped" in result.log and "after_until" in result.log
