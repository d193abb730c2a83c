"""``newsclean``: the command line ``pip install`` puts on the PATH.

::

    newsclean extract page.html                    # one Article as a JSON line
    newsclean extract fixtures/ -o articles.jsonl  # a folder, recursively
    newsclean extract crawl.warc.gz --names zyte   # a WARC, in zyte-common-items' names
    curl -s https://news.example/a | newsclean extract - --url https://news.example/a
    newsclean extract page.html --format markdown  # the body as Markdown
    newsclean extract dump.txt CC-MAIN-x.warc.wet.gz  # text dumps, a WET file

``extract`` reads files, folders, standard input and WARC files
(:mod:`extractors.inputs`), runs :func:`extractors.extract` on every page and
:func:`extractors.textdump.extract_texts` on every group of text dumps (a WET
file, a folder's dumps with ``--text``), and writes one JSON line per article
to standard output or ``-o FILE``. Pages with
no article are counted, not written (``--keep-empty`` writes them, with their
``reason``). On a terminal a progress bar runs on standard error; a summary line
ends every run. Logs are quiet: warnings and errors only, ``-v`` for a line per
skipped record or empty page. An input that cannot be read is one error line
(never a traceback), the other inputs are read, and the exit status is 1; a
wrong option is exit status 2.

It needs no Scrapy and no checkout: only the ``extractors`` package.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from extractors.api import extract, load_page
from extractors.article import Article
from extractors.exceptions import UnreadablePage
from extractors.inputs import InputPage, Skipped, read_inputs
from extractors.inputs.dumps import WET_SUFFIXES, DumpGroup
from extractors.inputs.files import WARC_SUFFIXES
from extractors.output import FORMATS, Progress, Writer
from extractors.pagetype import classify_page
from extractors.render import FORMAT_NAMES, Formats, render_paragraphs, unwritten
from extractors.site import registry
from extractors.textdump import extract_texts

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

logger = logging.getLogger(__name__)


@dataclass
class Tally:
    """What became of the inputs, for the summary line and the exit status."""

    pages: int = 0
    written: int = 0
    empty: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)

    def line(self, output: str) -> str:
        """One line: pages read, articles written, and why the rest were not.

        >>> t = Tally(pages=3, written=2, empty=Counter({"no-article": 1}))
        >>> t.line("out.jsonl").split(" in ")[0]
        'newsclean: 3 pages, 2 articles written to out.jsonl; no article: 1 (no-article: 1)'
        """
        parts = [f"newsclean: {self.pages} pages, {self.written} articles written to {output}"]
        for label, counts in (("no article", self.empty), ("skipped", self.skipped)):
            if counts:
                reasons = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
                parts.append(f"{label}: {counts.total()} ({reasons})")
        if self.errors:
            parts.append(f"{self.errors} input{'s' if self.errors > 1 else ''} unreadable")
        return "; ".join(parts) + f" in {time.perf_counter() - self.started:.1f} s"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean news articles from saved pages, WARC files and text dumps.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract_ = commands.add_parser(
        "extract",
        help="extract the articles of files, folders, standard input or WARC files",
        description="Extract the article of every page, one JSON line per article.",
    )
    extract_.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a page file (.html, .htm, .html.gz), a text dump (.txt, .txt.gz), a folder "
        "(searched recursively), a .warc or .warc.gz file, a WET file (.wet, .wet.gz), "
        "or - for standard input",
    )
    extract_.add_argument(
        "--text",
        action="store_true",
        help="standard input and files that are not pages are text dumps (one block per "
        "line), and folders give their .txt and .txt.gz files too",
    )
    extract_.add_argument("-o", "--output", help="write to this file (default: standard output)")
    extract_.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: one Article per line (default); text, html, markdown: the bodies, "
        "as plain text, semantic HTML or Markdown",
    )
    extract_.add_argument(
        "--body-formats",
        default="text",
        metavar="LIST",
        help="the bodies a JSON line holds, comma-separated: text (body, the default), "
        "html (body_html), markdown (body_markdown)",
    )
    extract_.add_argument(
        "--figures",
        action="store_true",
        help="keep figures (images with their captions) in the HTML and Markdown",
    )
    extract_.add_argument(
        "--names",
        choices=("newsclean", "zyte"),
        default="newsclean",
        help="field names of the JSON: the Article's (default) or zyte-common-items'",
    )
    extract_.add_argument(
        "--url",
        help="the URL of the page, for one file or standard input (picks the site extractor)",
    )
    extract_.add_argument(
        "--generic", action="store_true", help="skip the site extractors, use the generic one"
    )
    extract_.add_argument(
        "--only-articles",
        action="store_true",
        help="extract only the pages the page classifier takes for articles (listings are "
        "skipped and counted as 'listing'), as a crawl does",
    )
    extract_.add_argument(
        "--keep-empty",
        action="store_true",
        help="write pages without an article too (empty body, with their reason)",
    )
    noise = extract_.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="errors only: no summary")
    noise.add_argument(
        "-v", "--verbose", action="count", default=0, help="-v: every skip; -vv: debug"
    )
    return parser


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.url and (
        len(args.inputs) != 1
        or Path(args.inputs[0]).is_dir()
        or args.inputs[0].lower().endswith(WARC_SUFFIXES + WET_SUFFIXES)
    ):
        parser.error("--url names the URL of one page: give one file or - with it")
    if args.names != "newsclean" and args.format != "json":
        parser.error("--names applies to --format json")
    bodies = [name for name in args.body_formats.split(",") if name.strip()]
    if args.body_formats != "text" and args.format != "json":
        parser.error("--body-formats applies to --format json")
    if not bodies or not set(map(str.strip, bodies)) <= set(FORMAT_NAMES):
        parser.error(f"--body-formats takes {', '.join(FORMAT_NAMES)}, comma-separated")
    if args.figures and args.format == "text":
        parser.error("--figures applies to the HTML and Markdown bodies")
    names = bodies if args.format == "json" else [args.format]
    args.formats = Formats.named(names, figures=args.figures)
    args.without = unwritten(names)


def _logging(args: argparse.Namespace) -> None:
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO)[min(args.verbose, 1)]
    if args.verbose > 1:
        level = logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsclean: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)


# A page whose first bytes hold no tag at all is most likely a text dump given
# without --text (a dump read as HTML is one paragraph of all its lines).
MARKUP_SNIFF_BYTES = 4096


def _article(page: InputPage, args: argparse.Namespace) -> Article | None:
    """The page's Article, None for a listing when ``--only-articles``."""
    url = page.url
    head = page.body[:MARKUP_SNIFF_BYTES]
    if head.strip() and b"<" not in head and b"\x00" not in head:  # text, not binary
        logger.warning("%s holds no markup: if it is a text dump, --text reads it so", page.source)
    if args.only_articles and url is not None:
        try:
            loaded = load_page(page.body, url, encoding=page.encoding)
        except UnreadablePage as exc:
            article = Article(url=url, reason=exc.reason)
        else:
            site = registry.for_url(url)
            patterns = [re.compile(p) for p in site.article_urls] if site else []
            classified = classify_page(
                loaded, patterns, generic=args.generic, formats=args.formats
            )
            if not classified.verdict.is_article:
                return None
            article = classified.article
    else:
        article = extract(
            page.body, url, encoding=page.encoding, generic=args.generic, formats=args.formats
        )
    article.fetched = page.fetched
    article.http_status = page.http_status
    return article


