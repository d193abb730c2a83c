"""Find the element that holds the article, from the votes of its paragraphs.

Paragraphs vote for the containers around them (:mod:`~extractors.generic.votes`);
the best-scored container, discounted by its link density and helped by the
page's ``<h1>``, is the article, widened when it is one of several chunks or
rivals of one story, or a list inside it. The idea is Readability's (arc90,
readability-lxml, Readability.js); the implementation is our own and computes
the costly link density for a few finalists only.
"""

from __future__ import annotations

import re

import lxml.etree

from extractors.generic.votes import Scores, vote
from extractors.page.tree import Element, number, text_of
from extractors.text import letters

__all__ = ["Candidate", "best_candidate", "link_density", "same_kind", "text_length"]


class Candidate:
    """A container, its accumulated score, and whether it holds the headline."""

    __slots__ = ("element", "headline", "score")

    def __init__(self, element: Element, score: float, headline: bool = False) -> None:
        self.element = element
        self.score = score
        self.headline = headline


# Computed by libxml2 in one call, without building the text as a Python string.
_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))")
_NESTED_LINK = lxml.etree.XPath("boolean(.//a[ancestor::a])")

# Link density is computed for this many best raw-scored containers only: it is
# the costly part of scoring, and a container outside the top ten by votes never
# wins after a discount of at most 100 %.
DISCOUNTED_CANDIDATES = 10


def text_length(el: Element) -> int:
    """Characters of text in ``el`` without surrounding or repeated whitespace."""
    return int(number(_LENGTH, el))


def link_density(el: Element, length: int | None = None) -> float:
    """Share of ``el``'s text that sits inside links (0.0 to 1.0)."""
    total = text_length(el) if length is None else length
    if total == 0:
        return 0.0
    linked = len(" ".join("".join(_link_texts(el)).split()))
    return min(1.0, linked / total)


def _link_texts(el: Element) -> list[str]:
    """The text of ``el`` that sits inside links, in page order: all of it inside a
    link, else the text of each outermost link in it. Read link by link, where the
    XPath ".//text()[ancestor::a]" tested the ancestors of every text node: a fifth
    less time on the article-extraction benchmark, a quarter on the readability
    test pages; on a page of 60,000 links, 0.10 s against 0.07 s (".//a//text()"
    would be quadratic in the number of links in libxml2: seconds)."""
    if el.tag == "a" or next(el.iterancestors("a"), None) is not None:
        return [text_of(el)]
    links = el.iter("a")
    if _NESTED_LINK(el):  # rare: then only the outermost links are read
        return [text_of(a) for a in links if next(a.iterancestors("a"), None) is None]
    return [text_of(a) for a in links]


def best_candidate(root: Element, title: str | None = None) -> tuple[Candidate | None, Scores]:
    """The highest-scoring container under ``root`` (None without any paragraph),
    and every container's raw score (before the link-density discount).
    ``title``, the page's title, finds the headline on a page without ``<h1>``."""
    scores = vote(root)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    headline = next(root.iter("h1"), None)
    if headline is None and title:
        headline = _titled_heading(root, title)
    finalists: list[Candidate] = []
    best = 0.0
    for el, raw in ranked[:DISCOUNTED_CANDIDATES]:
        # A container that cannot reach half the best score so far can be neither
        # the article nor its rival or twin (see _climb): the link density, the
        # costly part, is not worth computing for it nor for any after it.
        if best > 0 and raw + HEADLINE_BONUS < TWIN_SHARE * best:
            break
        bonus = _headline_bonus(el, headline)
        score = raw * (1 - link_density(el)) + bonus
        finalists.append(Candidate(el, score, bonus > 0))
        best = max(best, score)
    if not finalists:
        return None, scores
    finalists.sort(key=lambda c: c.score, reverse=True)
    return _climb(finalists, root), scores


# A finalist scoring at least this share of the best one is a close rival...
RIVAL_SHARE = 0.75
# ...and when this many rivals sit inside one ancestor of the best, the article is
# that ancestor: it was cut into blocks (one card per paragraph, say) that each
# score alone. Readability.js makes the same move with the same numbers.
MIN_RIVALS = 3


# A table's rows vote for their row and its tbody: a long table's tbody can win.
# It is no unit of the page, the table is (its caption and header row with it), and
# the paragraphs around the table are its siblings, where a tbody has none.
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot"})


