"""``scrapy extract <url-or-file>``: print one page's Article as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.bridge import charset_from_content_type
from crawler.commands._page import get_page
from extractors import extract

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCommand):
    """Extract one page: a URL, an HTML file, or a fixture folder."""

    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        """Usage line."""
        return "[options] <url-or-file>"

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
        if len(args) != 1:
            raise UsageError("give one URL or file")
        page = get_page(args[0], self.crawler_process, opts.url)
        article = extract(
            page.body,
            page.url,
            encoding=charset_from_content_type(page.content_type),
            generic=opts.generic,
        )
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
