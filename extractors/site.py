"""Site extractors: the :class:`SiteExtractor` base class and the registry.

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

Which extractor handles a URL: the one registered for the longest domain that
matches the URL's host wins ("news.example.com" beats "example.com"); a host
matches a domain when it is that domain or a subdomain of it. With no match, or
when the site extractor raises UseGeneric, the generic extractor runs.

The site modules (every module of :mod:`extractors.sites`, or the list a crawl
names in ``NEWSCLEAN_SITE_MODULES``) are imported by :meth:`Registry.load`, all
or nothing: a module that does not import, or a class with a bad selector,
raises :class:`~extractors.exceptions.SiteExtractorError` naming the module and
the class, and leaves the registry as it was.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from extractors.exceptions import SiteExtractorError, UseGeneric
from extractors.generic.blocks import blocks, paragraphs
from extractors.page.tree import Element, drop, text_of
from extractors.text import clean

__all__ = [
    "SITES_PACKAGE",
    "Registry",
    "SiteExtractor",
    "compile_selector",
    "register",
    "registry",
    "site_modules",
]

SITES_PACKAGE = "extractors.sites"
"""The package whose modules are the bundled site extractors, one per site."""


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


def site_modules(package: str = SITES_PACKAGE) -> tuple[str, ...]:
    """The names of the modules of ``package`` (default: the bundled sites), sorted.

    >>> "extractors.sites.marokkonieuws_test" in site_modules()
    True
    """
    found = importlib.import_module(package)
    return tuple(
        sorted(f"{package}.{m.name}" for m in pkgutil.iter_modules(found.__path__) if not m.ispkg)
    )


class Registry:
    """Domain -> site extractor class."""

    def __init__(self) -> None:
        self._by_domain: dict[str, type[SiteExtractor]] = {}
        self._loaded: tuple[str, ...] | None = None

    def add(self, cls: type[SiteExtractor]) -> None:
        """Register ``cls`` for its domains; checks its selectors compile."""
        where = f"{cls.__module__}.{cls.__name__}"
        if not cls.domains:
            raise SiteExtractorError(f"{where} has no domains; set domains = ('site.com',)")
        for selector in cls.selectors():
            try:
                compile_selector(selector)
            except SiteExtractorError as exc:
                raise SiteExtractorError(f"{where}: {exc}") from exc
        domains = [domain.lower().strip(".") for domain in cls.domains]
        for domain in domains:
            other = self._by_domain.get(domain)
            if other is not None and other is not cls:
                raise SiteExtractorError(
                    f"{where} and {other.__module__}.{other.__name__} both claim {domain!r}; "
                    "remove it from one of them"
                )
        for domain in domains:
            self._by_domain[domain] = cls

    def load(self, modules: Iterable[str] | None = None) -> tuple[str, ...]:
        """Import the site modules (default: :func:`site_modules`), all or nothing.

        Returns the module names loaded. Loading the same list again does nothing.
        A module that does not import, or that registers a bad extractor, raises
        :class:`~extractors.exceptions.SiteExtractorError` naming it; every
        extractor this call had registered is removed again, and so are the
        modules it imported, so that a corrected module can be loaded later.
        """
        names = site_modules() if modules is None else tuple(dict.fromkeys(modules))
        if names == self._loaded:
            return names
        before = dict(self._by_domain)
        imported: list[str] = []
        for name in names:
            fresh = name not in sys.modules
            try:
                importlib.import_module(name)
            except SiteExtractorError as exc:
                self._undo(before, imported)
                raise SiteExtractorError(f"site module {name}: {exc}") from exc
            except Exception as exc:  # any error of a user's module: name the module
                self._undo(before, imported)
                raise SiteExtractorError(
                    f"site module {name} does not import: {type(exc).__name__}: {exc}; "
                    "fix it, or leave it out of the site modules (NEWSCLEAN_SITE_MODULES)"
                ) from exc
            if fresh:
                imported.append(name)
        self._loaded = names
        return names

    def _undo(self, before: dict[str, type[SiteExtractor]], imported: list[str]) -> None:
        self._by_domain = before
        for name in imported:
            sys.modules.pop(name, None)

    def for_url(self, url: str | None) -> type[SiteExtractor] | None:
        """The most specific site extractor for ``url``, or None."""
        if self._loaded is None:
            self.load()
        if not url:
            return None
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        while host:
            found = self._by_domain.get(host)
            if found is not None:
                return found
            _, _, host = host.partition(".")
        return None

    def extractors(self) -> list[type[SiteExtractor]]:
        """Every registered site extractor, once each, in registration order."""
        if self._loaded is None:
            self.load()
        return list(dict.fromkeys(self._by_domain.values()))


#: The registry ``extract()`` uses.
registry = Registry()


T = TypeVar("T", bound=type[SiteExtractor])


def register(cls: T) -> T:
    """Class decorator: register a site extractor with the default registry."""
    registry.add(cls)
    return cls
