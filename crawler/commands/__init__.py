"""Project commands for ``scrapy`` (``COMMANDS_MODULE``): demo, extract, savefixture,
quality, merge, and ``crawl`` (Scrapy's, checking the project's settings first).

Scrapy makes a command of every ``ScrapyCommand`` class defined in this package,
so the base of the one-page commands lives in :mod:`crawler.onepage`.
"""
