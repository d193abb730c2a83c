"""The containers around the chosen one that are more of the same story.

Articles are split over sibling containers (text, an ad slot, more text), cut
into sections each wrapped in its own element, or open with a paragraph left
outside the container of the others; these rules bring them back, in page order.
"""

from __future__ import annotations

import lxml.etree

from extractors.generic.scoring import Candidate, link_density, same_kind, text_length
from extractors.generic.votes import (
    BLOCKS,
    MIN_VOTING_CHARS,
    OWN_SENTENCE,
    PARAGRAPHS,
    Scores,
    prior,
)
from extractors.page.tree import Element, text_of
from extractors.writing import FULL_STOPS, UNSPACED_CHAR_WEIGHT, unspaced_chars

__all__ = ["with_siblings"]

# The share of a sibling's best score a sibling needs to join the article
# (Readability uses 0.2); and the absolute minimum, for pages with weak scores.
SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 10
# A sibling paragraph joins with this much text (its size, a Chinese character
# counting as three Latin ones: :func:`extractors.writing.size`) and little link
# text, even unscored.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_MAX_LINK_DENSITY = 0.25
# A short paragraph joins when it ends as a sentence, in any script.
_FULL_STOPS = tuple(FULL_STOPS)


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
    # An <article> that holds the headline is the story: the <article>s beside it
    # are other stories (the next one, loaded below it), however well they score.
    story = top.headline and top.element.tag == "article"
    kept = [
        sibling
        for sibling in parent
        if sibling is top.element
        or (
            isinstance(sibling.tag, str)
            and not (story and sibling.tag == "article")
            and _continues(sibling, top, scores, threshold, styles)
        )
    ]
    if (
        top.element.tag == "article"
        and parent is not root
        and sum(1 for el in kept if el.tag == "article") >= FEED_ENTRIES
    ):
        # A feed of entries (a live blog): their container is the story, and what
        # stands beside it (the standfirst above the entries) is read as the story's.
        feed = Candidate(parent, top.score, top.headline)
        return with_siblings(feed, scores, root)
    return _with_sections(top.element, kept, root)


# This many <article>s side by side, kept together, are the entries of one story.
FEED_ENTRIES = 3


# How far above the chosen container sections of the same story are looked for.
SECTION_LEVELS = 3


