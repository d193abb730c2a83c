"""Extraction worker processes over pipes: crawler/workers.py."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest

from crawler.workers import Worker, WorkerExitedError

T = TypeVar("T")


def shout(text: str) -> str:
    print("a stray print in a worker")
    return text.upper()


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
