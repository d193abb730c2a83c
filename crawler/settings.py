"""Scrapy settings of the newsclean crawler: how it behaves on the web.

The project's own components and ``NEWSCLEAN_*`` settings come from one add-on,
:class:`crawler.addon.Addon`, which holds every default once; each component
has a ``NEWSCLEAN_<X>_ENABLED`` switch (a component switched off raises
``NotConfigured`` and Scrapy skips it). Override any setting per run with
``-s NAME=VALUE``. See docs/crawling.md.
"""

BOT_NAME = "newsclean"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- Politeness -------------------------------------------------------------
# Say who you are: set USER_AGENT to name your project and a way to reach you,
# e.g. -s USER_AGENT="acme-news-research/1.0 (+mailto:you@example.org)".
# The spider warns when a User-Agent names no contact (a URL or an e-mail address)
# on a site other than 127.0.0.1.
USER_AGENT = "newsclean/0.1 (news article crawler; the operator has not set a contact)"
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
# (crawler.middlewares.RedirectGuardMiddleware, before Scrapy's OffsiteMiddleware).
# Scrapy's broad-crawl advice: news pages need no session, and cookie handling
# costs on every request. A site behind a consent cookie can turn it back on.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False  # an open console port is no use to a batch crawl
# Scrapy's remote-control HTTP endpoint runs any Python code sent to it with the
# token Scrapy writes to a job file in the user's profile: off, for the telnet
# console's reason. Turn it on for a session of debugging only.
REMOTE_CONTROL_ENABLED = False
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback's output (2.19,
# scrapy.utils.asyncio._parallel_asyncio). A page yields one article or a few
# dozen links, so the default 100 only costs time (docs/crawling.md measures it).
CONCURRENT_ITEMS = 8

# --- Crawl order and limits -------------------------------------------------
# Breadth first, so listing pages near the start are read before deep archives
# and a page or depth limit keeps the newest articles.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DEPTH_LIMIT = 8
DEPTH_STATS_VERBOSE = False

# --- The project: components, NEWSCLEAN_* defaults, the default feed ----------
# All set by the add-on (crawler/addon.py), each default written there once.
# Override any of them here or per run with -s NAME=VALUE (docs/crawling.md).
ADDONS = {"crawler.addon.Addon": 0}

# --- HTTP cache (off; switch on to replay a crawl later: scrapy crawl replay) --
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
# Scrapy's FilesystemCacheStorage, without its pickles: a cache folder written by
# someone else cannot run code when it is read (crawler/httpcache.py).
HTTPCACHE_STORAGE = "crawler.httpcache.SafeCacheStorage"

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
