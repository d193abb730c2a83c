"""One page for a command: fetch a URL through Scrapy or read a saved file, and
extract it; :class:`PageCommand`, the base of the commands that take one page.

Outside ``crawler.commands``: Scrapy makes a command of every ScrapyCommand
class defined in that package, and this base is not one.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from w3lib.url import is_url

from crawler.extraction.service import charset_from_content_type
from extractors import Article, Formats, extract

if TYPE_CHECKING:
    from scrapy.crawler import CrawlerProcessBase
    from scrapy.http import Response

__all__ = ["PageCommand", "SavedPage", "extract_page", "get_page"]

# Response headers a fixture does not keep: they change on every request or
# identify the person who fetched the page.
VOLATILE_HEADERS = frozenset({"date", "set-cookie", "age", "expires", "x-request-id", "cf-ray"})


@dataclass(slots=True)
class SavedPage:
    """A page's URL, response headers (one string each) and bytes as served."""

    url: str
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str | None:
        """The Content-Type header, whatever its case."""
        return next((v for k, v in self.headers.items() if k.lower() == "content-type"), None)


def extract_page(
    page: SavedPage,
    *,
    generic: bool = False,
    formats: Formats = Formats(),  # noqa: B008  (frozen: one shared default is safe)
) -> Article:
    """:func:`extractors.extract` on ``page``, with the charset its Content-Type
    header declares, as the crawl does."""
    return extract(
        page.body,
        page.url,
        encoding=charset_from_content_type(page.content_type),
        generic=generic,
        formats=formats,
    )


def _from_response(response: Response) -> SavedPage:
    headers = {
        k.decode("latin-1"): b", ".join(v).decode("latin-1")
        for k, v in response.headers.items()
        if k.decode("latin-1").lower() not in VOLATILE_HEADERS
    }
    return SavedPage(response.url, headers, response.body)


def _from_file(path: Path, url: str | None) -> SavedPage:
    if path.is_dir():
        path = path / "source.html"
    if not path.is_file():
        raise UsageError(f"{path} is not a file; give a URL, an HTML file or a fixture folder")
    meta_path = path.with_name("meta.json")
    meta: dict[str, Any] = {}
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return SavedPage(
        url or meta.get("url") or path.resolve().as_uri(),
        dict(meta.get("headers", {})),
        path.read_bytes(),
    )


def get_page(target: str, process: CrawlerProcessBase | None, url: str | None = None) -> SavedPage:
    """The page at ``target``: a URL (fetched with the project's settings, robots.txt
    and User-Agent included) or a file / fixture folder (``url`` overrides its URL)."""
    if not is_url(target) or target.startswith("file://"):
        return _from_file(Path(target.removeprefix("file://")), url)
    if process is None:  # pragma: no cover (Scrapy always gives commands a process)
        raise UsageError("fetching a URL needs a Scrapy crawler process")
    found: list[Response] = []

    class FetchSpider(Spider):
        name = "newsclean-fetch"
        # No feed: the page is extracted here, not written as items (the add-on's
        # default feed would leave an empty newsclean-fetch.jsonl in the folder).
        custom_settings = {"NEWSCLEAN_DEFAULT_FEED": ""}  # noqa: RUF012 (Scrapy's own attribute)

        async def start(self) -> AsyncIterator[Any]:
            yield Request(target, callback=found.append, dont_filter=True)

    process.crawl(FetchSpider)
    process.start()
    if not found:
        raise UsageError(f"could not fetch {target}; the log above says why")
    return _from_response(found[0])


class PageCommand(ScrapyCommand):
    """A command on one page: a URL, an HTML file or a fixture folder."""

    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        """Usage line."""
        return "[options] <url-or-file>"

    def page(self, args: list[str], url: str | None) -> SavedPage:
        """The one page ``args`` names (:func:`get_page`; ``url`` overrides a file's URL)."""
        if len(args) != 1:
            raise UsageError("give one URL or file")
        return get_page(args[0], self.crawler_process, url)
