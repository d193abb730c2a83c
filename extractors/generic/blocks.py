"""Turn article containers into blocks, and drop the blocks that are not article.

The containers are cut by :mod:`~extractors.generic.walk` (one :class:`Block` per
paragraph, heading, list item and table row, with its structure; ``blocks`` and
``Block`` are re-exported here, where callers have always found them). A
container chosen by the scorer still holds small non-article blocks: links
(a related link, a menu), the headline again, teaser lists, and the lines that
:mod:`~extractors.generic.lines` knows by their words: inline "read also" links,
date lines, bylines, credits, labels.
"""

from __future__ import annotations

import re

from extractors.generic.lines import line_reason
from extractors.generic.walk import Block, Cell, Kind, blocks
from extractors.text import letters
from extractors.writing import FULL_STOPS, size, word_count

__all__ = [
    "Block",
    "Cell",
    "Kind",
    "article_blocks",
    "blocks",
    "is_noise_line",
    "noise_reason",
    "paragraphs",
]

# A paragraph with this share of its text in links is navigation (a related link,
# a teaser, a "read the source" line), not prose.
MAX_LINK_DENSITY = 0.5
# A list item or table row is navigation only when it is almost all link: in
# articles, items and rows often link most of their words ("Thanks to X, users can
# now <a>import logins from Keepass</a>"), while menus and related lists are links
# alone. On both development corpora, items and rows between 0.5 and 0.95 of
# link text were article text 159 times out of 165. An item that is all link is
# navigation in a list of links (a related list, a menu), and article text in a
# list of prose (a changelog, a reading list with notes): the list decides.
MAX_LIST_LINK_DENSITY = 0.9
_LISTED = frozenset({"item", "row"})

# The headline in the body and the title field may spell it a few characters apart
# ("..." and "…", a space before a colon); their letters and digits are the same.
_TITLE_SLACK = 3
# A paragraph that reads as a sentence is held to the list items' bound too:
# articles link whole clauses ("the investigation <a>was re-opened earlier this
# year</a> following <a>his eviction</a>."), while teasers, menus and related links
# are headlines, names and labels, which do not end as sentences. On both
# development corpora, 17 of the 20 paragraphs of eight words or more that end as a
# sentence and hold 0.5 to 0.9 of link text were article text. Words and sentence
# ends are those of any script (:func:`extractors.writing.word_count`; Arabic's
# "؟", Urdu's "۔").
LINKED_SENTENCE_MIN_WORDS = 8
_SENTENCE_END = re.compile(f"[{re.escape(''.join(sorted(FULL_STOPS)))}][\"'”’»)]*$")

# A heading that is all link heads a section of the article, not a teaser, when the
# paragraph under it is at least this long: a teaser's summary is a sentence or two
# (on the article-extraction benchmark, a paragraph under a linked heading that is
# not article text has at most 246 characters), while a review list's entries,
# their titles linked to the thing reviewed, run to whole paragraphs (363 to 889
# characters on the readability test pages yahoo-1 and videos-1). Measured by
# size (:func:`extractors.writing.size`), so that it holds for Chinese too.
SECTION_PROSE_CHARS = 300

# A truncated repeat must be this long to count: "More..." is no teaser.
TEASER_MIN_CHARS = 30
# Headline-and-summary pairs in a row that make a teaser list: one or two are a
# link the article cites and a sentence about it ("<a>the summer timetable</a>",
# "It also lists the holidays"); the article-extraction benchmark's vse-diety page
# ends its article with twelve (a "most popular diets" list).
TEASER_RUN_MIN = 3

# A line that is only a link showing its own address is a source the article cites
# or a shop it sends readers to ("http://amzn.to/2iJFhRj", "www.jeongdongtheater.com"),
# not navigation, which names where it goes: on both development corpora, all 32
# such lines the link rule dropped were article text.
_SHOWN_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def is_noise_line(
    block: Block, title: str | None = None, *, in_link_list: bool = True, heads_prose: bool = False
) -> bool:
    """True for a block that is page furniture rather than article text.

    ``in_link_list=False`` says that the block is an item of a list whose items
    are mostly not links: an item that is all link is then kept. ``heads_prose=True``
    says that the block is a heading over a long paragraph (:data:`SECTION_PROSE_CHARS`):
    a heading that is all link is then kept.
    """
    reason = noise_reason(block, title, in_link_list=in_link_list, heads_prose=heads_prose)
    return reason is not None


