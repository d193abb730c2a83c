"""Extraction worker processes over pipes: crawler/extraction/workers.py."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest

from crawler.extraction.workers import Worker, WorkerExitedError

T = TypeVar("T")


def shout(text: str) -> str:
    print("a stray print in a worker")
    return text.upper()


def chatty(url: str) -> str:
    logger = logging.getLogger("extractors.api")
    logger.info("gave up on %s: %s", url, "timeout")
    logger.debug("below the crawl's level: %s", url)
    logger.warning("an extra that does not pickle", extra={"callback": lambda: None})
    try:
        raise ValueError("broken page")
    except ValueError:
        logger.exception("extraction failed on %s", url)
    return url


def fail(message: str) -> None:
    raise ValueError(message)


class UnpicklableError(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("not picklable")


def fail_unpicklably() -> None:
    raise UnpicklableError("a local error")


def with_worker(work: Callable[[Worker], Awaitable[T]]) -> T:
    worker = Worker()

    async def main() -> T:
        try:
            return await work(worker)
        finally:
            await worker.aclose()

    return asyncio.run(main())


def test_results_come_back_in_order_and_prints_go_to_stderr(
    capfd: pytest.CaptureFixture[str],
) -> None:
    async def work(worker: Worker) -> list[str]:
        return list(await asyncio.gather(*(worker.call(shout, f"p{i}") for i in range(30))))

    assert with_worker(work) == [f"P{i}" for i in range(30)]
    assert "a stray print" in capfd.readouterr().err


def test_errors_come_back_as_exceptions() -> None:
    async def work(worker: Worker) -> list[Exception]:
        errors = []
        for function, args in ((fail, ("bad page",)), (fail_unpicklably, ())):
            try:
                await worker.call(function, *args)
            except Exception as exc:
                errors.append(exc)
        assert await worker.call(shout, "still serving") == "STILL SERVING"
        return errors

    value_error, runtime_error = with_worker(work)
    assert isinstance(value_error, ValueError) and str(value_error) == "bad page"
    assert isinstance(runtime_error, RuntimeError)
    assert str(runtime_error) == "UnpicklableError: a local error"


def test_a_killed_worker_fails_its_calls_and_the_next() -> None:
    async def work(worker: Worker) -> tuple[int, bool]:
        await worker.call(shout, "warm")
        os.kill(worker.process.pid, signal.SIGKILL)
        with pytest.raises(WorkerExitedError):
            await worker.call(shout, "lost")
        with pytest.raises(WorkerExitedError):
            await worker.call(shout, "refused")
        return worker.process.wait(), worker.dead

    code, dead = with_worker(work)
    assert code == -signal.SIGKILL and dead


def test_a_worker_ignores_ctrl_c_and_stops_when_its_stdin_closes() -> None:
    worker = Worker()
    os.kill(worker.process.pid, signal.SIGINT)
    assert worker.process.poll() is None
    worker.close()
    assert worker.process.returncode == 0


def test_a_worker_that_cannot_start_says_so() -> None:
    with pytest.raises(WorkerExitedError, match="exited while starting"):
        Worker(("no_such_module_anywhere",))


def test_log_records_reach_the_crawls_loggers(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    root_handler = logging.StreamHandler()
    root_handler.setLevel(logging.INFO)  # as Scrapy's handler with LOG_LEVEL=INFO
    logging.root.addHandler(root_handler)
    try:

        async def work(worker: Worker) -> str:
            return str(await worker.call(chatty, "https://news.test/a.html"))

        assert with_worker(work) == "https://news.test/a.html"
    finally:
        logging.root.removeHandler(root_handler)
    records = [r for r in caplog.records if r.name == "extractors.api"]
    assert [r.levelname for r in records] == ["INFO", "WARNING", "ERROR"]
    assert records[0].getMessage() == "gave up on https://news.test/a.html: timeout"
    assert records[1].getMessage() == "an extra that does not pickle"
    assert records[2].exc_text and "ValueError: broken page" in records[2].exc_text
