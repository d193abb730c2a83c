"""Paragraphs vote for the containers around them: the scores the scorer ranks.

The idea is Readability's (arc90, readability-lxml, Readability.js): paragraphs
vote for their parent and grandparent with a score that grows with their length
and punctuation. One pass over the paragraph elements, with our own rules for
what votes (text directly in a container, list items of prose) and how far up
(never past an ``<article>`` or a teaser card).
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.generic.vocabulary import element_kind
from extractors.limits import checkpoint
from extractors.page.tree import Element, has_text, text_of
from extractors.writing import UNSPACED_CHAR_WEIGHT, size

__all__ = ["BLOCKS", "OWN_SENTENCE", "PARAGRAPHS", "PHRASING", "Scores", "prior", "vote"]

Scores = dict[Element, float]
"""A container's score: its tag and class prior plus the votes it got."""

# A paragraph shorter than this casts no vote: menu items, labels, bylines. Lengths
# here are sizes (:func:`extractors.writing.size`): a Chinese character counts as
# three Latin ones, so that 25 is one short sentence in either script.
MIN_VOTING_CHARS = 25
# An XPath step to the text nodes of an element that hold a voting paragraph's
# length of text (in characters) of its own: a <div> with one is a paragraph
# written as a div (pruning counts it as a paragraph; a story's sections take
# their shape down to it).
OWN_SENTENCE = f"text()[string-length(normalize-space(.)) >= {MIN_VOTING_CHARS}]"

# Each full 100 characters of a paragraph (its size) is worth a point, at most this
# many: one very long block (a comment dump, a legal notice) cannot outvote an article.
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
# (the many sites that write paragraphs as divs). A container's text between its
# blocks and <br>s votes for the container: in an <article>, a <main> or the <body>
# too, where pages written without <p> put the story ("text<br><br>more text"), and
# in a table cell: a cell of a layout table holds a whole column of the page, whose
# text voting as one paragraph (with every comma of the column) outvoted the story.
_VOTERS = ("p", "pre", "td", "div", "section", "blockquote", "li", "article", "main", "body")
_CONTAINERS = frozenset({"div", "section", "blockquote", "article", "main", "body", "td"})
PARAGRAPHS = frozenset({"p", "div", "section"})
# Inline elements whose text is part of the run of text around them. Links are not:
# a row of links between blocks is navigation, not a paragraph.
PHRASING = frozenset(
    "abbr b bdi bdo cite code em font i kbd mark q s small span strong sub sup time u var".split()
)
BLOCKS = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table ul".split()
)

# A list item with more of its text in links is navigation or a teaser, no paragraph.
LIST_ITEM_MAX_LINK_DENSITY = 0.5


# The deadline is checked once per this many voting paragraphs: often enough to
# stop a flood of elements in time, rarely enough to cost nothing.
CHECK_EVERY = 256


def prior(el: Element) -> int:
    """What a container scores before any vote: its tag's prior and its class weight."""
    return _TAG_PRIOR.get(el.tag, 0) + _class_weight(el)


def _class_weight(el: Element) -> int:
    cls, ident = el.get("class"), el.get("id")
    if not (cls or ident):
        return 0
    weight = 0
    boilerplate, positive = element_kind(cls, ident)
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
            text = " ".join(text_of(el).split())
            if size(text) < MIN_VOTING_CHARS or any(child.tag in BLOCKS for child in el):
                continue
            # The links' text against the item's, whitespace folded in both: the
            # indentation of a pretty-printed item is no text outside its links.
            # (An XPath per item costs more than its few links read one by one.)
            linked = sum(len(" ".join(text_of(a).split())) for a in el.iter("a"))
            if linked < LIST_ITEM_MAX_LINK_DENSITY * len(text):
                yield el, text, False
            continue
        yield el, text_of(el), False


def _own_runs(el: Element) -> list[str] | None:
    """The runs of text directly in ``el`` between its block children and ``<br>``s;
    None when it has no block child (it is one paragraph). A run holds the text of
    the inline elements in it (:data:`PHRASING`), as a page written without ``<p>``
    may wrap each sentence in a ``<span>``; not that of its links."""
    blocks = False
    text = el.text
    loose = has_text(text)
    for child in el:
        tag = child.tag
        if not blocks and tag in BLOCKS:
            blocks = True
        if not loose:
            loose = has_text(child.tail)
            if not loose and tag in PHRASING:
                loose = bool(text_of(child).strip())
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
        if tag in BLOCKS or tag == "br":
            runs.append("".join(current))
            current = []
        elif tag in PHRASING:
            current.append(text_of(child))
        tail = child.tail
        if tail:
            current.append(tail)
    runs.append("".join(current))
    return [run for run in runs if size(run) >= MIN_VOTING_CHARS]


def vote(root: Element) -> Scores:
    """Every container that got a vote, with its score (prior plus votes)."""
    scores: Scores = {}
    cards: dict[Element, bool] = {}
    for count, (el, text, own) in enumerate(_voters(root)):
        if count % CHECK_EVERY == 0:
            checkpoint("scoring")
        # Measured with whitespace folded: a paragraph indented over several
        # lines of the source is as long as the same paragraph minified.
        stripped = " ".join(text.split())
        # A text too short to vote even in an unspaced script needs no measuring.
        if UNSPACED_CHAR_WEIGHT * len(stripped) < MIN_VOTING_CHARS:
            continue
        length = size(stripped)
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
                score = prior(ancestor)
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
