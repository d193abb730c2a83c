"""On-site means the scheme, host and port of a start URL (crawler/origins.py).

A hostile site points the crawler at another port of its own host (an
"internal service") in every way a crawl can be steered: links, sitemap
entries, a robots.txt ``Sitemap:`` line, feed items, a 302 and a meta refresh.
None of them reaches the other port; a meta-refresh loop is logged like a
redirect loop; an RSS feed named on a ``Sitemap:`` line is read as a feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, UsageError
from scrapy.http import Response

from crawler.middlewares import START, RedirectGuardMiddleware
from crawler.origins import Origins
from tests.support.crawlers import project_crawler
from tests.support.crawlrun import CrawlResult, crawl
from tests.support.hostile import (
    XML,
    Answer,
    HostileServer,
    article,
    listing,
    rss,
    serve,
    urlset,
)

REFRESH = '<html><head><meta http-equiv="refresh" content="0; url={}"></head><body></body></html>'


def _internal(path: str, server: HostileServer) -> Answer:
    """The "internal service": an article page at every path, so a leak shows in the feed."""
    return Answer(article(path, server.base_url, title="Internal service page"))


@pytest.fixture(scope="module")
def steered(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[HostileServer, HostileServer, CrawlResult]]:
    with serve(_internal, max_requests=200, lifetime=120) as internal:
        other = internal.base_url

        def site(path: str, server: HostileServer) -> Answer | None:
            base = server.base_url
            pages = {
                "/robots.txt": Answer(
                    (
                        f"User-agent: *\nAllow: /\nSitemap: {other}/sitemap.xml\n"
                        f"Sitemap: {base}/sitemap.xml\nSitemap: {base}/feed.rss\n"
                    ).encode(),
                    "text/plain",
                ),
                "/sitemap.xml": Answer(
                    urlset([f"{base}/news/from-sitemap.html", f"{other}/news/sitemap-leak.html"]),
                    XML,
                ),
                "/feed.rss": Answer(
                    rss([f"{base}/news/only-in-feed.html", f"{other}/news/feed-leak.html"]),
                    "application/rss+xml",
                ),
                "/": Answer(
                    listing(
                        "/",
                        base,
                        [
                            "/news/linked.html",
                            f"{other}/news/link-leak.html",
                            "/news/go-away.html",
                            "/news/refresh-away.html",
                            "/news/refresh-a.html",
                            "/news/refresh-self.html",
                        ],
                    )
                ),
                "/news/go-away.html": Answer(
                    b"", status=302, headers={"Location": f"{other}/news/redirect-leak.html"}
                ),
                "/news/refresh-away.html": Answer(
                    REFRESH.format(f"{other}/news/refresh-leak.html").encode()
                ),
                "/news/refresh-a.html": Answer(REFRESH.format("/news/refresh-b.html").encode()),
                "/news/refresh-b.html": Answer(REFRESH.format("/news/refresh-a.html").encode()),
            }
            if path in pages:
                return pages[path]
            if path == "/news/refresh-self.html":  # a live page that reloads itself
                refresh = f'<head><meta http-equiv="refresh" content="30; url={path}">'
                return Answer(article(path, base).replace(b"<head>", refresh.encode(), 1))
            if path.startswith("/news/"):
                return Answer(article(path, base))
            return None

        with serve(site, max_requests=500, lifetime=120) as server:
            out = tmp_path_factory.mktemp("origins") / "out.jsonl"
            result = crawl("articles", out, args={"url": f"{server.base_url}/"})
            yield server, internal, result


def test_nothing_reaches_another_port(
    steered: tuple[HostileServer, HostileServer, CrawlResult],
) -> None:
    server, internal, result = steered
    assert result.returncode == 0, result.log[-3000:]
    assert internal.requested == [], f"the other port was asked for {internal.requested}"
    urls = {item["url"] for item in result.items}
    assert all(u.startswith(f"{server.base_url}/") for u in urls), urls
    assert "Traceback" not in result.log


def test_on_site_sources_are_all_read(
    steered: tuple[HostileServer, HostileServer, CrawlResult],
) -> None:
    """The same sources' on-site URLs are followed; the feed on the Sitemap line is read."""
    server, _, result = steered
    paths = set(result.paths(server.base_url))
    expected = {"/news/from-sitemap.html", "/news/only-in-feed.html", "/news/linked.html"}
    assert expected <= paths, f"missing {expected - paths}"
    assert "/news/refresh-self.html" in paths, "a page that reloads itself is still read"
    assert result.stats["discovery/feeds"] >= 1
    assert f"Not a sitemap, ignored: {server.base_url}/feed.rss" not in result.log


