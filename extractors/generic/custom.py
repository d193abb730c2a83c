"""Custom elements read as the page shows them, before pruning.

Sites built with web components or Angular, and AMP pages, write their
containers as custom elements (``<app-article-body>``, ``<story-body>``), which
no rule of the generic extractor knows by tag: a ``<body>`` of custom elements
only voted as one paragraph. Those that hold blocks or stand apart from any
text become ``<div>``s, and a name that says what they are joins their class.
"""

from __future__ import annotations

import lxml.etree

from extractors.generic.vocabulary import name_kind
from extractors.generic.votes import BLOCKS, PHRASING
from extractors.page.tree import Element, has_text

__all__ = ["FORMULAS", "read_custom_elements"]

# Formulas, MathML's and MathJax's (whose parts are custom elements too: <mjx-mi>)
# keep their markup, and pruning keeps their content: their class says what the
# script attached to them ("CtxtMenu_Attached_0": a context menu), not what they are.
FORMULAS = frozenset({"math", "mjx-container"})


def read_custom_elements(tree: Element) -> None:
    """Custom elements (``<app-article-body>``, ``<related-stories>``, ``<ad-slot>``:
    sites built with web components or Angular, AMP pages) read as the page shows
    them: a name that says what they are joins their class, and one holding blocks
    or standing apart from any text is a container, styled as one (a browser
    shows an unstyled one inline, as text among text), which becomes a ``<div>``,
    as every later rule knows. Innermost first, so that a custom element around
    custom containers is a container too. Formulas keep their markup."""
    # A hyphen in the name, as the HTML standard asks of them. Found element by
    # element: an XPath testing each name took twice as long.
    custom = [el for el in tree.iter(lxml.etree.Element) if "-" in el.tag]
    for el in reversed(custom):
        tag = el.tag
        if tag in FORMULAS or next(el.iterancestors(*FORMULAS), None) is not None:
            continue
        if any(name_kind(tag)):
            cls = el.get("class")
            el.set("class", f"{tag} {cls}" if cls else tag)
        if next(el.iter(*BLOCKS), None) is not None or not _in_running_text(el):
            el.tag = "div"


# Elements whose content is running text: a custom element in them is a word of it.
_TEXT_PARENTS = PHRASING | {"a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "label", "button"}


def _in_running_text(el: Element) -> bool:
    """Whether ``el`` sits among text: inside a paragraph, a heading or an inline
    element, or with text right before or after it; or alone in a custom element
    that sits among text ("a <x-link><x-label>link</x-label></x-link> in a sentence")."""
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag in _TEXT_PARENTS or has_text(el.tail):
        return True
    before = el.getprevious()
    if has_text(parent.text if before is None else before.tail):
        return True
    return "-" in parent.tag and _in_running_text(parent)
