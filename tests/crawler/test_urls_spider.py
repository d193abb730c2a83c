"""Fetch exactly a list of URLs: crawler/spiders/urls.py (scrapy crawl urls -a file=...)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from crawler.demosite import SiteServer
from crawler.spiders.urls import UrlsSpider
from tests.support.crawlrun import crawl


def test_crawl_fetches_exactly_the_listed_urls(test_site: SiteServer, tmp_path: Path) -> None:
    base = test_site.base_url
    articles = sorted(test_site.site.articles)
    listed = [
        articles[0],
        articles[5],
        "/marokko/2022/04/21/antony-blinken-in-mei-verwacht-in-marokko/",
    ]
    missing = "/no/such/page.html"
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# articles to fetch again\n\n"
        + "".join(f"{base}{path}\n" for path in listed)
        + f"  {base}{listed[0]}  \n"  # listed twice: fetched once
        + f"{base}{missing}\n",
        encoding="utf-8",
    )
    seen_before = len(test_site.requested)
    result = crawl("urls", tmp_path / "out.jsonl", args={"file": str(urls)})
    assert result.returncode == 0, result.log[-3000:]
    requested = test_site.requested[seen_before:]
    assert sorted(p for p in requested if p != "/robots.txt") == sorted([*listed, missing])
    assert requested.count("/robots.txt") == 1  # Scrapy reads it to obey it, once per site
    assert sorted(result.paths(base)) == sorted(listed)
    assert all(i["discovered_by"] == "start_url" and i["http_status"] == 200 for i in result.items)
    assert all(i["body"] and i["title"] for i in result.items)
    assert result.stats["fetch/failed/http_404"] == 1
    assert "1 repeats in the list, fetched once" in result.log


def test_a_listed_page_is_extracted_whatever_the_classifier_says(
    test_site: SiteServer, tmp_path: Path
) -> None:
    """A listing page at an article-shaped URL: the articles spider follows it, the urls
    spider extracts it, as it was asked to (and the pipelines judge the result)."""
    listing = next(p for p in sorted(test_site.site.listings) if p.count("/") > 2)
    result = crawl("urls", tmp_path / "out.jsonl", args={"url": f"{test_site.base_url}{listing}"})
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["pages/article"] == 1
    assert (
        result.stats.get("articles/extracted", 0)
        + sum(v for k, v in result.stats.items() if k.startswith("articles/dropped/"))
        == 1
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "give the URLs to fetch"),
        ({"file": "/no/such/list.txt"}, "cannot read the URL list"),
        ({"url": "news.example/a"}, "http\\(s\\) URLs only"),
        ({"url": "https://n.test/a", "until": "soon"}, "until='soon' is not a date"),
    ],
)
def test_wrong_arguments(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        UrlsSpider.check_arguments(**arguments)


def test_an_empty_list_is_a_usage_error(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(UsageError, match="lists none"):
        UrlsSpider.check_arguments(file=str(urls))


def test_the_articles_spider_points_to_the_urls_spider(tmp_path: Path) -> None:
    result = crawl("articles", tmp_path / "out.jsonl", args={"urls": "list.txt"})
    assert result.returncode == 2
    assert "scrapy crawl urls -a file=list.txt" in result.log
