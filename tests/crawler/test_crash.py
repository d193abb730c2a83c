"""A crawl killed with SIGKILL: what it wrote is intact up to the item in flight,
and a JOBDIR crawl resumed after the kill writes every article exactly once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawler.demosite import SiteServer
from tests.support.crawlrun import FAST, ROOT, read_jsonl, run_scrapy


def kill_after(args: list[str], out: Path, lines: int) -> int:
    """Run ``scrapy ARGS``, SIGKILL it once ``out`` has ``lines`` lines; its exit status."""
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= lines:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the crawl ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return process.returncode


def test_feed_survives_sigkill(test_site: SiteServer, tmp_path: Path) -> None:
    """Each article is flushed as it is written (FlushingJsonLinesItemExporter), so
    a crash loses at most the line being written: every earlier line is whole JSON."""
    out = tmp_path / "out.jsonl"
    command = ["crawl", "articles", "-O", str(out), "-a", f"url={test_site.base_url}/"]
    for name, value in {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}.items():
        command += ["-s", f"{name}={value}"]
    assert kill_after(command, out, 5) == -signal.SIGKILL
    lines = out.read_bytes().split(b"\n")
    whole, last = lines[:-1], lines[-1]
    assert len(whole) >= 5
    urls = [json.loads(line)["url"] for line in whole]  # every finished line parses
    assert len(set(urls)) == len(urls)
    assert all(url.startswith(test_site.base_url) for url in urls)
    # `last` is empty, or the start of the one article that was being written.
    assert not last or not last.endswith(b"}")


def test_jobdir_resume_after_sigkill(test_site: SiteServer, tmp_path: Path) -> None:
    """A JOBDIR crawl killed part-way, then run again: the feed it appends to holds
    every article once. Scrapy saves the job's queue and spider state only on a
    clean close; crawler.resume.CrashRecovery restarts discovery after a crash and
    re-reads the URL keys of the articles already in the feed."""
    out = tmp_path / "out.jsonl"
    command = ["crawl", "articles", "-o", str(out), "-a", f"url={test_site.base_url}/"]
    slow = {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", "DOWNLOAD_DELAY": "0.1"}
    for name, value in {**FAST, **slow, "JOBDIR": str(tmp_path / "job")}.items():
        command += ["-s", f"{name}={value}"]
    assert kill_after(command, out, 5) == -signal.SIGKILL
    killed = out.read_bytes()
    before = killed.count(b"\n")
    with out.open("ab") as f:  # as if killed mid-line: CrashRecovery cuts the fragment
        f.write(b'{"url": "' + test_site.base_url.encode() + b"/politics/2022/01/03/pl")

    done = run_scrapy(command)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ended uncleanly" in done.stderr
    key = test_site.site.manifest()
    paths = [item["url"].removeprefix(key["base"]) for item in read_jsonl(out)]
    assert before < len(paths), "the resumed run wrote nothing"
    twice = {p for p in paths if paths.count(p) > 1}
    assert not twice, f"written more than once: {twice}"
    assert not set(paths) & set(key["listings"]), "listing pages became articles"
    # The near-duplicate index is not recovered (docs/crawling.md): the second
    # page of a wire story may be written too, if the first was before the kill.
    wire = {p for pair in key["near_duplicates"] for p in pair}
    assert set(paths) - wire == set(key["articles"]) - wire, (
        f"missing: {sorted(set(key['articles']) - wire - set(paths))}; "
        f"unexpected: {sorted(set(paths) - wire - set(key['articles']))}"
    )
    assert all(set(pair) & set(paths) for pair in key["near_duplicates"])
