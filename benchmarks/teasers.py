"""Teasers made from real corpus pages: headline, an excerpt, a date and a link.

The listing builder (:mod:`benchmarks.listings`) fills the listing pages it
makes with these. Everything here is drawn from a :class:`random.Random` the
caller seeds, so the same seed gives the same teasers.

A :class:`Story` is what a page offers a teaser: its headline (the corpus's
``title`` field, else the page's ``<title>`` without the site's suffix, else its
first ``<h1>``) and the paragraphs of its expected body. Only standard library
code: no page is parsed here.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from benchmarks.corpus import Page
from benchmarks.tools import decode_html

__all__ = [
    "LEAD_MAX_SHARE",
    "MIN_STORY_CHARS",
    "Story",
    "Teaser",
    "excerpt",
    "lead_paragraphs",
    "make_teasers",
    "slugify",
    "story_of",
]

# A paragraph this long is prose a teaser can quote; shorter lines of a body are
# captions, credits and subheadings ("Advertisement", "Photo: AP").
MIN_PROSE_CHARS = 60
# One or two lines of excerpt, as cards and lists show: about 160 characters on
# a card, up to 280 in a list with room for two sentences.
SHORT_EXCERPT = 160
LONG_EXCERPT = 280
EXCERPT_SENTENCES = 2
# The lead story's excerpt: several paragraphs, up to this many characters and
# never more than this share of its own article, so it stays a teaser.
LEAD_MAX_CHARS = 1400
LEAD_MAX_SHARE = 0.5
LEAD_MIN_PARAGRAPHS = 3
LEAD_MAX_PARAGRAPHS = 5
# A story shorter than this is a test document or a stub ("Test Case 1"): a
# teaser would quote all of it, so it feeds no teaser.
MIN_STORY_CHARS = 400
# A <title> part shorter than this is a site name or a section, not a headline.
MIN_HEADLINE_CHARS = 20
# Teasers are dated between these days, newest first within a listing.
FIRST_DAY = datetime(2018, 1, 1, 6, 0)
DAYS_SPAN = 7 * 365

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?。؟])\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

MONTHS = (
    "January February March April May June July August September October November December"
).split()
DATE_STYLES = ("month-day-year", "day-month-year", "iso", "dotted", "short-time")
"""How a listing writes its teasers' dates; one per listing, as a site is consistent."""
LINK_STYLES = ("dated", "section-id", "html", "news-id")
"""How a listing's teaser links are shaped; one per listing."""


