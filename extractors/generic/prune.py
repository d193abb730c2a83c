"""Remove what is never article text before candidate scoring.

Each rule names a kind of page element, never one site's markup: navigation,
menus, widgets, share bars, teaser lists, hidden modals, forms, hover cards. A rule never
removes an element that holds most of the page's paragraphs, so a site that
wraps its whole page in ``<header>`` or a "sidebar" div loses nothing, nor one
around the page's ``<h1>`` but a ``<header>``, ``<nav>``, ``<aside>``, ``<footer>``
or ``<menu>``.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from itertools import pairwise

import lxml.etree

from extractors.generic.blocks import MAX_LINK_DENSITY
from extractors.generic.custom import FORMULAS, read_custom_elements
from extractors.generic.scoring import link_density
from extractors.generic.vocabulary import element_kind, split_humps
from extractors.generic.votes import OWN_SENTENCE, PHRASING
from extractors.limits import checkpoint
from extractors.page.tree import (
    Element,
    ItemProps,
    drop,
    has_text,
    itemprops,
    number,
    text_of,
)

__all__ = ["prune"]

# Elements whose content is never article text. A figure's caption is no body
# text either (the README's promise; the article-extraction benchmark marks none
# of its 122 <figcaption>s as body).
_ALWAYS_DROP = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "audio", "video", "source", "picture", "map", "button", "input", "select",
    "textarea", "option", "dialog", "link", "meta", "figcaption",
)  # fmt: skip

# Page furniture by its semantic tag: menus, sidebars, site header and footer.
_STRUCTURAL_DROP = ("nav", "aside", "footer", "header", "menu")

# ARIA roles of page furniture.
_ROLES = re.compile(
    r"^(?:navigation|complementary|banner|contentinfo|search|dialog|alertdialog|menu|menubar"
    r"|toolbar|tablist)$",
    re.I,
)

# Inline elements keep their content even when their class looks like
# boilerplate: removing an <a class="tag"> would cut words out of a sentence. Not
# one that is all the text of its parent (a <span class="credit"> alone in its
# div): removing it cuts no sentence.
_INLINE = PHRASING | {"a", "wbr"}

# Microdata properties whose elements hold metadata, not text: the page repeats
# its publisher, images, dates and bylines for machines, usually hidden by CSS.
_METADATA_PROPS = frozenset(
    "publisher image logo thumbnail thumbnailUrl datePublished dateModified dateCreated "
    "keywords interactionStatistic author creator contributor copyrightHolder sourceOrganization "
    "mainEntityOfPage".split()
)

# Hidden by an inline style; "clip: rect(0 0 0 0)" (or 1px) hides a skip link
# ("Continue reading the main story") from sight while screen readers read it.
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    r"|clip\s*:\s*rect\(\s*[01](?:px)?[\s,]+[01](?:px)?[\s,]",
    re.I,
)

# Whole class tokens that hide an element on every screen. Responsive variants
# such as "hidden-xs" hide it on small screens only, so they are not here.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "is-hidden", "u-hidden", "hide"})

# An element holding at least this share of the page's paragraphs is the page's
# frame, not furniture, whatever its tag or class says.
_FRAME_SHARE = 0.5
# An element with less than this share of the page's text holds too little to be
# its frame, whatever its paragraph count (a list of one-line <p> teasers).
_MIN_FRAME_SHARE = 0.1


# The paragraphs an element holds: its <p>s, and the <div>s with a voting
# paragraph's length of text of their own, as the many sites that write
# paragraphs as divs do. Divs of a word or two (buttons, labels) are no
# paragraphs: counted, they outnumbered a story's on a page of share buttons.
_P_COUNT = lxml.etree.XPath(f"count(.//p | .//div[{OWN_SENTENCE}])")
_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))")


# The attributes the rules below read. Most elements have none of them (most <p>,
# <a href>, <img src>), and the rest few: the rules ask for the attributes an
# element has, not for all seven (an el.get() that finds nothing costs as much as
# one that does).
_RULE_ATTRIBUTES = frozenset({"itemprop", "hidden", "aria-hidden", "role", "style", "class", "id"})


def _fills_parent(el: Element) -> bool:
    """Whether ``el`` holds all the text of its parent (whitespace aside): no text
    of the parent's own, nor of another child, beside it. Read child by child,
    where measuring the parent's text would read a whole story's."""
    parent = el.getparent()
    if parent is None or has_text(parent.text) or has_text(el.tail):
        return False
    return not any(
        child is not el and (has_text(child.tail) or has_text(text_of(child))) for child in parent
    )


def _is_furniture(el: Element) -> bool:
    # A comment or processing instruction has a function for a tag and no keys.
    tag = el.tag
    if tag in _STRUCTURAL_DROP:
        return True
    # el.keys() and el.get() rather than el.attrib: attrib builds a proxy object on
    # every call, and this function runs for most elements of every page.
    present = _RULE_ATTRIBUTES.intersection(el.keys())
    if not present:
        return False
    if "itemprop" in present and el.get("itemprop") in _METADATA_PROPS:
        return True
    if _is_hidden(el, present):
        return True
    if "role" in present and _ROLES.match(el.get("role") or ""):
        return True
    # Formulas keep theirs always (see FORMULAS).
    if tag in FORMULAS:
        return False
    # An inline element that shares its parent with other text is part of it; the
    # (costlier) test is made for the few whose class says furniture.
    inline = tag in _INLINE
    cls = el.get("class") if "class" in present else None
    if _hiding_class(cls):
        return not inline or _fills_parent(el)
    ident = el.get("id") if "id" in present else None
    if not (cls or ident):
        return False
    boilerplate, positive = element_kind(cls, ident)
    if boilerplate and ident and _is_heading_slug(ident, el):
        # The id is its heading's text ("sharing-with-a-single-developer"), not a role.
        boilerplate, positive = element_kind(cls, None)
    return boilerplate and not positive and (not inline or _fills_parent(el))


def _is_hidden(el: Element, present: AbstractSet[str]) -> bool:
    """Whether an attribute or the inline style hides ``el`` from sight (a hiding
    class is tested apart); ``present``: which of ``_RULE_ATTRIBUTES`` it has."""
    if "hidden" in present or ("aria-hidden" in present and el.get("aria-hidden") == "true"):
        return True
    return "style" in present and bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _hiding_class(cls: str | None) -> bool:
    """Whether the class attribute ``cls`` holds a class that hides on every screen."""
    return cls is not None and not _HIDDEN_CLASSES.isdisjoint(cls.split())


_WORD = re.compile(r"[^\W_]+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A translated page keeps the original's anchors: docs.python.org/zh-cn heads
# "#more-on-defining-functions" with "4.8. 函数定义详解". An id of this many words
# or more, over a heading with no Latin letter, is taken for the heading's slug;
# ids of fewer words name widgets as often ("share-this", "most-read-stories").
TRANSLATED_SLUG_MIN_WORDS = 4
_LATIN_LETTER = re.compile("[A-Za-z]")


def _is_heading_slug(ident: str, el: Element) -> bool:
    """Whether ``ident`` spells the first words of the heading that opens ``el``
    (documentation generators and wikis name sections after their headings), or
    is a slug of several words over a heading written in another script."""
    heading = next((child for child in el if isinstance(child.tag, str)), None)
    if heading is None or heading.tag not in _HEADINGS:
        return False
    words = _WORD.findall(split_humps(ident).lower())
    if not words:
        return False
    text = text_of(heading)
    spelled = _WORD.findall(text.lower())
    if spelled[: len(words)] == words:
        return True
    return (
        len(words) >= TRANSLATED_SLUG_MIN_WORDS
        and bool(spelled)
        and _LATIN_LETTER.search(text) is None
    )


def prune(tree: Element, props: ItemProps | None = None) -> None:
    """Remove non-article elements from ``tree`` in place (``props``: its itemprops)."""
    lxml.etree.strip_elements(tree, *_ALWAYS_DROP, with_tail=False)
    read_custom_elements(tree)
    for card in _inline_cards(tree):
        drop(card)
    for legends in _gallery_legends(tree):
        drop(legends)
    body = tree.find("body")
    root = body if body is not None else tree
    bodies = (itemprops(tree) if props is None else props).get("articleBody", [])
    protected = {a for body_el in bodies for a in body_el.iterancestors()}
    # The elements around the page's headline are not furniture, whatever their
    # class says: a story opened in a "modal" or "overlay" over the feed it was
    # picked from is that modal's content. A <header> or <nav> around the headline
    # still goes (a site logo in an <h1>), and what is inside the kept elements is
    # pruned as anywhere else.
    headline = next(root.iter("h1"), None)
    if headline is not None:
        protected.update(a for a in headline.iterancestors() if a.tag not in _STRUCTURAL_DROP)
    frame = _Frame(root, protected)
    pending = [root]
    kept: list[Element] = []
    while pending:
        checkpoint("pruning")
        for el in _furniture(pending.pop()):
            if frame.holds_article(el) and not frame.hidden(el):
                pending.append(el)  # the frame stays; the furniture inside it goes
                kept.append(el)
            else:
                drop(el)
    # A furniture element kept for its share of the text, that had that text in
    # furniture of its own (a comment section holding comments), is furniture
    # after all: what is left in it is its heading ("15 comments").
    for el in reversed(kept):
        if el not in frame.protected and frame.emptied(el):
            drop(el)


def _inline_cards(tree: Element) -> list[Element]:
    """Cards inside a paragraph: the innermost ``<span>`` around an image that holds
    two links or more and is mostly link text (a person's hover card: photo, name,
    their latest stories), which CSS shows only on hover. Its text is no part of the
    sentence around it (the article-extraction benchmark: thehill.com's people
    cards; on neither corpus is such a card article text). A span that is mostly
    plain text stays, even around an image and two links: pasted text wraps whole
    sentences in spans, an emoji or an icon among their words. Found from the
    images up, as a page has few: an XPath testing every span took 11 ms on a wiki
    page of 1,600 spans."""
    cards: dict[Element, None] = {}
    for image in tree.iter("img"):
        card = None
        for ancestor in image.iterancestors():
            if ancestor.tag == "p":
                if card is not None:
                    cards[card] = None
                break
            if card is None and ancestor.tag == "span":
                links = list(ancestor.iter("a"))
                if len(links) >= 2 and link_density(ancestor) > MAX_LINK_DENSITY:
                    card = ancestor
    return list(cards)


# A slideshow's counter, opening each of its legends: "1/50", "2 of 24", "3 sur 12".
_COUNTER = re.compile(r"\s*(\d{1,3})\s*(?:/|of|de|di|sur|von|van|из|من)\s*(\d{1,3})(?!\d)")
# A list with this many items or more, each opening with the counter of one
# slideshow, holds its legends.
GALLERY_MIN_ITEMS = 3


def _gallery_legends(tree: Element) -> list[Element]:
    """Lists whose items are a slideshow's legends, each opening with its place in
    the slideshow ("1/50 United goin down", a caption, a credit): the photos'
    captions, shown one at a time beside the photo, not the story's text, however
    long they run (the Independent's fifty legends in a story of six paragraphs)."""
    found = []
    for listing in tree.iter("ul", "ol"):
        items = [child for child in listing if child.tag == "li"]
        if len(items) < GALLERY_MIN_ITEMS:
            continue
        counters = _counters(items)
        if counters is not None and _counts_through(counters):
            found.append(listing)
    return found


def _counters(items: list[Element]) -> list[re.Match[str]] | None:
    """The slideshow counter each of ``items`` opens with; None at the first item
    without one (most lists: their first)."""
    counters = []
    for item in items:
        counter = _COUNTER.match(text_of(item))
        if counter is None:
            return None
        counters.append(counter)
    return counters


def _counts_through(counters: list[re.Match[str]]) -> bool:
    """Whether ``counters`` count up through one slideshow: one total, places rising
    within it ("1/50", "2/50"...; three quantities "1/2 cup" are no slideshow)."""
    total = counters[0].group(2)
    places = [int(counter.group(1)) for counter in counters]
    return (
        all(counter.group(2) == total for counter in counters)
        and all(a < b for a, b in pairwise(places))
        and places[-1] <= int(total)
    )


def _furniture(root: Element) -> list[Element]:
    """The outermost furniture elements under ``root``, in document order."""
    found = []
    walker = lxml.etree.iterwalk(root, events=("start",))
    for _event, el in walker:
        if el is not root and _is_furniture(el):
            found.append(el)
            walker.skip_subtree()  # what is inside goes with it
    return found


class _Frame:
    """Whether an element is the article's frame rather than furniture.

    The frame: ancestors of an ``itemprop=articleBody``, and any element holding
    half the page's text or paragraphs. Most furniture is small, so the cheap
    text-length test settles it before paragraphs are counted.
    """

    def __init__(self, root: Element, protected: set[Element]) -> None:
        self.root = root
        self.protected = protected
        self.text = number(_TEXT_LENGTH, root)
        self._paragraphs = -1.0

    def emptied(self, el: Element) -> bool:
        """Whether ``el`` holds too little text to be the frame (after pruning):
        measured without whitespace, as the page's text is, which an indented page
        has plenty of between the tags that pruning left."""
        return number(_TEXT_LENGTH, el) < _MIN_FRAME_SHARE * self.text

    def hidden(self, el: Element) -> bool:
        """Whether ``el`` is hidden and not protected: then it is never the frame,
        whatever its share of the text. A reader sees none of it (the readability
        test page "visibility-hidden"); on neither development corpus is a hidden
        element the article. A page that hides its story until a script runs hides
        the headline with it, or marks the story ``articleBody``: both protect it."""
        if el in self.protected:
            return False
        if _is_hidden(el, _RULE_ATTRIBUTES.intersection(el.keys())):
            return True
        return _hiding_class(el.get("class"))

    def holds_article(self, el: Element) -> bool:
        if el in self.protected:
            return True
        # The raw text is never shorter than the normalized: most furniture is
        # small, and its raw length (one C call) settles it without the XPath.
        if len(text_of(el)) < _MIN_FRAME_SHARE * self.text:
            return False
        length = number(_TEXT_LENGTH, el)
        if self.text > 0 and length >= _FRAME_SHARE * self.text:
            return True
        if length < _MIN_FRAME_SHARE * self.text:
            return False
        # Paragraph share, for pages whose furniture holds much text outside
        # paragraphs (tables, link lists).
        if self._paragraphs < 0:
            self._paragraphs = number(_P_COUNT, self.root)
        return self._paragraphs > 1 and number(_P_COUNT, el) >= _FRAME_SHARE * self._paragraphs
