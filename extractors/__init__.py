"""Clean news articles from HTML pages: page in, :class:`Article` out.

>>> from extractors import extract
>>> article = extract(b"<html><body><article><h1>Hi</h1><p>" + b"Some text, more. " * 20
...                   + b"</p></article></body></html>", "https://example.test/a")
>>> article.extractor, article.body[:15]
('generic', 'Some text, more')

This package does not import Scrapy: it runs on a saved page, a WARC record or a
string in a notebook. ``crawler/`` builds on it, never the reverse.
"""

from extractors.api import extract
from extractors.article import Article
from extractors.exceptions import ExtractionError, InputError, SiteExtractorError, UseGeneric
from extractors.registry import register, registry

__all__ = [
    "Article",
    "ExtractionError",
    "InputError",
    "SiteExtractorError",
    "UseGeneric",
    "extract",
    "register",
    "registry",
]
