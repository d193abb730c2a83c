"""The crawler's spiders: where to go, never what a field is.

``articles`` discovers pages and hands them to the page service; ``replay``
hands saved pages (fixtures, Scrapy's HTTP cache) to it without downloading.
May import the rest of :mod:`crawler` and :mod:`extractors`' public API.
"""
