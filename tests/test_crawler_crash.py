"""A crawl killed with SIGKILL: what it wrote is intact up to the item in flight."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawlrun import FAST, ROOT

from crawler.demosite import SiteServer


def test_feed_survives_sigkill(test_site: SiteServer, tmp_path: Path) -> None:
    """Each article is flushed as it is written (FlushingJsonLinesItemExporter), so
    a crash loses at most the line being written: every earlier line is whole JSON."""
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", "articles", "-O", str(out)]
    command += ["-a", f"url={test_site.base_url}/"]
    for name, value in {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}.items():
        command += ["-s", f"{name}={value}"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 5:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the crawl ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    lines = out.read_bytes().split(b"\n")
    whole, last = lines[:-1], lines[-1]
    assert len(whole) >= 5
    urls = [json.loads(line)["url"] for line in whole]  # every finished line parses
    assert len(set(urls)) == len(urls)
    assert all(url.startswith(test_site.base_url) for url in urls)
    # `last` is empty, or the start of the one article that was being written.
    assert not last or not last.endswith(b"}")
