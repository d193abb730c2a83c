"""The project's add-on: every ``NEWSCLEAN_*`` default, the components, and the
settings that depend on others.

Scrapy applies add-ons after the spider is built and before any component is,
with the command line's and the spider's settings already in place: the one
moment a default that depends on other settings can be decided right (the feed
a crawl writes depends on ``-o`` and on the Redis URL). Registered in
``ADDONS`` (:mod:`crawler.settings`); another Scrapy project gets the whole
newsclean crawl by adding it to its own ``ADDONS``.

Every ``NEWSCLEAN_*`` default is written here, once: code reads settings without
a default of its own. A value set anywhere else (the project's settings, the
spider, ``-s``) wins over these. A component can be switched off with its
``NEWSCLEAN_<X>_ENABLED`` setting, or by setting it to ``None`` in its Scrapy
dict (``ITEM_PIPELINES``, ``EXTENSIONS``...).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.misc import load_object

from crawler.distributed import settings as distributed
from crawler.distributed.keys import DEFAULT_PREFIX, redis_url, worker_id
from extractors.article import Article
from extractors.exceptions import InputError
from extractors.render import unwritten

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = ["COMPONENTS", "DEFAULTS", "Addon"]

DEFAULTS: dict[str, Any] = {
    # Output: with no -o/-O/FEEDS, JSON Lines in this file ("%(name)s": the spider);
    # in a distributed crawl "<stem>.<host>-<pid>.jsonl", one file per worker.
    "NEWSCLEAN_DEFAULT_FEED": "%(name)s.jsonl",
    # An ISO date: articles published earlier are skipped and dropped (-a since=).
    "NEWSCLEAN_SINCE": "",
    # An ISO date: articles published later are dropped (-a until=).
    "NEWSCLEAN_UNTIL": "",
    # Off: with a date window set, articles without a publication date are dropped.
    "NEWSCLEAN_KEEP_UNDATED": True,
    # ISO 639-1 codes (-a lang=nl,fr): articles in other languages are dropped; empty: all.
    "NEWSCLEAN_LANGUAGES": [],
    # "newsclean": items in the Article's names; "zyte": in zyte-common-items' (JSON Lines).
    "NEWSCLEAN_ITEM_NAMES": "newsclean",
    # The bodies an item holds: "text" (body), "html" (body_html), "markdown"
    # (body_markdown). The plain text alone keeps lines small and extraction fast;
    # each other format costs time (README, "The body as HTML and Markdown").
    "NEWSCLEAN_BODY_FORMATS": ["text"],
    # On: figures (images, captions) in the HTML and Markdown bodies.
    "NEWSCLEAN_BODY_FIGURES": False,
    # A path ("%(name)s": the spider; .gz: gzip per record): every response into a WARC.
    "NEWSCLEAN_WARC_FILE": "",
    # Off: article pages become stub items, without extraction (the crawl benchmark).
    "NEWSCLEAN_EXTRACTION_ENABLED": True,
    # "process" on 2+ cores, else "inline"; or "thread" (docs/crawling.md).
    "NEWSCLEAN_EXTRACTION_EXECUTOR": "auto",
    # Threads or processes, for the last two executors.
    "NEWSCLEAN_EXTRACTION_WORKERS": 1,
    # Site extractor modules loaded at start-up; empty: every module of extractors.sites.
    "NEWSCLEAN_SITE_MODULES": [],
    # Links are followed from listing pages only, unless this is on.
    "NEWSCLEAN_FOLLOW_ARTICLE_LINKS": False,
    # Origins (scheme://host[:port], or scheme://*.domain for its subdomains) the crawl
    # may request besides those of its start URLs (crawler.origins).
    "NEWSCLEAN_ALLOWED_ORIGINS": [],
    # Caps on discovery (crawler.gate, crawler.discovery), each stop logged and counted
    # in discovery/capped/<cap>. URLs read from one sitemap: the protocol's limit.
    "NEWSCLEAN_SITEMAP_MAX_URLS": 50_000,
    # XML bytes read from one sitemap (gzip inflated as it is read): the protocol's 50 MB.
    "NEWSCLEAN_SITEMAP_MAX_BYTES": 52_428_800,
    # Sitemaps read per origin: a daily sitemap for 27 years; an index may list 50,000.
    "NEWSCLEAN_MAX_SITEMAPS": 10_000,
    # URLs a crawl takes in all. Each is kept for the whole crawl with its request
    # fingerprint: about 0.3 KB for a 75-character URL (measured), 150 MB at the cap.
    "NEWSCLEAN_MAX_URLS": 500_000,
    # Discovered URLs handed to Scrapy's scheduler at a time (crawler.backlog); the
    # rest wait as strings. 0: all at once (a distributed crawl sets it).
    "NEWSCLEAN_DISCOVERY_BATCH": 1_000,
    # The trap guard (crawler.traps): a URL pattern whose listing pages lead to no
    # new article this many times in a row is no longer followed.
    "NEWSCLEAN_TRAP_ENABLED": True,
    "NEWSCLEAN_TRAP_PAGES": 50,
    "NEWSCLEAN_VALIDATION_ENABLED": True,
    "NEWSCLEAN_DATE_WINDOW_ENABLED": True,
    "NEWSCLEAN_LANGUAGE_FILTER_ENABLED": True,
    "NEWSCLEAN_DEDUPE_ENABLED": True,
    "NEWSCLEAN_NEAR_DUPLICATES_ENABLED": True,
    # Estimated Jaccard similarity of body shingles from which a body is a near duplicate.
    "NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD": 0.8,
    # Kept URL -> near-duplicate URLs, JSON Lines; "": beside the first local feed.
    "NEWSCLEAN_NEAR_DUPLICATES_FILE": "",
    "NEWSCLEAN_STATS_ENABLED": True,
    "NEWSCLEAN_SUMMARY_ENABLED": True,
    # A path: the crawl's stats are written there as JSON when it ends.
    "NEWSCLEAN_STATS_DUMP": "",
    # A stop within seconds (crawler.shutdown): unsent requests go back to the queue,
    # downloads still in flight this many seconds after the stop began are aborted.
    "NEWSCLEAN_FAST_STOP_ENABLED": True,
    "NEWSCLEAN_STOP_GRACE": 2.0,
    # With a JOBDIR: restart discovery after a crash (crawler.resume).
    "NEWSCLEAN_RESUME_ENABLED": True,
    # Distributed crawling (crawler.distributed, docs/distributed.md).
    "NEWSCLEAN_REDIS_ENABLED": True,
    # "": the environment variable NEWSCLEAN_REDIS_URL, else a single-machine crawl.
    "NEWSCLEAN_REDIS_URL": "",
    "NEWSCLEAN_REDIS_PREFIX": DEFAULT_PREFIX,
    # Seconds the queue and every worker's leases must stay empty before a worker stops.
    "NEWSCLEAN_REDIS_IDLE_CLOSE": 30.0,
    # Seconds of silence after which a worker is dead and its leases are requeued.
    "NEWSCLEAN_REDIS_WORKER_TIMEOUT": 30.0,
    # Scrapy settings our components need.
    "LOG_FORMATTER": "crawler.logformatter.ArticleLogFormatter",
    "FEED_EXPORT_ENCODING": "utf-8",
    "FEED_EXPORT_FIELDS": list(Article.field_names()),
}

#: Scrapy component dicts -> our components and their orders.
COMPONENTS: dict[str, dict[str, int]] = {
    "ITEM_PIPELINES": {
        "crawler.pipelines.ValidationPipeline": 100,
        "crawler.filters.DateWindowPipeline": 150,
        "crawler.filters.LanguagePipeline": 160,
        "crawler.pipelines.UrlDedupePipeline": 200,
        "crawler.pipelines.NearDuplicatePipeline": 300,
        "crawler.pipelines.ArticleStatsPipeline": 900,
    },
    "EXTENSIONS": {
        "crawler.extraction.service.PageService": 100,
        "crawler.shutdown.FastStop": 400,
        "crawler.extensions.CrawlSummary": 500,
        # After Scrapy's SpiderState and FeedExporter (0): its spider_closed runs last.
        "crawler.resume.CrashRecovery": 600,
    },
    "DOWNLOADER_MIDDLEWARES": {
        # Before OffsiteMiddleware (50) and RobotsTxtMiddleware (100): no request, not
        # even for a robots.txt, leaves the crawl's origins.
        "crawler.middlewares.OriginGuardMiddleware": 40,
        # A queued link whose URL pattern has become a trap is not fetched.
        "crawler.middlewares.TrapMiddleware": 45,
        # Before RedirectMiddleware (600) and MetaRefreshMiddleware (580) see a
        # response: a looping or off-site redirect or meta refresh fails.
        "crawler.middlewares.RedirectGuardMiddleware": 610,
        # After HttpCompressionMiddleware (590) and RedirectMiddleware (600): it sees every
        # response as served, redirects included, before they change it.
        "crawler.warc.WarcWriterMiddleware": 960,
        # Closest to the downloader: while the crawl stops, an unsent or aborted
        # request goes back to the queue before RetryMiddleware (550) sees it.
        "crawler.shutdown.FastStopMiddleware": 990,
    },
}

FLUSHING_EXPORTER = "crawler.exporters.FlushingJsonLinesItemExporter"
ZYTE_EXPORTER = "crawler.exporters.ZyteJsonLinesItemExporter"
ITEM_NAMES = {"newsclean": FLUSHING_EXPORTER, "zyte": ZYTE_EXPORTER}


class Addon:
    """Sets the project's defaults and components; see the module docstring."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Addon:
        """Scrapy's constructor hook."""
        return cls()

    def update_settings(self, settings: BaseSettings) -> None:
        """Defaults first, then what depends on them: the feed, distributed mode."""
        # At add-on priority: above Scrapy's own defaults (LOG_FORMATTER has one),
        # below the project's settings, the spider's and the command line's.
        for name, value in DEFAULTS.items():
            settings.set(name, value, priority="addon")
        for name, components in COMPONENTS.items():
            for path, order in components.items():
                settings.setdefault_in_component_priority_dict(name, load_object(path), order)
        exporter = _exporter(settings)
        exporters = settings.getdict("FEED_EXPORTERS")
        for name in ("jsonlines", "jsonl"):  # -o x.jsonl picks "jsonl"
            exporters.setdefault(name, exporter)
        priority = max(settings.getpriority("FEED_EXPORTERS") or 0, SETTINGS_PRIORITIES["addon"])
        settings.set("FEED_EXPORTERS", exporters, priority)
        url = redis_url(settings)
        _default_feed(settings, distributed=bool(url))
        if url:
            distributed.apply(settings, url)


