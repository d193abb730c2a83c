"""Article or listing: extractors/pagetype.py on the test site, the fixtures and small pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crawler.demosite import build_site
from extractors.pagetype import ARTICLE_THRESHOLD, classify_html
from extractors.site import registry

SITE = build_site("http://127.0.0.1:8000")
HTML_PAGES = sorted(p for p, r in SITE.resources.items() if r.content_type.startswith("text/html"))
FIXTURES = sorted(Path(__file__).parents[2].glob("fixtures/*/*/source.html"))
PROSE = "<p>" + "A sentence of an ordinary news report, long enough to count. " * 8 + "</p>"


@pytest.mark.parametrize("path", HTML_PAGES)
def test_test_site_pages(path: str) -> None:
    verdict = classify_html(SITE.resources[path].body, SITE.base + path)
    expected_article = path not in SITE.listings
    assert verdict.is_article == expected_article, verdict.explain()


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.parent.name)
def test_fixtures_are_articles(source: Path) -> None:
    url = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))["url"]
    site = registry.for_url(url)
    patterns = tuple(re.compile(p) for p in site.article_urls) if site else ()
    verdict = classify_html(source.read_bytes(), url, patterns)
    assert verdict.is_article, verdict.explain()


def test_article_shaped_url_with_headlines_only_is_a_listing() -> None:
    path = "/politics/2022/04/21/the-days-headlines.html"
    verdict = classify_html(SITE.resources[path].body, SITE.base + path)
    assert not verdict.is_article
    assert dict(verdict.signals)["url"] > 0  # the URL alone says "article"
    assert dict(verdict.signals)["text"] < 0  # the teasers say otherwise


def test_prose_alone_is_not_enough() -> None:
    about = f"<html><body><div>{PROSE * 2}</div></body></html>"
    assert not classify_html(about, "https://news.test/about").is_article


def test_prose_and_json_ld_make_an_article() -> None:
    page = (
        '<html><head><script type="application/ld+json">'
        '{"@graph": [{"@type": "WebSite"}, {"@type": ["NewsArticle"]}]}</script></head>'
        f"<body><div>{PROSE * 2}</div></body></html>"
    )
    verdict = classify_html(page, "https://news.test/about")
    assert verdict.is_article
    assert verdict.score >= ARTICLE_THRESHOLD
    assert "jsonld+3" in verdict.explain()


def test_site_hint_article_urls_count() -> None:
    patterns = (re.compile(r"/story/"),)
    page = f"<html><body><div>{PROSE * 2}</div></body></html>"
    assert classify_html(page, "https://news.test/story/x", patterns).is_article
    assert not classify_html(page, "https://news.test/x", patterns).is_article


@pytest.mark.parametrize(
    "kind", ["NewsArticle", "https://schema.org/NewsArticle", "http://schema.org/NewsArticle"]
)
def test_json_ld_types_read_as_metadata_reads_them(kind: str) -> None:
    """The classifier and the metadata reader share one JSON-LD reader: a type
    written as a schema.org URL is the same type."""
    page = (
        f'<html><head><script type="application/ld+json">{{"@type": "{kind}"}}</script></head>'
        f"<body><div>{PROSE * 2}</div></body></html>"
    )
    assert dict(classify_html(page, "https://news.test/about").signals)["jsonld"] == 3


def test_a_page_that_is_no_page_is_no_article() -> None:
    assert classify_html(b"%PDF-1.4 binary", "https://news.test/a.pdf").signals == ()


def test_broken_json_ld_is_ignored() -> None:
    page = (
        '<html><head><script type="application/ld+json">{oops</script></head>'
        f"<body>{PROSE}</body></html>"
    )
    assert dict(classify_html(page, "https://news.test/a").signals).get("jsonld") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://n.test/",
        "https://n.test/tag/maroc/",
        "https://n.test/section/sport/page/3/",
        "https://n.test/news?page=2",
        "https://n.test/category/economy",
    ],
)
def test_listing_urls(url: str) -> None:
    verdict = classify_html("<html><body><p>x</p></body></html>", url)
    assert dict(verdict.signals)["url"] == -2


@pytest.mark.parametrize(
    "url",
    [
        "https://n.test/2022/04/21/blinken/",
        "https://n.test/archives/98214",
        "https://n.test/antony-blinken-in-mei-verwacht/",
        "https://n.test/a/blinken-visit-morocco.html",
    ],
)
def test_article_urls(url: str) -> None:
    verdict = classify_html("<html><body><p>x</p></body></html>", url)
    assert dict(verdict.signals)["url"] == 1
