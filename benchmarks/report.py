"""Figures of a benchmark run: scores, the printed table, the time ratios and the JSON file.

This module loads :mod:`extractors.evaluation.quality`, hence the whole extractors
package: ``benchmarks.extraction`` imports it only after its children ran.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import Page
from benchmarks.quality import PageResult, format_pages, score_runs, summarize, worst
from benchmarks.runner import ToolRun
from extractors.evaluation.quality import CorpusScore

__all__ = ["OURS", "ToolResult", "print_table", "print_worst", "score_run", "write_json"]

OURS = "ours"
MS_PER_SECOND = 1000
PERCENTILE = 95
_PERCENTILE_CUTS = 100  # statistics.quantiles(n=100) returns the 1st..99th percentiles

_COLUMNS = (
    ("tool", "<16"),
    ("version", "<7"),
    ("pages", ">5"),
    ("errors", ">6"),
    ("precision", ">9"),
    ("recall", ">6"),
    ("F1", ">5"),
    ("median ms", ">9"),
    (f"p{PERCENTILE} ms", ">7"),
    ("base MiB", ">8"),
    ("peak MiB", ">8"),
)


@dataclass(frozen=True, slots=True)
class ToolResult:
    """One tool's scored run."""

    tool: str
    version: str
    pages: tuple[PageResult, ...]
    score: CorpusScore
    baseline_rss_mib: float
    peak_rss_mib: float

    @property
    def errors(self) -> int:
        """Pages on which the tool raised (each scored as an empty prediction)."""
        return sum(1 for page in self.pages if page.error)

    @property
    def median_ms(self) -> float:
        """Median over pages of each page's fastest extraction, in milliseconds."""
        return statistics.median(self._milliseconds())

    @property
    def p95_ms(self) -> float:
        """95th percentile over pages of each page's fastest extraction, in milliseconds."""
        times = self._milliseconds()
        if len(times) < 2:  # quantiles() needs two points; one page is its own percentile
            return times[0]
        return statistics.quantiles(times, n=_PERCENTILE_CUTS, method="inclusive")[PERCENTILE - 1]

    def _milliseconds(self) -> list[float]:
        """Each page's fastest extraction time, in milliseconds."""
        return [page.seconds * MS_PER_SECOND for page in self.pages]


def score_run(pages: Sequence[Page], run: ToolRun) -> ToolResult:
    """Score one tool's run against the corpus it ran on."""
    results = score_runs(pages, run.pages)
    return ToolResult(
        tool=run.tool,
        version=run.version,
        pages=results,
        score=summarize(results),
        baseline_rss_mib=run.baseline_rss_mib,
        peak_rss_mib=run.peak_rss_mib,
    )


def print_table(results: Sequence[ToolResult]) -> None:
    """Print one row per tool, then how our median time compares with each other tool's."""
    print(_row([name for name, _ in _COLUMNS]))
    for result in results:
        print(_row(_cells(result)))
    ours = _ours(results)
    if ours is None:
        return
    for other in results:
        if other is not ours and other.median_ms > 0:
            ratio = ours.median_ms / other.median_ms
            print(f"{OURS} / {other.tool}: {ratio:.2f} x the median time per page")


def print_worst(results: Sequence[ToolResult], count: int) -> None:
    """Print the ``count`` pages on which ours scored the lowest F1."""
    ours = _ours(results)
    if ours is None:
        print(f"no worst pages to show: {OURS} did not run")
        return
    print(f"{count} worst pages for {OURS}, by F1:")
    print(format_pages(worst(ours.pages, count)))


def _ours(results: Sequence[ToolResult]) -> ToolResult | None:
    """Our row, if ours ran."""
    return next((result for result in results if result.tool == OURS), None)


def _cells(result: ToolResult) -> list[str]:
    """The table cells of one tool, in :data:`_COLUMNS` order."""
    score = result.score
    return [
        result.tool,
        result.version,
        str(score.pages),
        str(result.errors),
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        f"{result.median_ms:.1f}",
        f"{result.p95_ms:.1f}",
        f"{result.baseline_rss_mib:.0f}",
        f"{result.peak_rss_mib:.0f}",
    ]


def _row(cells: Sequence[str]) -> str:
    """One table line, each cell aligned as its column says."""
    return "  ".join(f"{cell:{spec}}" for cell, (_, spec) in zip(cells, _COLUMNS, strict=True))


def write_json(
    path: Path,
    corpus: Path,
    repeat: int,
    results: Sequence[ToolResult],
    notes: Mapping[str, str],
) -> None:
    """Write every figure of the run, per tool and per page, to ``path``."""
    document = {
        "corpus": str(corpus.resolve()),
        "repeat": repeat,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "tools": [_tool_json(result) for result in results],
        "not_measured": dict(notes),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _tool_json(result: ToolResult) -> dict[str, Any]:
    """One tool's figures as JSON-ready data."""
    score = result.score
    return {
        "tool": result.tool,
        "version": result.version,
        "pages": score.pages,
        "errors": result.errors,
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "median_ms": result.median_ms,
        "p95_ms": result.p95_ms,
        "baseline_rss_mib": result.baseline_rss_mib,
        "peak_rss_mib": result.peak_rss_mib,
        "page_results": [_page_json(page) for page in result.pages],
    }


def _page_json(page: PageResult) -> dict[str, Any]:
    """One page's figures as JSON-ready data."""
    return {
        "id": page.page.id,
        "url": page.page.url,
        "precision": page.score.precision,
        "recall": page.score.recall,
        "f1": page.score.f1,
        "ms": page.seconds * MS_PER_SECOND,
        "error": page.error,
    }
