"""Find the element that holds the article: a lean, single-pass candidate scorer.

The idea is Readability's (arc90, readability-lxml, Readability.js): paragraphs
vote for their parent and grandparent with a score that grows with their length
and punctuation; the best-scored container, discounted by its link density, is
the article. The implementation is our own and does one pass over the paragraph
elements, rather than re-scanning the tree for each candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.etree

from extractors.generic.vocabulary import class_id, name_kind
from extractors.limits import checkpoint
from extractors.page.tree import Element, number, text_of

__all__ = ["Candidate", "Scores", "best_candidate", "link_density", "text_length", "with_siblings"]

# A paragraph shorter than this casts no vote: menu items, labels, bylines.
# 25 characters is one short sentence in Latin script and a long one in Chinese.
MIN_VOTING_CHARS = 25

# Each full 100 characters of a paragraph is worth a point, at most this many:
# one very long block (a comment dump, a legal notice) cannot outvote an article.
MAX_LENGTH_POINTS = 3


def _commas(text: str) -> int:
    """Commas in the scripts we meet: Latin, Arabic, CJK full-width and ideographic
    (four str.count() calls take a sixth of the time of a regex's findall())."""
    return (
        text.count(",")
        + text.count("\N{ARABIC COMMA}")
        + text.count("\N{FULLWIDTH COMMA}")
        + text.count("\N{IDEOGRAPHIC COMMA}")
    )


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
_VOTERS = ("p", "pre", "td", "div", "section", "blockquote", "li")
_CONTAINERS = frozenset({"div", "section", "blockquote"})
_PARAGRAPHS = frozenset({"p", "div", "section"})
_BLOCKS = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table ul".split()
)

# A list item with more of its text in links is navigation or a teaser, no paragraph.
LIST_ITEM_MAX_LINK_DENSITY = 0.5

# The share of a sibling's best score a sibling needs to join the article
# (Readability uses 0.2); and the absolute minimum, for pages with weak scores.
SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 10
# A sibling paragraph joins with this much text and little link text, even unscored.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_MAX_LINK_DENSITY = 0.25


# The deadline is checked once per this many voting paragraphs: often enough to
# stop a flood of elements in time, rarely enough to cost nothing.
CHECK_EVERY = 256


class Candidate:
    """A container and its accumulated score."""

    __slots__ = ("element", "score")

    def __init__(self, element: Element, score: float) -> None:
        self.element = element
        self.score = score


# Both computed by libxml2 in one call each, without building Python strings per link.
_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))")
# ".//text()[ancestor::a]" rather than ".//a//text()": the latter is quadratic in
# the number of links in libxml2 (a page of tens of thousands of links: seconds).
_LINK_TEXT = lxml.etree.XPath(".//text()[ancestor::a]")

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
    parts: list[str] = _LINK_TEXT(el)  # type: ignore[assignment]
    linked = len(" ".join("".join(parts).split()))
    return min(1.0, linked / total)


def _class_weight(el: Element) -> int:
    names = class_id(el)
    if not names:
        return 0
    weight = 0
    boilerplate, positive = name_kind(names)
    if positive:
        weight += CLASS_WEIGHT
    if boilerplate:
        weight -= CLASS_WEIGHT
    if el.get("itemprop") == "articleBody":
        weight += CLASS_WEIGHT
    return weight


def _voters(root: Element) -> Iterable[tuple[Element, str, bool]]:
    """(element, text, whether the text is the element's own) for each paragraph.

    A ``<p>`` (or a ``<div>`` without blocks inside) is a paragraph. A ``<div>``
    with blocks inside can hold paragraphs of its own too: text between its
    children, cut by ``<br>`` ("Text.<br><br>More text.<div class=ad></div>Text"),
    which votes for the ``<div>`` itself (Readability.js wraps such runs in ``<p>``).
    """
    for el in root.iter(_VOTERS):
        tag = el.tag
        if tag in _CONTAINERS:
            runs = _own_runs(el)
            if runs is not None:
                for run in runs:
                    yield el, run, True
                continue
        elif tag == "li":
            # A list item is a paragraph when it holds no block and is not a link:
            # articles made of lists vote, menus and teaser lists do not.
            text = text_of(el)
            if len(text) < MIN_VOTING_CHARS or any(child.tag in _BLOCKS for child in el):
                continue
            # The links' raw text against the item's: an XPath per item costs
            # more than the item's few links read one by one.
            linked = sum(len(text_of(a)) for a in el.iter("a"))
            if linked < LIST_ITEM_MAX_LINK_DENSITY * len(text):
                yield el, text, False
            continue
        yield el, text_of(el), False


