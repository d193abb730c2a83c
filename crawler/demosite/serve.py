"""Serve a :class:`~crawler.demosite.build.Site` over HTTP on 127.0.0.1.

A small asyncio HTTP/1.1 server (GET and HEAD, keep-alive) running its own
event loop in a background thread. Not ``http.server``: its thread per
connection makes 32 keep-alive connections fight over the GIL, and the
benchmark's 2,000-page crawl then measures the server instead of the crawler.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from urllib.parse import urlsplit

from crawler.demosite.build import Resource, Site, build_site

__all__ = ["SiteServer", "serve_site"]

NOT_FOUND = Resource(
    b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>404</h1></body></html>",
    "text/html; charset=utf-8",
    404,
)
MAX_HEADER_BYTES = 64 * 1024


class SiteServer:
    """Serves a :class:`Site` built once the port (hence its absolute URLs) is known.

    ``requested`` lists every path asked for, so tests can check that robots.txt
    was obeyed.
    """

    def __init__(self, build: Callable[[str], Site], host: str = "127.0.0.1", port: int = 0):
        self.requested: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, host, port, reuse_address=True)
        )
        self.server_address: tuple[str, int] = self._server.sockets[0].getsockname()[:2]
        self.site = build(self.base_url)
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="demo-site", daemon=True
        )

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        host, port = self.server_address
        return f"http://{host}:{port}"

    def start(self) -> None:
        """Start answering, in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop answering and close the listening socket."""

        async def close() -> None:
            self._server.close()
            await self._server.wait_closed()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def _resource(self, target: str) -> Resource:
        parts = urlsplit(target)
        resources = self.site.resources
        found = resources.get(parts.path)
        if found is None and parts.query:
            found = resources.get(f"{parts.path}?{parts.query}")
        return found or NOT_FOUND

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if len(head) > MAX_HEADER_BYTES:
                    break
                method, target, *_ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
                self.requested.append(target)
                resource = self._resource(target)
                status = HTTPStatus(resource.status)
                writer.write(
                    f"HTTP/1.1 {status.value} {status.phrase}\r\n"
                    f"Content-Type: {resource.content_type}\r\n"
                    f"Content-Length: {len(resource.body)}\r\n\r\n".encode("latin-1")
                    + (resource.body if method != "HEAD" else b"")
                )
                await writer.drain()
                if b"connection: close" in head.lower():
                    break
        except (
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ConnectionError,
            ValueError,
        ):
            pass  # the client went away or sent something that is not HTTP
        finally:
            writer.close()


@contextmanager
def serve_site(
    build: Callable[[str], Site] | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[SiteServer]:
    """Serve a site in a background thread for the duration of the ``with`` block.

    >>> import urllib.request
    >>> with serve_site() as server:
    ...     urllib.request.urlopen(server.base_url + "/robots.txt").read()[:14]
    b'User-agent: *\\n'
    """
    server = SiteServer(build or build_site, host, port)
    server.start()
    try:
        yield server
    finally:
        server.stop()
