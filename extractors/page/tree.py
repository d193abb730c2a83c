"""The element type every module works on, and its text helpers.

Pages are parsed into plain ``lxml.etree`` elements, not ``lxml.html`` ones: the
``lxml.html`` class lookup runs Python code for every element a loop touches,
which costs much of the extraction's time. These helpers give the two
``lxml.html`` conveniences we need.
"""

from __future__ import annotations

import lxml.etree

__all__ = ["Element", "drop", "has_text", "text_of"]

Element = lxml.etree._Element
"""A parsed HTML element."""


def has_text(text: str | None) -> bool:
    """Whether ``text`` (an element's ``.text`` or ``.tail``) holds more than whitespace.

    >>> has_text(None), has_text(" \\n "), has_text(" a ")
    (False, False, True)
    """
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


def text_of(el: Element) -> str:
    """All text inside ``el`` (not its tail), like ``lxml.html``'s ``text_content()``.

    >>> text_of(lxml.etree.fromstring("<p>a <b>b</b> c</p>"))
    'a b c'
    >>> text_of(lxml.etree.fromstring("<p/>"))
    ''
    """
    # An element without children holds text nodes alone, which ``.text`` joins:
    # a quarter of tostring()'s cost, and half the calls are on such leaves
    # (links, short paragraphs, headings).
    if not len(el):
        return el.text or ""
    return lxml.etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def drop(el: Element) -> None:
    """Remove ``el`` from its tree, keeping its tail text in the parent.

    >>> p = lxml.etree.fromstring("<p>a <b>b</b> c</p>")
    >>> drop(p[0]); text_of(p)
    'a  c'
    """
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def number(xpath: lxml.etree.XPath, el: Element) -> float:
    """Run an XPath that yields a number (``count()``, ``string-length()``).

    >>> number(lxml.etree.XPath("count(.//b)"), lxml.etree.fromstring("<p><b/><b/></p>"))
    2.0
    """
    result = xpath(el)
    return float(result) if isinstance(result, int | float) else 0.0


def elements(xpath: lxml.etree.XPath, el: Element, **variables: str) -> list[Element]:
    """Run an XPath that yields elements; anything else it yields is left out.

    >>> len(elements(lxml.etree.XPath("//b"), lxml.etree.fromstring("<p><b/>x<b/></p>")))
    2
    """
    result = xpath(el, **variables)
    if not isinstance(result, list):
        return []
    return [item for item in result if isinstance(item, Element)]


# The elements that own an itemprop attribute, found from the attributes: libxml2
# walks attribute nodes faster than it tests a predicate on every element, and the
# result is the same list.
_ITEMPROPS = lxml.etree.XPath("//@itemprop/..")

ItemProps = dict[str, list[Element]]
"""Microdata property name -> elements carrying it, in document order."""


def itemprops(tree: Element) -> ItemProps:
    """Every microdata property of the page, found in one pass over the tree.

    Metadata and pruning both ask for properties; one ``//*[@itemprop]`` pass
    costs what each single-property query did.

    >>> sorted(itemprops(lxml.etree.fromstring('<p><b itemprop="a"/><i itemprop="b a"/></p>')))
    ['a', 'b']
    """
    found: ItemProps = {}
    for el in elements(_ITEMPROPS, tree):
        for name in (el.get("itemprop") or "").split():
            found.setdefault(name, []).append(el)
    return found
