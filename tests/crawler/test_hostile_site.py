"""One crawl of a site that combines every hostile trick of issue 16: links and
redirects to another port, a robots.txt that names a 900,000-URL gzip sitemap,
a sitemap index of 10,000 children and an RSS feed, a calendar trap, charset
lies and a meta-refresh loop. The crawl finishes within its limits, writes the
site's real articles, and sends no request outside its start origin."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests.support.hostile import (
    XML,
    Answer,
    HostileServer,
    article,
    gzip_urlset,
    listing,
    rss,
    serve,
    sitemap_index,
    urlset,
)
from tests.support.watch import MiB, watch

REAL = [f"/news/real-{n}.html" for n in range(30)]  # the site's articles, linked from "/"
LIES = {  # real articles served with a lying charset: bytes, declared
    "/news/real-0.html": ("latin-1", "utf-8"),
    "/news/real-1.html": ("utf-8", "utf-16-le"),
    "/news/real-2.html": ("utf-8", "cp037"),
    "/news/real-3.html": ("utf-8", "utf-7"),
}
SENTENCE = "Les élèves à l'école ont préparé une fête pour l'été."
# Lower than the defaults, so that one crawl meets every cap in a minute or two:
# the gzip sitemap and the index give 500 of their entries each, 100 sitemaps are
# read, the calendar is found to be a trap, and the children's archive pages
# (20 each) run into the URL cap.
LIMITS = {
    "NEWSCLEAN_SITEMAP_MAX_URLS": "500",
    "NEWSCLEAN_MAX_SITEMAPS": "100",
    "NEWSCLEAN_MAX_URLS": "2000",
}
REFRESH = '<html><head><meta http-equiv="refresh" content="0; url={}"></head></html>'


@cache
def _bulk(base: str) -> bytes:
    return gzip_urlset(base, 900_000)


def _real(path: str, base: str) -> Answer:
    page = article(path, base).decode().replace('<meta charset="utf-8">', "")
    page = page.replace(
        '<div class="entry-content">', f'<div class="entry-content"><p>{SENTENCE}</p>'
    )
    encoding, declared = LIES.get(path, ("utf-8", "utf-8"))
    return Answer(page.encode(encoding), f"text/html; charset={declared}")


def _site(other: str) -> object:
    def site(path: str, server: HostileServer) -> Answer | None:
        base = server.base_url
        fixed = {
            "/robots.txt": Answer(
                (
                    f"User-agent: *\nSitemap: {base}/bulk.xml.gz\nSitemap: {base}/index.xml\n"
                    f"Sitemap: {base}/feed.rss\nSitemap: {other}/sitemap.xml\n"
                ).encode(),
                "text/plain",
            ),
            "/bulk.xml.gz": Answer(_bulk(base), "application/gzip"),
            "/index.xml": Answer(
                sitemap_index(f"{base}/maps/{n}.xml" for n in range(10_000)), XML
            ),
            "/feed.rss": Answer(
                rss([f"{base}{REAL[-1]}", f"{other}/news/feed.html"]), "application/rss+xml"
            ),
            "/": Answer(
                listing(
                    "/",
                    base,
                    [*REAL, f"{other}/news/link.html", "/go.html", "/loop-a.html", "/calendar/0/"],
                )
            ),
            "/go.html": Answer(b"", status=302, headers={"Location": f"{other}/news/moved.html"}),
            "/loop-a.html": Answer(REFRESH.format("/loop-b.html").encode()),
            "/loop-b.html": Answer(REFRESH.format("/loop-a.html").encode()),
        }
        if path in fixed:
            return fixed[path]
        if path in REAL:
            return _real(path, base)
        if path.startswith("/maps/"):
            n = int(path.removeprefix("/maps/").removesuffix(".xml"))
            archive = [f"{base}/archive/{n}-{k}.html" for k in range(20)]
            return Answer(urlset([*archive, f"{other}/archive/{n}.html"]), XML)
        if path.startswith("/calendar/"):
            n = int(path.split("/")[2])
            days = [f"/calendar/{5 * n + k}/" for k in range(1, 6)]
            return Answer(listing(path, base, days, title=f"Calendar {n}"))
        if path.startswith(("/bulk/", "/archive/")):
            return Answer(article(path, base))
        return None

    return site


def test_a_hostile_site_is_crawled_within_its_limits(tmp_path: Path) -> None:
    with (
        serve(lambda p, s: Answer(b"internal"), max_requests=100, lifetime=300) as internal,
        serve(_site(internal.base_url), max_requests=6_000, lifetime=300) as server,  # type: ignore[arg-type]
    ):
        watched = watch(
            {"url": f"{server.base_url}/"}, LIMITS, tmp_path / "out.jsonl", timeout=240
        )
    assert watched.returncode == 0, watched.log[-3000:]
    stats = watched.stats
    written = {item["url"].removeprefix(server.base_url): item for item in watched.items}
    print(
        f"\nhostile site: {len(server.requested)} requests, {len(written)} articles, "
        f"peak RSS {watched.peak_rss / MiB:.0f} MiB ({watched.peak_total_rss / MiB:.0f} MiB "
        f"with its worker), first article after {watched.first_item:.1f} s, "
        f"finished after {stats.get('elapsed_time_seconds', 0):.0f} s"
    )
    assert stats["finish_reason"] == "finished"
    assert internal.requested == [], "a request left the start origin"
    missing = [p for p in REAL if p not in written]
    assert not missing, missing
    assert all(SENTENCE in written[p]["body"] for p in REAL), "a charset lie got through"
    assert watched.peak_rss < 500 * MiB
    # Every stop is counted, and each cap said once.
    assert stats["discovery/capped/sitemap_urls"] == 2  # the gzip sitemap and the index
    assert stats["discovery/capped/sitemaps"] >= 1
    assert stats["discovery/capped/urls"] >= 1
    assert stats["traps/patterns"] == 1
    assert stats["offsite/filtered"] >= 4
    assert stats["fetch/failed/offsite_redirect"] == 1
    assert stats["fetch/failed/redirect_loop"] == 1
    assert stats["pages/charset_overruled"] >= len(LIES)
    for setting, times in {
        "NEWSCLEAN_SITEMAP_MAX_URLS": 2,  # once per sitemap cut
        "NEWSCLEAN_MAX_SITEMAPS": 1,
        "NEWSCLEAN_MAX_URLS": 1,
    }.items():
        assert watched.log.count(f"({setting})") == times, setting
    calendar = sum(p.startswith("/calendar/") for p in server.requested)
    assert calendar < 500, calendar
    assert len(server.requested) < 2_100  # the URL cap and robots.txt
    assert "Traceback" not in watched.log
