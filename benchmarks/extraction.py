"""Compare article-body extraction tools on one or more corpora: quality, speed and memory.

Run from the project root::

    python -m benchmarks.extraction --corpus PATH [--corpus PATH ...]
                                    [--tools ours,trafilatura,readability] [--no-fallback]
                                    [--repeat N] [--json OUT] [--worst K]

Each tool runs in a fresh subprocess (``benchmarks.runner``) per corpus, so
that the peak memory reported is that tool's own on that corpus; this process
scores the predictions with :mod:`extractors.evaluation.quality` and prints one table per
corpus, every tool of the run in it.

``--repeat N`` runs N rounds; each round runs every tool once over each whole
corpus, one after the other, and a page's time is its fastest over the rounds.
Rounds rather than N passes in one process per tool: on a shared machine the
speed drifts over minutes, and a tool measured entirely in a slow spell would
make the time ratios say more about the machine than about the tools.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.corpus import CorpusError, Page, corpus_name, load_corpus
from benchmarks.runner import ToolRun, peak_rss_mib
from benchmarks.tools import KNOWN_TOOLS, NO_FALLBACK, TOOLS

__all__ = ["main"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Lines of a crashed child's stderr worth showing: the end of its traceback.
_STDERR_TAIL_LINES = 15


@dataclass(frozen=True, slots=True)
class Child:
    """One tool's measuring subprocess, after it ended."""

    tool: str
    out: Path
    """Where the child wrote its JSON result (read only once every child has ended)."""
    parent_peak_mib: float
    """This process's peak RSS when the child started: a floor under its ru_maxrss."""
    crash: str | None = None
    """Why the child wrote no result, with the end of its stderr; None if it did."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures, one table per corpus.

    Returns 0 when every tool ran or was skipped, 1 if one crashed, 2 for a bad corpus.
    """
    args = _parse_args(argv)
    try:
        corpora = [(folder, load_corpus(folder)) for folder in args.corpus]
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        children = [
            [
                [_spawn(tool, args, number, index, pages, Path(folder)) for tool in args.tools]
                for index, (_, pages) in enumerate(corpora)
            ]
            for number in range(args.repeat)
        ]
        collected = [
            {
                tool: _merge([_collect(round_[index][slot]) for round_ in children])
                for slot, tool in enumerate(args.tools)
            }
            for index in range(len(corpora))
        ]
    # Imported only now, once every child has ended: scoring loads the whole
    # extractors package, and on Linux a child's ru_maxrss starts at its parent's
    # peak RSS (execve keeps the larger), so this process must stay small until then.
    from benchmarks import report  # noqa: PLC0415

    scored = [
        report.CorpusResults(
            folder,
            tuple(report.score_run(pages, run) for run, _ in runs.values() if run),
            {tool: note for tool, (_, note) in runs.items() if note},
        )
        for (folder, pages), runs in zip(corpora, collected, strict=True)
    ]
    for corpus, (_, pages) in zip(scored, corpora, strict=True):
        heading = (
            f"{corpus.name}: {len(pages)} pages; run of {started}; "
            f"{args.repeat} round(s); Python {sys.version.split()[0]}"
        )
        report.print_corpus(corpus, heading, args.worst)
    if args.json:
        report.write_json(args.json, started, args.repeat, scored, args.worst)
    crashed = any(child.crash for round_ in children for row in round_ for child in row)
    return 1 if crashed else 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line, validated."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.extraction", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--corpus",
        required=True,
        type=Path,
        action="append",
        help="corpus folder; repeat the option for several corpora, one table each",
    )
    parser.add_argument(
        "--tools",
        type=_tool_list,
        default=TOOLS,
        help=f"comma-separated, among {','.join(KNOWN_TOOLS)} (default: {','.join(TOOLS)})",
    )
    parser.add_argument(
        "--no-fallback",
        action="store_true",
        help=f"add the row {NO_FALLBACK}: ours without the readability-lxml fallback",
    )
    parser.add_argument(
        "--repeat",
        type=_positive,
        default=1,
        help="rounds (each tool once per round); a page's fastest time counts",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument(
        "--worst",
        type=_positive_or_zero,
        default=0,
        help="per corpus, the K pages where ours loses most against the best peer",
    )
    args = parser.parse_args(argv)
    if args.no_fallback and NO_FALLBACK not in args.tools:
        args.tools = (*args.tools, NO_FALLBACK)
    return args


def _tool_list(value: str) -> tuple[str, ...]:
    """``--tools``: known names, without duplicates, in the order given."""
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in KNOWN_TOOLS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown tool(s) {', '.join(unknown) or '(none given)'}; "
            f"choose among {','.join(KNOWN_TOOLS)}"
        )
    return names


