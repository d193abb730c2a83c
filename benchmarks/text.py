"""Score article-line extraction on flattened pages: text dumps without markup (issue 18).

Run from the project root::

    python -m benchmarks.text --corpus A [--corpus B ...] [--tools ...] [--repeat N]
                              [--decoding declared|lxml]

Every page of each corpus is flattened in memory by :mod:`benchmarks.flatten`,
then each tool picks the article's lines out of the dump; the lines kept are
scored against the corpus's expected body with :mod:`extractors.evaluation.quality`, the
same metric as ``benchmarks.extraction``. All tools run in this one process
(no memory figures): a dump is small and the point is quality.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.corpus import CorpusError, Page, corpus_name, load_corpus
from benchmarks.flatten import DECODINGS, flatten_html
from benchmarks.quality import score_runs, summarize
from benchmarks.runner import PageRun
from benchmarks.tools import ToolUnavailableError

__all__ = ["TERMINAL_MARKS", "TEXT_TOOLS", "as_paragraphs", "line_rule", "load_text_tool", "main"]

CleanText = Callable[[str, str], str]
"""A text tool: dump and page URL in, the kept lines out."""

TEXT_TOOLS = ("keep-all", "line-rule", "trafilatura", "ours", "extract_text")
"""The rows of the table, in this order."""

# The line rule of web-scale text corpora (C4 and its kin): a line is kept when
# it looks like a sentence. Five words is C4's threshold for "a line of prose";
# the terminal marks cover the scripts of both development corpora and the
# seeds (Latin, Arabic "؟", CJK "。", Urdu "۔") plus the closing quotes a
# quoted sentence ends with.
MIN_WORDS = 5
TERMINAL_MARKS = frozenset(".!?…。！？؟۔»\"”’'」』")
MS_PER_SECOND = 1000
_INSTALL_BENCH = "install the 'bench' extra: pip install -e '.[bench]'"


def line_rule(dump: str) -> str:
    """The lines of ``dump`` with at least 5 words that end with a terminal mark.

    >>> line_rule("Home\\nThe minister will travel to Rabat in May.\\nRead more »\\nShort one.")
    'The minister will travel to Rabat in May.'
    """
    return "\n".join(
        line
        for line in dump.splitlines()
        if len(line.split()) >= MIN_WORDS and line.rstrip()[-1:] in TERMINAL_MARKS
    )


def as_paragraphs(dump: str) -> str:
    """An HTML page with each line of ``dump`` as one ``<p>``, escaped.

    >>> as_paragraphs("a < b\\nc")
    '<html><body><p>a &lt; b</p><p>c</p></body></html>'
    """
    paragraphs = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in dump.splitlines())
    return f"<html><body>{paragraphs}</body></html>"


def load_text_tool(name: str) -> CleanText:
    """The function behind row ``name`` of :data:`TEXT_TOOLS`.

    Raises :class:`~benchmarks.tools.ToolUnavailableError` when it cannot run here.
    """
    if name == "keep-all":
        return lambda dump, url: dump
    if name == "line-rule":
        return lambda dump, url: line_rule(dump)
    if name == "trafilatura":
        try:
            import trafilatura  # noqa: PLC0415  # optional: the 'bench' extra
        except ImportError as exc:
            raise ToolUnavailableError(
                f"trafilatura is not installed ({exc}); {_INSTALL_BENCH}"
            ) from exc
        return lambda dump, url: (
            trafilatura.extract(as_paragraphs(dump), url=url, include_comments=False) or ""
        )
    if name == "ours":
        from extractors import extract  # noqa: PLC0415  # loads the extractors package

        return lambda dump, url: extract(as_paragraphs(dump), url, generic=True).body
    if name == "extract_text":
        return _load_extract_text()
    raise ValueError(f"unknown text tool {name!r}; choose among {', '.join(TEXT_TOOLS)}")


def _load_extract_text() -> CleanText:
    """``extractors.extract_text`` (issue 18), once a change adds it."""
    try:
        from extractors import extract_text  # noqa: PLC0415
    except ImportError as exc:
        raise ToolUnavailableError(f"extractors.extract_text does not exist yet ({exc})") from exc

    def run(dump: str, url: str) -> str:
        return str(extract_text(dump, url).body)

    return run


@dataclass(frozen=True, slots=True)
class TextRow:
    """One tool's figures on one corpus."""

    tool: str
    precision: float
    recall: float
    f1: float
    pages: int
    errors: int
    median_ms: float


