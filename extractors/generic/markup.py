"""The markup walk: the blocks of :mod:`~extractors.generic.walk`, with what HTML needs.

It cuts exactly the blocks the plain walk cuts (the same boundaries, the same
text) and keeps besides, in each block's ``markup`` (:class:`Markup`):

- the text as runs: pieces with the link (``href`` as the page writes it) or the
  inline ``<code>`` around them;
- the element that groups the block with its neighbours: its ``<li>`` (a list
  item of two paragraphs is one item), ``<table>``, ``<blockquote>`` or ``<pre>``,
  numbered in document order; an ``<ol>``'s first number;
- with ``Keep(figures=True)``, figures: a block of kind ``figure`` (no text) for
  each ``<figure>`` holding an image and each image outside one, placed before
  the block that was being gathered when the walk met it.

It is a walk of its own so that the plain walk, which every extraction runs, pays
for none of it: both run the loop of ``_Walk.run``, which hands links, code and
images to ``_open`` and ``_close`` only in this walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import lxml.etree

from extractors.generic.walk import Block, Cell, _Walk, blocks, link_weight
from extractors.page.tree import Element, text_of
from extractors.text import clean, clean_preformatted

__all__ = [
    "Figure",
    "Image",
    "Keep",
    "ListLevel",
    "Markup",
    "Run",
    "markup_blocks",
    "prepare_figures",
    "walk",
]


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a block's text, with the inline markup around it."""

    text: str
    href: str | None = None
    """The link's ``href`` as the page writes it (relative or absolute), or None."""
    code: bool = False
    """Inside ``<code>``."""


@dataclass(frozen=True, slots=True)
class Image:
    """An image: its URL as the page writes it, and its alternative text."""

    src: str
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: its images (usually one) and its caption (empty when it has none)."""

    images: tuple[Image, ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class ListLevel:
    """A list around a list item, and the item of it the block is in."""

    number: int
    """The list's number (``Block.list``)."""
    ordered: bool
    start: int
    """Its first number (``<ol start>``; 1 by default)."""
    item: int
    """The group of the ``<li>`` of this list that holds the block (0: none)."""


@dataclass(frozen=True, slots=True)
class Markup:
    """What rendering a block as HTML needs besides its text."""

    runs: tuple[Run, ...] = ()
    """The text as runs; joined, they read as ``Block.text`` (a table row: empty)."""
    cells: tuple[tuple[Run, ...], ...] = ()
    """A table row: each cell's runs, in the order of ``Block.cells``."""
    group: int = 0
    """The ``<li>`` of a list item, the ``<table>`` of a row, the ``<blockquote>`` of a
    quotation, the ``<pre>`` of preformatted text (numbered from 1 in document
    order; the blocks of one element share it); 0 for other blocks."""
    lists: tuple[ListLevel, ...] = ()
    """A list item's lists, outermost first (the last is its own)."""
    figure: Figure | None = None
    """A figure block's figure."""


@dataclass(frozen=True, slots=True)
class Keep:
    """What the markup walk keeps besides links and code."""

    figures: bool = False
    """Images, as figure blocks."""
    captions: Mapping[Element, str] = field(default_factory=dict)
    """Captions of ``<figure>`` elements read before pruning dropped their
    ``<figcaption>`` (:func:`prepare_figures`)."""


def walk(containers: Iterable[Element], keep: Keep | None = None) -> list[Block]:
    """The blocks of the containers: the plain walk's when ``keep`` is None, else
    the same blocks with their markup (:func:`markup_blocks`)."""
    return blocks(containers) if keep is None else markup_blocks(containers, keep)


def markup_blocks(containers: Iterable[Element], keep: Keep) -> list[Block]:
    """The blocks of the containers in document order, each with its ``markup``."""
    out: list[Block] = []
    walker = _MarkupWalk(out, keep)
    for container in containers:
        walker.run(container)
    return out


