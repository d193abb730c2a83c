"""Crawl benchmark: pages per second with extraction and without it, in one run.

Not a test. Serves a demo site of ``--articles`` generated article pages (2,000
by default, plus the fixtures and listing pages) on 127.0.0.1 from this
process, then crawls it with ``scrapy crawl articles`` in subprocesses:

* ``extraction``: the full crawl, every article page through extractors.extract
  and the item pipelines, written to a JSON Lines file;
* ``no extraction``: the same crawl with NEWSCLEAN_EXTRACTION_ENABLED=0 (pages
  are still fetched, parsed and classified; nothing is extracted or written).

Run: ``.venv/bin/python benchmarks/crawl.py`` (about two minutes on 2 cores).
``--executor inline|thread|process`` compares the extraction executors (the
default, ``auto``, is the crawl's own default: ``process`` on 2 cores or more).
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

LOCAL = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "DEPTH_LIMIT": "0",  # listing pagination is deep on a 2,000-article site
    "TELNETCONSOLE_ENABLED": "0",
    "LOG_LEVEL": "WARNING",
}
NO_EXTRACTION = {"NEWSCLEAN_EXTRACTION_ENABLED": "0", "ITEM_PIPELINES": "{}"}


def run(base: str, workdir: Path, name: str, settings: dict[str, str]) -> dict[str, float]:
    """One crawl; returns its article pages, seconds and rates."""
    stats_path = workdir / f"{name}.stats.json"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "articles",
        "-a",
        f"url={base}/",
        "-O",
        str(workdir / f"{name}.jsonl"),
    ]
    for key, value in {**LOCAL, "NEWSCLEAN_STATS_DUMP": str(stats_path), **settings}.items():
        command += ["-s", f"{key}={value}"]
    before = os.times()
    subprocess.run(command, cwd=ROOT, check=True)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    stats = json.loads(stats_path.read_text())
    seconds = float(stats["elapsed_time_seconds"])
    pages = int(stats["pages/article"])
    return {
        "article_pages": pages,
        "items": int(stats.get("item_scraped_count", 0)),
        "responses": int(stats["response_received_count"]),
        "seconds": seconds,
        "articles_per_s": pages / seconds,
        "cpu_seconds": cpu,
        "extraction_share": float(stats.get("extraction/share", 0.0)),
    }


def main(argv: list[str] | None = None) -> int:
    """Serve the big demo site, crawl it twice, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--executor", default="auto", choices=("auto", "inline", "thread", "process")
    )
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="crawls of each kind, alternated; the run with the median rate is shown",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    extraction_settings = {
        "NEWSCLEAN_EXTRACTION_EXECUTOR": args.executor,
        "NEWSCLEAN_EXTRACTION_WORKERS": str(args.workers),
    }
    runs: dict[str, list[dict[str, float]]] = {"extraction": [], "no extraction": []}
    with (
        serve_site(lambda base: build_site(base, generated=args.articles)) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        print(
            f"site: {len(server.site.articles)} article pages, "
            f"{len(server.site.resources)} URLs at {server.base_url} "
            f"(built in {time.perf_counter() - started:.1f} s)"
        )
        for _ in range(args.repeat):
            runs["extraction"].append(
                run(server.base_url, Path(tmp), "extraction", extraction_settings)
            )
            runs["no extraction"].append(
                run(server.base_url, Path(tmp), "no-extraction", NO_EXTRACTION)
            )
    for name, results in runs.items():
        rates = ", ".join(f"{r['articles_per_s']:.0f}" for r in results)
        print(f"{name}: articles/s of each run: {rates}")
    with_extraction, without = (
        sorted(results, key=lambda r: r["articles_per_s"])[(len(results) - 1) // 2]
        for results in runs.values()
    )
    print(
        f"{'crawl (median run)':<19}{'article pages':>14}{'items':>8}{'seconds':>9}"
        f"{'articles/s':>12}{'extraction share':>18}{'crawler CPU s':>15}{'articles/CPU s':>16}"
    )
    for name, r in (("extraction", with_extraction), ("no extraction", without)):
        print(
            f"{name:<19}{r['article_pages']:>14}{r['items']:>8}{r['seconds']:>9.1f}"
            f"{r['articles_per_s']:>12.0f}{r['extraction_share']:>18.0%}"
            f"{r['cpu_seconds']:>15.1f}{r['article_pages'] / r['cpu_seconds']:>16.0f}"
        )
    ratio = with_extraction["articles_per_s"] / without["articles_per_s"]
    print(
        f"with extraction: {ratio:.0%} of the no-extraction rate "
        f"(executor {args.executor}, {args.workers} worker(s))"
    )
    # Other work on the machine takes cores from the crawl: the wall-clock rates are
    # only comparable on an idle machine; articles per CPU second much less so.
    print(f"load average after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