def noise_reason(
    block: Block, title: str | None = None, *, in_link_list: bool = True, heads_prose: bool = False
) -> str | None:
    """Which rule finds ``block`` to be page furniture, or None for article text
    (the arguments as for :func:`is_noise_line`).

    The rules, in the order they are tried: ``links`` (mostly link text),
    ``title`` (the headline again), ``bare-value`` (a lone URL), and for short
    lines ``related-heading`` ("More stories"), ``label`` ("Advertisement"),
    ``read-also`` ("Lees ook: ..."), ``credit`` ("Photo: AFP"), ``published-line``
    ("Publié dans ... le 20 - 04 - 2022"), ``byline`` ("By Jane Doe") and
    ``date-line`` ("21 april 2022 - 17:40"). A "More stories" lead-in followed
    by a headline of its own is named by the rules after ``related-heading``
    (:func:`~extractors.generic.lines.is_related_heading`), ``related-line`` when
    none of them fits. The rules from ``bare-value`` on read the line's words alone
    (:func:`~extractors.generic.lines.line_reason`).

    >>> noise_reason(Block("Lees ook: Blinken ontmoet Bourita in Marrakech", 0, "p"))
    'read-also'
    >>> noise_reason(Block("De coalitie komt in mei samen in Marrakech.", 0, "p")) is None
    True
    """
    text = block.text
    density = block.link_density
    if density > MAX_LINK_DENSITY and _SHOWN_ADDRESS.match(text):
        return None  # an address the article writes out for the reader
    if (
        density > MAX_LINK_DENSITY
        and not heads_prose
        and (
            (block.kind not in _LISTED and not _is_linked_sentence(block))
            or (density > MAX_LIST_LINK_DENSITY and in_link_list)
        )
    ):
        return "links"
    if block.cells and all(cell.header for cell in block.cells):
        return None  # a table's head ("By changesets | By lines"): no byline, no date
    if title and abs(len(text) - len(title)) <= _TITLE_SLACK and letters(text) == letters(title):
        return "title"  # the headline is the title field, never body
    return line_reason(text, block.kind)


def _is_linked_sentence(block: Block) -> bool:
    """Whether ``block`` is a paragraph that reads as a sentence (it ends as one and
    has :data:`LINKED_SENTENCE_MIN_WORDS` words or more), whose links then count as
    a list item's do (:data:`MAX_LIST_LINK_DENSITY`).

    >>> _is_linked_sentence(Block("Australian-born Assange faces a charge in the US.", 0.7, "p"))
    True
    >>> _is_linked_sentence(Block("Prosecutors drop the Assange rape inquiry", 0.9, "p"))
    False
    """
    text = block.text
    return (
        block.kind == "paragraph"
        and _SENTENCE_END.search(text) is not None
        and word_count(text) >= LINKED_SENTENCE_MIN_WORDS
    )