def prepare_figures(tree: Element) -> dict[Element, str]:
    """Before pruning, for a walk that keeps figures: each ``<figure>``'s caption
    (pruning drops ``<figcaption>``: no caption is body text), and the images of
    ``<picture>`` elements freed from them. Pruning drops ``<picture>`` and
    ``<source>``, and libxml2, which knows no ``<source>`` (HTML 4), nests the
    ``<img>`` after one inside it. Neither holds text, so no rule misses them."""
    captions: dict[Element, str] = {}
    for figure in tree.iter("figure"):
        caption = " ".join(clean(text_of(c)) for c in figure.iter("figcaption")).strip()
        if caption:
            captions[figure] = caption
    for picture in list(tree.iter("picture")):
        lxml.etree.strip_tags(picture, "source")
    lxml.etree.strip_tags(tree, "picture")
    return captions


# Attributes where lazy loaders keep the image while ``src`` holds a placeholder.
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original")
# An image declared smaller than this (width or height, in pixels) is an icon, an
# emoji or a tracking pixel, not a figure of the article.
MIN_IMAGE_PIXELS = 50
_GROUPS = ("li", "table", "blockquote", "pre")


def image_of(el: Element) -> Image | None:
    """The image of an ``<img>``, or None for none worth showing.

    >>> image_of(lxml.etree.fromstring('<img src="p.gif" data-src="/a.jpg" alt=" A "/>'))
    Image(src='/a.jpg', alt='A')
    >>> image_of(lxml.etree.fromstring('<img src="/pixel.gif" width="1" height="1"/>')) is None
    True
    """
    src = next((el.get(name) for name in _LAZY_SOURCES if el.get(name)), None) or el.get("src")
    if not src:
        srcset = el.get("srcset") or el.get("data-srcset") or ""
        src = srcset.strip().split(" ", 1)[0].rstrip(",")
    src = (src or "").strip()
    if not src or src[:5].lower() == "data:":
        return None
    for name in ("width", "height"):
        size = (el.get(name) or "").strip()
        if size.isdigit() and int(size) < MIN_IMAGE_PIXELS:
            return None
    return Image(src, clean(el.get("alt")))


def _href(el: Element) -> str | None:
    """The ``href`` of a link worth keeping: not a script, not a bare ``#``."""
    href = (el.get("href") or "").strip()
    if not href or href == "#" or href[:11].lower() == "javascript:":
        return None
    return href


