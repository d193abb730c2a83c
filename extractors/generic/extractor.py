"""The generic extractor: the rule of last resort, for any news page.

Pipeline: prune page furniture (:mod:`~extractors.generic.prune`), score
containers and pick the article (:mod:`~extractors.generic.scoring`), cut it
into blocks (:mod:`~extractors.generic.walk`) and drop those that are not article
text (:mod:`~extractors.generic.blocks`).
When our scorer finds nothing worth calling an article, readability-lxml gets
the page as a second opinion (:mod:`~extractors.generic.fallback`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.generic.blocks import Block, article_blocks
from extractors.generic.fallback import readability_blocks
from extractors.generic.markup import Keep, prepare_figures, walk
from extractors.generic.prune import prune
from extractors.generic.scoring import best_candidate
from extractors.generic.siblings import with_siblings
from extractors.generic.votes import Scores
from extractors.limits import checkpoint
from extractors.page.tree import Element, ItemProps

__all__ = [
    "MIN_BODY_CHARS",
    "Findings",
    "body_size",
    "generic_blocks",
    "generic_body",
    "generic_paragraphs",
]

# A body shorter than this is not an article (a caption, a cookie notice, a
# teaser); readability-lxml is asked for a second opinion. Bodies are measured
# by their size (:func:`extractors.writing.size`): a Chinese character counts as
# three Latin ones, as a Chinese text is about a third as long as its translation.
MIN_BODY_CHARS = 200


@dataclass(slots=True)
class Findings:
    """What the generic extractor saw on one page, for a caller that judges the page
    (the page-type classifier, :mod:`extractors.pagetype`). :func:`generic_blocks`
    fills it when given one; the extractor never reads it."""

    containers: list[Element] = field(default_factory=list)
    """The elements the article was read from (still in the pruned tree)."""
    blocks: list[Block] = field(default_factory=list)
    """Every block of ``containers`` before the line rules dropped any: teaser
    headlines, "read more" links and date lines included."""
    kept: list[Block] = field(default_factory=list)
    """The article's blocks: those of ``blocks`` that the rules kept."""
    fallback: bool = False
    """Whether readability-lxml's paragraphs were taken instead of ``kept``."""


def generic_paragraphs(
    tree: Element,
    title: str | None,
    props: ItemProps | None = None,
    findings: Findings | None = None,
    *,
    fallback: bool = True,
) -> list[str]:
    """The article's paragraphs from a parsed page; ``tree`` is modified.

    ``findings``, if given, is filled (:class:`Findings`). ``fallback=False`` never
    asks readability-lxml (the benchmark measures what the fallback adds so);
    :func:`extractors.extract` always allows it.
    """
    found = generic_body(tree, title, props, findings, fallback=fallback)
    return [block.text for block in found if block.text]


def generic_body(
    tree: Element,
    title: str | None,
    props: ItemProps | None = None,
    findings: Findings | None = None,
    *,
    fallback: bool = True,
    keep: Keep | None = None,
) -> list[Block]:
    """The article's blocks from a parsed page, readability-lxml's when ours hold
    too little text (unless ``fallback`` is false); ``tree`` is modified. With
    ``keep``, the blocks carry their markup (:mod:`~extractors.generic.markup`);
    ``findings``, if given, is filled (:class:`Findings`)."""
    result = generic_blocks(tree, title, props, findings, keep=keep)
    if not fallback or body_size(result) >= MIN_BODY_CHARS:
        return result
    checkpoint("the readability-lxml fallback")
    body = tree.find("body")
    second = readability_blocks(body if body is not None else tree, title, keep)
    if body_size(second) <= body_size(result):
        return result
    if findings is not None:
        findings.fallback = True
    return second


def body_size(found: list[Block]) -> int:
    """The size of the text of ``found`` (:func:`extractors.writing.size`), as
    each block measured it."""
    return sum(block.text_size for block in found)


def generic_blocks(
    tree: Element,
    title: str | None,
    props: ItemProps | None = None,
    findings: Findings | None = None,
    *,
    keep: Keep | None = None,
) -> list[Block]:
    """The article's blocks, with their structure (:class:`~extractors.generic.blocks.Block`),
    from a parsed page, without the fallback; ``tree`` is modified. ``findings``, if
    given, is filled with what was seen on the way (:class:`Findings`). With
    ``keep``, each block carries its markup (:mod:`~extractors.generic.markup`)."""
    if keep is not None and keep.figures:
        keep = Keep(figures=True, captions=prepare_figures(tree))
    checkpoint("pruning")
    prune(tree, props)
    checkpoint("scoring")
    body = tree.find("body")
    root = body if body is not None else tree
    top, scores = best_candidate(root, title)
    if top is None:
        return []
    containers = with_siblings(top, scores, root)
    found = walk(containers, keep)
    result = article_blocks(found, title)
    if body_size(result) < SHORT_BODY_CHARS:
        frame = _frame(top.element, root)
        if frame is None and top.headline:
            frame = _around_best(top.element, scores, root)
        if frame is not None:
            wider_found = walk([frame], keep)
            wider = article_blocks(wider_found, title)
            if body_size(wider) > body_size(result):
                containers, found, result = [frame], wider_found, wider
    if findings is not None:
        findings.containers, findings.blocks, findings.kept = containers, found, result
    return result


# A body shorter than this may be one card of a page made of cards (a product
# page, a how-to in steps): the page's <main> or <article> around it is read whole.
SHORT_BODY_CHARS = 500
_FRAMES = frozenset({"main", "article"})


def _frame(el: Element, root: Element) -> Element | None:
    """The nearest ``<main>`` or ``<article>`` around ``el`` (or ``el`` itself)."""
    for ancestor in (el, *el.iterancestors()):
        if ancestor is root:
            return None
        if ancestor.tag in _FRAMES or ancestor.get("role") == "main":
            return ancestor
    return None


def _around_best(el: Element, scores: Scores, root: Element) -> Element | None:
    """The nearest ancestor of ``el`` that also holds the container with the most
    votes, when that one is not ``el``'s own: None when it is the ``root``."""
    best = max(scores, key=scores.__getitem__)
    around = set(best.iterancestors())
    if best is el or el in around:
        return None
    for ancestor in el.iterancestors():
        if ancestor is root:
            return None
        if ancestor in around:
            return ancestor
    return None
