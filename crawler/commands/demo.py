"""``scrapy demo [URL ...]``: the main job. Crawl the sites, or the demo site when none
is given, and write clean articles to articles.jsonl."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler import run

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCommand):
    """Crawl news sites (or the bundled demo site) to articles.jsonl."""

    requires_project = True

    def syntax(self) -> str:
        """Usage line."""
        return "[options] [URL ...]"

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Crawl news sites to clean articles (no URL: the bundled demo site)"

    def long_desc(self) -> str:
        """Help text."""
        return (
            "Crawl each URL's site through robots.txt, sitemaps, feeds and listing pages, "
            "and write one clean article per line to articles.jsonl (or --output). "
            "With no URL, serve the bundled demo site on 127.0.0.1 and crawl that."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--output, --since, --max-pages."""
        super().add_options(parser)
        parser.add_argument(
            "--output",
            default="articles.jsonl",
            help="JSON Lines file to write (overwritten), default articles.jsonl",
        )
        parser.add_argument(
            "--since", help="only articles published on or after this date (2022-04-01)"
        )
        parser.add_argument("--max-pages", type=int, help="stop after this many pages")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Crawl, then print where the articles are and a one-line summary."""
        bad = [a for a in args if not a.startswith(("http://", "https://"))]
        if bad:
            raise UsageError(f"URLs must start with http:// or https://; got {', '.join(bad)}")
        assert self.crawler_process is not None
        overrides = {"CLOSESPIDER_PAGECOUNT": opts.max_pages} if opts.max_pages else {}
        output, stats = run.crawl(
            self.crawler_process, args, Path(opts.output), overrides, since=opts.since
        )
        print(run.report(output, stats))
        if stats.get("articles/extracted", 0) == 0:
            self.exitcode = 1