def _climb(finalists: list[Candidate], root: Element) -> Candidate:
    top = finalists[0]
    outer = _outer_story(top, finalists)
    if outer is not None:
        return outer
    rivals = [c.element for c in finalists[1:] if c.score >= RIVAL_SHARE * top.score]
    if len(rivals) >= MIN_RIVALS and top.element.tag != "article":
        for ancestor in top.element.iterancestors():
            if ancestor is root:
                break
            inside = sum(1 for r in rivals if _contains(ancestor, r))
            if inside >= MIN_RIVALS:
                return Candidate(ancestor, top.score, top.headline)
            if ancestor.tag == "article":
                break  # an <article> is one story; its neighbours are other stories
    # The same container class twice among the finalists: the story was cut into
    # chunks (ads between them), each scored alone; their common ancestor is the story.
    twins = [
        c.element
        for c in finalists[1:]
        if c.score >= TWIN_SHARE * top.score and same_kind(c.element, top.element)
    ]
    if twins and top.element.tag != "article":
        common = _common_ancestor(top.element, twins, root)
        if common is not None:
            return Candidate(common, top.score, top.headline)
    # A container that is the only child of its parent says nothing the parent
    # does not: take the parent, which may hold the headline's siblings too.
    element = top.element
    parent = element.getparent()
    if element.tag in _TABLE_PARTS and parent is not None:
        element, parent = parent, parent.getparent()  # the rows' header and caption too
    while parent is not None and parent is not root and len(parent) == 1:
        element, parent = parent, parent.getparent()
    return Candidate(element, top.score, top.headline)


# A paragraph's votes reach at most three levels above it (votes.vote): a container
# more than this many levels above a list got none of the list's votes.
VOTE_LEVELS = 3
_LISTS = ("ul", "ol")


def _outer_story(top: Candidate, finalists: list[Candidate]) -> Candidate | None:
    """When a list won: a finalist around it, too far up to hold any of the list's
    votes, that scores half as much with paragraphs of its own. That finalist is the
    story and the list a box in it (the steps below an intro, a photo gallery of
    fifty captions); it holds the whole list, so nothing of the list is lost. Only
    for lists: around other winners, such a finalist was as often a page column
    as the story (three pages of the article-extraction benchmark)."""
    if top.element.tag not in _LISTS:
        return None
    ancestors = {a: level for level, a in enumerate(top.element.iterancestors(), start=1)}
    for candidate in finalists[1:]:
        level = ancestors.get(candidate.element)
        if level is not None and level > VOTE_LEVELS and candidate.score >= TWIN_SHARE * top.score:
            return candidate
    return None


# A finalist that holds the page's <h1> is likelier the story than one beside it:
# teaser boxes and related posts have h2/h3 titles. Worth a few paragraphs' votes.
HEADLINE_BONUS = 10


def _titled_heading(root: Element, title: str) -> Element | None:
    """The first ``<h2>`` or ``<h3>`` whose text is ``title``, in its letters and
    digits ("..." in the title, "…" in the heading): the headline of a page that
    has no ``<h1>``."""
    wanted = letters(title)
    if not wanted:
        return None
    for heading in root.iter("h2", "h3"):
        if letters(text_of(heading)) == wanted:
            return heading
    return None


def _headline_bonus(el: Element, headline: Element | None) -> float:
    return HEADLINE_BONUS if headline is not None and _contains(el, headline) else 0.0


# A chunk of the story scores at least this share of the best chunk.
TWIN_SHARE = 0.5
# Chunks of one story sit within this many levels of a common ancestor; teasers
# of other stories with the same class are usually further apart.
TWIN_MAX_LEVELS = 3


def same_kind(a: Element, b: Element) -> bool:
    """Same tag and same class, numbers aside ("story-body-1", "story-body-2")."""
    if a.tag != b.tag:
        return False
    first, second = a.get("class"), b.get("class")
    return bool(first and second) and _DIGITS.sub("", first) == _DIGITS.sub("", second)  # type: ignore[arg-type]


_DIGITS = re.compile(r"\d+")


def _common_ancestor(top: Element, others: list[Element], root: Element) -> Element | None:
    for level, ancestor in enumerate(top.iterancestors(), start=1):
        if ancestor is root or level > TWIN_MAX_LEVELS:
            return None
        if all(_contains(ancestor, other) for other in others):
            return ancestor
    return None


def _contains(ancestor: Element, el: Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())
