"""The fixture quality report: every fixture on both paths, judged as the tests judge it.

Run ``python -m extractors.evaluation.report [FIXTURES ...]`` (or ``scrapy quality``).
Each argument is the fixtures folder (default ``fixtures``), one site's folder or
one fixture. One row per fixture and path: precision, recall and F1 of the body
(:mod:`~extractors.evaluation.quality`), the noise lines leaked, the fields that
differ, and the verdict of :mod:`~extractors.evaluation.checks` (for the generic
path, its ratchet: held, rose, dropped...). Under the table, every failing row
with its reasons, leaked lines included; the exit status is 1 exactly when a
fixture test would fail, and the last line says why.

``--html FILE`` also writes the report as one HTML page
(:mod:`~extractors.evaluation.html`); ``--record`` writes the generic path's
figures into each fixture's generic.json, only ever raising them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from extractors.evaluation.checks import PATHS, PathResult, measure_all, raise_record
from extractors.evaluation.fixtures import Fixture, load_fixture, write_record
from extractors.evaluation.html import write_html
from extractors.evaluation.quality import corpus_score

__all__ = ["collect", "format_table", "main", "record"]

_COLUMNS = ("fixture", "path", "extractor", "P", "R", "F1", "leaks", "fields", "state")


def collect(paths: Iterable[Path]) -> list[Fixture]:
    """The fixtures under each path: a fixtures folder, a site folder or one fixture."""
    found: dict[Path, Fixture] = {}
    for path in paths:
        own = path / "source.html"
        for source in [own] if own.is_file() else sorted(path.glob("**/source.html")):
            found.setdefault(source.parent.resolve(), load_fixture(source.parent))
    return list(found.values())


def _cells(row: PathResult) -> list[str]:
    name = row.name + ("" if row.fixture.reviewed else " (unreviewed)")
    differing = ",".join(n for n in row.fields if n not in ("extractor", "extractor_note"))
    record = row.fixture.record if row.path == "generic" else None
    state = row.state
    if record is not None and row.state in ("held", "rose", "dropped"):
        state += f" (recorded P {record.precision:.3f} R {record.recall:.3f})"
    return [
        name,
        row.path,
        row.article.extractor or f"none ({row.article.reason})",
        f"{row.score.precision:.3f}",
        f"{row.score.recall:.3f}",
        f"{row.score.f1:.3f}",
        str(len(row.leaked)),
        differing or "-",
        state,
    ]


def format_table(rows: list[PathResult]) -> str:
    """The table, every column as wide as its longest cell (no name is cut), the
    means per path, then each failing row with its reasons."""
    cells = [list(_COLUMNS), *(_cells(row) for row in rows)]
    for path in PATHS:
        chosen = [r.score for r in rows if r.path == path and r.fixture.reviewed]
        total = corpus_score(chosen)
        figures = [f"{total.precision:.3f}", f"{total.recall:.3f}", f"{total.f1:.3f}"]
        cells.append(["all reviewed fixtures", path, "", *figures, "", "", f"{total.pages} pages"])
    widths = [max(len(line[i]) for line in cells) for i in range(len(_COLUMNS))]
    numeric = {3, 4, 5, 6}

    def line(values: list[str]) -> str:
        padded = [
            v.rjust(w) if i in numeric else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    body = [line(c) for c in cells[1 : len(rows) + 1]]
    means = [line(c) for c in cells[len(rows) + 1 :]]
    rule = "-" * max(len(text) for text in [line(cells[0]), *body, *means])
    out = [line(cells[0]), rule, *body, rule, *means]
    failing = [row for row in rows if not row.passed]
    if failing:
        out += ["", "Why rows fail:"]
        for row in failing:
            out.append(f"{row.name} ({row.path} path, {row.state}):")
            out.extend(f"  {problem}" for problem in row.problems)
    return "\n".join(out)


def record(fixtures: Iterable[Fixture]) -> list[str]:
    """Raise each fixture's generic.json to what the generic path does now
    (:func:`~extractors.evaluation.checks.raise_record`); one line per fixture."""
    lines = []
    for fixture in fixtures:
        new, what = raise_record(fixture)
        if new is not None:
            write_record(fixture, new)
        lines.append(f"{fixture.site}/{fixture.slug}: {what}")
    return lines


def _verdict(rows: list[PathResult]) -> tuple[int, str]:
    failing = [row for row in rows if not row.passed]
    if not failing:
        return 0, f"All {len(rows)} rows pass: make test passes these fixtures."
    states = sorted({row.state for row in failing})
    return 1, (
        f"Exit status 1: {len(failing)} of {len(rows)} rows fail ({', '.join(states)}); "
        "their fixture tests fail the same way (see 'Why rows fail' above)."
    )


def main(argv: list[str] | None = None) -> int:
    """Print the report (and write it as HTML); exit status 1 when a fixture test fails."""
    parser = argparse.ArgumentParser(
        prog="python -m extractors.evaluation.report", description=__doc__
    )
    parser.add_argument("fixtures", nargs="*", type=Path, help="default: fixtures")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML report")
    parser.add_argument(
        "--record", action="store_true", help="raise each fixture's generic.json first"
    )
    args = parser.parse_args(argv)
    paths = args.fixtures or [Path("fixtures")]
    for path in paths:
        if not path.is_dir():
            parser.error(f"{path} is not a folder; give the fixtures folder or a fixture")
    fixtures = collect(paths)
    if not fixtures:
        print(f"no fixtures under {', '.join(map(str, paths))}")
        return 1
    if args.record:
        print("\n".join(record(fixtures)) + "\n")
        fixtures = collect(paths)
    rows = measure_all(fixtures)
    print(format_table(rows))
    status, verdict = _verdict(rows)
    if args.html:
        write_html(rows, args.html, verdict)
        print(f"\nHTML report written to {args.html}")
    print(f"\n{verdict}")
    return status


if __name__ == "__main__":
    sys.exit(main())
