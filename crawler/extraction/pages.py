"""What happens to one fetched page, in one call: load it once, classify it, read
its links, extract it.

:func:`process_page` runs where the extraction runs (a worker process, or the
reactor thread on one core), so that the page is parsed once, within the
extractors' limits (:func:`extractors.load_page`), and the reactor only
downloads, schedules and writes. Nothing here imports Scrapy: the arguments and
the :class:`PageResult` travel between processes as pickles.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from extractors import Article, Formats, UnreadablePage, extract, load_page
from extractors.page.links import feed_links, page_links
from extractors.pagetype import Verdict, classify

__all__ = ["WARM_UP_PAGE", "PageResult", "process_page", "warm_up"]


@dataclass(frozen=True, slots=True)
class PageResult:
    """What became of a fetched page."""

    article: Article | None
    """The article, for an article page (a stub with reason ``extraction-off`` when
    extraction is switched off); None for a listing or a refused page."""
    verdict: Verdict | None
    """The page type and the signals behind it; None when the page was not classified
    (refused, or known to be an article)."""
    links: tuple[str, ...] = ()
    """Absolute URLs of the page's links, read only where they are followed."""
    feeds: tuple[str, ...] = ()
    """Absolute URLs of the RSS and Atom feeds the page announces (same rule)."""
    refused: str | None = None
    """Why no page could be read (``too-large``, ``not-html``, ``empty-input``...),
    the Article reasons of :mod:`extractors.api`; None when it was read."""
    detail: str = ""
    """What the refusal says, for the log."""
    seconds: float = 0.0
    """Seconds this call took: loading, classifying, reading links, extracting."""
    charset_note: str = ""
    """Which declared charset decoding overruled, and why (``Page.charset_note``)."""


def process_page(
    body: bytes,
    url: str,
    encoding: str | None,
    article_urls: tuple[re.Pattern[str], ...] = (),
    *,
    extraction: bool = True,
    follow_articles: bool = False,
    known_article: bool = False,
    formats: Formats = Formats(),  # noqa: B008  (frozen: one shared default is safe)
) -> PageResult:
    """Load ``body`` once; classify it (unless ``known_article``); read its links
    where they will be followed (listings, or every page with ``follow_articles``);
    extract an article page (a stub when ``extraction`` is off), its body in the
    ``formats`` asked for."""
    start = time.perf_counter()
    try:
        page = load_page(body, url, encoding=encoding)
    except UnreadablePage as exc:
        return PageResult(
            None, None, refused=exc.reason, detail=str(exc), seconds=time.perf_counter() - start
        )
    verdict = None if known_article else classify(page.tree, url, article_urls)
    is_article = known_article or (verdict is not None and verdict.is_article)
    links: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    if not is_article or follow_articles:
        # Before extraction, which prunes the tree.
        links = tuple(page_links(page.tree, url))
        feeds = tuple(feed_links(page.tree, url))
    article = None
    if is_article:
        article = (
            extract(page, formats=formats)
            if extraction
            else Article(url=url, reason="extraction-off")
        )
    return PageResult(
        article,
        verdict,
        links,
        feeds,
        seconds=time.perf_counter() - start,
        charset_note=page.charset_note,
    )


# A small article with a date in words and enough text to detect its language:
# extracting it once loads what the extractors load lazily (dateparser's
# language data, py3langid's model), which takes seconds on the first page.
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p>Published on 21 April 2022 - 17:40</p>"
    + "<p>The minister said the harbour and the railway station open next week.</p>" * 6
    + "</article></body></html>"
).encode()


def warm_up() -> None:
    """Process :data:`WARM_UP_PAGE` once."""
    process_page(WARM_UP_PAGE, "http://warm-up.invalid/2022/04/21/warm-up.html", None)
