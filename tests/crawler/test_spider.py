"""End-to-end crawls of the local test site (crawler/spiders/articles.py).

``test_crawl_*`` crawl the live test site served on 127.0.0.1 by the test;
``test_cassette_crawl`` replays the recorded cassette in
``tests/crawler/cassettes/test_spider/`` with no server running at all. Record
it again (after changing the test site or the spider) with::

    .venv/bin/pytest tests/crawler/test_spider.py --record-mode=rewrite
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.demosite import SiteServer
from extractors import Article
from extractors.article import RENDERED_FIELDS
from tests.support.crawlrun import CrawlResult, crawl, read_jsonl


def check_against_key(result: CrawlResult, key: dict[str, Any], *, drops: bool = True) -> None:
    """Every article page exactly once, no listing page, drops with their reasons."""
    assert result.returncode == 0, result.log[-3000:]
    base = key["base"]
    paths = result.paths(base)
    articles = set(key["articles"])
    twice = {p for p in paths if paths.count(p) > 1}
    assert not twice, f"written more than once: {twice}"
    assert not set(paths) & set(key["listings"]), "listing pages became articles"
    kept_wire = [p for p in paths if any(p in pair for pair in key["near_duplicates"])]
    assert len(kept_wire) == len(key["near_duplicates"]), "keep one page of each wire story"
    wire = {p for pair in key["near_duplicates"] for p in pair}
    assert set(paths) - wire == articles - wire, (
        f"missing: {sorted(articles - wire - set(paths))}; "
        f"unexpected: {sorted(set(paths) - wire - articles)}"
    )
    if drops:
        for reason in set(key["drops"].values()) | {"near_duplicate"}:
            assert result.stats.get(f"articles/dropped/{reason}", 0) >= 1, reason
        assert result.stats["articles/extracted"] == len(result.items)


def test_crawl_finds_every_article_once(test_site: SiteServer, tmp_path: Path) -> None:
    result = crawl("articles", tmp_path / "out.jsonl", args={"url": f"{test_site.base_url}/"})
    check_against_key(result, test_site.site.manifest())
    item = result.items[0]
    assert tuple(item) == tuple(f for f in Article.field_names() if f not in RENDERED_FIELDS)
    assert all(i["body"] and i["title"] for i in result.items)
    # Clean bodies: the generated pages' boilerplate never reaches an article.
    for boilerplate in ("We use cookies", "All rights reserved", "Most read", "Log in to comment"):
        assert not [i["url"] for i in result.items if boilerplate in i["body"]], boilerplate
    assert not [p for p in test_site.requested if p.startswith("/private/")], "robots.txt ignored"
    assert result.stats["discovery/news_sitemap_urls"] > 0
    assert result.stats["discovery/feed_urls"] > 0
    assert result.stats["offsite/filtered"] > 0
    assert 0 < result.stats["extraction/share"] < 1
    duplicates = read_jsonl(tmp_path / "out.duplicates.jsonl")
    wire = set(test_site.site.near_duplicates[0])
    assert len(duplicates) == 1
    assert {duplicates[0]["url"], *duplicates[0]["duplicates"]} == {
        f"{test_site.base_url}{p}" for p in wire
    }


def test_crawl_since_skips_and_drops_older(test_site: SiteServer, tmp_path: Path) -> None:
    since = "2022-02-15"
    result = crawl(
        "articles", tmp_path / "out.jsonl", args={"url": f"{test_site.base_url}/", "since": since}
    )
    assert result.returncode == 0, result.log[-3000:]
    published = [i["published"] for i in result.items]
    assert all(p is None or p[:10] >= since for p in published), published
    expected_new = {p for p, date in test_site.site.articles.items() if date[:10] >= since}
    assert expected_new - set(result.paths(test_site.base_url)) <= set(
        p for pair in test_site.site.near_duplicates for p in pair
    )
    assert result.stats["discovery/before_since"] > 0  # old sitemap URLs never fetched
    assert result.stats["articles/dropped/before_since"] > 0  # old pages found via listings


def test_crawl_limits(test_site: SiteServer, tmp_path: Path) -> None:
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        args={"url": f"{test_site.base_url}/", "max_pages": "10"},
        settings={"CONCURRENT_REQUESTS": "1"},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["finish_reason"] == "closespider_pagecount"
    assert result.stats["response_received_count"] <= 12  # robots.txt and in-flight pages


def test_jobdir_resume_writes_every_article_once(test_site: SiteServer, tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    url = {"url": f"{test_site.base_url}/"}
    first = crawl(
        "articles",
        tmp_path / "first.jsonl",
        args=url,
        # One page at a time in the scraper: otherwise the local site's pages are all
        # downloaded and waiting for the extraction worker when the 10th item is
        # written, and Scrapy finishes them all before it stops.
        settings={
            "JOBDIR": str(jobdir),
            "CLOSESPIDER_ITEMCOUNT": "10",
            "SCRAPER_SLOT_MAX_ACTIVE_SIZE": "1",
        },
    )
    assert first.stats["finish_reason"] == "closespider_itemcount", first.log[-3000:]
    assert 10 <= len(first.items) < len(test_site.site.articles)
    second = crawl(
        "articles", tmp_path / "second.jsonl", args=url, settings={"JOBDIR": str(jobdir)}
    )
    assert second.stats["finish_reason"] == "finished", second.log[-3000:]
    both = CrawlResult(first.items + second.items, {}, second.log, second.returncode)
    check_against_key(both, test_site.site.manifest(), drops=False)  # drops fall in either run


@pytest.mark.vcr
def test_cassette_crawl(vcr: Any, record_mode: str, tmp_path: Path) -> None:
    """The test site crawl, replayed from tests/crawler/cassettes with no server running."""
    cassette = Path(vcr.path)
    key_path = cassette.with_suffix(".key.json")
    settings = {
        # Test machinery, not a project component: the tests add it to the crawl.
        "DOWNLOADER_MIDDLEWARES": json.dumps({"tests.support.cassette.CassetteMiddleware": 950}),
        "TESTS_CASSETTE": str(cassette),
        "TESTS_CASSETTE_RECORD_MODE": str(vcr.record_mode.value),
    }
    if record_mode == "none":
        if not key_path.exists():
            pytest.fail(
                f"no cassette at {cassette}; record it with: "
                ".venv/bin/pytest tests/crawler/test_spider.py --record-mode=rewrite"
            )
        key = json.loads(key_path.read_text(encoding="utf-8"))
        result = crawl(
            "articles", tmp_path / "out.jsonl", args={"url": f"{key['base']}/"}, settings=settings
        )
    else:
        from crawler.demosite import serve_site  # noqa: PLC0415

        with serve_site() as server:
            key = server.site.manifest()
            result = crawl(
                "articles",
                tmp_path / "out.jsonl",
                args={"url": f"{server.base_url}/"},
                settings=settings,
            )
        key_path.write_text(json.dumps(key, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    check_against_key(result, key)
    if record_mode == "none":
        assert result.stats["cassette/played"] == result.stats["downloader/request_count"]
        assert "cassette/recorded" not in result.stats
        assert "cassette/missing" not in result.stats
