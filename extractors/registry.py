"""Which extractor handles a URL: site extractors by domain, generic last.

Precedence: the extractor registered for the longest domain that matches the
URL's host wins ("news.example.com" beats "example.com"); a host matches a domain
when it is that domain or a subdomain of it. With no match, or when the site
extractor raises UseGeneric, the generic extractor runs.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TypeVar
from urllib.parse import urlsplit

from extractors.base import SiteExtractor, compile_selector
from extractors.exceptions import SiteExtractorError

__all__ = ["Registry", "register", "registry"]


class Registry:
    """Domain -> site extractor class."""

    def __init__(self) -> None:
        self._by_domain: dict[str, type[SiteExtractor]] = {}
        self._loaded = False

    def add(self, cls: type[SiteExtractor]) -> None:
        """Register ``cls`` for its domains; checks its selectors compile."""
        if not cls.domains:
            raise SiteExtractorError(f"{cls.__name__} has no domains; set domains = ('site.com',)")
        for selector in cls.selectors():
            compile_selector(selector)
        for domain in cls.domains:
            domain = domain.lower().strip(".")
            other = self._by_domain.get(domain)
            if other is not None and other is not cls:
                raise SiteExtractorError(
                    f"{cls.__name__} and {other.__name__} both claim {domain!r}; "
                    "remove it from one of them"
                )
            self._by_domain[domain] = cls

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        from extractors import sites  # noqa: PLC0415  (loaded on first use)

        for module in pkgutil.iter_modules(sites.__path__):
            importlib.import_module(f"{sites.__name__}.{module.name}")

    def for_url(self, url: str | None) -> type[SiteExtractor] | None:
        """The most specific site extractor for ``url``, or None."""
        self._load()
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
        self._load()
        return list(dict.fromkeys(self._by_domain.values()))


#: The registry ``extract()`` uses.
registry = Registry()


T = TypeVar("T", bound=type[SiteExtractor])


def register(cls: T) -> T:
    """Class decorator: register a site extractor with the default registry."""
    registry.add(cls)
    return cls
