"""Feed exporters that write each item as soon as it is scraped.

:class:`FlushingJsonLinesItemExporter` writes the Article's own names;
:class:`ZyteJsonLinesItemExporter` those of zyte-common-items' ``Article``
(:func:`extractors.zyte.to_zyte`). The add-on makes one of them the JSON Lines
exporter (``jsonlines`` and ``jsonl``), as ``NEWSCLEAN_ITEM_NAMES`` says
(``newsclean`` or ``zyte``).
"""

from __future__ import annotations

from typing import Any

from scrapy.exporters import JsonLinesItemExporter

from extractors import Article
from extractors.zyte import to_zyte

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
    they are.
    """

    def export_item(self, item: Any) -> None:
        """Write one item, an Article in zyte-common-items' names, as one line."""
        super().export_item(to_zyte(item) if isinstance(item, Article) else item)