def _dump_articles(group: DumpGroup, formats: Formats) -> list[Article]:
    """The Articles of a group of text dumps, judged together (:func:`extract_texts`).
    A dump has no markup: its HTML and Markdown are its body's lines as paragraphs."""
    dumps = group.dumps
    articles = extract_texts([d.text for d in dumps], [d.url for d in dumps])
    for article, dump in zip(articles, dumps, strict=True):
        article.fetched = dump.fetched
        if article.body:
            article.body_html, article.body_markdown = render_paragraphs(article.body, formats)
    return articles


def _run(args: argparse.Namespace, out: IO[bytes], tally: Tally, progress: Progress) -> None:
    writer = Writer(
        out, args.format, args.names, several=_several(args.inputs), without=args.without
    )
    for item in read_inputs(args.inputs, args.url, text=args.text):
        if isinstance(item, Skipped):
            if item.error:
                tally.errors += 1
                logger.error("%s: %s (%s)", item.source, item.reason, item.detail)
            else:
                tally.skipped[item.reason] += 1
                logger.info("skipped %s: %s %s", item.source, item.reason, item.detail)
            continue
        found: list[tuple[str, Article | None]]
        if isinstance(item, DumpGroup):
            sources = [dump.source for dump in item.dumps]
            found = list(zip(sources, _dump_articles(item, args.formats), strict=True))
        else:
            found = [(item.source, _article(item, args))]
        for source, article in found:
            tally.pages += 1
            progress.update()
            _tally(source, article, writer, tally, keep_empty=args.keep_empty)


def _tally(
    source: str, article: Article | None, writer: Writer, tally: Tally, *, keep_empty: bool
) -> None:
    """Write one page's Article (None: a listing, skipped) and count what became of it."""
    if article is None:
        tally.skipped["listing"] += 1
        logger.info("skipped %s: a listing page", source)
        return
    if article.body or keep_empty:
        writer.write(article)
        tally.written += 1
    if not article.body:
        tally.empty[article.reason or "empty"] += 1
        logger.info("no article in %s: %s", source, article.reason)


def _several(inputs: Sequence[str]) -> bool:
    """Whether the inputs can hold more than one page."""
    return len(inputs) > 1 or any(
        Path(n).is_dir() or n.lower().endswith(WARC_SUFFIXES + WET_SUFFIXES) for n in inputs
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    _check(parser, args)
    _logging(args)
    tally = Tally()
    target = args.output or "standard output"
    try:
        with ExitStack() as stack:
            out = (
                stack.enter_context(open(args.output, "wb")) if args.output else sys.stdout.buffer
            )
            progress = stack.enter_context(Progress(enabled=not args.quiet))
            _run(args, out, tally, progress)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # `newsclean extract ... | head`: not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        logger.error("cannot write %s: %s", target, exc.strerror or exc)
        return 1
    except KeyboardInterrupt:
        logger.error("interrupted")
        return 130
    if not args.quiet:
        print(tally.line(target), file=sys.stderr)
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
