"""The body as clean semantic HTML, written from the article's blocks.

One element per block, in the blocks' order, each on its own line: ``<p>``;
``<h2>``-``<h6>`` (an ``<h1>`` in the body, a section heading, becomes an
``<h2>``, as Readability.js does: the page's ``<h1>`` is the title); lists
``<ul>``/``<ol>`` (with its ``start``) whose items nest as on the page, an item's
blocks in one ``<li>`` (``<p>`` each when it has several); ``<table>`` with a
``<thead>`` when its first row is all header cells, ``<th>`` and ``<td>``;
``<blockquote>`` of ``<p>``; ``<pre>`` (``<pre><code>`` for code), its lines kept;
``<figure>`` with ``<img>`` and ``<figcaption>`` when figures were kept. Inside a
block: ``<a href>`` with the URL made absolute against the page's base URL, and
``<code>``. No attribute other than ``href``, ``src``, ``alt`` and ``start``, no
class, no style, no script: the text is escaped, and nothing of the page's
markup is copied.

Blocks from the plain walk (no ``markup``: a site extractor's own paragraphs)
are written with their text alone: no links, consecutive rows one table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin

from extractors.generic.blocks import Block
from extractors.generic.markup import Figure, ListLevel, Markup, Run
from extractors.text import CONTROLS, PRE_CONTROLS

__all__ = ["body_html"]

_PLAIN = Markup()
# Characters a browser removes from a URL before reading it.
_URL_NOISE = str.maketrans("", "", "\t\n\r")


def body_html(found: Sequence[Block], base: str | None = None) -> str:
    """The HTML of the blocks (an article's, as :func:`extractors.extract` keeps them);
    relative links and image sources resolve against ``base`` (none: left as written).

    >>> from extractors.generic.blocks import Block
    >>> print(body_html([Block("Results", 0, "h2", "heading", 2), Block("In.", 0, "p")]))
    <h2>Results</h2>
    <p>In.</p>
    """
    writer = _Writer(base or "", Counter(_markup(b).group for b in found if b.kind == "item"))
    for block in found:
        writer.add(block)
    writer.close(None)
    return "\n".join(writer.lines)


def _markup(block: Block) -> Markup:
    return block.markup if block.markup is not None else _PLAIN


@dataclass(slots=True)
class _List:
    """An open ``<ul>`` or ``<ol>``, and its open ``<li>``."""

    number: int
    tag: str
    item: int | None = None  # the group of the open <li>
    line: int = 0  # where the open <li> starts


class _Writer:
    """The lines of HTML, and the elements open at the end of them."""

    def __init__(self, base: str, items: Counter[int]) -> None:
        self.base = base
        self.items = items  # blocks per <li>
        self.lines: list[str] = []
        self.lists: list[_List] = []
        self.table: int | None = None
        self.quote: int | None = None
        self.pre: list[Block] = []
        self.pre_group = 0
        self.anonymous = 0  # a group for blocks without markup

    def add(self, block: Block) -> None:
        markup = _markup(block)
        group = markup.group
        if not group:
            self.anonymous -= 1
            group = self.anonymous if block.kind in ("item", "pre") else 0
        self.close(block.kind, group)
        if block.kind == "item":
            self._item(block, markup, group)
        elif block.kind == "row":
            self._row(block, markup, group)
        elif block.kind == "pre":
            self.pre.append(block)
            self.pre_group = group
        elif block.kind == "figure" and markup.figure is not None:
            self.lines.append(self._figure(markup.figure))
        else:
            inline = self._inline(markup.runs, block.text)
            if not inline:
                return
            if block.kind == "heading":
                level = max(2, min(block.level, 6))
                self.lines.append(f"<h{level}>{inline}</h{level}>")
            elif block.kind == "quote":
                if self.quote is None:
                    self.lines.append("<blockquote>")
                    self.quote = group
                self.lines.append(f"<p>{inline}</p>")
            else:
                self.lines.append(f"<p>{inline}</p>")

    def close(self, kind: str | None, group: int = 0) -> None:
        """Close the open elements a block of ``kind`` in ``group`` is not part of."""
        if kind != "item":
            self._close_lists(0)
        if self.table is not None and (kind != "row" or group != self.table):
            self.lines.extend(("</tbody>", "</table>"))
            self.table = None
        if self.quote is not None and (kind != "quote" or group != self.quote):
            self.lines.append("</blockquote>")
            self.quote = None
        if self.pre and (kind != "pre" or group != self.pre_group):
            self._close_pre()

    def _item(self, block: Block, markup: Markup, group: int) -> None:
        path = markup.lists or (ListLevel(block.list, block.ordered, 1, group),)
        lists = self.lists
        kept = 0  # the open lists (and items) the block is in
        while kept < min(len(lists), len(path)) and lists[kept].number == path[kept].number:
            if kept < len(path) - 1 and lists[kept].item != path[kept].item:
                break  # the same list, another of its items
            kept += 1
        self._close_lists(kept + 1 if kept < len(path) - 1 and kept < len(lists) else kept)
        for level, wanted in enumerate(path[kept:], kept):
            if level == len(lists):
                self._open_list(wanted)
            if level < len(path) - 1:
                self._open_item(lists[level], wanted.item)
        self._open_item(lists[-1], group)
        inline = self._inline(markup.runs, block.text)
        if self.items[group] > 1 and group > 0:
            inline = f"<p>{inline}</p>"
        if self.lines[-1] == "<li>":
            self.lines[-1] += inline
        else:
            self.lines.append(inline)

    def _open_list(self, level: ListLevel) -> None:
        if self.lists and self.lists[-1].item is None:  # a list straight inside a list
            self._open_item(self.lists[-1], 0)
        tag = "ol" if level.ordered else "ul"
        start = f' start="{level.start}"' if level.ordered and level.start != 1 else ""
        self.lines.append(f"<{tag}{start}>")
        self.lists.append(_List(level.number, tag))

    def _open_item(self, current: _List, group: int) -> None:
        if current.item == group:
            return
        self._close_item(current)
        current.item, current.line = group, len(self.lines)
        self.lines.append("<li>")

    def _close_item(self, current: _List) -> None:
        if current.item is None:
            return
        if len(self.lines) - 1 == current.line:
            self.lines[-1] += "</li>"
        else:
            self.lines.append("</li>")
        current.item = None

    def _close_lists(self, keep: int) -> None:
        """Close the open lists but the outermost ``keep``."""
        while len(self.lists) > keep:
            current = self.lists.pop()
            self._close_item(current)
            self.lines.append(f"</{current.tag}>")

    def _row(self, block: Block, markup: Markup, group: int) -> None:
        runs = markup.cells if len(markup.cells) == len(block.cells) else ((),) * len(block.cells)
        cells = []
        for cell, cell_runs in zip(block.cells, runs, strict=True):
            tag = "th" if cell.header else "td"
            cells.append(f"<{tag}>{self._inline(cell_runs, cell.text)}</{tag}>")
        row = f"<tr>{''.join(cells)}</tr>"
        if self.table is None:
            self.table = group
            if all(cell.header for cell in block.cells):
                self.lines.extend(("<table>", "<thead>", row, "</thead>", "<tbody>"))
                return
            self.lines.extend(("<table>", "<tbody>"))
        self.lines.append(row)

    def _close_pre(self) -> None:
        texts = []
        code = False
        for block in self.pre:
            runs = _markup(block).runs
            texts.append("".join(run.text for run in runs) if runs else block.text)
            code = code or any(run.code for run in runs)
        self.pre = []
        text = escape(PRE_CONTROLS.sub("", "\n".join(texts)), quote=False)
        self.lines.append(f"<pre><code>{text}</code></pre>" if code else f"<pre>{text}</pre>")

    def _figure(self, figure: Figure) -> str:
        images = []
        for image in figure.images:
            src = escape(self._url(image.src) or image.src)
            images.append(f'<img src="{src}" alt="{escape(_text(image.alt))}">')
        caption = _text(figure.caption)
        caption = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
        return f"<figure>{''.join(images)}{caption}</figure>"

    def _inline(self, runs: tuple[Run, ...], text: str) -> str:
        if not runs:
            return escape(_text(text), quote=False)
        out = []
        for run in runs:
            inner = escape(_text(run.text), quote=False)
            if not run.code and not run.href:
                out.append(inner)
                continue
            stripped = inner.strip(" ")
            lead = " " if inner.startswith(" ") else ""
            trail = " " if inner.endswith(" ") and stripped else ""
            if run.code:
                stripped = f"<code>{stripped}</code>"
            url = self._url(run.href) if run.href else None
            if url:
                stripped = f'<a href="{escape(url)}">{stripped}</a>'
            out.append(lead + stripped + trail)
        return "".join(out).strip(" ")

    def _url(self, href: str) -> str | None:
        href = href.translate(_URL_NOISE).strip()
        if not self.base:
            return href or None
        try:
            return urljoin(self.base, href)
        except ValueError:  # "http://[broken": no URL anyone can follow
            return None


def _text(text: str) -> str:
    return CONTROLS.sub("", text)