def run_tool(
    clean: CleanText, pages: Sequence[Page], dumps: Sequence[str], repeat: int
) -> list[PageRun]:
    """``clean`` on every dump, ``repeat`` rounds; each page's first output and fastest time."""
    runs: list[PageRun] = []
    for page, dump in zip(pages, dumps, strict=True):
        fastest, text, error = float("inf"), "", None
        for round_ in range(repeat):
            start = time.perf_counter()
            try:
                kept = clean(dump, page.url)
            except Exception as exc:  # one page's failure is that page's result
                kept, error = "", f"{type(exc).__name__}: {exc}"
            fastest = min(fastest, time.perf_counter() - start)
            if round_ == 0:
                text = kept
        runs.append(PageRun(id=page.id, prediction=text, seconds=fastest, error=error))
    return runs


def measure(
    name: str, clean: CleanText, pages: Sequence[Page], dumps: Sequence[str], repeat: int
) -> TextRow:
    """Run and score one tool on one corpus's dumps."""
    results = score_runs(pages, run_tool(clean, pages, dumps, repeat))
    total = summarize(results)
    return TextRow(
        tool=name,
        precision=total.precision,
        recall=total.recall,
        f1=total.f1,
        pages=total.pages,
        errors=sum(1 for result in results if result.error),
        median_ms=statistics.median(result.seconds for result in results) * MS_PER_SECOND,
    )


def print_rows(rows: Sequence[TextRow]) -> None:
    """The table of one corpus."""
    print(
        f"{'tool':<13}  {'pages':>5}  {'errors':>6}  {'precision':>9}  {'recall':>6}  "
        f"{'F1':>5}  {'median ms':>9}"
    )
    for row in rows:
        print(
            f"{row.tool:<13}  {row.pages:>5}  {row.errors:>6}  {row.precision:>9.3f}  "
            f"{row.recall:>6.3f}  {row.f1:>5.3f}  {row.median_ms:>9.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Flatten each corpus, run every text tool on it, print one table per corpus."""
    args = _parse_args(argv)
    try:
        corpora = [(folder, load_corpus(folder)) for folder in args.corpus]
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tools: list[tuple[str, CleanText]] = []
    for name in args.tools:
        try:
            tools.append((name, load_text_tool(name)))
        except ToolUnavailableError as exc:
            print(f"{name}: skipped: {exc}")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    for folder, pages in corpora:
        dumps = [flatten_html(page.read(), args.decoding) for page in pages]
        print(
            f"\n== {corpus_name(folder)}: {len(pages)} pages flattened "
            f"(decoding: {args.decoding}), {stamp}, repeat {args.repeat}"
        )
        rows = []
        for name, clean in tools:
            print(f"running {name}...", file=sys.stderr, flush=True)
            rows.append(measure(name, clean, pages, dumps, args.repeat))
        print_rows(rows)
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.text", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--corpus", required=True, type=Path, action="append", help="corpus folder (repeatable)"
    )
    parser.add_argument(
        "--tools",
        type=_tool_list,
        default=TEXT_TOOLS,
        help=f"comma-separated, among {','.join(TEXT_TOOLS)} (default: all)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each dump N times, keep the fastest"
    )
    parser.add_argument(
        "--decoding",
        choices=DECODINGS,
        default="declared",
        help="how the pages are decoded before flattening (benchmarks.flatten, rule 1)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    return args


def _tool_list(value: str) -> tuple[str, ...]:
    """``--tools``: known names, in the order given."""
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in TEXT_TOOLS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown tool(s) {', '.join(unknown) or '(none)'}; "
            f"choose among {','.join(TEXT_TOOLS)}"
        )
    return names


if __name__ == "__main__":
    sys.exit(main())
