"""Markdown converters for the structured body: markdownify against html2text, in one run.

Not a test. Issue 15 (part 1) will give the Article its body as semantic HTML
and as Markdown made from it by a maintained converter; this measures which of
the two candidates keeps the structure of the elements a news body holds:
tables (with and without header cells, a ``|`` in a cell), nested and ordered
lists, list items of several paragraphs, headings, quotes, code and links.

Three candidates: markdownify with its default escaping, markdownify with
``escape_misc`` (which escapes ``|``, and with it ``-``, ``+``, ``&`` and more in
running text), and html2text without line wrapping. Each case is a piece of
HTML written by hand, as the structured body will be
(``p``, ``h2``-``h6``, ``ul``/``ol``/``li``, ``table``/``tr``/``th``/``td``,
``blockquote``, ``pre``, ``a``). Each converter turns it into Markdown, which
markdown-it-py (CommonMark with GFM tables) renders back to HTML; the case
passes when the rendered HTML has the structure of the original: the same
elements in the same nesting, the same text in each, the same links
(presentation aside: ``thead``/``tbody``, a ``p`` alone in a list item, ``code``
inside ``pre``, white space at the edges of blocks, a header row of empty cells).
``--show`` prints each converter's Markdown.

Run: ``.venv/bin/python benchmarks/markdown_converters.py [--show]``.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections.abc import Callable
from importlib.metadata import version

import lxml.html

CASES = {
    "table with a header row": (
        "<table><thead><tr><th>Party</th><th>Seats</th></tr></thead>"
        "<tbody><tr><td>Green</td><td>12</td></tr><tr><td>Blue</td><td>7</td></tr></tbody></table>"
    ),
    "table, header cells in the first row": (
        "<table><tr><th>City</th><th>Votes</th></tr><tr><td>Rabat</td><td>1,204</td></tr></table>"
    ),
    "table without header cells": (
        "<table><tr><td>08:00</td><td>Doors open</td></tr>"
        "<tr><td>09:30</td><td>First vote</td></tr></table>"
    ),
    "table, a | and a link in a cell": (
        "<table><tr><th>Pair</th><th>Source</th></tr><tr><td>EUR | MAD</td>"
        '<td><a href="https://n.test/rates">central bank</a></td></tr></table>'
    ),
    "nested list": "<ul><li>One<ul><li>One a</li><li>One b</li></ul></li><li>Two</li></ul>",
    "ordered list from 3, nested": (
        '<ol start="3"><li>Third</li><li>Fourth<ol><li>Fourth, first part</li></ol></li></ol>'
    ),
    "list items of two paragraphs": (
        "<ul><li><p>The first point.</p><p>Its second paragraph.</p></li>"
        "<li><p>The next point.</p></li></ul>"
    ),
    "headings, quote, code, links": (
        '<h2>Reactions</h2><p>The minister <a href="https://n.test/a">said</a> it was '
        "<em>historic</em>.</p><blockquote><p>We are ready.</p></blockquote>"
        "<h3>Figures</h3><pre><code>seats = 395\n  majority = 198</code></pre>"
    ),
}

KEEP = frozenset("h1 h2 h3 h4 h5 h6 p ul ol li table tr th td blockquote pre a em strong".split())
SAME = {"i": "em", "b": "strong"}


def _text(value: str | None, pre: bool) -> str:
    return (value or "") if pre else re.sub(r"\s+", " ", value or "")


def _walk(el: lxml.html.HtmlElement, pre: bool = False) -> str:
    tag = SAME.get(el.tag, el.tag) if isinstance(el.tag, str) else ""
    pre = pre or tag == "pre"
    children = list(el)
    if (
        tag == "li"
        and len(children) == 1
        and children[0].tag == "p"
        and not (el.text or "").strip()
    ):
        inner = _walk(children[0], pre).removeprefix("<p>").removesuffix("</p>")
        return f"<li>{inner}</li>"  # a loose list item: presentation, not structure
    inner = _text(el.text, pre) + "".join(_walk(c, pre) + _text(c.tail, pre) for c in children)
    if tag not in KEEP:
        return inner
    attrs = ""
    if tag == "a":
        attrs = f' href="{el.get("href")}"'
    elif tag == "ol" and el.get("start", "1") != "1":
        attrs = f' start="{el.get("start")}"'
    inner = inner.strip("\n") if pre else inner.strip()
    return f"<{tag}{attrs}>{inner}</{tag}>"


BLOCK = r"(?:ul|ol|li|table|tr|th|td|p|blockquote|h\d)"


def structure(html: str) -> str:
    """The elements, nesting, text and links of ``html``, without presentation:
    white space at block edges, and a header row of empty cells (GFM tables must
    have a header row, and a converter may add an empty one)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for row in root.iter("tr"):
        cells = list(row)
        if cells and all(c.tag == "th" and not c.text_content().strip() for c in cells):
            row.drop_tree()
            break
    text = _walk(root)
    text = re.sub(rf"\s+(</?{BLOCK}\b)", r"\1", text)
    return re.sub(rf"(</?{BLOCK}\b[^>]*>)\s+", r"\1", text).strip()


