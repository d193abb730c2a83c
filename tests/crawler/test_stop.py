"""A crawl stops within seconds of Ctrl-C or SIGTERM, whatever its queue, and a
JOBDIR keeps what was pending (crawler/shutdown.py).

Two times are measured from the signal: to the crawl's "Spider closed" line
(its work is done, its queue and state saved) and to the exit of its process,
which adds Python's teardown of the process (about 0.5 s on an idle machine,
2 s on this shared one when it is busy).

The site is slow on purpose (every article takes 0.3 s to answer) and the crawl
runs with the project's polite defaults (AutoThrottle, DOWNLOAD_DELAY 0.5 s), so
that when the signal comes, requests are waiting in the downloader's delay
queues, in flight, and 50,000 URLs in the backlog.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from tests.support.hostile import Answer, HostileServer, article, gzip_urlset, listing, serve
from tests.support.watch import Watched, watch

POLITE = {  # the project's own settings, which FAST lifts for test sites
    "AUTOTHROTTLE_ENABLED": "1",
    "DOWNLOAD_DELAY": "0.5",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
}
SLOW = 0.3  # seconds each article takes to answer
STAMPED = "%(asctime)s.%(msecs)03d [%(name)s] %(levelname)s: %(message)s"


@cache
def _sitemap(base: str) -> bytes:
    return gzip_urlset(base, 60_000)


@pytest.fixture(scope="module")
def slow_site() -> Iterator[HostileServer]:
    def site(path: str, server: HostileServer) -> Answer | None:
        base = server.base_url
        if path == "/robots.txt":
            return Answer(f"Sitemap: {base}/bulk.xml.gz\n".encode(), "text/plain")
        if path == "/bulk.xml.gz":
            return Answer(_sitemap(base), "application/gzip")
        if path.startswith("/bulk/"):
            return Answer(article(path, base), delay=SLOW)
        return None

    with serve(site, max_requests=2_000, lifetime=300) as server:
        yield server


def _going(watched: Watched, elapsed: float) -> bool:
    """Four seconds into writing articles: the queues are full."""
    return watched.first_item is not None and elapsed > watched.first_item + 4


def _closed_after(watched: Watched) -> float:
    found = re.search(r"^(\S+ \S+) \[scrapy.core.engine\] INFO: Spider closed", watched.log, re.M)
    assert found and watched.signal_time, watched.log[-3000:]
    closed = datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
    return closed - watched.signal_time


@pytest.mark.parametrize(
    ("sig", "group", "bound"),
    [(signal.SIGINT, False, 5.0), (signal.SIGTERM, True, 10.0)],
    ids=["ctrl-c", "sigterm-to-the-group"],
)
def test_stop_within_seconds_and_resume(
    slow_site: HostileServer, tmp_path: Path, sig: int, group: bool, bound: float
) -> None:
    job = tmp_path / "job"
    out = tmp_path / "out.jsonl"
    settings = {**POLITE, "JOBDIR": str(job), "LOG_FORMAT": STAMPED}
    args = {"url": f"{slow_site.base_url}/"}
    first = watch(args, settings, out, stop_when=_going, sig=sig, group=group)
    assert first.returncode == 0, first.log[-3000:]
    closed = _closed_after(first)
    print(
        f"\n{signal.Signals(sig).name}: spider closed {closed:.1f} s after the signal, "
        f"process gone after {first.stopped_after:.1f} s; "
        f"{first.stats.get('shutdown/requeued', 0)} unsent requests requeued"
    )
    assert closed < bound
    assert first.stopped_after is not None and first.stopped_after < 10.0
    assert first.stats["finish_reason"] == "shutdown"
    assert "kept in the job's state" in first.log
    written = {item["url"] for item in first.items}
    assert written
    # The same command again: it goes on from the job folder, writing new articles.
    again = watch(args, {**settings, "CLOSESPIDER_ITEMCOUNT": "3"}, tmp_path / "again.jsonl")
    assert again.returncode == 0, again.log[-3000:]
    resumed = {item["url"] for item in again.items}
    assert resumed and not resumed & written
    assert "ended uncleanly" not in again.log
    assert re.search(r"Resuming with \d{5} discovered URLs from the job's state", again.log)


def test_stop_aborts_downloads_that_hang(tmp_path: Path) -> None:
    """A server that never answers would hold a graceful stop for DOWNLOAD_TIMEOUT
    (30 s): the downloads still in flight after NEWSCLEAN_STOP_GRACE are aborted."""

    def site(path: str, server: HostileServer) -> Answer | None:
        if path == "/":
            links = [f"/hang/{n}.html" for n in range(8)]
            return Answer(listing("/", server.base_url, links))
        if path.startswith("/hang/"):
            return Answer(b"too late", delay=60)
        return None

    with serve(site, max_requests=100, lifetime=90) as server:

        def hanging(watched: Watched, elapsed: float) -> bool:
            return sum(p.startswith("/hang/") for p in server.requested) >= 4

        watched = watch(
            {"url": f"{server.base_url}/"},
            {"JOBDIR": str(tmp_path / "job"), "LOG_FORMAT": STAMPED},
            tmp_path / "out.jsonl",
            stop_when=hanging,
        )
    assert watched.returncode == 0, watched.log[-3000:]
    closed = _closed_after(watched)
    print(f"\nhanging downloads: spider closed {closed:.1f} s after Ctrl-C")
    assert closed < 5.0
    assert "in flight after 2 s (NEWSCLEAN_STOP_GRACE) are cut short" in watched.log
    assert watched.stats["shutdown/requeued"] >= 4
    assert "fetch failed: " + f"{server.base_url}/hang/" not in watched.log  # no fault
