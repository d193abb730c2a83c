"""Article or listing: extractors/pagetype/ on the demo site, the fixtures and small pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crawler.demosite import build_site
from extractors import load_page
from extractors.pagetype import (
    LISTING_MAX,
    PROVENANCE_POINTS,
    SURE_ARTICLE,
    classify_html,
    classify_page,
)
from extractors.site import registry

SITE = build_site("http://127.0.0.1:8000")
HTML_PAGES = sorted(p for p, r in SITE.resources.items() if r.content_type.startswith("text/html"))
FIXTURES = sorted(Path(__file__).parents[2].glob("fixtures/*/*/source.html"))
SENTENCE = "A sentence of an ordinary news report, long enough to count as prose. "
PROSE = "<p>" + SENTENCE * 5 + "</p>"
NAV = '<nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/sport/">Sport</a></nav>'


def _page(main: str, head: str = "") -> str:
    body = f"<body><header>{NAV}</header><main>{main}</main></body>"
    return f"<html><head>{head}</head>{body}</html>"


def _teaser(number: int, heading: str = "h3") -> str:
    """A teaser card: a headline linking to its story, a one-sentence excerpt, a date."""
    return (
        f'<div class="item"><{heading}><a href="/story-{number}-of-the-town-council">'
        f"The council votes on budget item number {number}</a></{heading}>"
        f"<p>Councillors met on Monday to settle item {number} of the budget after "
        f"a long debate.</p><time>2 March 2024</time></div>"
    )


@pytest.mark.parametrize("path", HTML_PAGES)
def test_demo_site_pages(path: str) -> None:
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
    assert not verdict.is_article, verdict.explain()
    signals = dict(verdict.signals)
    assert signals["url"] > 0  # the URL alone says "article"
    assert signals.get("teasers", 0) + signals.get("page", 0) < 0  # the teasers say otherwise


def test_long_prose_alone_is_an_article() -> None:
    """No structured data, a plain URL: a long run of prose is an article all the same
    (a column, an essay), never dropped for want of a second signal."""
    verdict = classify_html(_page(f"<h1>A column</h1>{PROSE * 3}"), "https://news.test/x")
    assert verdict.is_article, verdict.explain()
    assert verdict.score >= SURE_ARTICLE and not verdict.uncertain


def test_short_text_with_no_evidence_is_extracted_and_flagged() -> None:
    verdict = classify_html(_page(f"<h1>A note</h1><p>{SENTENCE * 3}</p>"), "https://news.test/x")
    assert verdict.is_article and verdict.uncertain, verdict.explain()
    assert verdict.confidence == "low"
    assert verdict.explain().startswith("article? ")


def test_a_list_of_teasers_is_a_listing() -> None:
    cards = "".join(_teaser(n) for n in range(8))
    verdict = classify_html(_page(f"<h1>World</h1>{cards}"), "https://news.test/x")
    assert not verdict.is_article, verdict.explain()
    assert verdict.score <= LISTING_MAX
    assert dict(verdict.signals).get("teasers", 0) < 0, verdict.explain()


def test_teasers_outweigh_article_metadata() -> None:
    """CMSs print og:type=article on every page: metadata cannot make a listing an article."""
    head = '<meta property="og:type" content="article">'
    cards = "".join(_teaser(n, "h2") for n in range(10))
    verdict = classify_html(_page(cards, head), "https://news.test/2024/03/04/latest-news-today/")
    assert not verdict.is_article, verdict.explain()


def test_a_lead_story_over_more_teasers_is_a_listing() -> None:
    """A front page opening with a few paragraphs of its lead story under a headline
    that links to the story's own page."""
    lead = (
        '<h2><a href="/2024/03/04/the-bridge-reopens-after-the-flood/">'
        "The bridge reopens after the winter flood</a></h2>"
        f"{PROSE}{PROSE}<a href='/2024/03/04/the-bridge-reopens-after-the-flood/'>"
        "Continue reading</a>"
    )
    more = "<h2>More stories</h2>" + "".join(_teaser(n) for n in range(5))
    verdict = classify_html(_page(f"<div>{lead}</div>{more}"), "https://news.test/")
    assert not verdict.is_article, verdict.explain()
    assert dict(verdict.signals).get("lead", 0) < 0, verdict.explain()


@pytest.mark.parametrize(("provenance", "points"), sorted(PROVENANCE_POINTS.items()))
def test_provenance_is_evidence(provenance: str, points: int) -> None:
    page = _page(f"<h1>A note</h1><p>{SENTENCE * 3}</p>")
    alone = classify_html(page, "https://news.test/x")
    found = classify_html(page, "https://news.test/x", provenance=provenance)
    assert found.score == alone.score + points
    assert dict(found.signals).get("source", 0) == points


