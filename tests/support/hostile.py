"""Hostile sites on 127.0.0.1: servers that try to steer, exhaust or stall a crawl.

:class:`HostileServer` is a small asyncio HTTP/1.1 server (keep-alive, GET) in a
background thread that answers with a function of the path, records every path
asked for, and stops by itself: after ``max_requests`` requests it answers 503
and closes, and ``lifetime`` seconds after it started it stops listening. It
only ever binds 127.0.0.1. The pages it serves come from :func:`article` and
:func:`listing` (the demo site's templates) and the sitemap builders below.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus

from crawler.demosite.pages import ArticleSpec, Teaser, article_page, listing_page
from crawler.demosite.textgen import Lorem

HTML = "text/html; charset=utf-8"
XML = "application/xml"
HOST = "127.0.0.1"  # the only address these servers bind
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


@dataclass(frozen=True, slots=True)
class Answer:
    """What the server sends for a path."""

    body: bytes = b""
    content_type: str | None = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer is sent (a slow server)


NOT_FOUND = Answer(b"not here", "text/plain", 404)
Routes = Callable[[str, "HostileServer"], Answer | None]


class HostileServer:
    """Answers ``routes(path, server)`` (None: 404); bounded in requests and time."""

    def __init__(self, routes: Routes, *, max_requests: int = 50_000, lifetime: float = 300):
        self.routes = routes
        self.max_requests = max_requests
        self.lifetime = lifetime
        self.requested: list[str] = []
        self.hits: Counter[str] = Counter()
        self.first_hit: dict[str, float] = {}  # path -> time.monotonic() of its first request
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, HOST, 0, reuse_address=True)
        )
        self.port: int = self._server.sockets[0].getsockname()[1]
        self._thread = threading.Thread(target=self._run, name="hostile-site", daemon=True)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        return f"http://{HOST}:{self.port}"

    def _run(self) -> None:
        self._loop.call_later(self.lifetime, self._server.close)
        self._loop.run_forever()

    def start(self) -> None:
        """Start answering in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop answering and close the socket."""
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._server.close)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def _answer(self, path: str) -> Answer:
        self.requested.append(path)
        self.hits[path] += 1
        self.first_hit.setdefault(path, time.monotonic())
        if len(self.requested) > self.max_requests:
            return Answer(b"request budget spent", "text/plain", 503)
        try:
            return self.routes(path, self) or NOT_FOUND
        except Exception as exc:  # a bug in a test's routes: show it, do not hang the crawl
            return Answer(f"route failed: {exc!r}".encode(), "text/plain", 500)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[1]
                answer = self._answer(target)
                if answer.delay:
                    await asyncio.sleep(answer.delay)
                status = HTTPStatus(answer.status)
                lines = [f"HTTP/1.1 {status.value} {status.phrase}"]
                if answer.content_type:
                    lines.append(f"Content-Type: {answer.content_type}")
                lines += [f"{k}: {v}" for k, v in answer.headers.items()]
                lines.append(f"Content-Length: {len(answer.body)}")
                writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + answer.body)
                await writer.drain()
                if answer.status == 503:
                    break
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        except (ValueError, IndexError):
            pass  # not HTTP
        finally:
            writer.close()


@contextmanager
def serve(routes: Routes, **bounds: float) -> Iterator[HostileServer]:
    """Serve ``routes`` for the duration of the block."""
    server = HostileServer(routes, **bounds)  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def article(path: str, base: str, *, title: str | None = None, links: Iterable[str] = ()) -> bytes:
    """A generated article page of its own for ``path`` (UTF-8)."""
    lorem = Lorem(f"hostile-{path}")
    spec = ArticleSpec(
        path=path,
        title=title or f"{lorem.headline()} ({path.rsplit('/', 1)[-1]})",
        paragraphs=lorem.paragraphs(6, 9),
        published="2024-05-02T08:00:00+00:00",
        section="world",
        author="Hostile Reporter",
        extra_links=tuple((href, "more") for href in links),
    )
    return article_page(spec, base).encode()


def listing(path: str, base: str, links: Iterable[str], *, title: str = "Front page") -> bytes:
    """A listing page whose cards link to ``links`` (absolute or relative)."""
    teasers = [
        Teaser(href, f"Story {n}", "A teaser.", "2024-05-02T08:00:00+00:00")
        for n, href in enumerate(links)
    ]
    return listing_page(title, path, teasers, base).encode()


def urlset(urls: Iterable[str]) -> bytes:
    """A sitemap of ``urls``."""
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{items}</urlset>'.encode()


def sitemap_index(urls: Iterable[str]) -> bytes:
    """A sitemap index of ``urls``."""
    items = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    head = f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {NS}>'
    return f"{head}{items}</sitemapindex>".encode()


def gzip_urlset(base: str, count: int, prefix: str = "/bulk/") -> bytes:
    """A gzip sitemap of ``count`` URLs ``{base}{prefix}<n>.html``, built in chunks."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>'.encode()
    chunks = [head]
    step = 50_000
    for start in range(0, count, step):
        chunks.append(
            "".join(
                f"<url><loc>{base}{prefix}{n}.html</loc></url>"
                for n in range(start, min(count, start + step))
            ).encode()
        )
    chunks.append(b"</urlset>")
    return gzip.compress(b"".join(chunks), compresslevel=6)


def rss(urls: Iterable[str]) -> bytes:
    """An RSS 2.0 feed of ``urls``."""
    items = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in urls)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}'
        "</channel></rss>"
    ).encode()
