"""The listing builder (benchmarks.listings, benchmarks.hostpage) and the mixed site
(benchmarks.mixedsite), on small pages made here: no corpus needed."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import lxml.html
import pytest

from benchmarks.corpus import Page
from benchmarks.flatten import flatten_html
from benchmarks.hostpage import locate_article, parse_host
from benchmarks.listing_markup import KINDS
from benchmarks.listings import TEASER_COUNTS, build_listings, listing_for, make_spec
from benchmarks.mixedsite import build_mixed_site
from benchmarks.teasers import story_of

WORDS = (
    "river town bridge flood council mayor water road school market farmer winter summer "
    "museum train station harbour island mountain forest budget tax vote election court "
    "judge doctor hospital nurse teacher student library garden festival music theatre "
    "painter writer singer engineer factory workers union strike price bread coffee "
    "tourist hotel airport weather storm snow sunshine crowd street square church castle"
).split()
FOOTER = "Copyright Elm Gazette, all rights reserved."


def _story(number: int) -> list[str]:
    """Eight paragraphs of words drawn for story ``number``: no two stories share text."""
    rng = random.Random(number)
    return [" ".join(rng.choices(WORDS, k=18)).capitalize() + "." for _ in range(8)]


def _html(number: int) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in _story(number))
    state = json.dumps({"title": f"Story {number}", "body": " ".join(_story(number) * 2)})
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Story {number}: the bridge reopens after the winter flood | Elm Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Elm Gazette">
<script type="application/ld+json">{{"@type": "NewsArticle"}}</script></head>
<body><header><div class="logo">Elm Gazette</div>
<nav><a href="/">Front page</a> <a href="/region/">Regional news</a>
<a href="/weather/">Weather forecast</a></nav></header>
<main><article><h1>Story {number}: the bridge reopens after the winter flood</h1>
<p class="byline">By Ann Reporter</p><div class="story-body">{body}</div></article></main>
<aside><h3>Most read</h3><ul><li><a href="/x/">Town hall news</a></li></ul></aside>
<footer><p>{FOOTER}</p></footer>
<title>Story {number}: a second title, where some pages repeat it</title>
<script>window.__STATE__ = {state};</script><script>track("page");</script></body></html>"""


def _pages(tmp_path: Path, count: int) -> list[Page]:
    pages = []
    for number in range(count):
        path = tmp_path / f"p{number:02d}.html.gz"
        path.write_bytes(gzip.compress(_html(number).encode()))
        expected = "\n".join(_story(number))
        url = f"https://elm.test/2024/03/story-{number}/"
        pages.append(Page(f"p{number:02d}", url, expected, path))
    return pages


def test_locate_article_finds_the_story_not_the_page(tmp_path: Path) -> None:
    page = _pages(tmp_path, 1)[0]
    host = parse_host(page, page.read())
    assert host is not None
    located = locate_article(host.root, host.expected)
    assert located is not None
    # widened from div.story-body to the <article> holding its headline and byline
    assert located.element.tag == "article"
    assert located.coverage == pytest.approx(1.0)


@pytest.mark.parametrize("count", [3, 7])
def test_section_listing_has_n_teasers_and_keeps_the_page_around_them(
    tmp_path: Path, count: int
) -> None:
    pages = _pages(tmp_path, 9)
    stories = [story_of(page, page.read()) for page in pages[1:]]
    rng = random.Random(1)
    spec = make_spec("section", stories[:count], rng)
    listing = listing_for(pages[0], spec, number=1)
    assert listing is not None
    assert listing.teasers == count
    doc = lxml.html.document_fromstring(listing.html)
    assert len(doc.xpath('//li[@class="story"]')) == count
    assert len(doc.xpath('//li[@class="story"]//a[@href]')) == count
    text = flatten_html(listing.html)
    for kept in ("Front page", "Regional news", "Weather forecast", "Most read", FOOTER):
        assert kept in text
    # the host's own article, headline and byline are gone
    assert _story(0)[0] not in text
    assert "Story 0:" not in text
    assert "By Ann Reporter" not in text
    assert listing.leftover == 0.0
    # so is its copy in a state blob, not the site's other scripts
    assert b"window.__STATE__" not in listing.html
    assert b'track("page")' in listing.html
    # the head describes a listing now, and the stray <title> in the body is gone
    assert len(doc.findall(".//title")) == 1
    assert doc.xpath('//meta[@property="og:type"]/@content') == []  # number 1: none
    assert listing.og_type is None
    assert not doc.xpath('//script[@type="application/ld+json"]')
    assert doc.findtext(".//title").startswith(spec.name)
    assert listing.url == "https://elm.test" + spec.path
    # the host said og:type=article: kept by every fourth listing, else website or none
    og_types = [
        lxml.html.document_fromstring(found.html).xpath('//meta[@property="og:type"]/@content')
        for found in (listing_for(pages[0], spec, number=n) for n in range(4))
        if found is not None
    ]
    assert og_types == [["article"], [], ["website"], []]


def test_build_listings_makes_every_kind_deterministically(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 12)
    first = build_listings(pages, seed=5, per_kind=1)
    again = build_listings(pages, seed=5, per_kind=1)
    assert [listing.kind for listing in first] == list(KINDS)
    assert [listing.html for listing in first] == [listing.html for listing in again]
    assert [listing.html for listing in build_listings(pages, 6, 1)] != [
        listing.html for listing in first
    ]
    for listing in first:
        low, _ = TEASER_COUNTS[listing.kind]
        # the first listing of a kind has the fewest, as far as the other pages go
        assert listing.teasers == min(low, len(pages) - 1)
        assert listing.host not in listing.sources
        assert listing.quoted <= 0.5  # no teaser source's article is on the page whole
        text = flatten_html(listing.html)
        assert "Weather forecast" in text
        assert FOOTER in text


def test_lead_listing_quotes_several_paragraphs_but_not_the_whole_story(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 6)
    lead = next(listing for listing in build_listings(pages, 3, 1) if listing.kind == "lead")
    doc = lxml.html.document_fromstring(lead.html)
    paragraphs = doc.xpath('//div[@class="lead-story"]/p[not(@class)]')
    story = _story(int(lead.sources[0][1:]))
    assert 3 <= len(paragraphs) < len(story)
    assert [p.text_content() for p in paragraphs] == story[: len(paragraphs)]


def test_mixed_site_serves_articles_listings_and_sitemaps(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 30)
    site = build_mixed_site([pages[:20], pages[20:]], seed=2, base_url="http://local.test")
    assert site.articles == {f"/2024/03/story-{n}/" for n in range(30)}
    assert site.files["/2024/03/story-4/"][0] == pages[4].read()
    assert "/" in site.listings
    assert "/section/world/" in site.listings
    assert site.kind("/section/world/") == "listing"
    assert site.kind("/2024/03/story-4/") == "article"
    assert site.kind("/sitemap.xml") == "other"
    assert site.kind("/nowhere/") is None
    linked = set()
    for path in site.listings:
        doc = lxml.html.document_fromstring(site.files[path][0])
        linked.update(doc.xpath('//div[contains(@class, "listing")]//a/@href'))
    assert site.articles <= linked  # every article is reachable from a listing
    sitemaps = b"".join(
        body for path, (body, _) in site.files.items() if path.startswith("/sitemaps/")
    )
    for path in site.articles:
        assert f"<loc>http://local.test{path}</loc>".encode() in sitemaps
    assert b"Sitemap: http://local.test/sitemap.xml" in site.files["/robots.txt"][0]
    again = build_mixed_site([pages[:20], pages[20:]], seed=2, base_url="http://local.test")
    assert again.files == site.files
