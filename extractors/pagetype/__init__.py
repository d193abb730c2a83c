"""Article page or listing page? A crawler's one decision about a fetched page.

Article pages become items; listing pages (home, sections, tags, archives,
search results, round-ups) are followed for links. The page is extracted once,
and the decision is made after, from what the page says about itself
(:mod:`~extractors.pagetype.cues`), the shape of the main text the extractor
found on the same tree (:mod:`~extractors.pagetype.shape`) and where the crawl
found the URL. Each signal gives points, positive for "article"
(:mod:`~extractors.pagetype.verdict`):

=============  ===========================================================  ========
signal         evidence                                                     points
=============  ===========================================================  ========
``jsonld``     JSON-LD ``@type`` NewsArticle, Article, BlogPosting...        +3
               JSON-LD CollectionPage, ItemList, SearchResultsPage...        -3
``og``         ``og:type`` ``article`` / ``website``                         +1 / -1
``url``        the site's ``article_urls`` pattern matches                   +3
               article-like path (date, long slug, numeric id)               +1
               listing-like path (/tag/, /page/2, ?page=, a folder's index)  -2
``text``       the main text's longest run of prose, unbroken by a headline  +3/+2/+1
               link: 1,000 / 500 / 200 characters or more; no prose at all   -1
``teasers``    three or more teasers in the main text (a headline link over  -3
               an excerpt), more than the paragraphs of its longest run,
               with two paragraphs and 400 characters of prose each at most
``lead``       the main text opens under a headline linking to another page  -3
               of the site (a lead story, a front page's latest post)
``page``       the page's headings and captions link 10 / 4 other pages of   -3 / -1
               the site by headline, and its main text is no 1,000-char run
               (3 are enough when it has no 200-char run)
``source``     news sitemap +2; feed item, dated sitemap entry, a listing's  +2 .. -1
               teaser link +1; a crawl's start URL -1 (:data:`PROVENANCE_POINTS`)
=============  ===========================================================  ========

A score of :data:`LISTING_MAX` or less is a listing; :data:`SURE_ARTICLE` or more
an article; in between, an article of uncertain type, extracted and flagged
(``Article.page_type_confidence = "low"``), its links followed as a listing's
are (an uncertain page the extractor found no text in is a listing: nothing to
write, links to follow). A page is dropped only on evidence of a listing, never
for want of evidence of an article. Metadata alone cannot make a listing an
article (CMSs print ``og:type=article`` on every page, see the demo site's
round-up trap), and a long page of prose with no other signal is an article (a
column, an essay; the rare "about us" page is written, flagged).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.api import extract, load_page
from extractors.article import Article
from extractors.exceptions import UnreadablePage
from extractors.generic import Findings
from extractors.page import Page
from extractors.pagetype.cues import Cues, read_cues
from extractors.pagetype.shape import Shape, main_text_shape
from extractors.pagetype.verdict import (
    LISTING_MAX,
    PROVENANCE_POINTS,
    SURE_ARTICLE,
    Verdict,
    judge,
)
from extractors.render import TEXT, Formats

__all__ = [
    "EMPTY",
    "LISTING_MAX",
    "PROVENANCE_POINTS",
    "SURE_ARTICLE",
    "Classified",
    "Cues",
    "Shape",
    "Verdict",
    "classify_cues",
    "classify_html",
    "classify_page",
    "judge",
    "read_cues",
]


@dataclass(frozen=True, slots=True)
class Classified:
    """A page classified and extracted in one go."""

    verdict: Verdict
    article: Article
    """The page's Article, whatever the verdict (a listing's is what the extractor made
    of its teasers: not for writing)."""
    teasers: frozenset[str]
    """The other pages of the site the page links by headline (:class:`Cues`)."""


def classify_page(
    page: Page,
    article_urls: Sequence[re.Pattern[str]] = (),
    provenance: str | None = None,
    *,
    generic: bool = False,
    formats: Formats = TEXT,
) -> Classified:
    """Read the cues of a loaded ``page``, extract it (once: its tree is pruned) and
    judge it; ``article_urls`` are the site's own patterns of article URLs
    (``re.search`` on the full URL), ``provenance`` where a crawl found the URL (a
    key of :data:`PROVENANCE_POINTS`), ``generic`` and ``formats`` as for
    :func:`extractors.extract`.
    Read the page's links before: extraction prunes navigation and pagers."""
    url = page.url or ""
    cues = read_cues(page.tree, url, article_urls)
    findings = Findings()
    article = extract(page, generic=generic, formats=formats, findings=findings)
    shape = main_text_shape(findings, article.body, cues)
    verdict = judge(cues, shape, provenance)
    if verdict.uncertain and not article.body:
        # Nothing to write, and perhaps a listing: followed as one.
        verdict = Verdict(is_article=False, score=verdict.score, signals=(*verdict.signals, EMPTY))
    article.page_type_confidence = verdict.confidence if verdict.is_article else None
    return Classified(verdict, article, cues.teasers)


EMPTY = ("empty", 0)
"""The signal that turns an uncertain page the extractor found no text in into a
listing (:func:`classify_page`)."""


def classify_cues(cues: Cues, provenance: str | None = None) -> Verdict:
    """The verdict from the cues alone, for a crawl that does not extract (the crawl
    benchmark's baseline): the main text counts for nothing either way."""
    return judge(cues, None, provenance)


def classify_html(
    html: str | bytes,
    url: str,
    article_urls: Sequence[re.Pattern[str]] = (),
    provenance: str | None = None,
) -> Verdict:
    """:func:`classify_page` for a page given as text or bytes (parsed within the
    default limits), the verdict alone; input that is no page is a listing with no
    signals."""
    try:
        page = load_page(html, url)
    except UnreadablePage:
        return Verdict(is_article=False, score=0, signals=())
    return classify_page(page, article_urls, provenance).verdict
