"""Items reach the output file as soon as they are scraped: crawler/exporters.py."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.exporters import FlushingJsonLinesItemExporter
from extractors import Article


def test_each_item_is_on_disk_before_the_next(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    with path.open("wb") as f:
        exporter = FlushingJsonLinesItemExporter(
            f, fields_to_export=list(Article.field_names()), encoding="utf-8"
        )
        exporter.start_exporting()
        exporter.export_item(Article(url="https://n.test/1", title="Één", body="x"))
        # Read through another handle while the file is still open.
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["title"] for line in lines] == ["Één"]
        assert list(json.loads(lines[0])) == list(Article.field_names())
        exporter.export_item(Article(url="https://n.test/2", title="Two", body="y"))
        assert len(path.read_text(encoding="utf-8").splitlines()) == 2
        exporter.finish_exporting()
