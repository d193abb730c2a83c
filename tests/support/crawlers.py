"""Crawler objects configured as a crawl configures them, for tests of one component."""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from crawler.addon import Addon
from crawler.extraction.service import PageService


def project_crawler(
    spidercls: type[Spider] | None = None,
    settings: dict[str, Any] | None = None,
    *,
    pages: bool = False,
) -> Crawler:
    """A crawler with the project's add-on (every ``NEWSCLEAN_*`` default, the
    components). The page service, which starts worker processes, only with
    ``pages``; a test that asks for it closes it."""
    base: dict[str, Any] = {"ADDONS": {Addon: 0}}
    if not pages:
        base["EXTENSIONS"] = {PageService: None}
    return get_crawler(spidercls, {**base, **(settings or {})})
