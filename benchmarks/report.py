"""Figures of a benchmark run: scores, the printed tables, the time ratios, the worst pages
and the JSON file, one corpus after the other.

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

from benchmarks.corpus import Page, corpus_name
from benchmarks.losses import (
    COLLAPSE_OURS_BELOW,
    COLLAPSE_PEER,
    COLLAPSE_PEER_FROM,
    Loss,
    biggest_losses,
    collapses,
    format_loss,
)
from benchmarks.quality import PageResult, score_runs, summarize
from benchmarks.runner import ToolRun
from benchmarks.tools import OURS, is_peer
from extractors.evaluation.quality import CorpusScore

__all__ = [
    "CorpusResults",
    "ToolResult",
    "print_corpus",
    "print_table",
    "print_worst",
    "score_run",
    "worst_losses",
    "write_json",
]

MS_PER_SECOND = 1000
PERCENTILE = 95
_PERCENTILE_CUTS = 100  # statistics.quantiles(n=100) returns the 1st..99th percentiles

_COLUMNS = (
    ("tool", "<20"),
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


@dataclass(frozen=True, slots=True)
class CorpusResults:
    """Every tool's scored run on one corpus, and the notes on tools that did not run."""

    folder: Path
    results: tuple[ToolResult, ...]
    notes: Mapping[str, str]

    @property
    def name(self) -> str:
        """The corpus's folder name, as report headings give it."""
        return corpus_name(self.folder)


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


def print_corpus(corpus: CorpusResults, heading: str, worst: int = 0) -> None:
    """One corpus's part of the report: heading, table, notes and (``worst`` > 0) worst pages."""
    print(f"\n== {heading}")
    print_table(corpus.results)
    for tool, note in corpus.notes.items():
        print(f"{tool}: {note}")
    if worst:
        print()
        print_worst(corpus.results, worst)


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


def worst_losses(results: Sequence[ToolResult], count: int) -> list[Loss]:
    """The ``count`` pages where ours loses most against the best peer on that page."""
    ours = _ours(results)
    if ours is None:
        return []
    peers = {result.tool: result.pages for result in results if is_peer(result.tool)}
    return biggest_losses(ours.pages, peers, count)


def print_worst(results: Sequence[ToolResult], count: int) -> None:
    """Print the ``count`` biggest losses of ours against the best peer, with the
    paragraphs missed and added, then the pages where ours collapses while
    trafilatura does not (issue 12's target: none)."""
    ours = _ours(results)
    if ours is None:
        print(f"no worst pages to show: {OURS} did not run")
        return
    peers = [result.tool for result in results if is_peer(result.tool)]
    losses = worst_losses(results, count)
    against = f"the best of {', '.join(peers)} on each page" if peers else "F1 1.0 (no peer ran)"
    print(f"{len(losses)} biggest losses of {OURS} against {against}:")
    for loss in losses:
        print(format_loss(loss))
    peer = next((result for result in results if result.tool == COLLAPSE_PEER), None)
    if peer is None:
        print(f"pages with {OURS} F1 < {COLLAPSE_OURS_BELOW}: {COLLAPSE_PEER} did not run")
        return
    found = collapses(ours.pages, peer.pages)
    print(
        f"pages where {OURS} F1 < {COLLAPSE_OURS_BELOW} while {COLLAPSE_PEER} F1 >= "
        f"{COLLAPSE_PEER_FROM}: {len(found)}"
    )
    for mine, theirs in found:
        print(
            f"  {mine.page.id}  ours F1 {mine.score.f1:.3f}  {COLLAPSE_PEER} F1 "
            f"{theirs.score.f1:.3f}  {mine.page.url}"
        )


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
    path: Path, started: str, repeat: int, corpora: Sequence[CorpusResults], worst: int = 0
) -> None:
    """Write every figure of the run, per corpus, tool and page, to ``path``.

    ``started`` is when the run began; ``worst`` > 0 adds each corpus's worst pages.
    """
    document = {
        "started": started,
        "repeat": repeat,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "corpora": [
            {
                "corpus": str(corpus.folder.resolve()),
                "name": corpus.name,
                "tools": [_tool_json(result) for result in corpus.results],
                "not_measured": dict(corpus.notes),
                "worst": [_loss_json(loss) for loss in worst_losses(corpus.results, worst)],
            }
            for corpus in corpora
        ],
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _loss_json(loss: Loss) -> dict[str, Any]:
    """One of the worst pages as JSON-ready data."""
    return {
        "id": loss.ours.page.id,
        "url": loss.ours.page.url,
        "ours_f1": loss.ours.score.f1,
        "best_peer": loss.peer,
        "best_peer_f1": loss.peer_f1,
        "missed": list(loss.missed),
        "added": list(loss.added),
    }


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
