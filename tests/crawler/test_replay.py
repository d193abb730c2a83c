"""Re-extracting stored pages without downloading: crawler/spiders/replay.py."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.demosite import SiteServer
from extractors import Article
from extractors.article import RENDERED_FIELDS
from tests.support.crawlrun import ROOT, crawl

FIXTURES = ROOT / "fixtures"


def test_replay_fixtures(tmp_path: Path) -> None:
    result = crawl("replay", tmp_path / "out.jsonl", args={"path": str(FIXTURES)})
    assert result.returncode == 0, result.log[-3000:]
    urls = {
        json.loads(p.read_text(encoding="utf-8"))["url"]
        for p in FIXTURES.glob("*/*/meta.json")
        if p.with_name("source.html").exists()
    }
    assert {i["url"] for i in result.items} == urls
    assert all(i["extractor"].startswith("site:") for i in result.items)
    assert "downloader/request_count" not in result.stats  # nothing was downloaded
    assert result.stats["replay/pages"] == len(urls)


def test_replay_http_cache_matches_the_crawl(test_site: SiteServer, tmp_path: Path) -> None:
    cache = tmp_path / "httpcache"
    crawled = crawl(
        "articles",
        tmp_path / "crawl.jsonl",
        args={"url": f"{test_site.base_url}/"},
        settings={"HTTPCACHE_ENABLED": "1", "HTTPCACHE_DIR": str(cache)},
    )
    assert crawled.returncode == 0, crawled.log[-3000:]
    requested = len(test_site.requested)
    replayed = crawl("replay", tmp_path / "replay.jsonl", args={"path": str(cache / "articles")})
    assert replayed.returncode == 0, replayed.log[-3000:]
    assert len(test_site.requested) == requested  # the replay fetched nothing
    fields = ("url", "title", "body")

    def pick(items: list[dict[str, object]]) -> set[tuple[object, ...]]:
        return {tuple(i[f] for f in fields) for i in items}

    # The wire story kept may differ (order), so compare everything else.
    wire = {f"{test_site.base_url}{p}" for pair in test_site.site.near_duplicates for p in pair}
    assert {i for i in pick(replayed.items) if i[0] not in wire} == {
        i for i in pick(crawled.items) if i[0] not in wire
    }
    assert replayed.stats["replay/skipped/listing"] >= len(test_site.site.listings) - 1
    assert replayed.stats["articles/dropped/near_duplicate"] == 1
    assert tuple(replayed.items[0]) == tuple(
        f for f in Article.field_names() if f not in RENDERED_FIELDS
    )


def test_replay_needs_a_path(tmp_path: Path) -> None:
    result = crawl("replay", tmp_path / "out.jsonl")
    assert result.returncode != 0
    assert "scrapy crawl replay -a path=fixtures" in result.log


class _Trap:
    """Unpickling this creates a file: proof that a pickle was loaded."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.marker), "unpickled"))  # type: ignore[return-value]


def test_cache_replay_never_unpickles(tmp_path: Path) -> None:
    """A cache folder from elsewhere cannot run code: its pickles are never loaded."""
    import pickle  # noqa: PLC0415  (only this test writes a pickle)

    from crawler.spiders.replay import cached_responses  # noqa: PLC0415

    entry = tmp_path / "cache" / "articles" / "ab" / "abcdef"
    entry.mkdir(parents=True)
    marker = tmp_path / "marker"
    meta = {"url": "https://news.test/a", "status": 200, "response_url": "https://news.test/a"}
    (entry / "meta").write_text(repr(meta), encoding="utf-8")
    (entry / "pickled_meta").write_bytes(pickle.dumps(_Trap(str(marker))))
    (entry / "response_headers").write_bytes(b"Content-Type: text/html; charset=utf-8\r\n")
    (entry / "response_body").write_bytes(b"<html><body><p>Hello</p></body></html>")
    responses = list(cached_responses(tmp_path / "cache"))
    assert [r.url for r in responses] == ["https://news.test/a"]
    assert not marker.exists(), "the pickled_meta was unpickled"