def article_blocks(found: list[Block], title: str | None = None) -> list[Block]:
    """The blocks that are article text, in order.

    Two rules look at the body as a whole. An ``<h1>`` before any article text is
    the headline (the title field, never body); one further down heads a section
    (some publishers mark every section heading so). A paragraph that repeats the
    start of an earlier one and trails off ("Good morning! This is the news
    you...") is a teaser of the article itself. Exact repeats stay: articles
    repeat lines (refrains, table rows), and the benchmark's bodies keep them.
    A run of teasers, each a linked headline over a short summary, goes whole
    (:func:`_teaser_summaries`).

    A figure (from a walk that keeps them, :mod:`~extractors.generic.markup`) is
    kept right after a kept block, or before the next kept block: a lead image
    above the byline and the date lines, a photo above its credit line. Figures
    before a block dropped for its links (teasers, related links) go with it.
    """
    kept: list[Block] = []
    texts: list[str] = []
    link_lists = _link_lists(found)
    summaries = _teaser_summaries(found)
    figures: list[Block] = []  # waiting for the verdict on the next block
    after_text = False  # the last block judged was kept
    for at, block in enumerate(found):
        if block.kind == "figure":
            (kept if after_text else figures).append(block)
            continue
        after_text = False
        if block.tag == "h1" and not texts:
            continue
        in_link_list = block.list in link_lists or block.kind != "item"
        # Only a heading that is mostly link asks (the rule it lifts is the link rule).
        heads_prose = (
            block.kind == "heading"
            and block.link_density > MAX_LINK_DENSITY
            and _prose_follows(found, at + 1)
        )
        if is_noise_line(block, title, in_link_list=in_link_list, heads_prose=heads_prose):
            if figures and block.link_density > MAX_LINK_DENSITY:
                figures.clear()  # the images of teasers and links
            continue
        if at in summaries or _is_truncated_repeat(block.text, texts):
            continue
        kept.extend(figures)
        figures.clear()
        kept.append(block)
        texts.append(block.text)
        after_text = True
    return kept


def _teaser_summaries(found: list[Block]) -> set[int]:
    """The summaries of a run of teasers: each a short line right after a line that
    is all link (the teaser's headline), the pair repeated TEASER_RUN_MIN times or
    more, one after the other. The headlines go by the link rule; their summaries,
    plain text, would stay without this. A link showing its own address is no
    headline: a shop list's "1) Lego set" over "http://amzn.to/..." is article text
    (the article-extraction benchmark's remember8090 page), and so are a list's
    items, which their list judges (:data:`MAX_LIST_LINK_DENSITY`)."""
    lines = [at for at, block in enumerate(found) if block.text]
    summaries: set[int] = set()
    run: list[int] = []
    index = 0
    while index + 1 < len(lines):
        head, summary = found[lines[index]], found[lines[index + 1]]
        if (
            head.kind not in _LISTED
            and head.link_density > MAX_LIST_LINK_DENSITY
            and not _SHOWN_ADDRESS.match(head.text)
            and summary.kind == "paragraph"
            and summary.link_density <= MAX_LINK_DENSITY
            and size(summary.text) < SECTION_PROSE_CHARS
        ):
            run.append(lines[index + 1])
            index += 2
            continue
        if len(run) >= TEASER_RUN_MIN:
            summaries.update(run)
        run = []
        index += 1
    if len(run) >= TEASER_RUN_MIN:
        summaries.update(run)
    return summaries


def _prose_follows(found: list[Block], at: int) -> bool:
    """Whether the first block from ``at`` on with text is a paragraph of prose:
    :data:`SECTION_PROSE_CHARS` long at least, and not mostly links."""
    following = next((found[i] for i in range(at, len(found)) if found[i].text), None)
    return (
        following is not None
        and following.kind == "paragraph"
        and size(following.text) >= SECTION_PROSE_CHARS
        and following.link_density <= MAX_LINK_DENSITY
    )


def _link_lists(found: list[Block]) -> set[int]:
    """The lists more than half of whose items are all link (see MAX_LIST_LINK_DENSITY).
    Half is a list of prose: entries cut into a description and a link to more (a
    product's features, each with its "Learn more about..." item) have one of each."""
    items: dict[int, list[int]] = {}
    for block in found:
        if block.kind == "item":
            counts = items.setdefault(block.list, [0, 0])
            counts[0] += 1
            counts[1] += block.link_density > MAX_LIST_LINK_DENSITY
    return {number for number, (total, links) in items.items() if links * 2 > total}


def paragraphs(found: list[Block], title: str | None = None) -> list[str]:
    """The article's paragraphs: the text of :func:`article_blocks`, one per block
    (figures, which have none, aside)."""
    return [block.text for block in article_blocks(found, title) if block.text]


def _is_truncated_repeat(text: str, kept: list[str]) -> bool:
    """A teaser of the article's own text: "Good morning! This is the news you..."."""
    if not text.endswith(("...", "…")):
        return False
    stem = text.rstrip(".… ")
    return len(stem) >= TEASER_MIN_CHARS and any(p.startswith(stem) for p in kept)
