"""Sitemaps, news sitemaps and feeds: crawler/discovery.py."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from crawler.demosite import build_site
from crawler.discovery import entry_date, gunzip, looks_like_feed, parse_feed, parse_sitemap

SITE = build_site("http://127.0.0.1:8000")


def body(path: str) -> bytes:
    return SITE.resources[path].body


def test_sitemap_index() -> None:
    sitemap = parse_sitemap(body("/sitemap_index.xml"))
    assert sitemap is not None
    assert sitemap.kind == "sitemapindex"
    assert [e.url for e in sitemap.entries] == [
        "http://127.0.0.1:8000/sitemaps/articles.xml.gz",
        "http://127.0.0.1:8000/sitemaps/news.xml",
    ]


def test_gzip_sitemap_with_lastmod() -> None:
    sitemap = parse_sitemap(body("/sitemaps/articles.xml.gz"))
    assert sitemap is not None
    assert sitemap.kind == "urlset" and not sitemap.news
    assert len(sitemap.entries) > 30
    assert all(e.date is not None for e in sitemap.entries if "/archives/" not in e.url)


def test_news_sitemap_publication_dates() -> None:
    sitemap = parse_sitemap(body("/sitemaps/news.xml"))
    assert sitemap is not None and sitemap.news
    assert len(sitemap.entries) == 10
    assert all(isinstance(e.date, date) for e in sitemap.entries)


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_feeds(path: str) -> None:
    assert looks_like_feed(body(path))
    entries = parse_feed(body(path))
    assert len(entries) == 10
    assert all(e.url.startswith("http://127.0.0.1:8000/") and e.date for e in entries)


def test_rss_1_rdf_feed() -> None:
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <item><link>http://a.test/1</link><dc:date>2022-04-21</dc:date></item></rdf:RDF>"""
    assert looks_like_feed(rdf)
    assert [(e.url, e.date) for e in parse_feed(rdf)] == [("http://a.test/1", date(2022, 4, 21))]


def test_not_a_sitemap() -> None:
    assert parse_sitemap(b"<!DOCTYPE html><html><body>hi</body></html>") is None
    assert parse_sitemap(b"") is None
    assert parse_feed(b"not xml at all") == []


def test_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (80 * 1024 * 1024))
    with pytest.raises(ValueError, match="sitemap protocol"):
        gunzip(bomb)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-04-21", date(2022, 4, 21)),
        ("2022-04-21T23:30:00Z", date(2022, 4, 21)),
        ("Thu, 21 Apr 2022 17:40:00 GMT", date(2022, 4, 21)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(raw: str | None, expected: date | None) -> None:
    assert entry_date(raw) == expected
