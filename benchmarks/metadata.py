"""Metadata accuracy per field on the corpora that have the field: ours beside trafilatura.

Run from the project root::

    python -m benchmarks.metadata --corpus A [--corpus B ...] [--tools ours,trafilatura]
                                  [--worst K] [--json OUT]

The fields are the ground truth's ``title``, ``byline``, ``publishedTime`` and
``siteName`` (the readability-test-pages corpus has them); each is compared
with the rule of :mod:`benchmarks.metarules`. A corpus without any of them
(the article-extraction-benchmark holds only ``url`` and ``articleBody``) is
named in the output as contributing nothing. Quality only: every tool runs in
this process, and the times printed are a rough guide.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.corpus import CorpusError, Page, corpus_name, load_corpus
from benchmarks.losses import shorten
from benchmarks.metarules import FIELDS, title_matches, title_undecorated
from benchmarks.tools import ToolUnavailableError

__all__ = ["META_TOOLS", "Values", "load_meta_tool", "main"]

Values = dict[str, str | None]
"""A tool's value for each field of :data:`benchmarks.metarules.FIELDS` (None: not found)."""

ReadMetadata = Callable[[bytes, str], Values]
"""A tool reduced to the benchmark's needs: raw page bytes and URL in, field values out."""

META_TOOLS = ("ours", "trafilatura")
MS_PER_SECOND = 1000


def load_meta_tool(name: str) -> ReadMetadata:
    """The metadata reader called ``name`` (one of :data:`META_TOOLS`).

    Raises :class:`~benchmarks.tools.ToolUnavailableError` when it cannot run here.
    """
    if name == "ours":
        from extractors import extract  # noqa: PLC0415  # loads the extractors package

        def ours(raw: bytes, url: str) -> Values:
            article = extract(raw, url)  # as a user calls it: site extractors first
            return {
                "title": article.title,
                "byline": ", ".join(article.authors) or None,
                "publishedTime": article.published,
                "siteName": article.site_name,
            }

        return ours
    if name == "trafilatura":
        try:
            import trafilatura  # noqa: PLC0415  # optional: the 'bench' extra
        except ImportError as exc:
            raise ToolUnavailableError(
                f"trafilatura is not installed ({exc}); pip install -e '.[bench]'"
            ) from exc

        def theirs(raw: bytes, url: str) -> Values:
            found = trafilatura.extract_metadata(raw, default_url=url)
            # trafilatura joins several authors with "; ", ours with ", "
            author = found.author.replace("; ", ", ") if found.author else None
            return {
                "title": found.title,
                "byline": author,
                "publishedTime": found.date,
                "siteName": found.sitename,
            }

        return theirs
    raise ValueError(f"unknown tool {name!r}; choose among {', '.join(META_TOOLS)}")


@dataclass(frozen=True, slots=True)
class ToolValues:
    """One tool's values on every page of a corpus, in corpus order."""

    tool: str
    values: tuple[Values, ...]
    errors: tuple[str | None, ...]
    seconds: tuple[float, ...]

    def correct(self, pages: Sequence[Page], field: str) -> list[bool]:
        """For each page with an expected ``field``, whether this tool got it right."""
        rule = FIELDS[field].matches
        return [
            rule(page.metadata[field], values.get(field))
            for page, values in zip(pages, self.values, strict=True)
            if field in page.metadata
        ]


def run_tool(name: str, read: ReadMetadata, pages: Sequence[Page]) -> ToolValues:
    """``read`` on every page; a page it raises on has no value for any field."""
    values: list[Values] = []
    errors: list[str | None] = []
    seconds: list[float] = []
    for page in pages:
        raw = page.read()
        start = time.perf_counter()
        try:
            values.append(read(raw, page.url))
            errors.append(None)
        except Exception as exc:  # one page's failure is that page's result
            values.append({})
            errors.append(f"{type(exc).__name__}: {exc}")
        seconds.append(time.perf_counter() - start)
    return ToolValues(name, tuple(values), tuple(errors), tuple(seconds))


def print_corpus(pages: Sequence[Page], runs: Sequence[ToolValues], worst: int) -> None:
    """The table of one corpus, then (``worst`` > 0) the mismatches of ours per field."""
    fields = [name for name in FIELDS if any(name in page.metadata for page in pages)]
    if not fields:
        print(
            "no metadata field in this corpus's ground truth (only url and articleBody): "
            "it contributes nothing to this benchmark"
        )
        return
    header = f"{'field':<14}  {'rule':<33}  {'pages':>5}"
    print(header + "".join(f"  {run.tool:>11}" for run in runs))
    for field in fields:
        with_value = sum(1 for page in pages if field in page.metadata)
        cells = "".join(f"  {_accuracy(run.correct(pages, field)):>11.3f}" for run in runs)
        print(f"{field:<14}  {FIELDS[field].rule:<33}  {with_value:>5}{cells}")
    if "title" in fields:
        print(_undecorated_line(pages, runs))
    for run in runs:
        errors = sum(1 for error in run.errors if error)
        median = statistics.median(run.seconds) * MS_PER_SECOND
        print(f"{run.tool}: {errors} pages raised; median {median:.1f} ms per page")
    if worst:
        ours = next((run for run in runs if run.tool == "ours"), None)
        for field in fields if ours else ():
            _print_mismatches(pages, runs, field, worst)


