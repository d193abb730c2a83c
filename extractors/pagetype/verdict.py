"""From evidence to a verdict: points per signal, and two thresholds.

Each signal gives points, positive for "article"; their sum is the score. A page
scoring :data:`LISTING_MAX` or less is a listing (followed, not extracted); one
scoring :data:`SURE_ARTICLE` or more is an article; a page in between is an
article whose type is uncertain: it is extracted and flagged, never dropped, since
a real article lost is worse than a listing written and flagged (the crawl counts
both). The points and why they are what they are sit beside each signal below.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.pagetype.cues import Cues
from extractors.pagetype.shape import Shape

__all__ = [
    "LISTING_MAX",
    "PROVENANCE_POINTS",
    "SURE_ARTICLE",
    "Verdict",
    "judge",
]

LISTING_MAX = -2
SURE_ARTICLE = 3

# The main text: one run of prose this long is an article's (a news item is
# 800 characters and more; the marokkonieuws.test fixture, a short one, has 930;
# a teaser's excerpt is one or two sentences, a lead story's a few paragraphs).
LONG_RUN, LONG_RUN_POINTS = 1000, 3
SOME_RUN, SOME_RUN_POINTS = 500, 2
SHORT_RUN, SHORT_RUN_POINTS = 200, 1
# No prose at all where the extractor looked: a page of headlines only (the demo
# site's round-up of the day's headlines), a bare gallery. An article with no text
# is dropped by the pipeline for its empty body anyway; as a listing, its links
# are followed.
NO_TEXT_POINTS = -1
# Many short blocks each under its own headline link: a list of teasers. A
# teaser's excerpt is a sentence or two (a meta description is 160 characters at
# most), a paragraph or two; an article's inline "read also" links sit between
# runs of several paragraphs (the cnn page of the readability tests: 3 links among
# 12 paragraphs), and a listicle's linked subheadings over paragraphs of review
# (yahoo-1: 470 characters under each).
MANY_TEASERS, TEASERS_POINTS = 3, -3
PARAGRAPHS_PER_TEASER = 2
EXCERPT_CHARS = 400
# The main text opens under a headline linking to another page of the site: a
# teaser of that page (a lead story, a blog's front page). Its length is that
# page's, not this one's, unless it is as long as a whole story: then the page
# carries it in full (lwn-1 of the readability tests, a weekly edition of full
# articles), and it is extracted, flagged.
LINKED_OPENING_POINTS = -3
FULL_STORY_RUN = 2000
# Headline links to other pages of the site in the page's headings and captions
# (its teasers), when the main text is no long run of prose. Article pages have
# some (related stories, most read: up to 29 on the article-extraction benchmark's
# pages whose run is under 1,000 characters, which keep 2 points for it at least);
# listing pages have one per story, and next to no text of their own.
SOME_PAGE_TEASERS, SOME_PAGE_TEASERS_POINTS = 4, -1
MANY_PAGE_TEASERS, MANY_PAGE_TEASERS_POINTS = 10, -3
# A page with no text of its own (no run of SHORT_RUN characters) that links this
# many other pages by headline is a listing (a tag page of three stories).
FEW_PAGE_TEASERS = 3

PROVENANCE_POINTS = {
    "news_sitemap": 2,  # Google News sitemaps list articles only, by their rules
    "feed": 1,  # feed items are mostly articles (some are videos, podcasts, events)
    "sitemap_lastmod": 1,  # a dated entry: a page that was published, or changed
    "teaser": 1,  # the headline link of a teaser on a listing page
    "sitemap": 0,  # plain sitemaps list sections and tags as readily as articles
    "link": 0,  # any other link of a listing page: navigation, a pager, a section
    "start_url": -1,  # the start of a site crawl is its home page or a section
}
"""Points for where the crawl found the URL (the page's provenance)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision, its score and the signals behind it (for logs, stats and tests)."""

    is_article: bool
    score: int
    signals: tuple[tuple[str, int], ...]

    @property
    def uncertain(self) -> bool:
        """An article extracted for want of evidence either way (score below
        :data:`SURE_ARTICLE`)."""
        return self.is_article and self.score < SURE_ARTICLE

    @property
    def confidence(self) -> str:
        """``"high"`` or ``"low"``: the Article's ``page_type_confidence``."""
        return "low" if self.uncertain else "high"

    def explain(self) -> str:
        """One line for the log, e.g. ``article 8: jsonld+3 og+1 text+3 url+1``
        (``article?`` when uncertain)."""
        kind = "listing" if not self.is_article else "article?" if self.uncertain else "article"
        return f"{kind} {self.score}: " + " ".join(f"{n}{p:+d}" for n, p in self.signals)


def judge(cues: Cues, shape: Shape | None, provenance: str | None = None) -> Verdict:
    """The verdict on a page from its cues, its main text (None: not extracted, so
    the main text counts for nothing either way) and where it was found (a key of
    :data:`PROVENANCE_POINTS`; None outside a crawl)."""
    signals = [("jsonld", cues.jsonld), ("og", cues.og), ("url", cues.url)]
    if shape is not None:
        signals += [
            ("text", _text_points(shape)),
            ("teasers", TEASERS_POINTS if _teaser_list(shape) else 0),
            ("lead", LINKED_OPENING_POINTS if shape.linked_opening else 0),
        ]
    signals += [
        ("page", _page_teaser_points(cues, shape or _UNREAD)),
        ("source", PROVENANCE_POINTS.get(provenance or "", 0)),
    ]
    kept = tuple((name, points) for name, points in signals if points)
    score = sum(points for _, points in kept)
    return Verdict(score > LISTING_MAX, score, kept)


# The main text of a page that was not extracted: none, as far as the page
# teasers rule can tell.
_UNREAD = Shape(0, 0, 0, 0, 0, linked_opening=False)


def _text_points(shape: Shape) -> int:
    """Points for the longest run of prose, negative for no prose at all (or none
    but the site header's or footer's); none when the main text is teasers (its
    runs are excerpts) or another page's lead (its run is that page's text)."""
    if _teaser_list(shape) or (shape.linked_opening and shape.run < FULL_STORY_RUN):
        return 0
    if shape.in_chrome:  # the site's boilerplate, not the page's own text
        return NO_TEXT_POINTS
    if shape.paragraphs == 0:
        return NO_TEXT_POINTS
    if shape.run >= LONG_RUN:
        return LONG_RUN_POINTS
    if shape.run >= SOME_RUN:
        return SOME_RUN_POINTS
    return SHORT_RUN_POINTS if shape.run >= SHORT_RUN else 0


def _teaser_list(shape: Shape) -> bool:
    return (
        shape.teasers >= MANY_TEASERS
        and shape.teasers > shape.run_paragraphs
        and shape.paragraphs <= PARAGRAPHS_PER_TEASER * shape.teasers
        and shape.prose < EXCERPT_CHARS * shape.teasers
    )


def _page_teaser_points(cues: Cues, shape: Shape) -> int:
    """Points for the page's teasers around a main text that is none (the teaser
    rule already counted those in it) and no long run of prose of its own."""
    if _teaser_list(shape) or (shape.run >= LONG_RUN and not shape.linked_opening):
        return 0
    count = len(cues.teasers)
    if count >= MANY_PAGE_TEASERS or (count >= FEW_PAGE_TEASERS and shape.run < SHORT_RUN):
        return MANY_PAGE_TEASERS_POINTS
    return SOME_PAGE_TEASERS_POINTS if count >= SOME_PAGE_TEASERS else 0
