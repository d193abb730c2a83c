"""The generic extractor: the article's paragraphs out of any page, no site rules.

- :mod:`~extractors.generic.vocabulary`: class and id words of page furniture
  and of article containers, shared by pruning and scoring;
- :mod:`~extractors.generic.prune`: remove what is never article text;
- :mod:`~extractors.generic.votes`: paragraphs vote for the containers around them;
- :mod:`~extractors.generic.scoring`: find the element that holds the article;
- :mod:`~extractors.generic.siblings`: the containers around it that are more of
  the story (sections, a first paragraph left outside);
- :mod:`~extractors.generic.walk`: cut it into blocks (paragraphs, headings, list
  items, table rows...), each with its structure;
- :mod:`~extractors.generic.markup`: the same walk, keeping links, code and
  figures for an HTML rendering of the body;
- :mod:`~extractors.generic.blocks`: drop the blocks that are not article text,
  by their links and place and by the line rules of :mod:`~extractors.generic.lines`;
- :mod:`~extractors.generic.fallback`: readability-lxml's second opinion;
- :mod:`~extractors.generic.extractor`: the three passes in order.

May import :mod:`extractors.page`, :mod:`extractors.text` and
:mod:`extractors.limits`; never the metadata readers, the site extractors or the API.
"""

from extractors.generic.extractor import (
    MIN_BODY_CHARS,
    Findings,
    body_size,
    generic_blocks,
    generic_body,
    generic_paragraphs,
)

__all__ = [
    "MIN_BODY_CHARS",
    "Findings",
    "body_size",
    "generic_blocks",
    "generic_body",
    "generic_paragraphs",
]
