"""Distributed crawling (crawler.distributed): worker processes share one crawl
through a real redis-server, on the local test site.

The server comes from Debian's redis-server package (scripts/system-packages). It
missing skips these tests on a developer's machine and fails them in CI.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from crawler.demosite import SiteServer
from tests.support.crawlers import project_crawler
from tests.support.crawlrun import FAST, ROOT, read_jsonl, run_scrapy
from tests.support.redis_server import RedisServer, redis_server, redis_server_missing

# Slow enough that every worker gets a share and a kill lands mid-crawl: each
# worker holds at most 2 requests and waits 50 ms between them (~70 pages).
WORKER = {
    **FAST,
    "CONCURRENT_REQUESTS": "2",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
    "DOWNLOAD_DELAY": "0.05",
    "NEWSCLEAN_REDIS_IDLE_CLOSE": "2",
    "NEWSCLEAN_REDIS_WORKER_TIMEOUT": "3",
    "REMOTE_CONTROL_ENABLED": "0",
}
QUEUE = "newsclean:articles:requests"
DEADLINE = 60  # seconds for any one worker; a test-site crawl takes about 10


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    """A real redis-server on a free port of 127.0.0.1 for this module."""
    if missing := redis_server_missing():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the distributed tests: {missing}")
        pytest.skip(missing)
    with redis_server() as running:
        yield running


@pytest.fixture
def db(server: RedisServer, test_site: SiteServer) -> Iterator[redis.Redis]:
    """An empty Redis and a fresh request log of the test site, for one test."""
    client = server.client()
    client.flushall()
    test_site.requested.clear()
    yield client
    client.close()


class Worker:
    """``scrapy crawl articles`` on the test site, as one worker of the shared crawl."""

    def __init__(
        self,
        server: RedisServer,
        site: SiteServer,
        folder: Path,
        name: str,
        *,
        default_feed: bool = False,
    ):
        """With ``default_feed``, the worker runs in ``folder`` with no ``-o``, as the
        README shows, and writes the project's default feed there."""
        self.output = folder / f"{name}.jsonl"
        self.stats_path = folder / f"{name}.stats.json"
        self.log_path = folder / f"{name}.log"
        command = [
            sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"url={site.base_url}/",
        ]  # fmt: skip
        if not default_feed:
            command += ["-o", str(self.output)]
        for name_, value in {**WORKER, "NEWSCLEAN_STATS_DUMP": str(self.stats_path)}.items():
            command += ["-s", f"{name_}={value}"]
        env = {**os.environ, "NEWSCLEAN_REDIS_URL": server.url}
        if default_feed:  # the project from its settings module, not from a scrapy.cfg
            env |= {"SCRAPY_SETTINGS_MODULE": "crawler.settings", "PYTHONPATH": str(ROOT)}
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=folder if default_feed else ROOT, env=env, stderr=log
            )
        self.id = f"{socket.gethostname()}-{self.process.pid}"  # as crawler.distributed.worker_id
        if default_feed:
            self.output = folder / f"articles.{self.id}.jsonl"

    def wait(self) -> int:
        """Its exit status, once it has stopped by itself."""
        return self.process.wait(timeout=DEADLINE)

    def items(self) -> list[dict[str, Any]]:
        """The items it wrote; a line torn by SIGKILL is left out."""
        if not self.output.exists():
            return []
        lines = self.output.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.endswith("}")]

    def stats(self) -> dict[str, Any]:
        """Its final stats (it must have closed normally)."""
        loaded: dict[str, Any] = json.loads(self.stats_path.read_text())
        return loaded

    def log(self) -> str:
        """Its log, for failure messages."""
        return self.log_path.read_text()


