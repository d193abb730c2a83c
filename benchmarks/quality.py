"""Score a tool's predictions against a corpus with the corpus's own metric.

The metric itself lives in :mod:`extractors.evaluation.quality`; this module only pairs
predictions with pages and picks out the pages that went worst.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benchmarks.corpus import Page
from benchmarks.runner import PageRun
from extractors.evaluation.quality import CorpusScore, PageScore, corpus_score, score

__all__ = ["PageResult", "format_pages", "score_runs", "summarize", "worst"]


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page's score for one tool, with what it took."""

    page: Page
    score: PageScore
    seconds: float
    error: str | None
    prediction: str = ""
    """The body the tool returned ("" when it raised)."""


def score_runs(pages: Sequence[Page], runs: Iterable[PageRun]) -> tuple[PageResult, ...]:
    """Score each run against its page's expected body, in corpus order.

    Raises :class:`ValueError` when the runs do not cover exactly the corpus
    (a child process run on another corpus folder, for instance).
    """
    by_id = {run.id: run for run in runs}
    if by_id.keys() != {page.id for page in pages}:
        raise ValueError(
            f"the runs cover {len(by_id)} pages but the corpus has {len(pages)}, "
            "or their ids differ; were they made from the same corpus folder?"
        )
    return tuple(_result(page, by_id[page.id]) for page in pages)


def _result(page: Page, run: PageRun) -> PageResult:
    """The :class:`PageResult` of one run on its page."""
    return PageResult(
        page, score(run.prediction, page.expected), run.seconds, run.error, run.prediction
    )


def summarize(results: Iterable[PageResult]) -> CorpusScore:
    """Corpus precision, recall and F1, as the corpus publishes them."""
    return corpus_score(result.score for result in results)


def worst(results: Iterable[PageResult], count: int) -> list[PageResult]:
    """The ``count`` pages with the lowest F1, lowest first (ties by id, for stable output)."""
    return sorted(results, key=lambda result: (result.score.f1, result.page.id))[:count]


def format_pages(results: Iterable[PageResult]) -> str:
    """One line per page: F1, precision, recall, id, url and the error if any."""
    lines = ["    F1  precis  recall  id  url"]
    for result in results:
        page, page_score = result.page, result.score
        error = f"  [{result.error}]" if result.error else ""
        lines.append(
            f"{page_score.f1:6.3f}  {page_score.precision:6.3f}  {page_score.recall:6.3f}"
            f"  {page.id}  {page.url}{error}"
        )
    return "\n".join(lines)
