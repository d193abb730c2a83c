"""Feed exporters that write each item as soon as it is scraped.

:class:`FlushingJsonLinesItemExporter` writes the Article's own names;
:class:`ZyteJsonLinesItemExporter` those of zyte-common-items' ``Article``
(:func:`extractors.zyte.to_zyte`). The add-on makes one of them the JSON Lines
exporter (``jsonlines`` and ``jsonl``), as ``NEWSCLEAN_ITEM_NAMES`` says
(``newsclean`` or ``zyte``). Which bodies a line holds is ``NEWSCLEAN_BODY_FORMATS``:
in the Article's names through ``FEED_EXPORT_FIELDS`` (the add-on sets it), in
zyte-common-items' names by the exporter itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.exporters import JsonLinesItemExporter

from crawler.addon import unwritten_bodies
from extractors import Article
from extractors.zyte import to_zyte

if TYPE_CHECKING:
    from io import BytesIO

    from scrapy.crawler import Crawler

__all__ = ["FlushingJsonLinesItemExporter", "ZyteJsonLinesItemExporter"]


class FlushingJsonLinesItemExporter(JsonLinesItemExporter):
    """JSON Lines, flushed after every item.

    Scrapy's file storage is buffered, so without this a reader of the output
    (``tail -f articles.jsonl``, a pipeline downstream) sees items only in
    blocks of several kilobytes, or at the end of a short crawl.
    """

    def export_item(self, item: Any) -> None:
        """Write one item as one line and flush it to the file."""
        super().export_item(item)
        self.file.flush()


class ZyteJsonLinesItemExporter(FlushingJsonLinesItemExporter):
    """JSON Lines in zyte-common-items' ``Article`` names, flushed after every item.

    An Article becomes :func:`extractors.zyte.to_zyte` of it: ``headline``,
    ``articleBody``, ``datePublished``, ``authors`` as ``[{"name": ...}]``,
    ``metadata.dateDownloaded``... and, under ``newsclean``, the fields that
    zyte-common-items has no name for. ``FEED_EXPORT_FIELDS``, when set, names
    the keys to write, in zyte-common-items' names. Other items are written as
    they are. ``without`` names Article fields to leave out: the bodies
    ``NEWSCLEAN_BODY_FORMATS`` does not name, in a crawl.
    """

    def __init__(self, file: BytesIO, *, without: frozenset[str] = frozenset(), **kwargs: Any):
        super().__init__(file, **kwargs)
        self.without = without

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, file: BytesIO, **kwargs: Any
    ) -> ZyteJsonLinesItemExporter:
        """Scrapy's feed exporter builds it so: the crawl's settings say which bodies
        to leave out."""
        return cls(file, without=unwritten_bodies(crawler.settings), **kwargs)

    def export_item(self, item: Any) -> None:
        """Write one item, an Article in zyte-common-items' names, as one line."""
        if isinstance(item, Article):
            item = to_zyte(item, without=self.without)
        super().export_item(item)
