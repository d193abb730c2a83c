"""Find the element that holds the article: a lean, single-pass candidate scorer.

The idea is Readability's (arc90, readability-lxml, Readability.js): paragraphs
vote for their parent and grandparent with a score that grows with their length
and punctuation; the best-scored container, discounted by its link density, is
the article. The implementation is our own and does one pass over the paragraph
elements, which keeps it several times faster than re-scanning the tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.prune import BOILERPLATE, POSITIVE, class_id
from extractors.tree import Element, text_of

__all__ = ["Candidate", "Scores", "best_candidate", "link_density", "text_length", "with_siblings"]

# A paragraph shorter than this casts no vote: menu items, labels, bylines.
# 25 characters is one short sentence in Latin script and a long one in Chinese.
MIN_VOTING_CHARS = 25

# Each full 100 characters of a paragraph is worth a point, at most this many:
# one very long block (a comment dump, a legal notice) cannot outvote an article.
MAX_LENGTH_POINTS = 3

# Commas in the scripts we meet: Latin, Arabic, CJK full-width and ideographic.
_COMMAS = re.compile("[,\N{ARABIC COMMA}\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}]")

# Class/id weight of a candidate, in points: a container called "article-body"
# is likelier the article, one called "sidebar" less likely.
CLASS_WEIGHT = 25

# Tag priors, Readability's: containers start positive, lists and forms negative.
_TAG_PRIOR = {
    "article": 8, "main": 5, "div": 5, "section": 3, "td": 3, "blockquote": 3, "pre": 3,
    "form": -3, "ol": -3, "ul": -3, "dl": -3, "li": -3, "address": -3,
    "th": -5, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
}  # fmt: skip

# Elements that vote as paragraphs. A <div> votes only when it has no block children
# (the many sites that write paragraphs as divs).
_VOTERS = ("p", "pre", "td", "div", "section", "blockquote")
_BLOCKS = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table ul".split()
)

# The share of a sibling's best score a sibling needs to join the article
# (Readability uses 0.2); and the absolute minimum, for pages with weak scores.
SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 10
# A sibling paragraph joins with this much text and little link text, even unscored.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_MAX_LINK_DENSITY = 0.25


class Candidate:
    """A container and its accumulated score."""

    __slots__ = ("element", "score")

    def __init__(self, element: Element, score: float) -> None:
        self.element = element
        self.score = score


def text_length(el: Element) -> int:
    """Characters of text in ``el`` without surrounding or repeated whitespace."""
    return len(" ".join(text_of(el).split()))


def link_density(el: Element, length: int | None = None) -> float:
    """Share of ``el``'s text that sits inside links (0.0 to 1.0)."""
    total = text_length(el) if length is None else length
    if total == 0:
        return 0.0
    linked = sum(len(" ".join(text_of(a).split())) for a in el.iter("a"))
    return min(1.0, linked / total)


def _class_weight(el: Element) -> int:
    names = class_id(el)
    if not names:
        return 0
    weight = 0
    if POSITIVE.search(names):
        weight += CLASS_WEIGHT
    if BOILERPLATE.search(names):
        weight -= CLASS_WEIGHT
    if el.get("itemprop") == "articleBody":
        weight += CLASS_WEIGHT
    return weight


def _voters(root: Element) -> Iterable[tuple[Element, str]]:
    for el in root.iter(_VOTERS):
        if el.tag in ("div", "section", "blockquote") and any(
            isinstance(child.tag, str) and child.tag in _BLOCKS for child in el
        ):
            continue
        yield el, text_of(el)


def _vote(root: Element) -> dict[Element, float]:
    scores: dict[Element, float] = {}
    for el, text in _voters(root):
        length = len(text.strip())
        if length < MIN_VOTING_CHARS:
            continue
        points = 1 + len(_COMMAS.findall(text)) + min(length // 100, MAX_LENGTH_POINTS)
        share = 1.0
        for ancestor in el.iterancestors():
            if ancestor not in scores:
                scores[ancestor] = _TAG_PRIOR.get(ancestor.tag, 0) + _class_weight(ancestor)
            scores[ancestor] += points * share
            share /= 2
            if share < 0.25:  # parent, grandparent and great-grandparent vote
                break
    return scores


Scores = dict[Element, float]


def best_candidate(root: Element) -> tuple[Candidate | None, Scores]:
    """The highest-scoring container under ``root`` (None without any paragraph),
    and every container's score, discounted by its link density."""
    scores = _vote(root)
    best: Candidate | None = None
    for el, raw in scores.items():
        score = raw * (1 - link_density(el))
        scores[el] = score
        if best is None or score > best.score:
            best = Candidate(el, score)
    return best, scores


def with_siblings(top: Candidate, scores: Scores, root: Element) -> list[Element]:
    """The top candidate plus the siblings that continue the article.

    Articles are often split over sibling containers (text, an inline ad slot,
    more text); siblings that score well, or that are plain paragraphs of prose,
    are kept in document order.
    """
    parent = top.element.getparent()
    if parent is None or top.element is root:
        return [top.element]
    threshold = max(SIBLING_MIN_SCORE, top.score * SIBLING_SHARE)
    kept = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top.element:
            kept.append(sibling)
            continue
        if scores.get(sibling, 0.0) >= threshold or _is_prose(sibling):
            kept.append(sibling)
    return kept


def _is_prose(el: Element) -> bool:
    if el.tag != "p":
        return False
    length = text_length(el)
    if length >= SIBLING_PARAGRAPH_CHARS:
        return link_density(el, length) < SIBLING_MAX_LINK_DENSITY
    text = text_of(el).strip()
    return length > 0 and link_density(el, length) == 0 and text.endswith((".", "!", "?", "。"))
