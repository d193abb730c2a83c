"""Run a crawl of the local test site in a subprocess and read what it wrote.

Twisted's reactor cannot be restarted inside one process, so every test crawl
is a ``python -m scrapy`` subprocess, run from the project root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# The test site is our own server on 127.0.0.1: no politeness delays.
FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "TELNETCONSOLE_ENABLED": "0",
    "LOG_LEVEL": "INFO",
}
TIMEOUT = 90  # seconds; a crawl of the test site takes about 3


@dataclass
class CrawlResult:
    """What a crawl left: its items, stats, log and exit status."""

    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str
    returncode: int

    def paths(self, base: str) -> list[str]:
        """Item URLs relative to ``base``, in output order."""
        return [item["url"].removeprefix(base) for item in self.items]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file (none if it does not exist)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_scrapy(
    args: list[str],
    *,
    timeout: float = TIMEOUT,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """``python -m scrapy ARGS`` in ``cwd``, the project root by default (``env``: added
    to the environment; elsewhere, the project is found by SCRAPY_SETTINGS_MODULE)."""
    if cwd != ROOT:
        project = {"SCRAPY_SETTINGS_MODULE": "crawler.settings", "PYTHONPATH": str(ROOT)}
        env = {**project, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **env} if env else None,
    )


def crawl(
    spider: str,
    output: Path,
    *,
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> CrawlResult:
    """Run ``scrapy crawl SPIDER -O OUTPUT`` with spider ``args`` and ``settings``
    (killed after ``timeout`` seconds).

    The crawl's stats are dumped to ``OUTPUT.stats.json`` by the
    ``NEWSCLEAN_STATS_DUMP`` setting (crawler.extensions) and returned.
    """
    stats_path = output.with_suffix(".stats.json")
    command = ["crawl", spider, "-O", str(output)]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {
        **FAST,
        "NEWSCLEAN_STATS_DUMP": str(stats_path),
        **(settings or {}),
    }.items():
        command += ["-s", f"{name}={value}"]
    done = run_scrapy(command, timeout=timeout)
    stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    return CrawlResult(read_jsonl(output), stats, done.stderr, done.returncode)
