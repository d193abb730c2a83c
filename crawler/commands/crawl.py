"""``scrapy crawl``: Scrapy's own command, with the project's mistakes told in one
line before the crawl starts.

A site module that does not load, or a spider argument that is wrong (no URL, a
date that is no date), would otherwise surface inside the running crawl as a
traceback. Here they are checked first and reported as a usage error: one line
saying what is wrong and what to do, exit status 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands import crawl
from scrapy.exceptions import UsageError

from extractors import SiteExtractorError
from extractors.site import registry

if TYPE_CHECKING:
    import argparse


class Command(crawl.Command):
    """Run a spider of the project, after checking its site modules and arguments."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Check, then crawl as Scrapy does."""
        if len(args) == 1:
            self.check(args[0], opts.spargs)
        super().run(args, opts)

    def check(self, name: str, spargs: dict[str, str]) -> None:
        """Load the site modules and let the spider check its arguments."""
        assert self.settings is not None
        try:
            registry.load(self.settings.getlist("NEWSCLEAN_SITE_MODULES") or None)
        except SiteExtractorError as exc:
            raise UsageError(str(exc), print_help=False) from None
        assert self.crawler_process is not None
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            return  # Scrapy's own message follows
        check = getattr(spidercls, "check_arguments", None)
        if check is not None:
            check(**spargs)
