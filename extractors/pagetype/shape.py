"""The shape of a page's main text, from what the extractor found on the same tree.

An article's main text is one long run of prose; a listing's is many short
blocks, each under a headline that links to another page (a teaser), or one
long teaser (a lead story, a blog's latest post in full) under a headline that
links to the story's own page. :func:`main_text_shape` reads that from the
generic extractor's :class:`~extractors.generic.Findings`: the blocks of the
containers it chose, teaser headlines included, before its line rules dropped
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.generic import Findings
from extractors.generic.blocks import Block
from extractors.page.tree import Element, text_of
from extractors.pagetype.cues import HEADLINE_CHARS, Cues

__all__ = ["HEADLINE_LINK_SHARE", "PROSE_CHARS", "Shape", "main_text_shape"]

# A block with this share of its text in links is a headline link (a teaser's
# headline, a "read more" line), when it is as long as a headline.
HEADLINE_LINK_SHARE = 0.6
# A block of prose: this long, and mostly not link text. Shorter lines are
# dates, bylines, labels and captions, which neither make nor break a run.
PROSE_CHARS = 40
PROSE_MAX_LINK_SHARE = 0.5
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CHROME = frozenset({"header", "footer", "nav", "aside"})
_CONTENT = frozenset({"article", "main"})
_URL_TEXT = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Shape:
    """The main text, measured."""

    run: int
    """Characters of the longest run of prose blocks not parted by a link."""
    run_paragraphs: int
    """Blocks of prose in that run."""
    teasers: int
    """Teasers in the main text: headline links over an excerpt, headline links that
    are headings (cards), and excerpts under a "read more" link."""
    paragraphs: int
    """Blocks of prose in the main text, in all its runs."""
    prose: int
    """Characters of those blocks."""
    linked_opening: bool
    """Whether the main text opens under a heading that links to another page of the
    site: it is a teaser of that page (a lead story on a front page)."""
    in_chrome: bool = False
    """Whether the main text lies in the site's header, footer or navigation (a
    legal notice, an "about us" blurb): what an extractor falls back on when the
    page has no text of its own, as listings have not."""


def main_text_shape(findings: Findings, body: str, cues: Cues) -> Shape:
    """The shape of the main text the extractor found (``findings``; ``body`` is the
    Article's). A site extractor's body is taken as one run of its paragraphs. When
    the generic extractor found too little and took readability-lxml's paragraphs
    instead, the shape is still that of what it found: a second opinion that finds
    an article where the extractor found none is no evidence of one (on listing
    pages it reads a column of teasers as one long text)."""
    if not findings.blocks and not findings.fallback:
        prose = [len(p) for p in body.split("\n\n") if len(p) >= PROSE_CHARS]
        return Shape(sum(prose), len(prose), 0, len(prose), sum(prose), linked_opening=False)
    runs = _Runs({id(block) for block in findings.kept})
    runs.read(findings.blocks)
    opening = _linked_opening(findings.containers, cues)
    return Shape(
        runs.longest,
        runs.longest_paragraphs,
        runs.teasers,
        runs.paragraphs,
        runs.prose,
        opening,
        in_chrome=bool(findings.containers) and all(map(_in_chrome, findings.containers)),
    )


def _in_chrome(element: Element) -> bool:
    """Whether ``element`` is in a ``<header>``, ``<footer>``, ``<nav>`` or ``<aside>``
    of the page, not of an article (``<article>`` and ``<main>`` have their own
    headers and footers)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _CONTENT:
            return False
        if ancestor.tag in _CHROME:
            return True
    return element.tag in _CHROME


def _link_line(block: Block) -> bool:
    """A line that is a link: a teaser's headline, a "read more", a "read also" line.
    No bare URL: a link's address written out is a reference, not a teaser."""
    return block.link_density >= HEADLINE_LINK_SHARE and not _URL_TEXT.match(block.text)


def _is_prose(block: Block, kept: set[int]) -> bool:
    """A block of article text the extractor kept: long enough, mostly not link, and
    words (a space between them, or a script written without spaces), not a path."""
    text = block.text
    return (
        id(block) in kept
        and block.kind != "heading"
        and len(text) >= PROSE_CHARS
        and block.link_density < PROSE_MAX_LINK_SHARE
        and (" " in text or not text.isascii())
    )


class _Runs:
    """One pass over the main text's blocks: its runs of prose and its teasers.

    A teaser is a headline link over its excerpt, a headline link that is a heading
    with no excerpt (a card: headline, date, image), or an excerpt followed by a
    short link ("Read more", "Continue"). Links part runs. Blocks the extractor
    dropped (dates, bylines, a teaser's URL) neither make nor break a run, nor part
    a headline from its excerpt.
    """

    def __init__(self, kept: set[int]) -> None:
        self.kept = kept
        self.longest = self.current = self.paragraphs = self.prose = self.teasers = 0
        self.longest_paragraphs = self.current_paragraphs = 0
        self.headline: Block | None = None  # a headline link awaiting its excerpt
        self.excerpt = False  # the last prose block is a teaser's excerpt already

    def read(self, blocks: list[Block]) -> None:
        for block in blocks:
            if _link_line(block):
                self._link(block)
            elif _is_prose(block, self.kept):
                self.current += len(block.text)
                self.current_paragraphs += 1
                self.paragraphs += 1
                self.prose += len(block.text)
                self.excerpt = self.headline is not None
                self.teasers += self.excerpt
                self.headline = None
            elif self.headline is not None and id(block) in self.kept and block.kind == "heading":
                # A heading of the text before any excerpt: the link was a "learn more"
                # line under a paragraph (mozilla-2 of the readability tests).
                self.headline = None
        self._card()
        self._end_run()

    def _end_run(self) -> None:
        if self.current > self.longest:
            self.longest, self.longest_paragraphs = self.current, self.current_paragraphs
        self.current = self.current_paragraphs = 0

    def _link(self, block: Block) -> None:
        self._card()
        if len(block.text) >= HEADLINE_CHARS:
            self.headline = block
        elif self.current and not self.excerpt and block.kind != "heading":
            self.teasers += 1  # "Read more" under an excerpt
            self.excerpt = True
        self._end_run()

    def _card(self) -> None:
        if self.headline is not None and self.headline.kind == "heading":
            self.teasers += 1
        self.headline = None


def _linked_opening(containers: list[Element], cues: Cues) -> bool:
    """Whether the first heading of the main text, before its first paragraph of prose
    (or, above the text, the heading just before its first container), is a link
    to another page of the site, and is not the page's own title (the second page
    of a story may link its headline to the first)."""
    if not containers:
        return False
    heading = None
    for container in containers:
        for el in container.iter(*_HEADINGS, "p"):
            if el.tag in _HEADINGS:
                heading = el
            elif len(text_of(el).strip()) < PROSE_CHARS:
                continue
            break
        if heading is not None:
            break
    if heading is None:
        previous = containers[0].getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is not None and previous.tag in _HEADINGS:
            heading = previous
    if heading is None:
        return False
    text = text_of(heading).strip()
    linked = sum(
        len(text_of(a).strip()) for a in heading.iter("a") if cues.links.target(a.get("href"))
    )
    return linked * 2 > len(text) > 0 and not cues.is_title(text)
