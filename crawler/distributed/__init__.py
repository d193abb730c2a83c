"""Distributed crawling: several workers share one crawl through Redis (scrapy-redis).

One switch: set ``NEWSCLEAN_REDIS_URL`` (a setting, or the environment variable
of the same name) and the project's add-on applies :mod:`~.settings`: the request
queue and the seen-set live in Redis, shared by every worker that points at the
same Redis, and are kept between runs. Without it, nothing here is loaded.

- :mod:`~crawler.distributed.keys`: key names, every Lua script, worker ids;
- :mod:`~crawler.distributed.settings`: what the switch changes;
- :mod:`~crawler.distributed.scheduler`: scrapy-redis's scheduler with leases;
- :mod:`~crawler.distributed.leases`: a worker's identity and its leases;
- :mod:`~crawler.distributed.frontier`: heartbeat, recovery, the end of the crawl.

May import Scrapy, scrapy-redis, redis and :mod:`crawler.exporters`' name; not
the spiders or the extraction service. See docs/distributed.md.
"""
