"""Extraction worker processes, spoken to over pipes that the event loop reads.

``concurrent.futures.ProcessPoolExecutor`` hands every task through two helper
threads of the crawl's process (one pickles and writes, one reads and wakes the
loop); in a crawl, those threads fight the reactor for the GIL. Here each
worker is a child process whose stdin and stdout are pipes: the reactor's own
event loop writes requests and reads replies, with no thread in between. On
a 2-core machine that cut the crawl process's cost per task by three quarters
(docs/crawling.md).

The protocol is length-prefixed pickles, one request and one reply per task, in
order: a worker serves its requests first in, first out, so a reply belongs to
the oldest unanswered request. A worker ignores SIGINT (the crawl decides when
to stop, and closes the worker's stdin then) and exits when its stdin closes,
also when the crawl's process is killed.

Log records the worker's code emits go back with its reply and are handed to
the crawl's loggers of the same names, so they reach the crawl's log (its
format, ``LOG_FILE``, ``LOG_LEVEL``) as if extraction had run in the crawl.

Run as ``python -m crawler.extraction.workers LEVEL MODULE...``: log at ``LEVEL`` and
above, import the modules (those that register site extractors), warm up, then
serve.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import pickle
import signal
import struct
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from typing import IO, Any

__all__ = ["Worker", "WorkerExitedError", "serve"]

_HEADER = struct.Struct("!I")
_READY = "ready"


class WorkerExitedError(Exception):
    """The worker process exited with requests unanswered."""


def _frame(message: object) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


class _Replies(asyncio.Protocol):
    """Cuts the worker's stdout into replies and settles the pending futures."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            end = _HEADER.size + size
            if len(self.buffer) < end:
                return
            kind, value, records = pickle.loads(self.buffer[_HEADER.size : end])
            del self.buffer[:end]
            _emit(records)
            self.worker.settle(kind, value)

    def connection_lost(self, exc: Exception | None) -> None:
        self.worker.lost()


