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

Which extractor handles a page (:meth:`Registry.for_page`): the one for the URL it
was fetched from; failing that, the one for the URL it was published under, its
``<link rel=canonical>`` or ``og:url``, if that site's body selector finds text in
it. So a local mirror, a proxy, a replay or the demo site under 127.0.0.1 gets
the publisher's extractor, and a page that only links to a registered site does
not (its markup is not that site's).

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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

import lxml.etree
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from extractors.exceptions import SiteExtractorError, UseGeneric
from extractors.generic.blocks import Block, article_blocks
from extractors.generic.markup import Keep, walk
from extractors.page.tree import Element, drop, text_of
from extractors.text import clean

__all__ = [
    "SITES_PACKAGE",
    "Registry",
    "SiteChoice",
    "SiteExtractor",
    "compile_selector",
    "handover_note",
    "published_urls",
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

    @classmethod
    def fits(cls, tree: Element) -> bool:
        """Whether the body selector finds text in ``tree``: the page has this site's
        markup. Asked before a page fetched from another host is given to it."""
        if not cls.body:
            return False
        found: list[Any] = compile_selector(cls.body)(tree)  # type: ignore[assignment]
        return any(isinstance(el, Element) and text_of(el).strip() for el in found)

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
        return [block.text for block in self.extract_blocks(title) if block.text]

    def extract_blocks(self, title: str | None, keep: Keep | None = None) -> list[Block]:
        """The body's blocks, cut and judged as the generic extractor's are (with
        their markup when ``keep`` says so). Raises UseGeneric as ``extract_body``."""
        containers = self.select(self.body) if self.body else []
        if not containers:
            raise UseGeneric(f"{self.name()}: body selector {self.body!r} matched nothing")
        for selector in self.noise:
            for container in containers:
                for el in self.select(selector, container):
                    drop(el)
        found = article_blocks(walk(containers, keep), title)
        if not any(block.text for block in found):
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


# Where a page says the URL it was published under: in the <head> (libxml2 moves
# head elements there), read by a path from the root, not a search of the whole
# tree: it runs on every crawled page whose host has no site extractor.
_PUBLISHED_URLS = lxml.etree.XPath(
    "/html/head/link[@rel='canonical']/@href | /html/head/meta[@property='og:url']/@content"
)


def published_urls(tree: Element) -> list[str]:
    """The absolute URLs a page gives as its own: canonical link first, then og:url.

    A relative one is left out: it names the host the page came from, which the
    fetched URL already names.

    >>> tree = lxml.etree.fromstring(
    ...     '<html><head><link rel="canonical" href="https://a.test/x"/>'
    ...     '<meta property="og:url" content="/x"/></head></html>'
    ... )
    >>> published_urls(tree)
    ['https://a.test/x']
    """
    found: list[Any] = _PUBLISHED_URLS(tree)  # type: ignore[assignment]
    urls = (str(value).strip() for value in found)
    return list(dict.fromkeys(u for u in urls if u.startswith(("http://", "https://"))))


@dataclass(frozen=True, slots=True)
class SiteChoice:
    """The site extractor chosen for a page, and why another one was not."""

    extractor: type[SiteExtractor] | None
    #: Set when a registered site extractor was considered and not used.
    note: str | None = None


def handover_note(cls: type[SiteExtractor], reason: str) -> str:
    """The ``Article.extractor_note`` for a page ``cls`` handed to the generic extractor.

    >>> class News(SiteExtractor):
    ...     domains = ("news.test",)
    >>> handover_note(News, "site:news.test: body selector 'main' matched nothing")
    "site:news.test handed the page to the generic extractor: body selector 'main' matched nothing"
    """
    name = cls.name()
    reason = reason.removeprefix(f"{name}:").strip() or "no reason given"
    return f"{name} handed the page to the generic extractor: {reason}"


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

    def for_page(self, url: str | None, tree: Element) -> SiteChoice:
        """The site extractor for a page: by the URL it was fetched from, else by the
        URL it gives as its own (:func:`published_urls`) when that site's body
        selector fits its markup (:meth:`SiteExtractor.fits`)."""
        found = self.for_url(url)
        if found is not None or not self._by_domain:
            return SiteChoice(found)
        for published in published_urls(tree):
            found = self.for_url(published)
            if found is None:
                continue
            if found.fits(tree):
                return SiteChoice(found)
            return SiteChoice(
                None,
                handover_note(
                    found,
                    f"the page's canonical URL {published} is on its site, but its body "
                    f"selector {found.body!r} finds no text in this page",
                ),
            )
        return SiteChoice(None)

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
