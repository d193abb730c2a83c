"""The fixture quality report: precision, recall and F1 per fixture and path.

Run ``python -m extractors.evaluation.report [FIXTURES_DIR]`` (or ``scrapy quality``). For
every fixture it extracts the page twice, through its site extractor and through
the generic one (``generic=True``), and scores each body against expected.json
with the benchmark's 4-gram shingle metric. ``leaks`` counts noise lines from
meta.json found in the body; ``ok`` says whether title, date and language match.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.api import extract
from extractors.evaluation.fixtures import Fixture, find_fixtures, leaks
from extractors.evaluation.quality import PageScore, corpus_score, score

__all__ = ["ReportRow", "main", "report_rows"]


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One fixture on one path."""

    fixture: Fixture
    path: str
    extractor: str
    score: PageScore
    leaks: int
    fields_ok: bool


def report_rows(fixtures: Iterable[Fixture]) -> list[ReportRow]:
    """Extract every fixture on both paths and score it."""
    rows = []
    for fixture in fixtures:
        for path, generic in (("site", False), ("generic", True)):
            article = extract(
                fixture.source, fixture.url, encoding=fixture.encoding, generic=generic
            )
            expected = fixture.expected
            fields_ok = all(
                getattr(article, name) == expected.get(name)
                for name in ("title", "published", "language")
            )
            rows.append(
                ReportRow(
                    fixture=fixture,
                    path=path,
                    extractor=article.extractor or f"none ({article.reason})",
                    score=score(article.body, expected.get("body", "")),
                    leaks=len(leaks(article.body, fixture.noise)),
                    fields_ok=fields_ok,
                )
            )
    return rows


def _format(rows: list[ReportRow]) -> str:
    header = f"{'fixture':<44} {'path':<8} {'extractor':<28} {'P':>6} {'R':>6} {'F1':>6} "
    header += f"{'leaks':>5} {'ok':>3}"
    lines = [header, "-" * len(header)]
    for row in rows:
        name = f"{row.fixture.site}/{row.fixture.slug}"
        if not row.fixture.reviewed:
            name += " (unreviewed)"
        lines.append(
            f"{name[:44]:<44} {row.path:<8} {row.extractor[:28]:<28} "
            f"{row.score.precision:6.3f} {row.score.recall:6.3f} {row.score.f1:6.3f} "
            f"{row.leaks:5d} {'yes' if row.fields_ok else 'NO':>3}"
        )
    lines.append("-" * len(header))
    for path in ("site", "generic"):
        chosen = [r.score for r in rows if r.path == path and r.fixture.reviewed]
        total = corpus_score(chosen)
        lines.append(
            f"{'all reviewed fixtures':<44} {path:<8} {'':<28} {total.precision:6.3f} "
            f"{total.recall:6.3f} {total.f1:6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit status 1 when a reviewed fixture leaks noise."""
    parser = argparse.ArgumentParser(
        prog="python -m extractors.evaluation.report", description=__doc__
    )
    parser.add_argument("fixtures", nargs="?", default="fixtures", type=Path)
    args = parser.parse_args(argv)
    if not args.fixtures.is_dir():
        parser.error(f"{args.fixtures} is not a folder; give the fixtures folder")
    rows = report_rows(find_fixtures(args.fixtures))
    if not rows:
        print(f"no fixtures under {args.fixtures}")
        return 1
    print(_format(rows))
    return 1 if any(r.leaks and r.fixture.reviewed for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
