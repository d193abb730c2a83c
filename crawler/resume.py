"""Resume a ``JOBDIR`` crawl safely after the last run died (SIGKILL, power loss, OOM).

Scrapy saves a job's request queue state (``requests.queue/active.json``) and
``spider.state`` (our URL de-duplication keys) only when the spider closes
cleanly, while it appends to ``requests.seen`` as it goes. After a hard kill the
seen-request fingerprints therefore run ahead of the saved queue: a resumed run
would filter out requests that were queued but never fetched, and lose their
articles. :class:`CrashRecovery` notices this and restarts discovery instead.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from crawler.urls import canonicalize

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "MARKER",
    "CrashRecovery",
    "cut_partial_line",
    "feed_paths",
    "recovered_keys",
    "written_keys",
]

logger = logging.getLogger(__name__)

MARKER = "newsclean.running"  # in JOBDIR while a crawl runs; left behind by a crash
MOVED_ASIDE = ("requests.seen", "requests.queue")  # Scrapy's names, scrapy.core.scheduler


def feed_paths(settings: BaseSettings, spider_name: str) -> list[Path]:
    """The local feed files of ``FEEDS`` that a run appends to (``-o``, the default feed).

    A feed with ``overwrite`` (``-O``) is left out: this run truncates it, so what
    it holds will be written again. So is a URI whose name changes per run
    (``%(time)s``) or that is not a local file.
    """
    paths = []
    for uri, options in settings.getdict("FEEDS").items():
        uri = str(uri)
        if "://" in uri and not uri.startswith("file://"):
            continue
        if isinstance(options, dict) and options.get("overwrite"):
            continue
        path = uri.removeprefix("file://").replace("%(name)s", spider_name)
        if "%(" not in path:
            paths.append(Path(path))
    return paths


def cut_partial_line(path: Path) -> int:
    """Cut a last line that the crash left without its newline; the bytes cut.

    The resumed run appends to the feed: left in place, the fragment would run
    into the first new line and make that article unreadable too.
    """
    if not path.exists():
        return 0
    with path.open("rb+") as f:
        data = f.read()
        if not data or data.endswith(b"\n"):
            return 0
        keep = data.rfind(b"\n") + 1
        f.truncate(keep)
    return len(data) - keep


def written_keys(path: Path) -> set[str]:
    """Canonical ``url`` and ``canonical_url`` of the articles in a JSON Lines feed.

    A line cut short by the crash is skipped: its article was not written.
    """
    keys: set[str] = set()
    if not path.exists():
        return keys
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                article = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line in flight when the crawl died
            if isinstance(article, dict):
                urls = (article.get("url"), article.get("canonical_url"))
                keys.update(canonicalize(u) for u in urls if u)
    return keys


class CrashRecovery:
    """Marks a ``JOBDIR`` as in use; after an unclean end, restarts discovery.

    Built with the other extensions, before Scrapy's scheduler opens the job's
    queue and seen-request file (``engine.open_spider``), so it can still move
    them aside. It writes :data:`MARKER` and removes it on a clean
    ``spider_closed``. If the marker is already there, the last run died:
    ``requests.seen`` and ``requests.queue`` are renamed with a
    ``.unclean-<time>`` suffix, so the crawl starts again from its start URLs,
    and :attr:`written` collects the URL keys of the articles already in the
    feed files (:func:`feed_paths`); :class:`crawler.pipelines.UrlDedupePipeline`
    drops those as ``duplicate_url`` instead of writing them again.
    """

    def __init__(self, jobdir: Path, feeds: list[Path]):
        self.marker = jobdir / MARKER
        self.written: set[str] = set()
        if self.marker.exists():
            self._recover(jobdir, feeds)
        self.marker.write_text(f"{datetime.now(UTC).isoformat()}\n", encoding="utf-8")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrashRecovery:
        """Build it for a crawl with a ``JOBDIR`` unless ``NEWSCLEAN_RESUME_ENABLED`` is off."""
        if not crawler.settings.getbool("NEWSCLEAN_RESUME_ENABLED"):
            raise NotConfigured("NEWSCLEAN_RESUME_ENABLED is off")
        jobdir = job_dir(crawler.settings)
        if not jobdir:
            # No message: Scrapy logs a NotConfigured message as a warning, and a crawl
            # without JOBDIR (most of them) is nothing to warn about.
            raise NotConfigured
        name = str(getattr(crawler.spidercls, "name", "") or "")
        ext = cls(Path(jobdir), feed_paths(crawler.settings, name))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _recover(self, jobdir: Path, feeds: list[Path]) -> None:
        suffix = datetime.now(UTC).strftime(".unclean-%Y%m%dT%H%M%S")
        for name in MOVED_ASIDE:
            path = jobdir / name
            if path.exists():
                path.rename(path.with_name(name + suffix))
        for feed in feeds:
            if cut := cut_partial_line(feed):
                logger.warning("Cut the unfinished last line (%d bytes) of %s", cut, feed)
            self.written |= written_keys(feed)
        logger.warning(
            "The last crawl in %s ended uncleanly (killed or crashed), so its request"
            " queue cannot be trusted: moved %s aside (suffix %s) and restarting"
            " discovery from the start URLs. %d URL keys of articles already in %s"
            " will not be written again.",
            jobdir,
            " and ".join(MOVED_ASIDE),
            suffix,
            len(self.written),
            ", ".join(map(str, feeds)) or "no appendable feed file (-O overwrites)",
        )

    def spider_closed(self, spider: Spider) -> None:
        """A clean end: Scrapy has saved the queue and the spider state."""
        self.marker.unlink(missing_ok=True)


def recovered_keys(crawler: Crawler) -> set[str]:
    """The URL keys :class:`CrashRecovery` read from the feed after a crash (a copy).

    Empty when there was no crash, no ``JOBDIR``, or the crawler has no
    extensions at all (one built by ``scrapy.utils.test.get_crawler``).
    Extensions are built before item pipelines, so a pipeline can call this in
    its constructor.
    """
    try:
        recovery = crawler.get_extension(CrashRecovery)
    except RuntimeError:  # "only after the extension manager has been created"
        return set()
    return set(recovery.written) if recovery else set()
