"""``scrapy quality [FIXTURES_DIR]``: the fixture quality report
(``extractors.evaluation.report``)."""

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
        return "[FIXTURES_DIR]"

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Print the extraction quality report of the fixtures"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Run ``python -m extractors.evaluation.report`` with the same arguments."""
        self.exitcode = report.main(args)
