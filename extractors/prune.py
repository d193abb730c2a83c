"""Remove what is never article text before candidate scoring.

Each rule names a kind of page element, never one site's markup: navigation,
menus, widgets, share bars, teaser lists, hidden modals, forms. A rule never
removes an element that holds most of the page's paragraphs, so a site that
wraps its whole page in ``<header>`` or a "sidebar" div loses nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.etree

from extractors.limits import checkpoint
from extractors.tree import Element, ItemProps, drop, itemprops, number, text_of

__all__ = ["BOILERPLATE", "POSITIVE", "class_id", "name_kind", "prune"]

# Elements whose content is never article text.
_ALWAYS_DROP = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "audio", "video", "source", "picture", "map", "button", "input", "select",
    "textarea", "option", "dialog", "link", "meta",
)  # fmt: skip

# Page furniture by its semantic tag: menus, sidebars, site header and footer.
_STRUCTURAL_DROP = ("nav", "aside", "footer", "header", "menu")

# ARIA roles of page furniture.
_ROLES = re.compile(
    r"^(?:navigation|complementary|banner|contentinfo|search|dialog|alertdialog|menu|menubar"
    r"|toolbar|tablist)$",
    re.I,
)

# Class or id words of boilerplate blocks, matched as whole words of the
# lower-cased class/id string (hyphens and underscores separate words). Each group
# says what it catches. Lower-casing first rather than re.IGNORECASE lets the
# regex engine skip to the possible first letters: 4x faster.
BOILERPLATE = re.compile(
    r"(?<![^\s_-])(?:"
    r"related|relacionad[oa]s?|verwandt|gerelateerd|connexes?"  # related-article blocks
    r"|share|sharing|sharer|social|socials|sociales|addthis|sharethis"  # share bars
    r"|comments?|disqus|respond|reactions?"  # comment sections
    r"|newsletter|subscribe|subscription|signup|register|login|account"  # sign-up boxes
    r"|ads?|advert\w*|adsense|dfp|banner|sponsor\w*|promo\w*|outbrain|taboola|partner"  # ads
    r"|recommend\w*|popular|most-read|mostread|trending|top-stories|more-stories"  # teaser lists
    r"|ticker|breaking-news|marquee|news-?flash|headlines"  # headline tickers
    r"|breadcrumbs?|crumbs?|pagination|pager|nav|navbar|navigation|menu|submenu"  # navigation
    r"|sidebar|side-bar|weather|wetter|meteo|clima|horoscope"  # sidebars, widgets
    r"|cookies?|consent|gdpr|modal|popup|overlay|lightbox|toast"  # overlays
    r"|tags?|tag-?list|tagcloud|keywords|topics"  # tag lists
    r"|author-?bio|about-author|author-box"  # author boxes
    r"|print|toolbar|tools|utility|byline|dateline|meta|post-meta|entry-meta"  # article tools
    r"|caption|credits?|copyright|disclaimer"  # captions, credits
    r"|read-?more|see-?also|also-?read|read-?also|lire-aussi|lees-ook|more-on|teasers?"
    r"|masthead|site-header|site-footer|footer|sr-only|visually-hidden|screen-reader"
    r")(?![^\s_-])",
)

# Class or id words of article containers: an element matching these is never
# dropped by BOILERPLATE, whatever else its class says ("post-content tags-inline").
# Matched against the lower-cased class/id string, as BOILERPLATE.
POSITIVE = re.compile(
    r"article|story|entry|post-?(?:body|content|text)|content-?body|main-?content|body-?text"
    r"|articlebody|text-?body|news-?body|texto|tresc|inhalt|artikel",
)

# Inline elements keep their content even when their class looks like
# boilerplate: removing an <a class="tag"> would cut words out of a sentence.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code em font i kbd mark q s small span strong sub sup time u var "
    "wbr".split()
)

# Microdata properties whose elements hold metadata, not text: the page repeats
# its publisher, images, dates and bylines for machines, usually hidden by CSS.
_METADATA_PROPS = frozenset(
    "publisher image logo thumbnail thumbnailUrl datePublished dateModified dateCreated "
    "keywords interactionStatistic author creator contributor copyrightHolder sourceOrganization "
    "mainEntityOfPage".split()
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Whole class tokens that hide an element on every screen. Responsive variants
# such as "hidden-xs" hide it on small screens only, so they are not here.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "is-hidden", "u-hidden", "hide"})

# An element holding at least this share of the page's paragraphs is the page's
# frame, not furniture, whatever its tag or class says.
_FRAME_SHARE = 0.5
# An element with less than this share of the page's text holds too little to be
# its frame, whatever its paragraph count (a list of one-line <p> teasers).
_MIN_FRAME_SHARE = 0.1


@lru_cache(maxsize=4096)
def name_kind(names: str) -> tuple[bool, bool]:
    """(looks like boilerplate, looks like an article container) for a class/id string.

    Cached: a page repeats the same few dozen class strings hundreds of times, and
    the patterns are long alternations.

    >>> name_kind("related-posts"), name_kind("entry-content"), name_kind("hidden-xs")
    ((True, False), (False, True), (False, False))
    """
    names = names.lower()
    return BOILERPLATE.search(names) is not None, POSITIVE.search(names) is not None


_P_COUNT = lxml.etree.XPath("count(.//p)")
_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))")


# Class and id text past this length is not read: real class lists are a few
# dozen words, and the patterns cost time per character (a page of megabyte-long
# class attributes took seconds).
MAX_NAMES_CHARS = 512


def class_id(el: Element) -> str:
    """The class and id of an element as one string ("" when it has neither)."""
    return _names(el.get("class"), el.get("id"))


def _names(cls: str | None, ident: str | None) -> str:
    if cls and ident:
        return f"{cls} {ident}"[:MAX_NAMES_CHARS]
    return (cls or ident or "")[:MAX_NAMES_CHARS]


# The attributes the rules below read. Most elements have none of them (most <p>,
# <a href>, <img src>), and the rest few: the rules ask for the attributes an
# element has, not for all seven (an el.get() that finds nothing costs as much as
# one that does; a fifth of the walk).
_RULE_ATTRIBUTES = frozenset({"itemprop", "hidden", "aria-hidden", "role", "style", "class", "id"})


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
    if "hidden" in present or ("aria-hidden" in present and el.get("aria-hidden") == "true"):
        return True
    if "role" in present and _ROLES.match(el.get("role") or ""):
        return True
    if "style" in present and _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if tag in _INLINE:
        return False
    cls = el.get("class") if "class" in present else None
    if cls and not _HIDDEN_CLASSES.isdisjoint(cls.split()):
        return True
    names = _names(cls, el.get("id") if "id" in present else None)
    if not names:
        return False
    boilerplate, positive = name_kind(names)
    return boilerplate and not positive


def prune(tree: Element, props: ItemProps | None = None) -> None:
    """Remove non-article elements from ``tree`` in place (``props``: its itemprops)."""
    lxml.etree.strip_elements(tree, *_ALWAYS_DROP, with_tail=False)
    body = tree.find("body")
    root = body if body is not None else tree
    bodies = (itemprops(tree) if props is None else props).get("articleBody", [])
    frame = _Frame(root, {a for body_el in bodies for a in body_el.iterancestors()})
    pending = [root]
    while pending:
        checkpoint("pruning")
        for el in _furniture(pending.pop()):
            if frame.holds_article(el):
                pending.append(el)  # the frame stays; the furniture inside it goes
            else:
                drop(el)


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
        # Paragraph share, for pages whose text sits outside <p> (tables, divs).
        if self._paragraphs < 0:
            self._paragraphs = number(_P_COUNT, self.root)
        return self._paragraphs > 1 and number(_P_COUNT, el) >= _FRAME_SHARE * self._paragraphs
