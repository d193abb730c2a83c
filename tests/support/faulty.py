"""A faulty news site on 127.0.0.1: one path per kind of server fault.

``/`` is a listing page linking to every path of :data:`FAULTS`; each fault
path is article-shaped and, when it finally answers, serves a generated
article page (crawler.demosite) of its own. :data:`FAULTS` is the answer key:
which paths end as an article and which as a counted failure. Every fault is
bounded in time (the slowest answer takes :data:`SLOW` seconds), so a crawl
with ``DOWNLOAD_TIMEOUT=TIMEOUT`` ends.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.demosite.pages import ArticleSpec, article_page
from crawler.demosite.textgen import Lorem

TIMEOUT = 2  # DOWNLOAD_TIMEOUT of the test crawl, seconds
SLOW = TIMEOUT + 1.5  # how long a "hanging" answer hangs before the server gives up
DRIP = 0.2  # seconds between the chunks of a slow drip
MAXSIZE = 1_000_000  # DOWNLOAD_MAXSIZE of the test crawl, bytes
HTML = "text/html; charset=utf-8"
PREFIX = "/news/2024/05/"


@dataclass(frozen=True)
class Fault:
    """What a path does, and what the crawl must make of it."""

    what: str  # for the README's fault table
    article: bool  # the page's article is in the output
    cause: str | None = None  # fetch/failed/<cause>, or None: no failure counted
    stat: str | None = None  # another stats key the fault must leave


FAULTS: dict[str, Fault] = {
    "ok": Fault("a plain 200 page (control)", True),
    "flaky-503": Fault(
        "503 once, then 200", True, stat="retry/reason_count/503 Service Unavailable"
    ),
    "flaky-reset": Fault("connection reset once, then 200", True, stat="retry/count"),
    "flaky-timeout": Fault(
        "no answer within DOWNLOAD_TIMEOUT once, then 200", True, stat="retry/count"
    ),
    "flaky-truncated": Fault(
        "body cut short once (Content-Length not reached), then 200", True, stat="retry/count"
    ),
    "slow-drip": Fault("body sent in small chunks every 0.2 s, inside the timeout", True),
    "no-content-type": Fault("HTML with no Content-Type header", True),
    "text-plain": Fault("HTML served as text/plain", True),
    "octet-stream": Fault("HTML served as application/octet-stream", True),
    "gzip": Fault("gzip Content-Encoding (well-formed)", True),
    "redirect-here": Fault("301 to another page of the same site", True),
    "always-500": Fault("500 on every attempt", False, "http_500"),
    "gone-404": Fault("404", False, "http_404"),
    "hang": Fault("no answer within DOWNLOAD_TIMEOUT, every attempt", False, "timeout"),
    "slow-drip-forever": Fault("slow drip that outlasts DOWNLOAD_TIMEOUT", False, "timeout"),
    "reset": Fault(
        "connection reset (TCP RST) before any answer, every attempt", False, "connection_lost"
    ),
    "truncated": Fault(
        "body cut short (Content-Length not reached), every attempt", False, "truncated"
    ),
    "too-large": Fault("Content-Length over DOWNLOAD_MAXSIZE", False, "too_large"),
    "gzip-bomb": Fault("a 1 KB gzip body that inflates past DOWNLOAD_MAXSIZE", False, "too_large"),
    "image": Fault("PNG bytes (image/png) at an article URL", False, stat="pages/not_html"),
    "json": Fault("JSON (application/json) at an article URL", False, stat="pages/not_html"),
    "redirect-loop": Fault("redirect A -> B -> A", False, "redirect_loop"),
    "redirect-chain": Fault("endless redirect chain to new URLs", False, "redirect_limit"),
    "redirect-away": Fault("302 to another domain (localhost)", False, "offsite_redirect"),
    "attribute-flood": Fault(
        "an article whose one tag has 100,000 attributes (0.7 MB; libxml2 would take "
        "tens of seconds to parse it)",
        False,
        stat="pages/refused/too_large",
    ),
}

LISTING = (
    "<!doctype html><html><head><title>Faulty News</title></head><body><h1>Faulty News</h1><ul>"
    + "".join(f'<li><a href="{PREFIX}{n}.html">Story {n}</a></li>' for n in FAULTS)
    + "</ul></body></html>"
).encode()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
FLOOD_ATTRIBUTES = 100_000  # libxml2 compares each attribute of a tag with those before it
BOMB = gzip.compress(b"\x00" * (MAXSIZE * 5))  # about 5 KB on the wire


def article_html(name: str, base: str) -> str:
    """A generated article page of its own for fault ``name``."""
    lorem = Lorem(f"faulty-{name}")
    spec = ArticleSpec(
        path=f"{PREFIX}{name}.html",
        title=f"{lorem.headline()} ({name})",
        paragraphs=lorem.paragraphs(6, 9),
        published="2024-05-02T08:00:00+00:00",
        section="world",
        author="Faulty Reporter",
    )
    return article_page(spec, base)


class _Handler(BaseHTTPRequestHandler):
    server: FaultyServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = HTML,
        headers: dict[str, str] | None = None,
        length: int | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _reset(self) -> None:
        """Close with a TCP RST (SO_LINGER 0), before any answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True

    def do_GET(self) -> None:
        path = self.path
        base = self.server.base_url
        nth = self.server.hit(path)
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path == "/sitemap.xml":
            body = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
            return self._send(200, body, "application/xml")
        if path == "/":
            return self._send(200, LISTING)
        if path.startswith("/loop/"):
            other = "/loop/b" if path == "/loop/a" else "/loop/a"
            return self._send(302, b"", headers={"Location": other})
        if path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            if n < 40:  # bounded: Scrapy gives up at REDIRECT_MAX_TIMES = 20
                return self._send(302, b"", headers={"Location": f"/chain/{n + 1}"})
            return self._send(404, b"")
        name = path.removeprefix(PREFIX).removesuffix(".html")
        if name == "moved":
            name = "redirect-here"
        if name not in FAULTS:
            return self._send(404, b"not here", "text/plain")
        page = article_html(name, base).encode()
        if name == "ok":
            return self._send(200, page)
        if name == "flaky-503":
            return self._send(503 if nth == 1 else 200, page)
        if name == "flaky-reset":
            return self._reset() if nth == 1 else self._send(200, page)
        if name in ("flaky-timeout", "hang") and (nth == 1 or name == "hang"):
            time.sleep(SLOW)
            self.close_connection = True
            return None
        if name in ("flaky-truncated", "truncated") and (nth == 1 or name == "truncated"):
            self._send(200, page[:500], length=len(page))
            self.close_connection = True
            return None
        if name.startswith("flaky-"):
            return self._send(200, page)
        if name in ("slow-drip", "slow-drip-forever"):
            return self._drip(page, chunks=5 if name == "slow-drip" else int(SLOW / DRIP))
        if name == "no-content-type":
            return self._send(200, page, None)
        if name == "text-plain":
            return self._send(200, page, "text/plain; charset=utf-8")
        if name == "octet-stream":
            return self._send(200, page, "application/octet-stream")
        if name == "gzip":
            return self._send(200, gzip.compress(page), headers={"Content-Encoding": "gzip"})
        if name == "redirect-here":
            if path.endswith("moved.html"):
                return self._send(200, page)
            return self._send(301, b"", headers={"Location": f"{PREFIX}moved.html"})
        if name == "always-500":
            return self._send(500, b"oops", "text/plain")
        if name == "gone-404":
            return self._send(404, b"gone", "text/plain")
        if name == "reset":
            return self._reset()
        if name == "too-large":
            self._send(200, page[:100], length=MAXSIZE * 4)
            self.close_connection = True
            return None
        if name == "gzip-bomb":
            return self._send(200, BOMB, headers={"Content-Encoding": "gzip"})
        if name == "image":
            return self._send(200, PNG, "image/png")
        if name == "json":
            return self._send(200, b'{"not": "an article"}', "application/json")
        if name == "redirect-loop":
            return self._send(302, b"", headers={"Location": "/loop/a"})
        if name == "redirect-chain":
            return self._send(302, b"", headers={"Location": "/chain/1"})
        if name == "attribute-flood":
            flood = " ".join(f"a{i}" for i in range(FLOOD_ATTRIBUTES))
            return self._send(200, page.replace(b"<body", f"<body {flood}".encode(), 1))
        if name == "redirect-away":
            away = base.replace("127.0.0.1", "localhost") + f"{PREFIX}ok.html"
            return self._send(302, b"", headers={"Location": away})
        raise AssertionError(f"no behaviour for {name}")

    def _drip(self, page: bytes, chunks: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        size = -(-len(page) // chunks)
        for start in range(0, len(page), size):
            try:
                self.wfile.write(page[start : start + size])
                self.wfile.flush()
            except OSError:  # the crawler gave up (DOWNLOAD_TIMEOUT)
                return
            time.sleep(DRIP)


class FaultyServer(ThreadingHTTPServer):
    """The faulty site; counts requests per path (``hits``)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: the crawler hangs up on hanging and dripping answers by design."""

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, no trailing slash."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def hit(self, path: str) -> int:
        """Count a request for ``path``; return how many there have been."""
        with self._lock:
            self.hits[path] += 1
            return self.hits[path]


@contextmanager
def serve_faulty() -> Iterator[FaultyServer]:
    """Serve the faulty site in a thread for the duration of the block."""
    server = FaultyServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