@dataclass(frozen=True, slots=True)
class Story:
    """What one corpus page offers a teaser."""

    page_id: str
    headline: str
    paragraphs: tuple[str, ...]
    """The expected body's non-empty lines, in order."""

    @property
    def chars(self) -> int:
        """Characters in the expected body's paragraphs."""
        return sum(len(paragraph) for paragraph in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Teaser:
    """One teaser of a listing."""

    story: Story
    headline: str
    excerpt: str
    when: datetime
    date_text: str
    """The date as the listing writes it (one of :data:`DATE_STYLES`)."""
    href: str
    """A site-relative link shaped like an article URL (one of :data:`LINK_STYLES`)."""
    image: str


def story_of(page: Page, raw: bytes) -> Story:
    """The :class:`Story` of ``page``, whose raw bytes are ``raw``."""
    paragraphs = tuple(line.strip() for line in page.expected.splitlines() if line.strip())
    headline = page.metadata.get("title") or _title_headline(decode_html(raw))
    if not headline:
        headline = paragraphs[0] if paragraphs else page.id
    return Story(page.id, _clip(" ".join(headline.split()), 140), paragraphs)


def _title_headline(text: str) -> str:
    """The page's ``<title>`` without the site's name around it, else its first ``<h1>``."""
    for pattern in (_TITLE, _H1):
        match = pattern.search(text)
        if match:
            value = " ".join(html.unescape(_TAGS.sub(" ", match[1])).split())
            parts = [part for part in _TITLE_SEPARATORS.split(value) if part.strip()]
            longest = max(parts, key=len, default="")
            if len(longest) >= MIN_HEADLINE_CHARS:
                return longest
    return ""


def _clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[: limit - 1]
    return cut.rstrip(",;:") + "…"


def excerpt(story: Story, limit: int = SHORT_EXCERPT) -> str:
    """One or two sentences from the story's first prose paragraph, within ``limit``
    characters and half the story's.

    >>> story = Story("x", "H", ("Short.", "First sentence here, long enough to quote it. "
    ...                          "A second one follows it. A third.", "More text. " * 10))
    >>> excerpt(story, 80)
    'First sentence here, long enough to quote it. A second one follows it.'
    """
    limit = min(limit, int(LEAD_MAX_SHARE * story.chars))  # an excerpt, never the story
    if limit < MIN_HEADLINE_CHARS:
        return ""  # a stub has nothing to quote
    prose = [p for p in story.paragraphs if len(p) >= MIN_PROSE_CHARS and p != story.headline]
    source = prose[0] if prose else " ".join(story.paragraphs)
    kept = ""
    for sentence in _SENTENCE_END.split(source)[:EXCERPT_SENTENCES]:
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    return kept or _clip(source, limit)


def lead_paragraphs(story: Story) -> tuple[str, ...]:
    """Several paragraphs of ``story`` for a long lead teaser, or () if it has too few.

    Three to five prose paragraphs, at most :data:`LEAD_MAX_CHARS` characters and
    :data:`LEAD_MAX_SHARE` of the story, so a lead is a long excerpt, never the
    whole article.
    """
    budget = min(LEAD_MAX_CHARS, LEAD_MAX_SHARE * story.chars)
    kept: list[str] = []
    used = 0
    for paragraph in story.paragraphs:
        if len(paragraph) < MIN_PROSE_CHARS:
            continue
        if used + len(paragraph) > budget or len(kept) == LEAD_MAX_PARAGRAPHS:
            break
        kept.append(paragraph)
        used += len(paragraph)
    return tuple(kept) if len(kept) >= LEAD_MIN_PARAGRAPHS else ()


def slugify(text: str, words: int = 8) -> str:
    """An ASCII URL slug of the first ``words`` words; ``"story"`` for text with no ASCII.

    >>> slugify("Kyiv braces for a hard winter: what we know")
    'kyiv-braces-for-a-hard-winter-what-we'
    >>> slugify("وزير الخارجية")
    'story'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [part for part in _NOT_SLUG.split(ascii_text.lower()) if part][:words]
    return "-".join(parts) or "story"


def make_teasers(
    stories: list[Story],
    rng: random.Random,
    section: str,
    limit: int = SHORT_EXCERPT,
) -> list[Teaser]:
    """One teaser per story, newest first, dates and links styled alike for the listing."""
    date_style = rng.choice(DATE_STYLES)
    link_style = rng.choice(LINK_STYLES)
    when = FIRST_DAY + timedelta(days=rng.randrange(DAYS_SPAN), minutes=rng.randrange(900))
    teasers = []
    for story in stories:
        slug = slugify(story.headline)
        number = rng.randrange(100_000, 99_999_999)
        teasers.append(
            Teaser(
                story=story,
                headline=story.headline,
                excerpt=excerpt(story, limit),
                when=when,
                date_text=format_date(when, date_style),
                href=_link(link_style, when, section, slug, number),
                image=f"/images/{number}/{slug[:40]}.jpg",
            )
        )
        when -= timedelta(minutes=rng.randrange(20, 60 * 30))
    return teasers


def format_date(when: datetime, style: str) -> str:
    """``when`` written in one of the :data:`DATE_STYLES`.

    >>> [format_date(datetime(2024, 3, 4, 9, 5), s) for s in DATE_STYLES]
    ['March 4, 2024', '4 March 2024', '2024-03-04', '04.03.2024', 'Mar 4, 2024 09:05']
    """
    month = MONTHS[when.month - 1]
    styles = {
        "month-day-year": f"{month} {when.day}, {when.year}",
        "day-month-year": f"{when.day} {month} {when.year}",
        "iso": when.strftime("%Y-%m-%d"),
        "dotted": when.strftime("%d.%m.%Y"),
        "short-time": f"{month[:3]} {when.day}, {when.year} {when:%H:%M}",
    }
    return styles[style]


def _link(style: str, when: datetime, section: str, slug: str, number: int) -> str:
    """A site-relative article link in one of the :data:`LINK_STYLES`."""
    links = {
        "dated": f"/{when:%Y/%m/%d}/{slug}/",
        "section-id": f"/{section}/{slug}-{number}",
        "html": f"/article/{slug}.html",
        "news-id": f"/news/{number}/{slug}",
    }
    return links[style]