class Worker:
    """One worker process; :meth:`call` runs a function there.

    Starting one blocks until it has imported ``modules`` and warmed up when
    ``wait`` is true (before a crawl starts, as inline warm-up does); a worker
    started mid-crawl to replace a dead one does not block: requests queue in
    its pipe while it starts.
    """

    def __init__(self, modules: tuple[str, ...] = (), *, wait: bool = True) -> None:
        # The crawl's sys.path, so that the worker imports what the crawl imported
        # from wherever it was found (the project, a module beside a spider).
        path = os.pathsep.join(entry for entry in sys.path if entry)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crawler.extraction.workers",
                str(_forwarded_level()),
                *modules,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )
        self.pending: deque[asyncio.Future[Any]] = deque()
        self._writer: asyncio.WriteTransport | None = None
        self._gone: asyncio.Future[None] | None = None
        self._attaching: asyncio.Future[None] | None = None
        self.dead = False
        if wait:
            self._wait_ready()

    def _wait_ready(self) -> None:
        assert self.process.stdout is not None
        try:
            (size,) = _HEADER.unpack(_read_exactly(self.process.stdout, _HEADER.size))
            kind, _, records = pickle.loads(_read_exactly(self.process.stdout, size))
        except EOFError:
            self.close()
            code = self.process.returncode
            raise WorkerExitedError(
                f"the extraction worker exited while starting (exit code {code}); "
                "its error is above"
            ) from None
        assert kind == _READY
        _emit(records)

    async def _attach(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        loop = asyncio.get_running_loop()
        self._gone = loop.create_future()
        self._writer, _ = await loop.connect_write_pipe(asyncio.Protocol, self.process.stdin)
        await loop.connect_read_pipe(lambda: _Replies(self), self.process.stdout)

    async def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` in the worker; raises what it raised, or
        :class:`WorkerExitedError`."""
        if self.dead:
            raise WorkerExitedError("the extraction worker process has exited")
        if self._writer is None:
            # The first pages of a crawl arrive together: attach the pipes once.
            if self._attaching is None:
                self._attaching = asyncio.ensure_future(self._attach())
            await self._attaching
        assert self._writer is not None
        writer = self._writer
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending.append(future)
        writer.write(_frame((function, args, kwargs)))
        return await future

    def settle(self, kind: str, value: Any) -> None:
        """A reply arrived: it answers the oldest pending request."""
        if kind == _READY:
            return
        future = self.pending.popleft()
        if future.done():  # its caller was cancelled
            return
        if kind == "ok":
            future.set_result(value)
        else:
            future.set_exception(value)

    def lost(self) -> None:
        """The worker's stdout closed: it exited; fail what it had not answered."""
        self.dead = True
        while self.pending:
            future = self.pending.popleft()
            if not future.done():
                future.set_exception(WorkerExitedError("the extraction worker process died"))
        if self._gone is not None and not self._gone.done():
            self._gone.set_result(None)

    async def aclose(self, timeout: float = 10) -> None:
        """Close the worker's stdin, so that it exits; kill it if it does not.
        Call it in the event loop the worker was used in."""
        if self._writer is None:
            self.close(timeout)
            return
        loop = asyncio.get_running_loop()
        self._writer.close()
        deadline = loop.time() + timeout
        while self.process.poll() is None and loop.time() < deadline:
            await asyncio.sleep(0.01)
        self._reap()
        if self._gone is not None:
            await asyncio.wait_for(asyncio.shield(self._gone), timeout)  # stdout closed too

    def close(self, timeout: float = 10) -> None:
        """:meth:`aclose` for a worker that never served a request (its pipes
        are not the event loop's)."""
        assert self._writer is None, "a worker that served requests closes with aclose()"
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        self._reap()

    def _reap(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def _forwarded_level() -> int:
    """The lowest level the crawl's log handlers take (Scrapy leaves the root
    logger at NOTSET and sets ``LOG_LEVEL`` on its handler); WARNING without any."""
    levels = [handler.level or logging.DEBUG for handler in logging.root.handlers]
    return min(levels, default=logging.WARNING)


def _emit(records: list[logging.LogRecord]) -> None:
    """Hand records that came from a worker to the crawl's loggers of their names."""
    for record in records:
        logging.getLogger(record.name).handle(record)


# The attributes every LogRecord has (logging.makeLogRecord rebuilds one from them).
_RECORD_FIELDS = tuple(vars(logging.makeLogRecord({})))


class _Collector(logging.Handler):
    """The worker's only log handler: keeps records to send with the next reply."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # The message is formatted here: its arguments may not pickle.
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        try:
            pickle.dumps(record)
        except Exception:  # an ``extra`` attribute that does not pickle: keep the text
            record = logging.makeLogRecord(
                {key: getattr(record, key) for key in _RECORD_FIELDS if hasattr(record, key)}
            )
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


def _reply(
    function: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    collector: _Collector,
) -> bytes:
    try:
        value = function(*args, **kwargs)
    except Exception as exc:  # any error goes back to the caller
        try:
            return _frame(("error", exc, collector.take()))
        except (pickle.PicklingError, TypeError, AttributeError):
            error = RuntimeError(f"{type(exc).__name__}: {exc}")
            return _frame(("error", error, collector.take()))
    return _frame(("ok", value, collector.take()))


def serve(level: int, modules: list[str]) -> None:
    """The worker's side: collect log records at ``level`` and above, import
    ``modules``, warm up, answer requests until stdin closes.

    Ctrl-C and SIGTERM are the crawl's to handle: a terminal or a supervisor
    (systemd signals the whole control group) sends them to the workers too, and
    a worker that died of one would be replaced while the crawl stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    collector = _Collector()
    logging.root.handlers = [collector]
    logging.root.setLevel(level)
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not break a frame
    for module in modules:
        importlib.import_module(module)
    from crawler.extraction.pages import warm_up  # noqa: PLC0415 (after the modules, as the crawl)

    warm_up()
    replies.write(_frame((_READY, os.getpid(), collector.take())))
    replies.flush()
    while True:
        try:
            (size,) = _HEADER.unpack(_read_exactly(requests, _HEADER.size))
            function, args, kwargs = pickle.loads(_read_exactly(requests, size))
        except EOFError:
            return
        replies.write(_reply(function, args, kwargs, collector))
        replies.flush()


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2:])
    # Every reply is flushed and nothing else is held: skip the interpreter's
    # teardown of the extractors' modules (a second or two on a busy machine),
    # as multiprocessing's workers do, so that a stopping crawl is not kept waiting.
    os._exit(0)
