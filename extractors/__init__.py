"""Clean news articles from HTML pages: page in, :class:`Article` out.

>>> from extractors import extract
>>> article = extract(b"<html><body><article><h1>Hi</h1><p>" + b"Some text, more. " * 20
...                   + b"</p></article></body></html>", "https://example.test/a")
>>> article.extractor, article.body[:15]
('generic', 'Some text, more')

This package does not import Scrapy: it runs on a saved page, a WARC record or a
string in a notebook. ``crawler/`` builds on it, never the reverse.

The folders, each with what it may import in its docstring: ``page/`` (bytes to
one bounded, parsed page), ``metadata/`` (title, dates, authors, language),
``generic/`` (the generic extractor), ``sites/`` (one module per site),
``evaluation/`` (fixtures and quality tooling). At the top: ``api`` (extract,
load_page), ``article``, ``exceptions``, ``limits``, ``text``, ``site`` (the
site extractor base class and registry) and ``pagetype`` (article or listing).

The ``newsclean`` command line: ``cli`` and ``output`` (formats, progress),
``inputs/`` (files, folders, standard input and WARC files as pages), ``zyte``
(the Article in zyte-common-items' names). ``render/``: the body as HTML and
Markdown (``extract(..., formats=Formats(html=True, markdown=True))``).
"""

from extractors.api import extract, load_page
from extractors.article import Article
from extractors.exceptions import (
    ExtractionError,
    InputError,
    SiteExtractorError,
    UnreadablePage,
    UseGeneric,
)
from extractors.page import Page
from extractors.render import Formats
from extractors.site import SiteExtractor, register, registry
from extractors.textdump import extract_text

__all__ = [
    "Article",
    "ExtractionError",
    "Formats",
    "InputError",
    "Page",
    "SiteExtractor",
    "SiteExtractorError",
    "UnreadablePage",
    "UseGeneric",
    "extract",
    "extract_text",
    "load_page",
    "register",
    "registry",
]
