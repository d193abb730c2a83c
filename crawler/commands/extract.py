"""``scrapy extract <url-or-file>``: print one page's Article as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from crawler.onepage import PageCommand, extract_page

if TYPE_CHECKING:
    import argparse


class Command(PageCommand):
    """Extract one page: a URL, an HTML file, or a fixture folder."""

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Print the Article extracted from one page, as JSON"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--url, --generic."""
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL, for a file (picks the site extractor)")
        parser.add_argument(
            "--generic", action="store_true", help="skip the site extractor, use the generic one"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Fetch or read the page, extract it, print the JSON."""
        article = extract_page(self.page(args, opts.url), generic=opts.generic)
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