def test_a_news_sitemap_entry_is_surely_an_article() -> None:
    page = _page(f"<h1>A note</h1><p>{SENTENCE * 3}</p>")
    verdict = classify_html(page, "https://news.test/x", provenance="news_sitemap")
    assert verdict.is_article and not verdict.uncertain, verdict.explain()


def test_classify_page_flags_the_article() -> None:
    sure = classify_page(load_page(_page(f"<h1>A column</h1>{PROSE * 3}"), "https://news.test/x"))
    assert sure.article.page_type_confidence == "high"
    assert "A sentence of an ordinary news report" in sure.article.body
    page = load_page(_page(f"<h1>A note</h1><p>{SENTENCE * 3}</p>"), "https://news.test/x")
    assert classify_page(page).article.page_type_confidence == "low"


def test_classify_page_names_the_teasers() -> None:
    cards = "".join(_teaser(n) for n in range(4))
    classified = classify_page(load_page(_page(cards), "https://news.test/world/"))
    assert classified.teasers == {
        f"https://news.test/story-{n}-of-the-town-council" for n in range(4)
    }


def test_site_hint_article_urls_count() -> None:
    patterns = (re.compile(r"/story/"),)
    page = _page(f"<p>{SENTENCE * 3}</p>")
    hinted = classify_html(page, "https://news.test/story/x", patterns)
    plain = classify_html(page, "https://news.test/x", patterns)
    assert hinted.score == plain.score + 3
    assert not hinted.uncertain and plain.uncertain


@pytest.mark.parametrize(
    "kind", ["NewsArticle", "https://schema.org/NewsArticle", "http://schema.org/NewsArticle"]
)
def test_json_ld_types_read_as_metadata_reads_them(kind: str) -> None:
    """The classifier and the metadata reader share one JSON-LD reader: a type
    written as a schema.org URL is the same type."""
    head = f'<script type="application/ld+json">{{"@type": "{kind}"}}</script>'
    verdict = classify_html(_page(PROSE, head), "https://news.test/about")
    assert dict(verdict.signals)["jsonld"] == 3


def test_a_page_that_is_no_page_is_no_article() -> None:
    verdict = classify_html(b"%PDF-1.4 binary", "https://news.test/a.pdf")
    assert not verdict.is_article and verdict.signals == ()


def test_broken_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{oops</script>'
    verdict = classify_html(_page(PROSE, head), "https://news.test/a")
    assert dict(verdict.signals).get("jsonld") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://n.test/",
        "https://n.test/tag/maroc/",
        "https://n.test/section/sport/page/3/",
        "https://n.test/news?page=2",
        "https://n.test/category/economy",
        "https://n.test/2019/01/",
        "https://n.test/news/index.html",
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
        "https://n.test/2019/11/18/politics/trump-health/index.html",
    ],
)
def test_article_urls(url: str) -> None:
    verdict = classify_html("<html><body><p>x</p></body></html>", url)
    assert dict(verdict.signals)["url"] == 1


def test_an_uncertain_page_with_nothing_to_extract_is_a_listing() -> None:
    """A list of headlines under article metadata (the demo site's round-up): no text
    to write, so it is followed as a listing rather than dropped as an empty article."""
    head = '<meta property="og:type" content="article">'
    items = "".join(
        f'<li><a href="/story-{n}-of-the-town-council">The council votes on item {n}</a></li>'
        for n in range(12)
    )
    page = _page(f"<h1>The day's headlines</h1><ul>{items}</ul>", head)
    verdict = classify_html(page, "https://news.test/2024/03/04/the-days-headlines.html")
    assert not verdict.is_article, verdict.explain()
    assert ("empty", 0) in verdict.signals


def test_text_in_the_site_footer_is_not_the_pages_own() -> None:
    """A page of photo teasers whose only prose is the site's legal notice: what the
    extractor found is boilerplate, no evidence of an article."""
    figures = "".join(
        f'<figure><a href="/gallery-{n}/"><img src="/{n}.jpg"></a><figcaption>'
        f'<a href="/gallery-{n}/">Photos of the harbour festival, day {n}</a>'
        "</figcaption></figure>"
        for n in range(12)
    )
    legal = "<p>" + "This material may not be published, broadcast or redistributed. " * 5
    page = (
        f"<html><body><header>{NAV}</header><div>{figures}</div>"
        f"<footer><div class='legal'>{legal}</p>{legal}</p></div></footer></body></html>"
    )
    verdict = classify_html(page, "https://news.test/x")
    assert dict(verdict.signals).get("text") == -1, verdict.explain()
    assert not verdict.is_article, verdict.explain()