def _own_runs(el: Element) -> list[str] | None:
    """The runs of text directly in ``el`` between its block children and ``<br>``s;
    None when it has no block child (it is one paragraph). Text inside inline
    children is left out: it cannot hold a block, and the count is close enough."""
    blocks = False
    text = el.text
    loose = bool(text) and not text.isspace()  # type: ignore[union-attr]
    for child in el:
        if not blocks and child.tag in _BLOCKS:
            blocks = True
        if not loose:
            tail = child.tail
            loose = bool(tail) and not tail.isspace()  # type: ignore[union-attr]
        elif blocks:
            break
    if not blocks:
        return None
    if not loose:
        return []  # the common case: a container with nothing but blocks in it
    runs: list[str] = []
    current = [text or ""]
    for child in el:
        tag = child.tag
        if tag in _BLOCKS or tag == "br":
            runs.append("".join(current))
            current = []
        tail = child.tail
        if tail:
            current.append(tail)
    runs.append("".join(current))
    return [run for run in runs if len(run) >= MIN_VOTING_CHARS]


def _vote(root: Element) -> dict[Element, float]:
    scores: dict[Element, float] = {}
    cards: dict[Element, bool] = {}
    for count, (el, text, own) in enumerate(_voters(root)):
        if count % CHECK_EVERY == 0:
            checkpoint("scoring")
        length = len(text.strip())
        if length < MIN_VOTING_CHARS:
            continue
        points = 1 + _commas(text) + min(length // 100, MAX_LENGTH_POINTS)
        ancestor = el if own else el.getparent()
        # A teaser card's summary votes for its card alone (see _is_card).
        card = ancestor is not None and _is_card(ancestor, cards)
        share = 1.0
        while ancestor is not None:
            score = scores.get(ancestor)
            if score is None:
                score = _TAG_PRIOR.get(ancestor.tag, 0) + _class_weight(ancestor)
            scores[ancestor] = score + points * share
            share /= 2
            # Parent, grandparent and great-grandparent get votes; an <article> is
            # one story, so its paragraphs never vote for what is around it (a
            # list of teaser <article>s would otherwise outvote the story).
            if card or share < 0.25 or ancestor.tag == "article":
                break
            ancestor = ancestor.getparent()
    return scores


_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _is_card(el: Element, cards: dict[Element, bool]) -> bool:
    """Whether ``el`` is a teaser card: among its children, a heading that is a link
    to another page ("<h3><a href=...>Other story</a></h3>" above its summary).
    A list of such cards beside a story is a related list or a feed, however
    long its summaries; a story's own subheadings are text, not links."""
    known = cards.get(el)
    if known is None:
        known = cards[el] = any(child.tag in _SUBHEADINGS and _is_link_text(child) for child in el)
    return known


def _is_link_text(el: Element) -> bool:
    """Whether most of the text of ``el`` sits in links to other pages."""
    text = len(text_of(el).strip())
    linked = sum(len(text_of(a).strip()) for a in el.iter("a") if (a.get("href") or "#")[0] != "#")
    return text > 0 and linked * 2 > text


Scores = dict[Element, float]


def best_candidate(root: Element) -> tuple[Candidate | None, Scores]:
    """The highest-scoring container under ``root`` (None without any paragraph),
    and every container's raw score (before the link-density discount)."""
    scores = _vote(root)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    headline = next(root.iter("h1"), None)
    finalists: list[Candidate] = []
    best = 0.0
    for el, raw in ranked[:DISCOUNTED_CANDIDATES]:
        # A container that cannot reach half the best score so far can be neither
        # the article nor its rival or twin (see _climb): the link density, the
        # costly part, is not worth computing for it nor for any after it.
        if best > 0 and raw + HEADLINE_BONUS < TWIN_SHARE * best:
            break
        score = raw * (1 - link_density(el)) + _headline_bonus(el, headline)
        finalists.append(Candidate(el, score))
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


def _climb(finalists: list[Candidate], root: Element) -> Candidate:
    top = finalists[0]
    rivals = [c.element for c in finalists[1:] if c.score >= RIVAL_SHARE * top.score]
    if len(rivals) >= MIN_RIVALS and top.element.tag != "article":
        for ancestor in top.element.iterancestors():
            if ancestor is root:
                break
            inside = sum(1 for r in rivals if _contains(ancestor, r))
            if inside >= MIN_RIVALS:
                return Candidate(ancestor, top.score)
            if ancestor.tag == "article":
                break  # an <article> is one story; its neighbours are other stories
    # The same container class twice among the finalists: the story was cut into
    # chunks (ads between them), each scored alone; their common ancestor is the story.
    twins = [
        c.element
        for c in finalists[1:]
        if c.score >= TWIN_SHARE * top.score and _same_kind(c.element, top.element)
    ]
    if twins and top.element.tag != "article":
        common = _common_ancestor(top.element, twins, root)
        if common is not None:
            return Candidate(common, top.score)
    # A container that is the only child of its parent says nothing the parent
    # does not: take the parent, which may hold the headline's siblings too.
    element = top.element
    parent = element.getparent()
    while parent is not None and parent is not root and len(parent) == 1:
        element, parent = parent, parent.getparent()
    return Candidate(element, top.score)


# A finalist that holds the page's <h1> is likelier the story than one beside it:
# teaser boxes and related posts have h2/h3 titles. Worth a few paragraphs' votes.
HEADLINE_BONUS = 10


def _headline_bonus(el: Element, headline: Element | None) -> float:
    return HEADLINE_BONUS if headline is not None and _contains(el, headline) else 0.0


# A chunk of the story scores at least this share of the best chunk.
TWIN_SHARE = 0.5
# Chunks of one story sit within this many levels of a common ancestor; teasers
# of other stories with the same class are usually further apart.
TWIN_MAX_LEVELS = 3


def _same_kind(a: Element, b: Element) -> bool:
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
    styles = _paragraph_styles(top.element)
    kept = [
        sibling
        for sibling in parent
        if sibling is top.element
        or (isinstance(sibling.tag, str) and _continues(sibling, top, scores, threshold, styles))
    ]
    return _with_sections(top.element, kept, root)


# How far above the chosen container sections of the same story are looked for.
SECTION_LEVELS = 3


def _with_sections(top: Element, kept: list[Element], root: Element) -> list[Element]:
    """``kept`` with the sections of the story around it: further up, siblings of an
    ancestor with the ancestor's tag and class (numbers aside) and text rather than
    links (the story cut into steps or sections, each wrapped: div.step > div.content
    > p, or div.story-body-supplemental > div.story-body-1, -2). An ``<article>`` is
    one story and a section with an ``<h1>`` another one's: neither joins."""
    ancestor = top
    for _ in range(SECTION_LEVELS):
        parent = ancestor.getparent()
        if parent is None or ancestor is root or ancestor.tag == "article" or parent is root:
            break
        ancestor, grandparent = parent, parent.getparent()
        if grandparent is None:
            break
        preceding: list[Element] = []
        following: list[Element] = []
        for uncle in grandparent:
            if uncle is ancestor:
                preceding, following = following, preceding  # what came so far preceded
            elif _is_section_of(uncle, ancestor):
                following.append(uncle)
        kept = preceding + kept + following
    return kept


def _is_section_of(el: Element, story: Element) -> bool:
    return (
        el.tag != "article"
        and _same_kind(el, story)
        and next(el.iter("h1"), None) is None
        and _is_text(el)
    )


def _continues(
    sibling: Element, top: Candidate, scores: Scores, threshold: float, styles: set[str]
) -> bool:
    """Whether a sibling of the top candidate is more of the article: it scores well
    enough; or it is a paragraph of prose; or it is written like the top's own
    paragraphs (a class of theirs: the story's first paragraphs left outside the
    container of the others); or it has the top's tag and class (the story cut into
    sections, whose paragraphs sit too deep to give it a score); the last two
    holding text rather than links."""
    raw = scores.get(sibling, 0.0)
    # The score must come from paragraphs, at least half of it: a class word alone
    # ("story-head" around the headline and byline) is no text.
    votes = raw - _TAG_PRIOR.get(sibling.tag, 0) - _class_weight(sibling)
    if votes >= threshold / 2 and raw * (1 - link_density(sibling)) >= threshold:
        return True
    if _is_prose(sibling):
        return True
    return (_same_kind(sibling, top.element) or _styled_as(sibling, styles)) and _is_text(sibling)


def _is_text(el: Element) -> bool:
    """Enough text to be a paragraph, little of it in links."""
    length = text_length(el)
    return (
        length >= SIBLING_PARAGRAPH_CHARS and link_density(el, length) < SIBLING_MAX_LINK_DENSITY
    )


def _paragraph_styles(el: Element) -> set[str]:
    """The class words of the children of ``el`` that are paragraphs (no block inside)."""
    styles: set[str] = set()
    for child in el:
        cls = child.get("class")
        if cls and child.tag in _PARAGRAPHS and not any(c.tag in _BLOCKS for c in child):
            styles.update(cls.split())
    return styles


def _styled_as(el: Element, styles: set[str]) -> bool:
    """Whether ``el``, or the one element it wraps, has a class word among ``styles``."""
    while styles:
        cls = el.get("class")
        if cls and not styles.isdisjoint(cls.split()):
            return True
        if len(el) != 1 or (el.text and el.text.strip()):
            return False
        el = el[0]
    return False


def _is_prose(el: Element) -> bool:
    if el.tag != "p":
        return False
    length = text_length(el)
    if length >= SIBLING_PARAGRAPH_CHARS:
        return link_density(el, length) < SIBLING_MAX_LINK_DENSITY
    text = text_of(el).strip()
    return length > 0 and link_density(el, length) == 0 and text.endswith((".", "!", "?", "。"))
