"""Start and stop a real ``redis-server`` on 127.0.0.1, for the distributed-crawl
tests and benchmark.

Debian's ``redis-server`` package provides the binary (``scripts/system-packages``
installs it). Each server gets a free port and its own temporary directory, saves
nothing to disk, and is stopped (then killed, if it must be) on exit.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import redis

__all__ = ["RedisServer", "RedisServerError", "redis_server", "redis_server_missing"]

STARTUP_SECONDS = 10.0


class RedisServerError(RuntimeError):
    """The test Redis server could not be started."""


def redis_server_missing() -> str:
    """Why the distributed tests cannot run here, or ``""`` when they can."""
    if shutil.which("redis-server") is None:
        return (
            "redis-server is not installed: run 'bash scripts/system-packages' "
            "(or 'sudo apt-get install redis-server')"
        )
    return ""


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """One ``redis-server`` process; :attr:`url` is ``redis://127.0.0.1:PORT/0``."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        command = [
            "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.directory), "--save", "", "--appendonly", "no",
            "--protected-mode", "yes", "--logfile", str(self.directory / "redis.log"),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()
        log = self.directory / "redis.log"
        raise RedisServerError(
            f"redis-server on port {self.port} did not answer PING within {STARTUP_SECONDS} s; "
            f"its log: {log.read_text() if log.exists() else '(none)'}"
        )

    def client(self) -> redis.Redis:
        """A client of this server (bytes in, bytes out)."""
        return redis.Redis.from_url(self.url, socket_timeout=5)

    def stop(self) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it has not gone in 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A running Redis server in a temporary directory, stopped on exit."""
    with tempfile.TemporaryDirectory(prefix="newsclean-redis-") as directory:
        server = RedisServer(Path(directory))
        server.start()
        try:
            yield server
        finally:
            server.stop()


if __name__ == "__main__":  # manual use: python tests/redis_server.py
    with redis_server() as running:
        print(f"{running.url}; Ctrl-C stops it")
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
