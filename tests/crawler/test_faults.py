"""Crawls through a faulty server (tests/support/faulty.py): the crawl finishes,
every page that finally answers yields its article, and every failure is
counted (``fetch/failed/<cause>``) and logged once with its URL and cause."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from crawler.middlewares import RedirectGuardMiddleware  # noqa: F401  (importable: in the add-on)
from tests.support.crawlrun import CrawlResult, crawl
from tests.support.faulty import FAULTS, MAXSIZE, PREFIX, TIMEOUT, FaultyServer, serve_faulty


@pytest.fixture(scope="module")
def faulty_crawl(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FaultyServer, CrawlResult]]:
    """One crawl of the faulty site, shared by the tests of this module."""
    out = tmp_path_factory.mktemp("faults") / "out.jsonl"
    with serve_faulty() as server:
        result = crawl(
            "articles",
            out,
            args={"url": f"{server.base_url}/"},
            settings={
                "DOWNLOAD_TIMEOUT": str(TIMEOUT),
                "DOWNLOAD_MAXSIZE": str(MAXSIZE),
                "RETRY_TIMES": "1",  # one retry is enough to show flaky pages recover
            },
        )
        yield server, result


def _url(server: FaultyServer, name: str) -> str:
    return f"{server.base_url}{PREFIX}{name}.html"


def test_crawl_finishes(faulty_crawl: tuple[FaultyServer, CrawlResult]) -> None:
    _, result = faulty_crawl
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["finish_reason"] == "finished"
    assert "Traceback" not in result.log, result.log


def test_every_page_that_answers_yields_its_article(
    faulty_crawl: tuple[FaultyServer, CrawlResult],
) -> None:
    server, result = faulty_crawl
    expected = sorted(
        _url(server, "moved" if name == "redirect-here" else name)
        for name, fault in FAULTS.items()
        if fault.article
    )
    got = [item["url"] for item in result.items]
    assert sorted(got) == expected, f"missing: {set(expected) - set(got)}"
    assert all(len(item["body"]) > 500 for item in result.items)


@pytest.mark.parametrize("name", [n for n, f in FAULTS.items() if f.cause])
def test_failure_counted_and_logged_once(
    faulty_crawl: tuple[FaultyServer, CrawlResult], name: str
) -> None:
    server, result = faulty_crawl
    cause = FAULTS[name].cause
    lines = re.findall(rf"fetch failed: {re.escape(_url(server, name))}: (\w+)", result.log)
    assert lines == [cause], f"{name}: log lines {lines}, expected one {cause!r}"
    assert result.stats.get(f"fetch/failed/{cause}", 0) >= 1


def test_failures_add_up(faulty_crawl: tuple[FaultyServer, CrawlResult]) -> None:
    """No failure goes uncounted and nothing else fails (robots.txt, the listing)."""
    _, result = faulty_crawl
    failing = [f for f in FAULTS.values() if f.cause]
    assert result.stats["fetch/failed"] == len(failing)
    assert result.log.count("fetch failed: ") == len(failing)
    # Scrapy's own per-retry and give-up lines stay at DEBUG (RETRY_GIVE_UP_LOG_LEVEL).
    assert "Gave up retrying" not in result.log


@pytest.mark.parametrize("name", [n for n, f in FAULTS.items() if f.stat])
def test_fault_leaves_its_stat(faulty_crawl: tuple[FaultyServer, CrawlResult], name: str) -> None:
    _, result = faulty_crawl
    assert result.stats.get(FAULTS[name].stat or "", 0) >= 1, name


def test_not_html_logged_once(faulty_crawl: tuple[FaultyServer, CrawlResult]) -> None:
    server, result = faulty_crawl
    for name in ("image", "json"):
        assert result.log.count(f"Not an HTML page, ignored: {_url(server, name)}") == 1
    assert result.stats["pages/not_html"] == 2


def test_redirects_stay_on_site_and_stop(faulty_crawl: tuple[FaultyServer, CrawlResult]) -> None:
    server, _ = faulty_crawl
    assert server.hits[f"{PREFIX}ok.html"] == 1  # the off-site copy of it was never fetched
    chain = [p for p in server.hits if p.startswith("/chain/")]
    assert len(chain) == 20  # REDIRECT_MAX_TIMES
    assert server.hits["/loop/a"] == 1


def test_gzip_bomb_stops_at_the_limit(faulty_crawl: tuple[FaultyServer, CrawlResult]) -> None:
    """The 5 KB body that inflates to 5 MB is refused once 1 MB (DOWNLOAD_MAXSIZE) is out."""
    server, result = faulty_crawl
    assert f"{_url(server, 'gzip-bomb')}> because its body" in result.log
    assert "decompressed so far" in result.log
    assert result.stats["fetch/failed/too_large"] == 2  # the bomb and the announced 4 MB body
    # The decompression stopped near the limit, not at the full 5 MB.
    so_far = re.search(r"(\d+) B decompressed so far", result.log)
    assert so_far and int(so_far.group(1)) < 2 * MAXSIZE


def test_attribute_flood_is_refused_before_parsing(
    faulty_crawl: tuple[FaultyServer, CrawlResult],
) -> None:
    """The page is measured before libxml2 sees it, in the worker, and refused: it
    costs the crawl a scan of its text, not the tens of seconds of a parse."""
    server, result = faulty_crawl
    url = _url(server, "attribute-flood")
    found = re.findall(
        rf"page refused: {re.escape(url)}: too-large \(.*?\) in ([\d.]+) s", result.log
    )
    assert len(found) == 1, result.log[-3000:]
    assert float(found[0]) < 1, f"refusing it took {found[0]} s of worker time"
