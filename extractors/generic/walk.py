"""The walk: article containers cut into blocks, one per paragraph, heading, list item, row.

Each :class:`Block` keeps the structural kind it came from (a heading and its
level, a list item and its list, a table row and its cells, a quotation, a
preformatted block), so that the body can be rendered with its structure
without walking the tree again; its ``text`` is one line of the plain body.
Which blocks are article text is decided in :mod:`extractors.generic.blocks`.
The walk of :mod:`extractors.generic.markup` cuts the same blocks and keeps, besides,
what an HTML rendering needs (links, inline code, figures) in ``Block.markup``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import lxml.etree

from extractors.page.tree import Element, text_of
from extractors.text import clean
from extractors.writing import size

if TYPE_CHECKING:
    from extractors.generic.markup import Markup

__all__ = ["CELL_SEPARATOR", "Block", "Cell", "Kind", "blocks", "link_weight"]

Kind = Literal["paragraph", "heading", "item", "row", "quote", "pre", "figure"]
"""What a block was on the page: a paragraph (also a ``div`` of text, a caption, a
definition), a heading, a list item, a table row, a quotation, preformatted text; a
figure (an image, without text) only from the markup walk, when asked for."""

# Elements that start and end a block. <br> also ends one: old CMSs write
# paragraphs as text separated by <br><br>.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br caption center dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol"})
_CELLS = frozenset({"td", "th"})
# Block elements that give the blocks inside them their kind (innermost wins).
_KINDS: dict[str, tuple[Kind, int]] = {
    **{tag: ("heading", level) for tag, level in _HEADINGS.items()},
    "pre": ("pre", 0),
    "li": ("item", 0),
    "blockquote": ("quote", 0),
}
# Block elements the walk does more for than start and end a block.
_STRUCTURE = frozenset({"br", "ol", "ul", "tr", "td", "th", *_KINDS})

# A table row is a row of data when its cells hold no block of their own; a row
# whose cells hold lists, headings or tables lays out the page (old sites put
# the whole article in one cell), and its blocks are cut as anywhere else.
_LAYOUT_TAGS = tuple(_BLOCK_TAGS - _CELLS - {"br", "tr"})
# Cells whose text sits in <p> or <div> (Google Docs and Blogger write every cell
# so: the readability test page links-in-tables) are a row of data while the row
# has several cells and is short: a few values. A layout cell holds the article,
# paragraphs of prose, and a row of one cell is a box around text; the longest
# row of data written so on both development corpora has 240 characters.
_WRAPPERS = ("p", "div")
_STRICT_LAYOUT_TAGS = tuple(set(_LAYOUT_TAGS).difference(_WRAPPERS))
MAX_WRAPPED_ROW_CHARS = 300

# Between the cells of a table row in the plain body.
CELL_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table row: its text and whether it is a header cell (``<th>``)."""

    text: str
    header: bool = False


@dataclass(slots=True)
class Block:
    """One block of text from the page, with its structure and what the rules judge it by."""

    text: str
    """The block's text on one line (a table row: its non-empty cells, ``" | "`` between)."""
    link_chars: float
    """Characters of ``text`` inside links, weighed as :func:`link_weight` says, and
    counted by :func:`extractors.writing.size` (a Chinese, Japanese or Korean
    character as three Latin ones)."""
    tag: str
    """The innermost block element the text sits in (``p``, ``h2``, ``li``, ``tr``...)."""
    kind: Kind = "paragraph"
    level: int = 0
    """A heading's level (1 to 6); a list item's depth (1 for an outermost list)."""
    ordered: bool = False
    """A list item of an ``<ol>``."""
    list: int = 0
    """A list item's list, numbered from 1 in document order (0 for other blocks)."""
    cells: tuple[Cell, ...] = ()
    """A table row's cells, empty ones included, in order."""
    markup: Markup | None = None
    """What rendering the block as HTML needs besides ``text`` (its links, the list
    item or table it belongs to, its figure); None from the plain walk."""
    text_size: int = field(init=False, repr=False, compare=False)
    """:func:`extractors.writing.size` of ``text``, measured once: the rules read
    :attr:`link_density` several times a block."""

    def __post_init__(self) -> None:
        self.text_size = size(self.text)

    @property
    def link_density(self) -> float:
        """Share of the text inside links, both counted by size: a Korean line signed
        with a Latin e-mail address ("정민수 칼럼니스트 minsu@culture.example") is
        mostly words, as its English twin is, not mostly link."""
        return self.link_chars / self.text_size if self.text else 0.0