def _exporter(settings: BaseSettings) -> str:
    """The JSON Lines exporter for ``NEWSCLEAN_ITEM_NAMES``, and the fields it writes
    (``FEED_EXPORT_FIELDS``, unless set elsewhere): the Article's but the bodies
    ``NEWSCLEAN_BODY_FORMATS`` does not name; in zyte-common-items' names, the
    exporter leaves those out itself (:class:`crawler.exporters.ZyteJsonLinesItemExporter`)."""
    names = settings.get("NEWSCLEAN_ITEM_NAMES")
    if names not in ITEM_NAMES:
        raise ValueError(
            f"NEWSCLEAN_ITEM_NAMES is {names!r}; use one of {', '.join(ITEM_NAMES)} "
            "(-s NEWSCLEAN_ITEM_NAMES=zyte)"
        )
    without = unwritten_bodies(settings)
    if settings.getpriority("FEED_EXPORT_FIELDS") == SETTINGS_PRIORITIES["addon"]:
        fields = [name for name in Article.field_names() if name not in without]
        settings.set("FEED_EXPORT_FIELDS", None if names == "zyte" else fields, priority="addon")
    return ITEM_NAMES[names]


def unwritten_bodies(settings: BaseSettings) -> frozenset[str]:
    """The Article's body fields ``NEWSCLEAN_BODY_FORMATS`` does not name; a wrong
    name raises ValueError naming the right ones. Commands that run no crawl
    (``scrapy extract``) have no add-on to set it: they get its default here."""
    formats = settings.getlist("NEWSCLEAN_BODY_FORMATS", DEFAULTS["NEWSCLEAN_BODY_FORMATS"])
    try:
        if not formats:
            raise InputError("it names no format; use text, html, markdown")
        return unwritten(formats)
    except InputError as exc:
        raise ValueError(
            f"NEWSCLEAN_BODY_FORMATS is {formats!r}: {exc} "
            "(-s NEWSCLEAN_BODY_FORMATS=text,markdown)"
        ) from exc


def _default_feed(settings: BaseSettings, *, distributed: bool) -> None:
    """``NEWSCLEAN_DEFAULT_FEED`` as the feed, unless ``-o``/``-O``/``FEEDS`` name one.

    In a distributed crawl, ``articles.jsonl`` becomes ``articles.<host>-<pid>.jsonl``:
    two workers started in one folder must not write one file. A default feed
    named on the command line is taken as it is.
    """
    if settings.getdict("FEEDS"):
        return
    feed = settings.get("NEWSCLEAN_DEFAULT_FEED")
    if not feed:
        return
    named_by_user = (settings.getpriority("NEWSCLEAN_DEFAULT_FEED") or 0) > SETTINGS_PRIORITIES[
        "project"
    ]
    if distributed and not named_by_user:
        path = PurePath(feed)
        feed = str(path.with_name(f"{path.stem}.{worker_id()}{path.suffix}"))
    settings.set("FEEDS", {feed: {"format": "jsonlines"}}, priority="addon")
