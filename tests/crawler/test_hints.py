"""Per-site crawl hints beside each site extractor, and the spider's arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.settings import Settings

from crawler.addon import Addon
from crawler.hints import hints_for
from crawler.spiders.articles import ArticlesSpider
from extractors.site import registry

ROOT = Path(__file__).parents[2]
FIXTURE_URLS = sorted(
    json.loads(p.read_text(encoding="utf-8"))["url"] for p in ROOT.glob("fixtures/*/*/meta.json")
)


@pytest.mark.parametrize("site", registry.extractors(), ids=lambda cls: cls.name())
def test_every_site_has_crawl_hints(site: type) -> None:
    hints = hints_for(site.start_urls[0] if site.start_urls else "")
    assert site.start_urls, f"{site.__name__} has no start_urls"
    assert site.article_urls, f"{site.__name__} has no article_urls"
    assert hints.name == site.name()


@pytest.mark.parametrize("url", FIXTURE_URLS)
def test_fixture_urls_match_their_sites_article_patterns(url: str) -> None:
    hints = hints_for(url)
    assert hints.name.startswith("site:"), f"no site extractor for {url}"
    assert hints.is_article_url(url), f"{hints.name} article_urls do not match {url}"
    assert not hints.is_skipped(url), f"{hints.name} skip_urls match its own article {url}"


@pytest.mark.parametrize(
    "url",
    [
        "https://n.test/wp-login.php",
        "https://n.test/?s=maroc",
        "https://n.test/search?q=x",
        "https://n.test/share?u=1",
        "https://n.test/wp-content/uploads/a.jpg",
    ],
)
def test_generic_skips(url: str) -> None:
    assert hints_for(url).is_skipped(url)


def unconfigured_crawler() -> Crawler:
    """A crawler as Scrapy has it when it builds the spider: settings not yet frozen."""
    return Crawler(ArticlesSpider, Settings({"ADDONS": {Addon: 0}}))


def test_spider_arguments(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("# news sites\nhttps://c.test/\n\n", encoding="utf-8")
    crawler = unconfigured_crawler()
    spider = ArticlesSpider.from_crawler(
        crawler,
        url="https://a.test/, https://www.b.test/x",
        file=str(seeds),
        since="2022-04-01",
        max_pages="30",
    )
    assert spider.start_urls == ["https://a.test/", "https://www.b.test/x", "https://c.test/"]
    # On-site is a start URL's origin (crawler.origins): www.b.test, not b.test.
    assert str(spider.origins) == "https://a.test, https://c.test, https://www.b.test"
    # Scrapy's own offsite filter gets the hosts without www. (the origins stay strict),
    # so that a start URL the site moves to or from www. is not filtered there.
    assert spider.allowed_domains == ["a.test", "b.test", "c.test"]
    assert crawler.settings["NEWSCLEAN_SINCE"] == "2022-04-01"  # pipelines read settings
    assert crawler.settings.getint("CLOSESPIDER_PAGECOUNT") == 30


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "scrapy crawl articles -a url="),
        ({"url": "news.test"}, "http"),
        ({"url": "https://a.test/", "since": "April"}, "2022-04-01"),
        ({"file": "/nonexistent/seeds.txt"}, "cannot read"),
    ],
)
def test_spider_argument_errors(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ArticlesSpider.from_crawler(unconfigured_crawler(), **kwargs)