def wait_until(condition: Any, what: str, timeout: float = DEADLINE) -> None:
    """Poll ``condition()`` every 20 ms until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.02)


def leased_paths(db: redis.Redis, worker: Worker, base: str) -> set[str]:
    """Paths of the requests ``worker`` had taken and not finished."""
    entries = db.hgetall(f"newsclean:articles:inflight:{worker.id}").values()
    return {pickle.loads(data)["url"].removeprefix(base) for data in entries}


def check_articles(site: SiteServer, workers: list[Worker], folder: Path) -> Counter[str]:
    """Every article page is in the workers' items, and once in their merged file."""
    found = Counter(item["url"].removeprefix(site.base_url) for w in workers for item in w.items())
    # Of a near-duplicate pair, whichever copy a worker saw first is kept.
    pairs = site.site.near_duplicates
    expected = set(site.site.articles) - {a for a, _ in pairs}
    assert all(a in found or b in found for a, b in pairs), "a wire story lost"
    missing = expected - set(found)
    requested = Counter(site.requested)
    assert not missing, f"articles lost: {[(p, requested[p]) for p in sorted(missing)]}"
    merged = folder / "merged.jsonl"
    done = run_scrapy(["merge", str(merged), *(str(w.output) for w in workers)])
    assert done.returncode == 0, done.stderr
    paths = Counter(item["url"].removeprefix(site.base_url) for item in read_jsonl(merged))
    assert {p: n for p, n in paths.items() if n > 1} == {}
    assert expected <= set(paths)
    # Beyond the answer key, only wire-story copies: both are kept when two
    # workers saw one each (near duplicates are found per worker).
    assert set(paths) - expected <= {p for pair in pairs for p in pair}
    return found


def check_crawl_closed(db: redis.Redis) -> None:
    """Nothing queued, nothing leased, no worker registered."""
    assert db.zcard(QUEUE) == 0
    assert db.keys("newsclean:articles:inflight:*") == []
    assert db.smembers("newsclean:articles:workers") == set()


def test_without_redis_url_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCLEAN_REDIS_URL", raising=False)
    crawler = project_crawler()
    assert crawler.settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert crawler.settings["DUPEFILTER_CLASS"] == "scrapy.dupefilters.RFPDupeFilter"
    assert crawler.settings.getdict("FEEDS") == {"%(name)s.jsonl": {"format": "jsonlines"}}


def test_redis_url_switches_to_scrapy_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLEAN_REDIS_URL", "redis://127.0.0.1:1/0")
    settings = project_crawler().settings
    assert settings["SCHEDULER"] == "crawler.distributed.scheduler.RedisScheduler"
    assert settings["REDIS_URL"] == "redis://127.0.0.1:1/0"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert settings["SCHEDULER_QUEUE_KEY"] == "newsclean:%(spider)s:requests"
    off = project_crawler(settings={"NEWSCLEAN_REDIS_ENABLED": False})
    assert off.settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"


def test_three_workers_fetch_each_article_once(
    server: RedisServer, test_site: SiteServer, db: redis.Redis, tmp_path: Path
) -> None:
    workers = [Worker(server, test_site, tmp_path, f"w{i}") for i in range(3)]
    for worker in workers:
        assert worker.wait() == 0, worker.log()
    fetched = Counter(test_site.requested)
    twice = {p: n for p, n in fetched.items() if p in test_site.site.articles and n > 1}
    assert twice == {}, "article pages fetched more than once across workers"
    found = check_articles(test_site, workers, tmp_path)
    assert {p: n for p, n in found.items() if n > 1} == {}, "an article written twice"
    shares = [len(w.items()) for w in workers]
    assert sum(1 for n in shares if n) >= 2, f"one worker did everything: {shares}"
    assert sum(int(w.stats().get("scheduler/dequeued/redis", 0)) for w in workers) > 0
    check_crawl_closed(db)


