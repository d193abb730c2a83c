"""``scrapy quality [FIXTURES ...] [--html FILE] [--record]``: the fixture quality
report (``extractors.evaluation.report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand

from extractors.evaluation import report

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCommand):
    """Precision, recall and F1 of every fixture, site and generic extractor."""

    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        """Usage line."""
        return "[FIXTURES ...] [--html FILE] [--record]"

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Print the extraction quality report of the fixtures (exit 1 when a test fails)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--html, --record."""
        super().add_options(parser)
        parser.add_argument("--html", metavar="FILE", help="also write the report as HTML")
        parser.add_argument(
            "--record",
            action="store_true",
            help="first raise each fixture's generic.json to the generic path's figures",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Run ``python -m extractors.evaluation.report`` with the same arguments."""
        argv = [*args, *(["--html", opts.html] if opts.html else [])]
        self.exitcode = report.main(argv + (["--record"] if opts.record else []))
