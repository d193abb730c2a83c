"""Distributed crawl benchmark: articles per second with one worker, then with two.

Not a test. Starts a redis-server (tests/support/redis_server.py) and serves a demo site
of ``--articles`` generated article pages (600 by default) on 127.0.0.1 from this
process, then crawls it twice from an empty Redis: once with one worker, once
with two ``scrapy crawl articles`` worker processes sharing the queue. Prints
the articles per second of each and their ratio.

The clock runs from the workers' launch to the last article written, so the
idle wait at the end (``NEWSCLEAN_REDIS_IDLE_CLOSE``) is not counted; the
workers' start-up (about 3 s of imports each) is. On a 2-core machine the
workers and the site server share the cores, so the ratio stays under 2.

Run: ``.venv/bin/python benchmarks/distributed.py`` (about a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demosite import build_site, serve_site  # noqa: E402
from tests.support.redis_server import redis_server, redis_server_missing  # noqa: E402

LOCAL = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "DEPTH_LIMIT": "0",  # listing pagination is deep on a large site
    "TELNETCONSOLE_ENABLED": "0",
    "REMOTE_CONTROL_ENABLED": "0",
    "LOG_LEVEL": "WARNING",
    "NEWSCLEAN_REDIS_IDLE_CLOSE": "2",
}


def crawl(redis_url: str, base: str, workdir: Path, workers: int) -> dict[str, float]:
    """One crawl by ``workers`` processes from an empty Redis; its articles and rate."""
    env = {**os.environ, "NEWSCLEAN_REDIS_URL": redis_url}
    outputs = [workdir / f"{workers}-workers-{i}.jsonl" for i in range(workers)]
    started = time.time()
    processes = []
    for output in outputs:
        command = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"url={base}/",
                   "-O", str(output)]  # fmt: skip
        for key, value in LOCAL.items():
            command += ["-s", f"{key}={value}"]
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env))
    for process in processes:
        if process.wait(timeout=600) != 0:
            raise SystemExit(f"a worker failed with exit status {process.returncode}")
    urls = set()
    for output in outputs:
        for line in output.read_text(encoding="utf-8").splitlines():
            urls.add(json.loads(line)["url"])
    last_write = max(o.stat().st_mtime for o in outputs if o.exists())
    seconds = last_write - started
    return {"workers": workers, "articles": len(urls), "seconds": seconds,
            "articles_per_s": len(urls) / seconds}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Serve the site, crawl it with one worker then two, print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    args = parser.parse_args(argv)
    if missing := redis_server_missing():
        print(missing, file=sys.stderr)
        return 1
    with (
        redis_server() as redis,
        serve_site(lambda base: build_site(base, generated=args.articles)) as site,
        tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp,
    ):
        results = []
        for workers in (1, 2):
            redis.client().flushall()
            results.append(crawl(redis.url, site.base_url, Path(tmp), workers))
            print(
                f"{workers} worker{'s' if workers > 1 else ''}: {results[-1]['articles']:.0f} "
                f"articles in {results[-1]['seconds']:.1f} s = "
                f"{results[-1]['articles_per_s']:.1f} articles/s"
            )
        ratio = results[1]["articles_per_s"] / results[0]["articles_per_s"]
        print(f"two workers / one worker: {ratio:.2f}x ({os.cpu_count()} CPUs)")
        print(json.dumps({"distributed": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