def test_killed_worker_pages_are_finished_by_the_others(
    server: RedisServer, test_site: SiteServer, db: redis.Redis, tmp_path: Path
) -> None:
    victim, survivor = (Worker(server, test_site, tmp_path, f"w{i}") for i in range(2))
    inflight = f"newsclean:articles:inflight:{victim.id}"
    wait_until(
        lambda: len(victim.items()) >= 3 and db.hlen(inflight) > 0,
        "the victim has written articles and holds requests",
    )
    victim.process.send_signal(signal.SIGKILL)
    victim.process.wait(timeout=10)
    lost = leased_paths(db, victim, test_site.base_url)
    assert lost, "the victim held no request when killed"
    assert survivor.wait() == 0, survivor.log()
    assert survivor.stats()["distributed/requeued_from_dead"] == len(lost)
    check_articles(test_site, [victim, survivor], tmp_path)
    written = {i["url"].removeprefix(test_site.base_url) for i in survivor.items()}
    articles = lost & set(test_site.site.articles)
    assert articles <= written | {
        i["url"].removeprefix(test_site.base_url) for i in victim.items()
    }
    check_crawl_closed(db)


def test_restarted_crawl_resumes_from_the_queue(
    server: RedisServer, test_site: SiteServer, db: redis.Redis, tmp_path: Path
) -> None:
    first = Worker(server, test_site, tmp_path, "first")
    wait_until(lambda: len(first.items()) >= 5, "the first worker has written 5 articles")
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=10)
    lost = leased_paths(db, first, test_site.base_url)
    assert db.zcard(QUEUE) + len(lost) > 0, "the crawl was over before the kill"
    before = Counter(test_site.requested)
    second = Worker(server, test_site, tmp_path, "second")
    assert second.wait() == 0, second.log()
    check_articles(test_site, [first, second], tmp_path)
    again = Counter(test_site.requested) - before
    # Resumed, not started over: of the pages fetched before the kill, only those
    # the first worker had not finished (its leases) are fetched again.
    refetched = {p for p in before if again[p] and p != "/robots.txt"}
    assert refetched <= lost, f"fetched again: {refetched - lost}; leased: {lost}"
    check_crawl_closed(db)


def test_stopped_worker_hands_back_its_requests(
    server: RedisServer, test_site: SiteServer, db: redis.Redis, tmp_path: Path
) -> None:
    first = Worker(server, test_site, tmp_path, "first")
    wait_until(lambda: len(first.items()) >= 5, "the first worker has written 5 articles")
    first.process.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy stops gracefully
    assert first.wait() == 0, first.log()
    assert first.stats()["finish_reason"] == "shutdown"
    assert db.keys("newsclean:articles:inflight:*") == []
    assert db.zcard(QUEUE) > 0
    second = Worker(server, test_site, tmp_path, "second")
    assert second.wait() == 0, second.log()
    check_articles(test_site, [first, second], tmp_path)
    check_crawl_closed(db)


def test_two_workers_in_one_folder_write_two_files(
    server: RedisServer, test_site: SiteServer, db: redis.Redis, tmp_path: Path
) -> None:
    workers = [Worker(server, test_site, tmp_path, f"w{i}", default_feed=True) for i in range(2)]
    for worker in workers:
        assert worker.wait() == 0, worker.log()
    feeds = sorted(
        p.name for p in tmp_path.glob("articles.*.jsonl") if ".duplicates." not in p.name
    )
    assert feeds == sorted(w.output.name for w in workers), feeds
    assert all(w.items() for w in workers), "a worker wrote nothing"
    check_articles(test_site, workers, tmp_path)
    check_crawl_closed(db)


def test_merge_keeps_the_first_item_of_each_page(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text('{"url": "http://n.test/a", "title": "A"}\n{"url": "http://n.test/b"}\n')
    two.write_text(
        '{"url": "https://n.test/c", "canonical_url": "http://n.test/a", "title": "A2"}\n'
        '{"url": "http://n.test/d"}\n{"url": "http://n.te'
    )
    done = run_scrapy(["merge", str(tmp_path / "all.jsonl"), str(one), str(two)])
    assert done.returncode == 0, done.stderr
    assert "read 4 items, wrote 3, dropped 1 duplicates, skipped 1 unreadable" in done.stdout
    merged = read_jsonl(tmp_path / "all.jsonl")
    assert [i["url"] for i in merged] == ["http://n.test/a", "http://n.test/b", "http://n.test/d"]
    assert run_scrapy(["merge", str(one), str(one)]).returncode != 0
