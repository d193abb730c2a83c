"""The SiteExtractor base class: a small declarative extractor for one site.

A site extractor names CSS selectors; the base class does the rest. Any field it
leaves as ``None`` (or whose selector finds nothing) is handed to the generic
metadata reader, and a page whose body selector finds nothing is handed to the
generic extractor by raising :class:`~extractors.exceptions.UseGeneric`.

Example::

    @register
    class ExampleNews(SiteExtractor):
        domains = ("example.com",)
        body = "div.article-body"
        noise = (".read-also", "figure")
        article_urls = (r"/news/\\d{4}/",)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from extractors.blocks import blocks, paragraphs
from extractors.exceptions import SiteExtractorError, UseGeneric
from extractors.text import clean
from extractors.tree import Element, drop, text_of

__all__ = ["SiteExtractor", "compile_selector"]


class SiteExtractor:
    """Base class of per-site extractors. Subclasses set class attributes only,
    and override an ``extract_<field>`` method where a selector is not enough."""

    #: Host names this extractor handles; subdomains match too ("www.", "m.").
    domains: ClassVar[tuple[str, ...]] = ()

    #: CSS selector of the element(s) holding the article body, in document order.
    body: ClassVar[str] = ""
    #: CSS selectors of elements inside the body to drop (related links, captions).
    noise: ClassVar[tuple[str, ...]] = ()
    #: CSS selector of the headline; None means the generic metadata title.
    title: ClassVar[str | None] = None
    #: CSS selector of the element holding the publication date (its ``datetime`` or
    #: ``content`` attribute, else its text); None means generic metadata.
    published: ClassVar[str | None] = None
    #: CSS selector of author name elements; None means generic metadata.
    authors: ClassVar[str | None] = None
    #: CSS selector of the section/category element; None means generic metadata.
    section: ClassVar[str | None] = None

    # Crawl hints, read by the crawler: where to start, what is an article, what to skip.
    #: URLs a crawl of this site starts from.
    start_urls: ClassVar[tuple[str, ...]] = ()
    #: Regular expressions (``re.search`` on the full URL) of article pages.
    article_urls: ClassVar[tuple[str, ...]] = ()
    #: Regular expressions of URLs never to follow (login, search, tag pages).
    skip_urls: ClassVar[tuple[str, ...]] = ()

    def __init__(self, tree: Element) -> None:
        self.tree = tree

    @classmethod
    def name(cls) -> str:
        """The extractor's name in ``Article.extractor``: ``site:<first domain>``."""
        return f"site:{cls.domains[0]}" if cls.domains else f"site:{cls.__name__}"

    @classmethod
    def selectors(cls) -> list[str]:
        """Every CSS selector the class declares (checked when it is registered)."""
        fields = (cls.body, cls.title, cls.published, cls.authors, cls.section)
        return [s for s in (*fields, *cls.noise) if s]

    def select(self, selector: str, root: Element | None = None) -> list[Element]:
        """Elements matching a CSS selector under ``root`` (the page), in document order."""
        found: list[Any] = compile_selector(selector)(self.tree if root is None else root)  # type: ignore[assignment]
        return [el for el in found if isinstance(el, Element)]

    def select_text(self, selector: str | None) -> str | None:
        """Clean text of the first element matching ``selector``, or None."""
        if not selector:
            return None
        for el in self.select(selector):
            text = clean(el.get("datetime") or el.get("content") or text_of(el))
            if text:
                return text
        return None

    def extract_body(self, title: str | None) -> list[str]:
        """The body paragraphs. Raises UseGeneric when the body selector finds nothing."""
        containers = self.select(self.body) if self.body else []
        if not containers:
            raise UseGeneric(f"{self.name()}: body selector {self.body!r} matched nothing")
        for selector in self.noise:
            for container in containers:
                for el in self.select(selector, container):
                    drop(el)
        found = paragraphs(blocks(containers), title)
        if not found:
            raise UseGeneric(f"{self.name()}: body selector {self.body!r} held no text")
        return found

    def extract_title(self) -> str | None:
        """The headline, or None to use the generic metadata title."""
        return self.select_text(self.title)

    def extract_published(self) -> str | None:
        """The raw publication date string, or None to use generic metadata."""
        return self.select_text(self.published)

    def extract_authors(self) -> list[str] | None:
        """Author names, or None to use generic metadata."""
        if not self.authors:
            return None
        names = [clean(text_of(el)) for el in self.select(self.authors)]
        return [n for n in names if n] or None

    def extract_section(self) -> str | None:
        """The section name, or None to use generic metadata."""
        return self.select_text(self.section)


@lru_cache(maxsize=1024)
def compile_selector(selector: str) -> CSSSelector:
    """Compile a CSS selector once; a bad one raises SiteExtractorError."""
    try:
        return CSSSelector(selector)
    except SelectorError as exc:
        raise SiteExtractorError(
            f"invalid CSS selector {selector!r}: {exc}; fix the selector in the site module"
        ) from exc
