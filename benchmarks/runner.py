"""Run one tool over a corpus, timing each page: the body of a measuring subprocess.

``benchmarks.extraction`` starts ``python -m benchmarks.runner`` once per tool,
so that the peak memory a child reports is its own tool's. The child writes
its result as JSON to ``--out``; a tool that cannot run here is written as
skipped, with the reason, rather than failing the process.

:func:`run_pages` is also usable in-process (the quality-floor test does so).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import Page, load_corpus
from benchmarks.tools import KNOWN_TOOLS, Extract, ToolUnavailableError, load_tool, tool_version

__all__ = ["PageRun", "ToolRun", "main", "peak_rss_mib", "run_pages"]

MIB = 1024 * 1024
# ru_maxrss is in bytes on macOS and in KiB on Linux and the BSDs (getrusage(2)).
_RSS_BYTES_PER_UNIT = 1 if sys.platform == "darwin" else 1024
# Enough of an exception's message to recognize it in a report, not a traceback.
_ERROR_CHARS = 200


@dataclass(frozen=True, slots=True)
class PageRun:
    """What one tool did with one page."""

    id: str
    """The corpus page id."""
    prediction: str
    """The body the tool returned on the first run; "" when it raised."""
    seconds: float
    """The fastest of the repeated extractions (decompression excluded)."""
    error: str | None
    """``"ExceptionType: message"`` when the tool raised on this page, else None."""


@dataclass(frozen=True, slots=True)
class ToolRun:
    """One tool's run over the whole corpus, with its process's memory figures."""

    tool: str
    version: str
    pages: tuple[PageRun, ...]
    baseline_rss_mib: float
    """Peak RSS of the process after importing the tool, before the first page."""
    peak_rss_mib: float
    """Peak RSS of the process over the whole run."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ToolRun:
        """Rebuild a run from the JSON a child process wrote."""
        pages = tuple(PageRun(**page) for page in data["pages"])
        return cls(**{**data, "pages": pages})


def peak_rss_mib() -> float:
    """The peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_BYTES_PER_UNIT / MIB


def run_pages(extract: Extract, pages: Sequence[Page], repeat: int = 1) -> tuple[PageRun, ...]:
    """Run ``extract`` on every page ``repeat`` times, keeping each page's fastest time.

    Each repetition goes through the whole corpus, so no page is timed right
    after itself. An exception counts as an empty prediction and is recorded.
    """
    fastest = [math.inf] * len(pages)
    first: list[tuple[str, str | None] | None] = [None] * len(pages)
    for _ in range(repeat):
        for index, page in enumerate(pages):
            raw = page.read()  # decompression is not the tool's work: outside the timing
            seconds, text, error = _timed(extract, raw, page.url)
            fastest[index] = min(fastest[index], seconds)
            if first[index] is None:
                first[index] = (text, error)
    return tuple(
        PageRun(id=page.id, prediction=outcome[0], seconds=seconds, error=outcome[1])
        for page, outcome, seconds in zip(pages, first, fastest, strict=True)
        if outcome is not None
    )


def _timed(extract: Extract, raw: bytes, url: str) -> tuple[float, str, str | None]:
    """Seconds taken, text returned and error raised by one extraction."""
    start = time.perf_counter()
    try:
        text, error = extract(raw, url), None
    except Exception as exc:  # any failure on one page is that page's result, not the run's
        text, error = "", f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]
    return time.perf_counter() - start, text, error


def measure(tool: str, corpus: Path, repeat: int) -> ToolRun:
    """Load ``corpus`` and ``tool``, then time the tool on every page."""
    pages = load_corpus(corpus)
    extract = load_tool(tool)
    baseline = peak_rss_mib()
    runs = run_pages(extract, pages, repeat)
    return ToolRun(tool, tool_version(tool), runs, baseline, peak_rss_mib())


def main(argv: Sequence[str] | None = None) -> int:
    """Measure one tool and write the result (or why it was skipped) to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True, choices=KNOWN_TOOLS)
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    try:
        result: dict[str, Any] = {"run": asdict(measure(args.tool, args.corpus, args.repeat))}
    except ToolUnavailableError as exc:
        result = {"skipped": str(exc)}
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