class _MarkupWalk(_Walk):
    """The plain walk, keeping runs, groups and figures (see the module docstring)."""

    def __init__(self, out: list[Block], keep: Keep) -> None:
        super().__init__(out)
        self.keep = keep
        inline = frozenset({"a", "code", *(("img", "figure") if keep.figures else ())})
        self.block_tags = self.block_tags | inline
        self.structure = self.structure | inline | frozenset(_GROUPS)
        self.open_spans: list[tuple[int, str | None, bool]] = []  # start part, href, code
        self.spans: list[tuple[int, int, str | None, bool]] = []  # closed: start, end, ...
        self.runs: tuple[Run, ...] = ()  # of the text taken last
        self.cell_runs: list[tuple[Run, ...]] = []
        self.groups: dict[str, list[int]] = {tag: [] for tag in _GROUPS}
        self.group_count = 0
        self.starts: dict[int, int] = {}  # list number -> its first number
        self.item_lists: dict[int, int] = {}  # <li> group -> the number of its list
        self.figures = 0  # open <figure> elements

    def _open(self, el: Element, tag: str) -> None:
        if tag == "a":
            self.anchors.append(link_weight(el))
            self.open_spans.append((len(self.parts), _href(el), False))
            return
        if tag == "code":
            self.open_spans.append((len(self.parts), None, True))
            return
        if tag == "img":
            if not self.figures and self.cells is None:
                self._figure(el, (el,))
            return
        super()._open(el, tag)
        if tag in self.groups:
            self.group_count += 1
            self.groups[tag].append(self.group_count)
            if tag == "li":
                self.item_lists[self.group_count] = self.lists[-1][1] if self.lists else 0
        elif tag == "ol":
            start = (el.get("start") or "").strip()
            self.starts[self.list_count] = int(start) if start.isdigit() else 1
        elif tag == "figure":
            self.figures += 1
            if self.figures == 1:
                self._figure(el, tuple(el.iter("img")), self.keep.captions.get(el, ""))

    def _close(self, tag: str) -> None:
        if tag in ("a", "code"):
            if tag == "a" and self.anchors:
                self.anchors.pop()
            if self.open_spans:
                start, href, code = self.open_spans.pop()
                self.spans.append((start, len(self.parts), href, code))
            return
        if tag == "img":
            return
        cell = self.cells is not None and tag in ("td", "th")
        super()._close(tag)
        if cell:
            self.cell_runs.append(self.runs)
        if tag in self.groups:
            if self.groups[tag]:
                self.groups[tag].pop()
        elif tag == "figure" and self.figures:
            self.figures -= 1

    def _figure(self, el: Element, images: tuple[Element, ...], caption: str = "") -> None:
        found = tuple(image for image in map(image_of, images) if image is not None)
        if found:
            figure = Figure(found, caption)
            self.out.append(Block("", 0.0, str(el.tag), "figure", markup=Markup(figure=figure)))

    def _text(self) -> str:
        self.runs = self._runs() if self.parts else ()
        self.spans.clear()
        self.open_spans[:] = [(0, href, code) for _, href, code in self.open_spans]
        return super()._text()

    def _runs(self) -> tuple[Run, ...]:
        parts = self.parts
        count = len(parts)
        spans = self.spans + [(start, count, h, c) for start, h, c in self.open_spans]
        if self.kinds and self.kinds[-1] == "pre":
            # Links inside <pre> are rare: its text is kept whole, lines and all.
            text = clean_preformatted("".join(parts))
            return (Run(text, code=any(c for *_, c in spans)),) if text else ()
        hrefs: list[str | None] = [None] * count
        codes = [False] * count
        for start, end, href, code in sorted(spans, key=lambda s: (s[0], -s[1])):
            for i in range(start, end):  # outer spans first: the innermost link wins
                hrefs[i] = href if href is not None else hrefs[i]
                codes[i] = codes[i] or code
        pieces: list[tuple[str, str | None, bool]] = []
        for i, part in enumerate(parts):
            if pieces and pieces[-1][1:] == (hrefs[i], codes[i]):
                pieces[-1] = (pieces[-1][0] + part, hrefs[i], codes[i])
            else:
                pieces.append((part, hrefs[i], codes[i]))
        return _clean_runs(pieces)

    def _block(self, text: str, link_chars: float) -> Block:
        block = super()._block(text, link_chars)
        group = 0
        lists: tuple[ListLevel, ...] = ()
        if block.kind == "item":
            group = self.groups["li"][-1] if self.groups["li"] else 0
            lists = self._lists()
        elif block.kind in ("quote", "pre"):
            opened = self.groups["blockquote" if block.kind == "quote" else "pre"]
            group = opened[-1] if opened else 0
        block.markup = Markup(self.runs, group=group, lists=lists)
        return block

    def _lists(self) -> tuple[ListLevel, ...]:
        """The open lists, outermost first, each with its open item."""
        items = {self.item_lists[group]: group for group in self.groups["li"]}
        return tuple(
            ListLevel(number, tag == "ol", self.starts.get(number, 1), items.get(number, 0))
            for tag, number in self.lists
        )

    def _row(self, cells: list[Cell]) -> None:
        before = len(self.out)
        super()._row(cells)
        runs, self.cell_runs = tuple(self.cell_runs), []
        if len(self.out) > before:
            table = self.groups["table"][-1] if self.groups["table"] else 0
            self.out[-1].markup = Markup(cells=runs, group=table)


def _clean_runs(pieces: list[tuple[str, str | None, bool]]) -> tuple[Run, ...]:
    """Each piece cleaned as :func:`~extractors.text.clean` cleans a block, keeping one
    space where the piece had white space at an edge; none at the ends of the block.

    >>> runs = _clean_runs([(" See ", None, False), ("the\\nreport", "/r", False), (".", None, 0)])
    >>> [(run.text, run.href) for run in runs]
    [('See ', None), ('the report', '/r'), ('.', None)]
    """
    runs: list[Run] = []
    space = False  # the text so far ends with a space
    for raw, href, code in pieces:
        text = clean(raw)
        if not text:
            if raw and runs and not space:
                runs.append(Run(" "))
                space = True
            continue
        if raw[:1].isspace() and runs and not space:
            text = " " + text
        space = raw[-1:].isspace()
        runs.append(Run(text + " " if space else text, href, code))
    while runs and runs[-1].text == " ":
        runs.pop()
    if runs:
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(" "), last.href, last.code)
    return tuple(runs)