def converters() -> dict[str, Callable[[str], str]]:
    """Each candidate with the options a body needs: ATX headings, no line wrapping."""
    import html2text  # noqa: PLC0415
    from markdownify import markdownify  # noqa: PLC0415

    def with_html2text(html: str) -> str:
        converter = html2text.HTML2Text()
        converter.body_width = 0  # no wrapping: one paragraph, one line
        return str(converter.handle(html))

    def with_markdownify(html: str) -> str:
        return str(markdownify(html, heading_style="ATX", bullets="-"))

    def with_markdownify_escaping(html: str) -> str:
        # escape_misc escapes | (and - + & # = ~ > < ` [ ] everywhere, prose too)
        return str(markdownify(html, heading_style="ATX", bullets="-", escape_misc=True))

    return {
        f"markdownify {version('markdownify')}": with_markdownify,
        "markdownify, escape_misc": with_markdownify_escaping,
        f"html2text {version('html2text')}": with_html2text,
    }


def main(argv: list[str] | None = None) -> None:
    """Convert every case with both converters; print which keep the structure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each converter's Markdown")
    args = parser.parse_args(argv)
    from markdown_it import MarkdownIt  # noqa: PLC0415

    render = MarkdownIt("commonmark").enable("table").render
    candidates = converters()
    print(
        f"rendered back by markdown-it-py {version('markdown-it-py')} (CommonMark, GFM tables)\n"
    )
    print(f"{'case':<38}" + "".join(f"{name:<27}" for name in candidates))
    for convert in candidates.values():  # the first call loads what each loads lazily
        convert(CASES["nested list"])
    kept = dict.fromkeys(candidates, 0)
    seconds = dict.fromkeys(candidates, 0.0)
    for case, html in CASES.items():
        want = structure(html)
        row = f"{case:<38}"
        shown = []
        for name, convert in candidates.items():
            start = time.perf_counter()
            markdown = convert(html)
            seconds[name] += time.perf_counter() - start
            got = structure(render(markdown))
            same = got == want
            kept[name] += same
            ratio = difflib.SequenceMatcher(None, want, got).ratio()
            row += f"{'kept' if same else f'LOST ({ratio:.2f})':<27}"
            shown.append(f"--- {name}\n{markdown.strip()}\n    rendered: {got}")
        print(row)
        if args.show:
            print(f"    want:     {want}\n" + "\n".join(shown) + "\n")
    print(
        f"\n{'structure kept':<38}"
        + "".join(f"{f'{n} of {len(CASES)}':<27}" for n in kept.values())
    )
    print(f"{'ms for all cases':<38}" + "".join(f"{1000 * s:<27.1f}" for s in seconds.values()))


if __name__ == "__main__":
    sys.exit(main())