def blocks(containers: Iterable[Element]) -> list[Block]:
    """The blocks of the containers, in document order."""
    out: list[Block] = []
    walk = _Walk(out)
    for container in containers:
        walk.run(container)
    return out


# A link to a place in the page itself (a heading's permalink, a table of contents,
# a footnote) weighs this much of a link to elsewhere, as in Readability.js: a
# heading that is its own anchor is still a heading, while a line of controls
# ("Print this article", "Share it" pointing to #share) still reads as links.
IN_PAGE_LINK_WEIGHT = 0.3
_UNUSUAL_HREF_STARTS = frozenset("#jJ \t\n\r")


def link_weight(el: Element) -> float:
    """How much the text of ``el`` (an ``<a>``) counts as link text, 0 to 1.

    A bare "#" or a script link is a control ("Print", "Enlarge image"), a link,
    unless it wraps blocks of its own: then it is a clickable container, and its
    blocks are judged alone. An ``<a>`` without href is a named anchor, no link.
    """
    href = el.get("href")
    if not href:
        return 0.0
    if href[0] not in _UNUSUAL_HREF_STARTS:
        return 1.0  # the common case, settled by one character
    href = href.strip()
    if href == "#" or href[:11].lower() == "javascript:":
        return 0.0 if next(el.iter(_LAYOUT_TAGS), None) is not None else 1.0
    return IN_PAGE_LINK_WEIGHT if href.startswith("#") else 1.0


def _is_data_row(tr: Element) -> bool:
    """Whether a ``<tr>`` is a row of data (one block, its cells) rather than layout."""
    if next(tr.iter(_LAYOUT_TAGS), None) is None:
        return True
    if next(tr.iter(_STRICT_LAYOUT_TAGS), None) is not None:
        return False
    if sum(1 for _ in tr.iter(_CELLS)) < 2:  # one cell: a box around text
        return False
    return len(" ".join(text_of(tr).split())) <= MAX_WRAPPED_ROW_CHARS


