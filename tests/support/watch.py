"""Run a crawl in a subprocess and watch it: its memory, its first article, and
how long it takes to stop after a signal.

Memory is read from ``/proc/<pid>/status`` every 0.1 s: ``VmHWM`` (the peak
resident set) of the crawl's own process, and the peak of the sum of ``VmRSS``
over it and its child processes (the extraction workers).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.crawlrun import FAST, ROOT, read_jsonl

MiB = 1024 * 1024


@dataclass
class Watched:
    """What a watched crawl did."""

    returncode: int
    log: str
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    peak_rss: int = 0  # bytes, the crawl's own process (VmHWM)
    peak_total_rss: int = 0  # bytes, the crawl and its workers together
    first_item: float | None = None  # seconds from start to the first line written
    signalled: float | None = None  # seconds from start to the signal
    signal_time: float | None = None  # time.time() of the signal
    stopped_after: float | None = None  # seconds from the signal to the exit
    extra: dict[str, Any] = field(default_factory=dict)


def _status(pid: int, key: str) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def watch(
    args: dict[str, str],
    settings: dict[str, str],
    out: Path,
    *,
    stop_when: Callable[[Watched, float], bool] | None = None,
    sig: int = signal.SIGINT,
    group: bool = False,
    timeout: float = 180,
) -> Watched:
    """Run ``scrapy crawl articles -O out`` with ``args`` and ``settings`` (over
    :data:`FAST`); send ``sig`` once ``stop_when(watched, elapsed)`` is true, to
    the crawl's whole process group with ``group`` (as a supervisor such as
    systemd does), else to the crawl's process (as Ctrl-C in a shell does not:
    the shell signals the group too, but the workers ignore it either way)."""
    stats_path = out.with_suffix(".stats.json")
    log_path = out.with_suffix(".log")
    command = [sys.executable, "-m", "scrapy", "crawl", "articles", "-O", str(out)]
    for name, value in args.items():
        command += ["-a", f"{name}={value}"]
    merged = {**FAST, "NEWSCLEAN_STATS_DUMP": str(stats_path), **settings}
    for name, value in merged.items():
        command += ["-s", f"{name}={value}"]
    watched = Watched(0, "", [], {})
    out.unlink(missing_ok=True)  # its first line is the first article of this run
    start = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=log, start_new_session=group
        )
        try:
            while process.poll() is None:
                elapsed = time.monotonic() - start
                if elapsed > timeout:
                    raise AssertionError(f"the crawl ran past {timeout} s")
                watched.peak_rss = max(watched.peak_rss, _status(process.pid, "VmHWM"))
                total = _status(process.pid, "VmRSS") + sum(
                    _status(child, "VmRSS") for child in _children(process.pid)
                )
                watched.peak_total_rss = max(watched.peak_total_rss, total)
                if watched.first_item is None and out.exists() and out.stat().st_size:
                    watched.first_item = elapsed
                if watched.signalled is None and stop_when and stop_when(watched, elapsed):
                    watched.signalled = elapsed
                    watched.signal_time = time.time()
                    if group:
                        os.killpg(process.pid, sig)
                    else:
                        process.send_signal(sig)
                time.sleep(0.1)
        finally:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)  # its workers exit when their stdin closes
            process.wait(timeout=30)
    end = time.monotonic() - start
    if watched.signalled is not None:
        watched.stopped_after = end - watched.signalled
    if watched.first_item is None and out.exists() and out.stat().st_size:
        watched.first_item = end
    watched.returncode = process.returncode
    watched.log = log_path.read_text(errors="replace")
    watched.items = read_jsonl(out)
    if stats_path.exists():
        watched.stats = json.loads(stats_path.read_text())
    return watched
