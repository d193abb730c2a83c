"""Remove what is never article text before candidate scoring.

Each rule names a kind of page element, never one site's markup: navigation,
menus, widgets, share bars, teaser lists, hidden modals, forms. A rule never
removes an element that holds most of the page's paragraphs, so a site that
wraps its whole page in ``<header>`` or a "sidebar" div loses nothing.
"""

from __future__ import annotations

import re

import lxml.etree

from extractors.tree import Element, drop

__all__ = ["BOILERPLATE", "POSITIVE", "class_id", "prune"]

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
# class/id string (hyphens and underscores separate words). Each group says what
# it catches.
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:"
    r"related|relacionad[oa]s?|verwandt|gerelateerd|connexes?"  # related-article blocks
    r"|share|sharing|sharer|social|socials|sociales|addthis|sharethis"  # share bars
    r"|comments?|disqus|respond|reactions?"  # comment sections
    r"|newsletter|subscribe|subscription|signup|register|login|account|paywall"  # sign-up boxes
    r"|ads?|advert\w*|adsense|dfp|banner|sponsor\w*|promo\w*|outbrain|taboola|partner"  # ads
    r"|recommend\w*|popular|most-read|mostread|trending|top-stories|more-stories"  # teaser lists
    r"|ticker|breaking-news|marquee|news-?flash|headlines"  # headline tickers
    r"|breadcrumbs?|crumbs?|pagination|pager|nav|navbar|navigation|menu|submenu"  # navigation
    r"|sidebar|side-bar|widgets?|weather|wetter|meteo|clima|horoscope"  # sidebars, widgets
    r"|cookies?|consent|gdpr|modal|popup|overlay|lightbox|toast"  # overlays
    r"|tags?|tag-?list|tagcloud|keywords|topics"  # tag lists
    r"|author-?bio|about-author|author-box"  # author boxes
    r"|print|toolbar|tools|utility|byline|dateline|meta|post-meta|entry-meta"  # article tools
    r"|caption|credits?|copyright|disclaimer"  # captions, credits
    r"|read-?more|see-?also|also-?read|read-?also|lire-aussi|lees-ook|more-on|teasers?"
    r"|masthead|site-header|site-footer|footer|sr-only|visually-hidden|screen-reader"
    r")(?=$|[\s_-])",
    re.I,
)

# Class or id words of article containers: an element matching these is never
# dropped by BOILERPLATE, whatever else its class says ("post-content tags-inline").
POSITIVE = re.compile(
    r"article|story|entry|post-?(?:body|content|text)|content-?body|main-?content|body-?text"
    r"|articlebody|text-?body|news-?body|texto|tresc|inhalt|artikel",
    re.I,
)

# Inline elements keep their content even when their class looks like
# boilerplate: removing an <a class="tag"> would cut words out of a sentence.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code em font i kbd mark q s small span strong sub sup time u var "
    "wbr".split()
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Whole class tokens that hide an element on every screen. Responsive variants
# such as "hidden-xs" hide it on small screens only, so they are not here.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "is-hidden", "u-hidden", "hide"})

# An element holding at least this share of the page's paragraphs is the page's
# frame, not furniture, whatever its tag or class says.
_FRAME_SHARE = 0.5


def class_id(el: Element) -> str:
    """The class and id of an element as one string ("" when it has neither)."""
    cls = el.get("class")
    ident = el.get("id")
    if cls and ident:
        return f"{cls} {ident}"
    return cls or ident or ""


def _is_furniture(el: Element) -> bool:
    tag = el.tag
    if not isinstance(tag, str):
        return False
    if tag in _STRUCTURAL_DROP:
        return True
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    role = attrib.get("role")
    if role and _ROLES.match(role):
        return True
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if tag in _INLINE:
        return False
    cls = attrib.get("class")
    if cls and not _HIDDEN_CLASSES.isdisjoint(cls.split()):
        return True
    names = class_id(el)
    return bool(names) and BOILERPLATE.search(names) is not None and not POSITIVE.search(names)


def prune(tree: Element) -> None:
    """Remove non-article elements from ``tree`` in place."""
    for el in list(tree.iter(*_ALWAYS_DROP)):
        drop(el)
    body = tree.find("body")
    root = body if body is not None else tree
    total = sum(1 for _ in root.iter("p"))
    doomed = []
    walker = lxml.etree.iterwalk(root, events=("start",))
    for _event, el in walker:
        if el is not root and _is_furniture(el):
            doomed.append(el)
            walker.skip_subtree()  # nothing below a dropped element needs a look
    for el in doomed:
        if total > 1 and sum(1 for _ in el.iter("p")) >= _FRAME_SHARE * total:
            continue
        drop(el)
