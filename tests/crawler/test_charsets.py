"""Charset lies through a whole crawl: every page is decoded by one rule
(extractors/page/decode.py) in the page service, so the classifier and the
extractor read the same text, and an overruled label is counted and logged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.crawlrun import CrawlResult, crawl
from tests.support.hostile import Answer, HostileServer, article, listing, serve

SENTENCE = "Les élèves à l'école ont préparé une fête pour l'été."
# path -> (encoding of the bytes, Content-Type charset the server declares)
LIES = {
    "/news/latin1-as-utf8.html": ("latin-1", "utf-8"),
    "/news/utf8-as-utf16le.html": ("utf-8", "utf-16-le"),
    "/news/utf8-as-cp037.html": ("utf-8", "cp037"),
    "/news/utf8-as-utf16.html": ("utf-8", "utf-16"),
    "/news/utf8-as-utf32.html": ("utf-8", "utf-32"),
    "/news/utf8-as-utf7.html": ("utf-8", "utf-7"),
}


def _page(path: str, base: str) -> bytes:
    html = article(path, base).decode()
    html = html.replace('<meta charset="utf-8">', "")  # the header alone declares
    paragraph = f"<p>{SENTENCE}</p>"
    html = html.replace('<div class="entry-content">', f'<div class="entry-content">{paragraph}')
    return html.encode(LIES[path][0])


@pytest.fixture(scope="module")
def lied_to(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[HostileServer, CrawlResult]]:
    def site(path: str, server: HostileServer) -> Answer | None:
        if path == "/":
            return Answer(listing("/", server.base_url, list(LIES)))
        if path in LIES:
            return Answer(_page(path, server.base_url), f"text/html; charset={LIES[path][1]}")
        return None

    with serve(site, max_requests=200, lifetime=120) as server:
        out = tmp_path_factory.mktemp("charsets") / "out.jsonl"
        yield server, crawl("articles", out, args={"url": f"{server.base_url}/"})


def test_every_lie_gives_the_right_text(lied_to: tuple[HostileServer, CrawlResult]) -> None:
    server, result = lied_to
    assert result.returncode == 0, result.log[-3000:]
    bodies = {item["url"].removeprefix(server.base_url): item["body"] for item in result.items}
    assert set(bodies) == set(LIES), f"not written as articles: {set(LIES) - set(bodies)}"
    wrong = [path for path, body in bodies.items() if SENTENCE not in body]
    assert not wrong, wrong


def test_every_lie_is_counted_and_said(lied_to: tuple[HostileServer, CrawlResult]) -> None:
    server, result = lied_to
    assert result.stats["pages/charset_overruled"] == len(LIES)
    for path, (_, label) in LIES.items():
        assert f"charset: {server.base_url}{path}: the HTTP header's charset {label}" in result.log