def test_every_steer_is_counted(
    steered: tuple[HostileServer, HostileServer, CrawlResult],
) -> None:
    """Off-origin links and entries are filtered and counted; the redirect and the
    meta refresh off-origin fail as offsite_redirect, each logged once."""
    server, internal, result = steered
    # the link, two sitemap entries (robots.txt line, urlset), the feed item
    assert result.stats["offsite/filtered"] >= 4
    for name in ("go-away", "refresh-away"):
        url = f"{server.base_url}/news/{name}.html"
        lines = re.findall(rf"fetch failed: {re.escape(url)}: (\w+)", result.log)
        assert lines == ["offsite_redirect"], (name, lines)
    assert f"other origin {internal.base_url}" in result.log  # said once, with the fix


def test_meta_refresh_loop_is_logged_like_a_redirect_loop(
    steered: tuple[HostileServer, HostileServer, CrawlResult],
) -> None:
    server, _, result = steered
    url = f"{server.base_url}/news/refresh-a.html"
    lines = re.findall(rf"fetch failed: {re.escape(url)}: (\w+) \((.*)\)", result.log)
    assert [cause for cause, _ in lines] == ["redirect_loop"], result.log[-3000:]
    assert "meta refresh" in lines[0][1]
    assert result.stats["fetch/failed/redirect_loop"] == 1


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8000/a", True),
        ("http://127.0.0.1:6379/a", False),
        ("https://127.0.0.1:8000/a", False),
        ("http://x.127.0.0.1:8000/a", False),
        ("http://news.example/a", True),
        ("http://news.example:80/a", True),
        ("https://news.example/a", False),
        ("http://www.news.example/a", False),
        ("http://NEWS.example./a", True),
        ("https://cdn.news.example/a", True),
        ("ftp://news.example/a", False),
        ("not a url", False),
    ],
)
def test_origins(url: str, allowed: bool) -> None:
    origins = Origins(
        ["http://127.0.0.1:8000/", "http://news.example/start"], ["https://*.news.example"]
    )
    assert origins.allows(url) is allowed


@pytest.mark.parametrize(
    "extra", ["https://*.127.0.0.1", "http://*.[::1]", "news.example", "http://a.test/path"]
)
def test_bad_extra_origins_are_refused(extra: str) -> None:
    with pytest.raises(UsageError, match="NEWSCLEAN_ALLOWED_ORIGINS"):
        Origins(["http://news.example/"], [extra])


def test_extra_origin_is_followed(tmp_path: Path) -> None:
    """A second origin named in NEWSCLEAN_ALLOWED_ORIGINS is on-site."""
    with serve(_internal, max_requests=50, lifetime=60) as other:

        def site(path: str, server: HostileServer) -> Answer | None:
            if path == "/":
                return Answer(listing("/", server.base_url, [f"{other.base_url}/news/x.html"]))
            return None

        with serve(site, max_requests=50, lifetime=60) as server:
            result = crawl(
                "articles",
                tmp_path / "out.jsonl",
                args={"url": f"{server.base_url}/"},
                settings={"NEWSCLEAN_ALLOWED_ORIGINS": other.base_url},
            )
    assert result.returncode == 0, result.log[-3000:]
    assert [i["url"] for i in result.items] == [f"{other.base_url}/news/x.html"]


class _Spider(Spider):
    name = "moves"


def _guard(start: str) -> tuple[RedirectGuardMiddleware, Origins, Crawler]:
    crawler = project_crawler(_Spider)
    spider = _Spider()
    origins = Origins([start])
    spider.origins = origins  # type: ignore[attr-defined]
    crawler.spider = spider
    return RedirectGuardMiddleware(crawler), origins, crawler


def _moved(url: str, target: str, *, start: bool) -> tuple[Request, Response]:
    request = Request(url, meta={START: True} if start else {})
    return request, Response(url, status=301, headers={"Location": target}, request=request)


@pytest.mark.parametrize(
    "target", ["https://news.example/", "https://www.news.example/", "http://www.news.example/"]
)
def test_a_start_url_moved_to_https_or_www_takes_the_origins_along(target: str) -> None:
    guard, origins, crawler = _guard("http://news.example/")
    request, response = _moved("http://news.example/", target, start=True)
    assert guard.process_response(request, response) is response  # followed
    assert origins.allows(target + "2024/05/story.html")
    assert crawler.stats is not None and crawler.stats.get_value("offsite/start_moved") == 1


@pytest.mark.parametrize(
    "target",
    [
        "http://news.example:6379/",  # another port of the same host
        "https://evil.example/",  # another host
        "http://admin.news.example/",  # a subdomain other than www.
    ],
)
def test_a_start_url_cannot_steer_the_crawl_elsewhere(target: str) -> None:
    guard, origins, _ = _guard("http://news.example/")
    request, response = _moved("http://news.example/", target, start=True)
    with pytest.raises(IgnoreRequest, match="redirect off-site"):
        guard.process_response(request, response)
    assert not origins.allows(target)


def test_only_a_start_url_moves_the_origins() -> None:
    guard, origins, _ = _guard("http://news.example/")
    request, response = _moved(
        "http://news.example/a.html", "https://www.news.example/a.html", start=False
    )
    with pytest.raises(IgnoreRequest, match="redirect off-site"):
        guard.process_response(request, response)
    assert not origins.allows("https://www.news.example/a.html")
