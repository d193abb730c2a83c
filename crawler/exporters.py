"""Feed exporters that write each item as soon as it is scraped."""

from __future__ import annotations

from typing import Any

from scrapy.exporters import JsonLinesItemExporter

__all__ = ["FlushingJsonLinesItemExporter"]


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