class _Walk:
    """One pass over a container: text gathered between block boundaries."""

    # The elements the loop hands to _open and _close, beside plain block boundaries;
    # the markup walk (extractors.generic.markup) adds links, code and images.
    block_tags: frozenset[str] = _BLOCK_TAGS
    structure: frozenset[str] = _STRUCTURE

    def __init__(self, out: list[Block]) -> None:
        self.out = out
        self.parts: list[str] = []
        self.link_chars = 0.0
        self.stack: list[str] = []
        self.kinds: list[str] = []  # the open elements of _KINDS
        self.lists: list[tuple[str, int]] = []  # the open lists: tag and number
        self.list_count = 0
        self.cells: list[Cell] | None = None  # inside a row of data
        self.row_links = 0.0
        self.anchors: list[float] = []  # the link weight of each open <a>

    def run(self, root: Element) -> None:  # noqa: PLR0912  # one loop, inlined for speed
        stack, parts, anchors = self.stack, self.parts, self.anchors
        block_tags, structure = self.block_tags, self.structure
        stack[:] = [root.tag if isinstance(root.tag, str) else "div"]
        # The hot loop: names bound locally, plain block boundaries handled inline,
        # and each attribute of an element read once (every read builds an object).
        for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
            tag = el.tag  # a function for a comment: in no tag set, and its text is no text
            if event == "start":
                if tag in block_tags:
                    if tag in structure or self.cells is not None:
                        self._open(el, tag)
                    else:
                        if parts:
                            self._boundary()
                        stack.append(tag)
                elif tag == "a":
                    anchors.append(link_weight(el))
                text = el.text
                if not text or not isinstance(tag, str):
                    continue
            else:
                if tag in block_tags:
                    if tag in structure or self.cells is not None:
                        self._close(tag)
                    else:
                        if parts:
                            self._boundary()
                        stack.pop()
                elif tag == "a" and anchors:
                    anchors.pop()
                text = el.tail
                if not text or el is root:
                    continue
            parts.append(text)
            if anchors and anchors[-1]:
                self.link_chars += anchors[-1] * size(text.strip())
        self._flush()

    def _open(self, el: Element, tag: str) -> None:
        if self.cells is not None:
            if tag in _CELLS:
                self._text()  # stray text between cells belongs to no cell
                self.link_chars = 0.0
            else:  # <br>, or a <p> of the cell: its text stays apart from the next
                self.parts.append(" ")
            return
        self._flush()
        if tag == "tr" and _is_data_row(el):
            self.cells = []
            self.row_links = 0.0
        if tag in _LISTS:
            self.list_count += 1
            self.lists.append((tag, self.list_count))
        elif tag in _KINDS:
            self.kinds.append(tag)
        self.stack.append(tag)

    def _close(self, tag: str) -> None:
        if self.cells is not None:
            if tag in _CELLS:
                self.cells.append(Cell(self._text(), tag == "th"))
                self.row_links += self.link_chars
                self.link_chars = 0.0
            elif tag == "tr":
                self._row(self.cells)
                self.cells = None
                self.stack.pop()
            else:
                self.parts.append(" ")
            return
        self._flush()
        if tag == "br":
            return
        if tag in _LISTS and self.lists:
            self.lists.pop()
        elif tag in _KINDS and self.kinds:
            self.kinds.pop()
        self.stack.pop()

    def _boundary(self) -> None:
        """A block ends: flush what was gathered, unless it is the usual lone run of
        whitespace between two blocks (a newline and indentation)."""
        parts = self.parts
        if len(parts) == 1 and parts[0].isspace():
            parts.clear()
        else:
            self._flush()

    def _text(self) -> str:
        """The text gathered since the last boundary, cleaned; the gathering restarts."""
        if not self.parts:
            return ""  # most boundaries follow another one (</p><div>, </li></ul>)
        raw = "".join(self.parts)
        self.parts.clear()
        text = clean(raw) if not raw.isspace() else ""
        if self.link_chars:  # most blocks hold no link: no size to measure
            self.link_chars = min(self.link_chars, size(text))
        return text

    def _row(self, cells: list[Cell]) -> None:
        self._text()
        # An empty cell between two others keeps its place ("Independents |  | 0"):
        # without it the next value would read as this column's.
        texts = [cell.text for cell in cells]
        while texts and not texts[-1]:
            texts.pop()
        text = CELL_SEPARATOR.join(texts).strip()
        if text:
            links = min(self.row_links, len(text))
            self.out.append(Block(text, links, "tr", "row", cells=tuple(cells)))
        self.link_chars = 0.0

    def _flush(self) -> None:
        text = self._text()
        if text:
            self.out.append(self._block(text, self.link_chars))
        self.link_chars = 0.0

    def _block(self, text: str, link_chars: float) -> Block:
        tag = self.stack[-1] if self.stack else "div"
        if not self.kinds:
            return Block(text, link_chars, tag)
        kind, level = _KINDS[self.kinds[-1]]
        if kind == "item":
            lists = self.lists
            if not lists:  # an <li> outside any list
                return Block(text, link_chars, tag, kind, 1)
            list_tag, number = lists[-1]
            return Block(text, link_chars, tag, kind, len(lists), list_tag == "ol", number)
        return Block(text, link_chars, tag, kind, level)
