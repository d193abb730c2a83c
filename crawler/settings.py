"""Scrapy settings of the newsclean crawler.

Scrapy's own settings come first, then the project's, which all share the
``NEWSCLEAN_`` prefix. Each project component has a ``NEWSCLEAN_<X>_ENABLED``
switch; a component switched off raises ``NotConfigured`` and Scrapy skips it.
Override any of them per run with ``-s NAME=VALUE``. See docs/crawling.md.
"""

from __future__ import annotations

from extractors.article import Article

BOT_NAME = "newsclean"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- Politeness -------------------------------------------------------------
# Say who you are: set USER_AGENT to name your project and a way to reach you,
# e.g. -s USER_AGENT="acme-news-research/1.0 (+mailto:you@example.org)".
# The spider warns when this default is used on a site other than 127.0.0.1.
USER_AGENT = "newsclean/0.1 (news article crawler; the operator has not set a contact)"
NEWSCLEAN_DEFAULT_USER_AGENT = USER_AGENT
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0  # per site, on average; news sites are shared servers
CONCURRENT_REQUESTS = 32  # across all sites: a multi-site crawl keeps several going
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5  # AutoThrottle never goes below this
DOWNLOAD_TIMEOUT = 30
# Both limits apply to the decompressed body too (HttpCompressionMiddleware), so a
# small gzip or deflate "bomb" is refused as soon as it inflates past the limit.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # a news page over 16 MiB is not an article page
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024  # logged: a page this big is worth a look
RETRY_TIMES = 2
# A request that still fails after its retries is logged once, with its URL and
# cause, by the spider's errback (crawler.failures: "fetch failed: <url>: <cause>");
# Scrapy's own "Gave up retrying" line would repeat it.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
# Redirect chains stop after REDIRECT_MAX_TIMES (Scrapy's default, 20) and at the
# first loop, and a redirect never leaves allowed_domains
# (crawler.failures.RedirectGuardMiddleware, before Scrapy's OffsiteMiddleware).
# Scrapy's broad-crawl advice: news pages need no session, and cookie handling
# costs on every request. A site behind a consent cookie can turn it back on.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False  # an open console port is no use to a batch crawl
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback's output (2.19,
# scrapy.utils.asyncio._parallel_asyncio). A page yields one article or a few
# dozen links, so the default 100 only costs: 8 made a local crawl ~1.5x faster.
CONCURRENT_ITEMS = 8

# --- Crawl order and limits -------------------------------------------------
# Breadth first, so listing pages near the start are read before deep archives
# and a page or depth limit keeps the newest articles.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DEPTH_LIMIT = 8
DEPTH_STATS_VERBOSE = False

# --- Output: one clean article per line, written as soon as it is scraped -----
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(Article.field_names())
FEED_EXPORTERS = {
    "jsonlines": "crawler.exporters.FlushingJsonLinesItemExporter",
    "jsonl": "crawler.exporters.FlushingJsonLinesItemExporter",  # -o x.jsonl picks "jsonl"
}
# FEEDS is left empty here: a spider with no -o/-O writes NEWSCLEAN_DEFAULT_FEED
# (crawler.spiders.base), so that -o replaces the default instead of adding to it.
NEWSCLEAN_DEFAULT_FEED = "%(name)s.jsonl"

ITEM_PIPELINES = {
    "crawler.pipelines.ValidationPipeline": 100,
    "crawler.pipelines.DateWindowPipeline": 150,
    "crawler.pipelines.UrlDedupePipeline": 200,
    "crawler.pipelines.NearDuplicatePipeline": 300,
    "crawler.pipelines.ArticleStatsPipeline": 900,
}
EXTENSIONS = {
    "crawler.extensions.CrawlSummary": 500,
    # After Scrapy's SpiderState and FeedExporter (0): its spider_closed runs last.
    "crawler.resume.CrashRecovery": 600,
}
ADDONS = {"crawler.distributed.RedisAddon": 0}  # NEWSCLEAN_REDIS_URL: docs/distributed.md

# --- HTTP cache (off; switch on to replay a crawl later: scrapy crawl replay) --
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"

# --- Project settings (NEWSCLEAN_*) -------------------------------------------
NEWSCLEAN_EXTRACTION_ENABLED = True  # off: article pages become stub items (benchmark)
NEWSCLEAN_EXTRACTION_EXECUTOR = "auto"  # "process" on 2+ cores, else "inline"; see docs
NEWSCLEAN_EXTRACTION_WORKERS = 1  # threads or processes for the last two
NEWSCLEAN_VALIDATION_ENABLED = True
NEWSCLEAN_DATE_WINDOW_ENABLED = True
NEWSCLEAN_DEDUPE_ENABLED = True
NEWSCLEAN_NEAR_DUPLICATES_ENABLED = True
NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD = 0.8  # estimated Jaccard similarity of body shingles
NEWSCLEAN_NEAR_DUPLICATES_FILE = ""  # kept URL -> near-duplicate URLs; "" = beside the feed
NEWSCLEAN_FOLLOW_ARTICLE_LINKS = False  # links are followed from listing pages only
NEWSCLEAN_SUMMARY_ENABLED = True
NEWSCLEAN_RESUME_ENABLED = True  # with a JOBDIR: restart discovery after a crash
NEWSCLEAN_STATS_DUMP = ""  # a path: write the crawl's stats there as JSON at the end
NEWSCLEAN_CASSETTE = ""  # path of a VCR.py cassette; set by the tests (crawler/cassette.py)
NEWSCLEAN_CASSETTE_RECORD_MODE = "none"

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.ArticleLogFormatter"
NEWSCLEAN_STATS_ENABLED = True
DOWNLOADER_MIDDLEWARES = {
    # Off unless NEWSCLEAN_CASSETTE is set (tests); 950: sees raw bytes, see its docstring.
    "crawler.cassette.CassetteMiddleware": 950,
    # Before RedirectMiddleware (600) sees a 3xx: a looping or off-site redirect fails.
    "crawler.failures.RedirectGuardMiddleware": 610,
}
