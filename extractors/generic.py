"""The generic extractor: the rule of last resort, for any news page.

Pipeline: prune page furniture (:mod:`extractors.prune`), score containers and
pick the article (:mod:`extractors.scoring`), cut it into paragraphs and drop the
non-article lines (:mod:`extractors.blocks`). When our scorer finds nothing worth
calling an article, readability-lxml gets the page as a second opinion: it is
slower, but its different pruning occasionally finds text ours rejects.
"""

from __future__ import annotations

import logging

import lxml.etree
from readability import Document
from readability.readability import Unparseable

from extractors.blocks import Block, blocks, paragraphs
from extractors.limits import checkpoint
from extractors.prune import prune
from extractors.scoring import best_candidate, with_siblings
from extractors.tree import Element, ItemProps

__all__ = ["MIN_BODY_CHARS", "generic_paragraphs"]

logger = logging.getLogger(__name__)

# A body shorter than this is not an article (a caption, a cookie notice, a
# teaser); readability-lxml is asked for a second opinion.
MIN_BODY_CHARS = 200


def generic_paragraphs(
    tree: Element, title: str | None, props: ItemProps | None = None
) -> list[str]:
    """The article's paragraphs from a parsed page; ``tree`` is modified."""
    checkpoint("pruning")
    prune(tree, props)
    checkpoint("scoring")
    body = tree.find("body")
    root = body if body is not None else tree
    top, scores = best_candidate(root)
    found: list[Block] = []
    if top is not None:
        found = blocks(with_siblings(top, scores, root))
    result = paragraphs(found, title)
    if sum(len(p) for p in result) >= MIN_BODY_CHARS:
        return result
    checkpoint("the readability-lxml fallback")
    second = _readability(root, title)
    return second if sum(map(len, second)) > sum(map(len, result)) else result


def _readability(root: Element, title: str | None) -> list[str]:
    try:
        page = lxml.etree.tostring(root, encoding="unicode", method="html")
        summary = Document(page).summary(html_partial=True)
        tree = lxml.etree.fromstring(f"<div>{summary}</div>", lxml.etree.HTMLParser())
    except (Unparseable, lxml.etree.LxmlError, ValueError) as exc:
        logger.debug("readability-lxml found no article: %s", exc)
        return []
    return paragraphs(blocks([tree]), title)
