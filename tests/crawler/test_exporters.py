"""Items reach the output file as soon as they are scraped, in the Article's names or
zyte-common-items': crawler/exporters.py."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt
from scrapy.settings import Settings

from crawler.addon import Addon
from crawler.demosite import SiteServer
from crawler.exporters import FlushingJsonLinesItemExporter, ZyteJsonLinesItemExporter
from extractors import Article
from extractors.article import RENDERED_FIELDS
from tests.support.crawlrun import crawl
from tests.support.zyte import validate_zyte_article

RENDER = MarkdownIt("commonmark").enable("table").render


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


def test_zyte_names_exporter_writes_zyte_common_items_names(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    article = Article(
        url="https://n.test/1",
        title="Één",
        body="Text.",
        authors=["Ann Lee"],
        language="nl",
        extractor="generic",
        fetched="2022-04-21T15:40:05Z",
        http_status=200,
        discovered_by="feed",
    )
    with path.open("wb") as f:
        exporter = ZyteJsonLinesItemExporter(f, encoding="utf-8")
        exporter.start_exporting()
        exporter.export_item(article)
        assert json.loads(path.read_text(encoding="utf-8")) == {
            "url": "https://n.test/1",
            "headline": "Één",
            "articleBody": "Text.",
            "authors": [{"name": "Ann Lee"}],
            "inLanguage": "nl",
            "metadata": {"dateDownloaded": "2022-04-21T15:40:05Z"},
            "newsclean": {"extractor": "generic", "http_status": 200, "discovered_by": "feed"},
        }
        exporter.finish_exporting()


def exporters(values: dict[str, object]) -> dict[str, object]:
    """FEED_EXPORTERS once the add-on has set the project's defaults over ``values``."""
    settings = Settings(values, priority="cmdline")
    Addon().update_settings(settings)
    return settings.getdict("FEED_EXPORTERS")


def test_the_item_names_setting_picks_the_exporter() -> None:
    assert exporters({})["jsonl"] == "crawler.exporters.FlushingJsonLinesItemExporter"
    zyte = exporters({"NEWSCLEAN_ITEM_NAMES": "zyte"})
    assert zyte["jsonl"] == zyte["jsonlines"] == "crawler.exporters.ZyteJsonLinesItemExporter"
    with pytest.raises(ValueError, match="NEWSCLEAN_ITEM_NAMES is 'schema'; use one of"):
        exporters({"NEWSCLEAN_ITEM_NAMES": "schema"})


def feed_fields(values: dict[str, object]) -> list[str] | None:
    """FEED_EXPORT_FIELDS once the add-on has set the project's defaults over ``values``."""
    settings = Settings(values, priority="cmdline")
    Addon().update_settings(settings)
    fields: list[str] | None = settings.getlist("FEED_EXPORT_FIELDS") or None
    return fields


def test_the_body_formats_setting_picks_the_body_fields() -> None:
    every = list(Article.field_names())
    plain = [f for f in every if f not in RENDERED_FIELDS]
    assert feed_fields({}) == plain
    assert feed_fields({"NEWSCLEAN_BODY_FORMATS": "text,html,markdown"}) == every
    assert feed_fields({"NEWSCLEAN_BODY_FORMATS": ["markdown"]}) == [
        f for f in every if f not in ("body", "body_html")
    ]
    assert feed_fields({"NEWSCLEAN_ITEM_NAMES": "zyte"}) is None
    mine = ["url", "title"]
    assert feed_fields({"NEWSCLEAN_BODY_FORMATS": "html", "FEED_EXPORT_FIELDS": mine}) == mine
    for wrong in ("pdf", "text,docx", ""):
        with pytest.raises(ValueError, match=r"NEWSCLEAN_BODY_FORMATS is .*; use text, html"):
            feed_fields({"NEWSCLEAN_BODY_FORMATS": wrong})


def test_a_crawl_writes_the_bodies_asked_for(test_site: SiteServer, tmp_path: Path) -> None:
    """-s NEWSCLEAN_BODY_FORMATS=html,markdown: every line has its body as HTML and
    as Markdown, the same article as the plain text, and no plain text."""
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        args={"url": f"{test_site.base_url}/", "max_articles": "8"},
        settings={"NEWSCLEAN_BODY_FORMATS": "html,markdown"},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.items
    for item in result.items:
        assert list(item) == [f for f in Article.field_names() if f != "body"]
        html = lxml.html.fragment_fromstring(item["body_html"], create_parent="div")
        assert [el.tag for el in html]
        assert {el.tag for el in html} <= {
            "p",
            "h2",
            "h3",
            "h4",
            "ul",
            "ol",
            "table",
            "blockquote",
        }
        markdown = lxml.html.fragment_fromstring(
            RENDER(item["body_markdown"]), create_parent="div"
        )
        assert markdown.text_content().split() == html.text_content().split()


def test_crawl_in_zyte_names_validates(test_site: SiteServer, tmp_path: Path) -> None:
    """A crawl of the test site with -s NEWSCLEAN_ITEM_NAMES=zyte: every line is a
    zyte-common-items Article, and says when, with what status and how it was found."""
    before = datetime.now(UTC).replace(microsecond=0)
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        args={"url": f"{test_site.base_url}/"},
        settings={"NEWSCLEAN_ITEM_NAMES": "zyte", "NEWSCLEAN_BODY_FORMATS": "text,html"},
    )
    after = datetime.now(UTC)
    assert result.returncode == 0, result.log[-3000:]
    paths = {item["url"].removeprefix(test_site.base_url) for item in result.items}
    assert paths >= set(test_site.site.articles) - {
        p for pair in test_site.site.near_duplicates for p in pair
    }
    sources = Counter()
    for line in result.items:
        item = validate_zyte_article(line)
        assert item.headline and item.articleBody and item.articleBodyHtml
        assert item.metadata is not None and item.metadata.dateDownloaded is not None
        fetched = datetime.fromisoformat(item.metadata.dateDownloaded)
        assert before <= fetched <= after
        assert line["newsclean"]["http_status"] == 200
        assert line["newsclean"]["page_type_confidence"] in ("high", "low")
        sources[line["newsclean"]["discovered_by"]] += 1
    assert set(sources) <= {"start_url", "sitemap", "news_sitemap", "feed", "link"}
    # The test site's articles are in its sitemap, its news sitemap and its feeds, and
    # linked from listings; what found each first depends on the order of the crawl.
    assert len(sources) >= 2, sources
