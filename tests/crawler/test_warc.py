"""Every response of a crawl into a WARC file: crawler/warc.py.

The files are read back with warcio, a WARC library other than the writer's
(fastwarc), and checked with ``warcio check`` (block and payload digests); the
crawl's WARC is then read by ``newsclean extract`` and compared with extract().
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from warcio.archiveiterator import ArchiveIterator

from crawler.demosite import SiteServer
from crawler.warc import WarcFile, warc_path
from extractors import extract
from extractors.inputs.base import charset
from tests.support.crawlrun import crawl

WARCIO = Path(sys.executable).with_name("warcio")
NEWSCLEAN = Path(sys.executable).with_name("newsclean")
PAGE = "<!DOCTYPE html><html><body><p>Één page</p></body></html>".encode()


def warcio_check(path: Path) -> subprocess.CompletedProcess[str]:
    """``warcio check -v``: exit status 0 when every digest of every record passes."""
    return subprocess.run(
        [str(WARCIO), "check", "-v", str(path)], capture_output=True, text=True, check=False
    )


def records(path: Path) -> list[dict[str, Any]]:
    """What warcio reads in the file: type, target, HTTP status line, headers, body."""
    found = []
    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            http = record.http_headers
            found.append(
                {
                    "type": record.rec_type,
                    "uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "id": record.rec_headers.get_header("WARC-Record-ID"),
                    "concurrent": record.rec_headers.get_header("WARC-Concurrent-To"),
                    # warcio keeps a request's method as its "protocol"
                    "status": f"{http.protocol} {http.statusline}" if http else None,
                    "headers": dict(http.headers) if http else {},
                    "body": record.raw_stream.read(),
                }
            )
    return found


def exchange(url: str, body: bytes, status: int = 200, **headers: str) -> tuple[Request, Response]:
    request = Request(url, headers={"User-Agent": "newsclean-test", "Accept-Encoding": "gzip"})
    response = HtmlResponse(url, status=status, headers=headers, body=body, request=request)
    return request, response


@pytest.mark.parametrize("name", ["out.warc", "out.warc.gz"])
def test_written_records_read_back_with_warcio(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    warc = WarcFile(path)
    warc.warcinfo({"software": "newsclean-test"})
    warc.exchange(
        *exchange("http://n.test/a?b=1", PAGE, **{"Content-Type": "text/html; charset=utf-8"})
    )
    warc.exchange(*exchange("http://n.test/old", b"", 301, Location="/a?b=1"))
    packed = gzip.compress(PAGE)
    warc.exchange(
        *exchange(
            "http://n.test/chunked",
            packed,
            **{"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"},
        )
    )
    warc.close()
    if name.endswith(".gz"):  # one gzip member per record: 7 records, 7 members
        assert gzip.decompress(path.read_bytes()).count(b"WARC/1.1\r\n") == 7
    check = warcio_check(path)
    assert check.returncode == 0, check.stdout
    assert check.stdout.count("digest pass") == 7
    found = records(path)
    assert [(r["type"], r["uri"]) for r in found] == [
        ("warcinfo", None),
        ("request", "http://n.test/a?b=1"),
        ("response", "http://n.test/a?b=1"),
        ("request", "http://n.test/old"),
        ("response", "http://n.test/old"),
        ("request", "http://n.test/chunked"),
        ("response", "http://n.test/chunked"),
    ]
    request, page, _, redirect, _, chunked = found[1:]
    assert request["status"] == "GET /a?b=1 HTTP/1.1"
    assert request["headers"]["Host"] == "n.test"
    assert request["headers"]["User-Agent"] == "newsclean-test"
    assert request["concurrent"] == page["id"]
    assert (page["status"], page["body"]) == ("HTTP/1.1 200 OK", PAGE)
    assert page["headers"]["Content-Type"] == "text/html; charset=utf-8"
    assert redirect["status"] == "HTTP/1.1 301 Moved Permanently"
    assert redirect["headers"]["Location"] == "/a?b=1"
    # The body as served (gzip), its chunks already joined by Twisted: the header says so.
    assert chunked["body"] == packed
    assert "Transfer-Encoding" not in chunked["headers"]
    assert chunked["headers"]["X-Crawler-Transfer-Encoding"] == "chunked"


def test_a_file_is_appended_to(tmp_path: Path) -> None:
    path = tmp_path / "out.warc.gz"
    for _ in range(2):
        warc = WarcFile(path)
        warc.exchange(*exchange("http://n.test/a", PAGE))
        warc.close()
    assert [r["type"] for r in records(path)] == ["request", "response"] * 2


def test_warc_path() -> None:
    assert warc_path("crawls/%(name)s.warc.gz", "urls", distributed=False) == Path(
        "crawls/urls.warc.gz"
    )
    worker = warc_path("crawl.warc.gz", "articles", distributed=True).name
    assert worker.startswith("crawl.") and worker.endswith(".warc.gz") and worker.count(".") == 3


def test_crawl_writes_every_response(test_site: SiteServer, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    result = crawl(
        "articles",
        tmp_path / "out.jsonl",
        # A second start URL the site does not serve: its 404 is archived too.
        args={"url": f"{test_site.base_url}/,{test_site.base_url}/gone/"},
        settings={"NEWSCLEAN_WARC_FILE": str(path)},
    )
    assert result.returncode == 0, result.log[-3000:]
    check = warcio_check(path)
    assert check.returncode == 0, check.stdout[-3000:]
    found = records(path)
    responses = [r for r in found if r["type"] == "response"]
    assert (
        len(responses) == result.stats["downloader/response_count"] == result.stats["warc/records"]
    )
    assert sum(r["type"] == "request" for r in found) == len(responses)
    assert [r["type"] for r in found].count("warcinfo") == 1
    paths = {r["uri"].removeprefix(test_site.base_url) for r in responses}
    # robots.txt, sitemaps, feeds, listings and 404s are archived with the articles.
    assert {"/robots.txt", "/sitemap_index.xml"} <= paths
    assert set(result.paths(test_site.base_url)) <= paths
    assert any(
        r["status"] == "HTTP/1.1 404 Not Found" and r["uri"].endswith("/gone/") for r in responses
    )
    for item in result.items:  # each article's page is in the archive as it was served
        served = test_site.site.resources[item["url"].removeprefix(test_site.base_url)].body
        assert any(r["uri"] == item["url"] and r["body"] == served for r in responses)
    extract_the_warc(path, responses, result.items, test_site)


def extract_the_warc(
    path: Path, responses: list[dict[str, Any]], crawled: list[dict[str, Any]], site: SiteServer
) -> None:
    """``newsclean extract`` on the crawl's WARC gives what extract() gives on each HTML
    page in it; with --only-articles, the crawl's articles and no listing page."""
    done = subprocess.run(
        [str(NEWSCLEAN), "extract", str(path)], capture_output=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    got = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    expected = []
    for response in responses:
        content_type = response["headers"].get("Content-Type", "")
        if response["status"] == "HTTP/1.1 200 OK" and content_type.startswith("text/html"):
            article = extract(response["body"], response["uri"], encoding=charset(content_type))
            if article.body:
                expected.append(article.to_dict())
    assert len(got) == len(expected) > len(crawled)
    fetched = [line.pop("fetched") for line in got]
    assert {line.pop("http_status") for line in got} == {200}
    assert got == [
        {k: v for k, v in e.items() if k not in ("fetched", "http_status")} for e in expected
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", f) for f in fetched)
    summary = done.stderr.decode().splitlines()[-1]
    assert f"{len(got)} articles written" in summary and "not-html: " in summary
    only = subprocess.run(
        [str(NEWSCLEAN), "extract", str(path), "--only-articles", "-q"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    urls = {json.loads(line)["url"] for line in only.stdout.decode("utf-8").splitlines()}
    assert {item["url"] for item in crawled} <= urls
    assert not {u.removeprefix(site.base_url) for u in urls} & site.site.listings
