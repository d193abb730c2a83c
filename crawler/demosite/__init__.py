"""The demo site: a small news site served on 127.0.0.1, built from the fixtures.

``scrapy demo`` with no URL serves it and crawls it; the crawler tests crawl it;
``benchmarks/crawl.py`` serves a 2,000-article version of it.
"""

from crawler.demosite.build import Site, build_site
from crawler.demosite.serve import SiteServer, serve_site

__all__ = ["Site", "SiteServer", "build_site", "serve_site"]