def _with_sections(top: Element, kept: list[Element], root: Element) -> list[Element]:
    """``kept`` with the sections of the story around it: further up, siblings of an
    ancestor with the ancestor's tag and class (numbers aside), or with its shape
    when neither has a class (:func:`_same_shape`), and a sentence's worth
    of text rather than links (the story cut into steps or sections, each wrapped:
    div.step > div.content > p, or div.story-body-supplemental > div.story-body-1,
    -2; a step can be one short sentence, "Loosen the roots."). An ``<article>`` is
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
        and (same_kind(el, story) or _same_shape(el, story))
        and next(el.iter("h1"), None) is None
        and _is_text(el, MIN_VOTING_CHARS)
    )


def _continues(
    sibling: Element, top: Candidate, scores: Scores, threshold: float, styles: set[str]
) -> bool:
    """Whether a sibling of the top candidate is more of the article: it scores well
    enough; or it is a paragraph of prose; or it is written like the top's own
    paragraphs (a class of theirs: the story's first paragraphs left outside the
    container of the others); or it has the top's tag and class, or, neither having a
    class, its shape (the story cut into sections, whose paragraphs sit too deep to
    give it a score); the last three holding text rather than links."""
    raw = scores.get(sibling, 0.0)
    # The score must come from paragraphs, at least half of it: a class word alone
    # ("story-head" around the headline and byline) is no text.
    votes = raw - prior(sibling)
    if votes >= threshold / 2 and raw * (1 - link_density(sibling)) >= threshold:
        return True
    if _is_prose(sibling):
        return True
    return (
        same_kind(sibling, top.element)
        or _styled_as(sibling, styles)
        or _same_shape(sibling, top.element)
    ) and _is_text(sibling)


def _same_shape(a: Element, b: Element) -> bool:
    """Two elements with no class, of one tag and one nesting down to their first
    paragraph (div > div > p): chunks of one story on a page that names none of its
    elements, where :func:`~extractors.generic.scoring.same_kind` has no class to
    compare."""
    if a.tag != b.tag or a.get("class") or b.get("class"):
        return False
    shape = _shape(a)
    return shape is not None and shape == _shape(b)


# How deep the first paragraph of an element is looked for, for its shape.
SHAPE_MAX_LEVELS = 5
# Whether a text node directly in an element (not in a child) has a voting
# paragraph's length: a <div> written as a paragraph, as pruning counts one.
_HAS_OWN_SENTENCE = lxml.etree.XPath(f"boolean({OWN_SENTENCE})")


def _shape(el: Element) -> tuple[str, ...] | None:
    """The tags from ``el``'s first child down to its first paragraph, first child by
    first child; None when no paragraph opens ``el`` within ``SHAPE_MAX_LEVELS``.
    A paragraph is a ``<p>``, or a ``<div>`` with a sentence's worth of text of its
    own (the sites that write paragraphs as divs)."""
    path: list[str] = []
    for _ in range(SHAPE_MAX_LEVELS):
        child = next((c for c in el if isinstance(c.tag, str)), None)
        if child is None:
            return None
        path.append(child.tag)
        if child.tag == "p" or (child.tag == "div" and _HAS_OWN_SENTENCE(child)):
            return tuple(path)
        el = child
    return None


def _is_text(el: Element, minimum: int = SIBLING_PARAGRAPH_CHARS) -> bool:
    """At least ``minimum`` characters of text (a paragraph's worth), little of it in links."""
    length = text_length(el)
    return _size(el, length) >= minimum and link_density(el, length) < SIBLING_MAX_LINK_DENSITY


def _size(el: Element, length: int) -> int:
    """The size of the text of ``el`` (:func:`extractors.writing.size`), ``length``
    being its plain length: weighted only when that decides a threshold, as the
    unspaced characters of a long text are not worth counting."""
    if length >= SIBLING_PARAGRAPH_CHARS:
        return length
    return length + (UNSPACED_CHAR_WEIGHT - 1) * unspaced_chars(text_of(el))


def _paragraph_styles(el: Element) -> set[str]:
    """The class words of the children of ``el`` that are paragraphs (no block inside)."""
    styles: set[str] = set()
    for child in el:
        cls = child.get("class")
        if cls and child.tag in PARAGRAPHS and not any(c.tag in BLOCKS for c in child):
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
    """A paragraph of prose: a ``<p>`` of a paragraph's worth of text, or ending as a
    sentence with no link; or a paragraph written as a ``<div>`` (text with no block
    inside: a standfirst, "div.article__perex") ending as a sentence with no link."""
    if el.tag != "p":
        return _is_text_block(el) and _is_sentence(el, text_length(el))
    length = text_length(el)
    if _size(el, length) >= SIBLING_PARAGRAPH_CHARS:
        return link_density(el, length) < SIBLING_MAX_LINK_DENSITY
    return length > 0 and _is_sentence(el, length)


def _is_text_block(el: Element) -> bool:
    """A ``<div>`` or ``<section>`` that holds text and inline elements only."""
    return el.tag in PARAGRAPHS and not any(child.tag in BLOCKS for child in el)


def _is_sentence(el: Element, length: int) -> bool:
    """Text with no link that ends as a sentence, of at least ``SIBLING_PARAGRAPH_CHARS``
    when ``el`` is no ``<p>`` (a short one is a label or a credit: "Foto: dpa.")."""
    if el.tag != "p" and _size(el, length) < SIBLING_PARAGRAPH_CHARS:
        return False
    return link_density(el, length) == 0 and text_of(el).strip().endswith(_FULL_STOPS)