def _undecorated_line(pages: Sequence[Page], runs: Sequence[ToolValues]) -> str:
    """How many title mismatches are only the site's decoration, per tool
    (:func:`benchmarks.metarules.title_undecorated`): a count, not a rule."""
    counts = []
    for run in runs:
        pairs = [
            (page.metadata["title"], values.get("title"))
            for page, values in zip(pages, run.values, strict=True)
            if "title" in page.metadata
        ]
        wrong = [(exp, got) for exp, got in pairs if not title_matches(exp, got)]
        undecorated = sum(1 for exp, got in wrong if title_undecorated(exp, got))
        counts.append(f"{run.tool} {undecorated} of {len(wrong)}")
    return (
        "title mismatches that are the expected title less a part after or before a "
        "separator (the site's decoration issue 14 removes): " + ", ".join(counts)
    )


def _accuracy(correct: Sequence[bool]) -> float:
    """The share of right values; 0 when no page has the field."""
    return sum(correct) / len(correct) if correct else 0.0


def _print_mismatches(
    pages: Sequence[Page], runs: Sequence[ToolValues], field: str, count: int
) -> None:
    """Up to ``count`` pages where ours got ``field`` wrong: expected, ours, the others."""
    ours = next(run for run in runs if run.tool == "ours")
    rule = FIELDS[field].matches
    wrong = [
        index
        for index, page in enumerate(pages)
        if field in page.metadata and not rule(page.metadata[field], ours.values[index].get(field))
    ]
    print(f"\n{field}: ours wrong on {len(wrong)} pages; the first {min(count, len(wrong))}:")
    for index in wrong[:count]:
        expected, found = pages[index].metadata[field], ours.values[index].get(field)
        mark = (
            " (decoration only)" if field == "title" and title_undecorated(expected, found) else ""
        )
        print(f"  {pages[index].id}{mark}")
        print(f"    expected     {shorten(pages[index].metadata[field])!r}")
        for run in runs:
            value = run.values[index].get(field)
            shown = "(none)" if value is None else repr(shorten(value))
            print(f"    {run.tool:<12} {shown}")


def _json(pages: Sequence[Page], runs: Sequence[ToolValues]) -> dict[str, Any]:
    """One corpus's figures and values, JSON-ready."""
    return {
        "pages": len(pages),
        "fields": {
            field: {
                "with_value": sum(1 for page in pages if field in page.metadata),
                **{run.tool: _accuracy(run.correct(pages, field)) for run in runs},
            }
            for field in FIELDS
            if any(field in page.metadata for page in pages)
        },
        "values": {
            page.id: {run.tool: run.values[index] for run in runs}
            for index, page in enumerate(pages)
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every tool on every corpus and print one table per corpus."""
    args = _parse_args(argv)
    try:
        corpora = [(folder, load_corpus(folder)) for folder in args.corpus]
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    readers = []
    for name in args.tools:
        try:
            readers.append((name, load_meta_tool(name)))
        except ToolUnavailableError as exc:
            print(f"{name}: skipped: {exc}")
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    document: dict[str, Any] = {"started": started, "corpora": {}}
    for folder, pages in corpora:
        print(f"\n== {corpus_name(folder)}: {len(pages)} pages; run of {started}")
        runs = []
        for name, read in readers:
            print(f"running {name} on {corpus_name(folder)}...", file=sys.stderr, flush=True)
            runs.append(run_tool(name, read, pages))
        print_corpus(pages, runs, args.worst)
        document["corpora"][str(Path(folder).resolve())] = _json(pages, runs)
    if args.json:
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.metadata", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--corpus", required=True, type=Path, action="append", help="corpus folder (repeatable)"
    )
    parser.add_argument(
        "--tools",
        type=lambda value: tuple(name.strip() for name in value.split(",") if name.strip()),
        default=META_TOOLS,
        help=f"comma-separated, among {','.join(META_TOOLS)} (default: both)",
    )
    parser.add_argument(
        "--worst", type=int, default=0, help="per field, list K pages where ours is wrong"
    )
    parser.add_argument("--json", type=Path, help="also write every value to this file")
    args = parser.parse_args(argv)
    if args.worst < 0:
        parser.error(f"--worst must be at least 0, got {args.worst}")
    unknown = [name for name in args.tools if name not in META_TOOLS]
    if unknown or not args.tools:
        parser.error(f"--tools: unknown {', '.join(unknown)}; choose among {','.join(META_TOOLS)}")
    return args


if __name__ == "__main__":
    sys.exit(main())
