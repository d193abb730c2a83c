"""What happens to one fetched page, in one call: load it once, read its links,
extract it, classify it.

:func:`process_page` runs where the extraction runs (a worker process, or the
reactor thread on one core), so that the page is parsed once, within the
extractors' limits (:func:`extractors.load_page`), and the reactor only
downloads, schedules and writes. The order inside is the tree's: links and feeds
are read first (as written; resolved only for a page whose links are followed),
since extraction prunes navigation and pagers; then the page is extracted once
and classified from what the extractor found (:func:`extractors.pagetype.classify_page`).
Nothing here imports Scrapy: the arguments and the :class:`PageResult` travel
between processes as pickles.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from extractors import Article, Formats, UnreadablePage, extract, load_page
from extractors.page.links import base_url, feed_links, page_hrefs, resolve_links
from extractors.pagetype import Verdict, classify_cues, classify_page, read_cues

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
    """Seconds this call took: loading, reading links, extracting, classifying."""
    charset_note: str = ""
    """Which declared charset decoding overruled, and why (``Page.charset_note``)."""
    teasers: frozenset[str] = frozenset()
    """Those of ``links`` that are teasers' headline links (the URLs of the stories a
    listing lists), for the provenance of the pages they lead to."""


def process_page(
    body: bytes,
    url: str,
    encoding: str | None,
    article_urls: tuple[re.Pattern[str], ...] = (),
    *,
    extraction: bool = True,
    follow_articles: bool = False,
    known_article: bool = False,
    provenance: str | None = None,
    formats: Formats = Formats(),  # noqa: B008  (frozen: one shared default is safe)
) -> PageResult:
    """Load ``body`` once; read its links and feeds; extract it and classify it
    (``known_article``: extract only), its body in the ``formats`` asked for.
    ``provenance`` is where the crawl found the URL
    (:data:`extractors.pagetype.PROVENANCE_POINTS`). Links are returned where they
    are followed (listings and pages of uncertain type, or every page with
    ``follow_articles``); the article for an article page (a stub when
    ``extraction`` is off: the page is then classified on its cues alone)."""
    start = time.perf_counter()
    try:
        page = load_page(body, url, encoding=encoding)
    except UnreadablePage as exc:
        return PageResult(
            None, None, refused=exc.reason, detail=str(exc), seconds=time.perf_counter() - start
        )
    # Before extraction, which prunes navigation, pagers and <link> elements.
    hrefs, base, feeds = (
        page_hrefs(page.tree),
        base_url(page.tree, url),
        feed_links(page.tree, url),
    )
    verdict: Verdict | None = None
    teasers: frozenset[str] = frozenset()
    if known_article:
        article: Article | None = extract(page, formats=formats) if extraction else _stub(url)
    elif not extraction:
        verdict = classify_cues(read_cues(page.tree, url, article_urls), provenance)
        article = None
        if verdict.is_article:
            article = _stub(url)
            article.page_type_confidence = verdict.confidence
    else:
        classified = classify_page(page, article_urls, provenance, formats=formats)
        verdict, teasers = classified.verdict, classified.teasers
        article = classified.article if verdict.is_article else None
    # An uncertain page may be a listing after all: its links are followed too.
    followed = follow_articles or (
        verdict is not None and (not verdict.is_article or verdict.uncertain)
    )
    links = tuple(resolve_links(hrefs, base)) if followed else ()
    return PageResult(
        article,
        verdict,
        links,
        tuple(feeds) if followed else (),
        seconds=time.perf_counter() - start,
        charset_note=page.charset_note,
        teasers=teasers.intersection(links),
    )


def _stub(url: str) -> Article:
    return Article(url=url, reason="extraction-off")


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