def _positive(value: str) -> int:
    """An integer of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _positive_or_zero(value: str) -> int:
    """An integer of at least 0."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {number}")
    return number


def _spawn(
    tool: str,
    args: argparse.Namespace,
    number: int,
    index: int,
    pages: Sequence[Page],
    folder: Path,
) -> Child:
    """Run ``tool`` once over corpus ``index`` in its own subprocess (round ``number``),
    writing into ``folder``."""
    corpus = args.corpus[index]
    print(
        f"round {number + 1}/{args.repeat}: running {tool} on {len(pages)} pages "
        f"of {corpus_name(corpus)}...",
        file=sys.stderr,
        flush=True,
    )
    out = folder / f"{tool}.{index}.{number}.json"
    command = [sys.executable, "-m", "benchmarks.runner", "--tool", tool, "--out", str(out)]
    command += ["--corpus", str(corpus.resolve()), "--repeat", "1"]
    parent_peak = peak_rss_mib()
    process = subprocess.run(
        command,
        cwd=PROJECT_ROOT,  # so that -m finds benchmarks and extractors from a checkout
        capture_output=True,
        text=True,
        check=False,
    )
    crash = None if process.returncode == 0 and out.is_file() else _crash_note(process)
    return Child(tool, out, parent_peak, crash)


def _collect(child: Child) -> tuple[ToolRun | None, str | None]:
    """The run a child wrote, if any, and a note to print about it, if any."""
    if child.crash:
        return None, child.crash
    data = json.loads(child.out.read_text(encoding="utf-8"))
    if "skipped" in data:
        return None, f"skipped: {data['skipped']}"
    run = ToolRun.from_dict(data["run"])
    if run.baseline_rss_mib <= child.parent_peak_mib:
        floor = child.parent_peak_mib
        return run, f"base MiB is the benchmark process's own peak ({floor:.0f}), not the tool's"
    return run, None


def _merge(
    collected: list[tuple[ToolRun | None, str | None]],
) -> tuple[ToolRun | None, str | None]:
    """One tool's rounds as one run: each page's fastest time, the first round's
    predictions, the largest memory figures. A round that crashed or was skipped
    makes the whole tool so."""
    for run, note in collected:
        if run is None:
            return None, note
    runs = [run for run, _ in collected if run is not None]
    first = runs[0]
    pages = tuple(
        replace(page, seconds=min(run.pages[index].seconds for run in runs))
        for index, page in enumerate(first.pages)
    )
    merged = replace(
        first,
        pages=pages,
        baseline_rss_mib=max(run.baseline_rss_mib for run in runs),
        peak_rss_mib=max(run.peak_rss_mib for run in runs),
    )
    return merged, next((note for _, note in collected if note), None)


def _crash_note(child: subprocess.CompletedProcess[str]) -> str:
    """A note for a child that died, with the end of what it said."""
    tail = "\n    ".join(child.stderr.strip().splitlines()[-_STDERR_TAIL_LINES:])
    return f"crashed (exit status {child.returncode}):\n    {tail}"


if __name__ == "__main__":
    sys.exit(main())
