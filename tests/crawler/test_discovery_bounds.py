"""Discovery that a hostile site cannot use to exhaust or starve a crawl.

A 2 MB gzip sitemap of 900,000 URLs, a sitemap index of 10,000 children, and
caps on sitemaps and URLs: each crawl here is watched (tests/support/watch.py)
for its peak memory, its first article and its requests, and each bound is
checked far from where it bites (the figures are printed with ``-s``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from crawler.discovery import parse_sitemap, read_sitemap
from tests.support.hostile import (
    XML,
    Answer,
    HostileServer,
    article,
    gzip_urlset,
    serve,
    sitemap_index,
    urlset,
)
from tests.support.watch import MiB, watch

BULK = 900_000  # URLs in the gzip sitemap
CHILDREN = 10_000  # sitemaps in the index


@cache
def _bulk(base: str) -> bytes:
    return gzip_urlset(base, BULK)


def _robots(*sitemaps: str) -> Answer:
    lines = "".join(f"Sitemap: {s}\n" for s in sitemaps)
    return Answer(f"User-agent: *\nAllow: /\n{lines}".encode(), "text/plain")


def test_a_900k_url_sitemap_is_read_to_the_protocols_limit() -> None:
    """Read as a stream: 50,000 entries kept, the cut said, and no tree of 900,000."""
    body = _bulk("http://127.0.0.1:1")
    assert len(body) < 3 * MiB
    sitemap = parse_sitemap(body)
    assert sitemap is not None
    assert len(sitemap.entries) == 50_000
    assert sitemap.cut == "urls"


def test_sitemap_bytes_cap_and_broken_gzip() -> None:
    xml = urlset(f"http://a.test/{n}" for n in range(1000))
    cut = read_sitemap(xml, max_bytes=10_000)
    assert cut is not None and cut.cut == "bytes" and 0 < len(cut.entries) < 1000
    broken = _bulk("http://127.0.0.1:1")[:20_000]  # gzip data that breaks off
    partial = read_sitemap(broken)
    assert partial is not None and partial.cut == "bytes" and len(partial.entries) > 1000


@pytest.fixture(scope="module")
def bulk_site() -> Iterator[HostileServer]:
    def site(path: str, server: HostileServer) -> Answer | None:
        base = server.base_url
        if path == "/robots.txt":
            return _robots(f"{base}/bulk.xml.gz")
        if path == "/bulk.xml.gz":
            return Answer(_bulk(base), "application/gzip")
        if path.startswith("/bulk/"):
            return Answer(article(path, base))
        return None

    with serve(site, max_requests=5_000, lifetime=240) as server:
        yield server


def test_a_900k_url_sitemap_keeps_memory_flat_and_articles_flowing(
    bulk_site: HostileServer, tmp_path: Path
) -> None:
    """The crawl takes the first 50,000 URLs, hands Scrapy 1,000 at a time, and
    writes articles from the start; it stops at max_articles as usual."""
    watched = watch(
        {"url": f"{bulk_site.base_url}/", "max_articles": "300"},
        {},
        tmp_path / "out.jsonl",
    )
    assert watched.returncode == 0, watched.log[-3000:]
    print(
        f"\n900k sitemap: peak RSS {watched.peak_rss / MiB:.0f} MiB (crawl), "
        f"{watched.peak_total_rss / MiB:.0f} MiB with its worker; first article after "
        f"{watched.first_item:.1f} s; {len(watched.items)} articles; "
        f"{len(bulk_site.requested)} requests"
    )
    assert watched.peak_rss < 500 * MiB
    assert len(watched.items) >= 300
    assert watched.stats["discovery/capped/sitemap_urls"] == 1
    assert watched.stats["discovery/sitemap_urls"] == 50_000
    assert re.search(r"Sitemap \S+/bulk.xml.gz lists more than 50000 URLs", watched.log)
    # Requested: the sitemap, robots.txt, and the articles the crawl got to.
    assert len(bulk_site.requested) < 3_000
    assert "Traceback" not in watched.log


@pytest.fixture(scope="module")
def fanout_site() -> Iterator[HostileServer]:
    def site(path: str, server: HostileServer) -> Answer | None:
        base = server.base_url
        if path == "/robots.txt":
            return _robots(f"{base}/index.xml")
        if path == "/index.xml":
            return Answer(sitemap_index(f"{base}/maps/{n}.xml" for n in range(CHILDREN)), XML)
        if path.startswith("/maps/"):
            n = int(path.removeprefix("/maps/").removesuffix(".xml"))
            return Answer(urlset(f"{base}/news/{n}-{k}.html" for k in range(2)), XML)
        if path.startswith("/news/"):
            return Answer(article(path, base))
        return None

    with serve(site, max_requests=20_000, lifetime=240) as server:
        yield server


def test_a_10k_child_index_interleaves_sitemaps_and_articles(
    fanout_site: HostileServer, tmp_path: Path
) -> None:
    """Each child sitemap's articles are fetched before most other children: the
    first article comes after a handful of children, not all 10,000."""
    watched = watch(
        {"url": f"{fanout_site.base_url}/", "max_articles": "40"},
        {},
        tmp_path / "out.jsonl",
    )
    assert watched.returncode == 0, watched.log[-3000:]
    hits = fanout_site.first_hit
    first_article = min(t for p, t in hits.items() if p.startswith("/news/"))
    before = sum(1 for p, t in hits.items() if p.startswith("/maps/") and t < first_article)
    children = sum(1 for p in hits if p.startswith("/maps/"))
    print(
        f"\n10k-child index: first article written after {watched.first_item:.1f} s; "
        f"{before} child sitemaps fetched before the first article page, "
        f"{children} in all for {len(watched.items)} articles"
    )
    assert before <= 5
    assert children <= 60  # two articles a child: about 20 children for 40 articles
    assert watched.first_item is not None and watched.first_item < 30


def test_caps_stop_discovery_and_say_so(fanout_site: HostileServer, tmp_path: Path) -> None:
    """Sitemaps per origin and URLs in all: each cap is logged once and counted."""
    before = len(fanout_site.requested)
    watched = watch(
        {"url": f"{fanout_site.base_url}/"},
        {"NEWSCLEAN_MAX_SITEMAPS": "11", "NEWSCLEAN_MAX_URLS": "16"},
        tmp_path / "out.jsonl",
    )
    assert watched.returncode == 0, watched.log[-3000:]
    requested = fanout_site.requested[before:]
    # 11 sitemaps: the index and 10 children. 16 URLs: the start page, the index,
    # 10 children and 4 articles.
    assert sum(p.startswith("/maps/") for p in requested) == 10
    assert watched.stats["discovery/capped/sitemaps"] == CHILDREN - 10
    assert watched.log.count("(NEWSCLEAN_MAX_SITEMAPS)") == 1
    assert watched.stats["discovery/capped/urls"] >= 1
    assert watched.log.count("(NEWSCLEAN_MAX_URLS)") == 1
    assert sum(p.startswith("/news/") for p in requested) == 4
