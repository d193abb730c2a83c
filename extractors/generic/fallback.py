"""readability-lxml as a second opinion, for pages where our scorer finds no article.

It prunes differently from :mod:`extractors.generic.prune` and occasionally finds
text ours rejects; it is slower, so it runs only when our body is too short to
be an article (:data:`extractors.generic.extractor.MIN_BODY_CHARS`).
"""

from __future__ import annotations

import logging

import lxml.etree
from readability import Document
from readability.readability import Unparseable

from extractors.generic.blocks import Block, article_blocks
from extractors.generic.markup import Keep, walk
from extractors.page.tree import Element

__all__ = ["readability_blocks", "readability_paragraphs"]

logger = logging.getLogger(__name__)


def readability_paragraphs(root: Element, title: str | None) -> list[str]:
    """The article's paragraphs as readability-lxml finds them in ``root`` (the
    pruned page), cleaned by the same line rules as ours; [] when it finds none."""
    return [block.text for block in readability_blocks(root, title) if block.text]


def readability_blocks(root: Element, title: str | None, keep: Keep | None = None) -> list[Block]:
    """The blocks of the article readability-lxml finds in ``root``, cut by our walk
    (with their markup when ``keep`` says so) and judged by our line rules."""
    try:
        page = lxml.etree.tostring(root, encoding="unicode", method="html")
        summary = Document(page).summary(html_partial=True)
        tree = lxml.etree.fromstring(f"<div>{summary}</div>", lxml.etree.HTMLParser())
    except (Unparseable, lxml.etree.LxmlError, ValueError) as exc:
        logger.debug("readability-lxml found no article: %s", exc)
        return []
    return article_blocks(walk([tree], keep), title)
