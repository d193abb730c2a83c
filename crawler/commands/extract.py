"""``scrapy extract <url-or-file>``: print one page's Article as JSON, or its body.

``--format json`` (the default) prints the Article with the bodies the crawl's
``NEWSCLEAN_BODY_FORMATS`` names (the plain text unless set otherwise);
``--format text``, ``html`` or ``markdown`` prints the body alone, in that
format; ``--figures`` keeps the images in the HTML and Markdown.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError

from crawler.addon import unwritten_bodies
from crawler.onepage import PageCommand, extract_page
from extractors.render import BODY_FIELDS, FORMAT_NAMES, Formats

if TYPE_CHECKING:
    import argparse


class Command(PageCommand):
    """Extract one page: a URL, an HTML file, or a fixture folder."""

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Print the Article extracted from one page, as JSON, or its body"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--url, --generic, --format, --figures."""
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL, for a file (picks the site extractor)")
        parser.add_argument(
            "--generic", action="store_true", help="skip the site extractor, use the generic one"
        )
        parser.add_argument(
            "--format",
            choices=("json", *FORMAT_NAMES),
            default="json",
            help="json: the Article (default), with the bodies NEWSCLEAN_BODY_FORMATS names; "
            "text, html, markdown: the body alone, as plain text, semantic HTML or Markdown",
        )
        parser.add_argument(
            "--figures",
            action="store_true",
            help="keep figures (images with their captions) in the HTML and Markdown",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Fetch or read the page, extract it, print the JSON or the body."""
        assert self.settings is not None
        if opts.figures and opts.format == "text":
            raise UsageError("--figures applies to the HTML and Markdown bodies")
        without = frozenset[str]()
        if opts.format == "json":
            without = unwritten_bodies(self.settings)
            names = [name for name in FORMAT_NAMES if BODY_FIELDS[name] not in without]
        else:
            names = [opts.format]
        formats = Formats.named(names, figures=opts.figures)
        article = extract_page(self.page(args, opts.url), generic=opts.generic, formats=formats)
        if opts.format != "json":
            print(getattr(article, BODY_FIELDS[opts.format]) or "")
            return
        data = {k: v for k, v in article.to_dict().items() if k not in without}
        print(json.dumps(data, ensure_ascii=False, indent=2))
