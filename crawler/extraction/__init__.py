"""The page service the spiders use, and the worker processes it runs pages in.

- :mod:`~crawler.extraction.pages`: one page in one call: load, classify, read
  links, extract (no Scrapy: it runs in a worker process);
- :mod:`~crawler.extraction.workers`: worker processes spoken to over pipes;
- :mod:`~crawler.extraction.service`: the Scrapy extension that sends pages to them.

Imports run one way: ``service`` -> ``workers`` -> ``pages`` -> :mod:`extractors`.
This file imports nothing: a worker process loads ``pages`` and ``workers`` only.
"""
