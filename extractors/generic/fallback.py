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

from extractors.generic.blocks import blocks, paragraphs
from extractors.page.tree import Element

__all__ = ["readability_paragraphs"]

logger = logging.getLogger(__name__)


def readability_paragraphs(root: Element, title: str | None) -> list[str]:
    """The article's paragraphs as readability-lxml finds them in ``root`` (the
    pruned page), cleaned by the same line rules as ours; [] when it finds none."""
    try:
        page = lxml.etree.tostring(root, encoding="unicode", method="html")
        summary = Document(page).summary(html_partial=True)
        tree = lxml.etree.fromstring(f"<div>{summary}</div>", lxml.etree.HTMLParser())
    except (Unparseable, lxml.etree.LxmlError, ValueError) as exc:
        logger.debug("readability-lxml found no article: %s", exc)
        return []
    return paragraphs(blocks([tree]), title)
