"""Flatten HTML pages into text dumps of the seeds' form: one block per line, no markup.

A naive scraper's view of a page (issue 18): what is left of a news page once
its markup is gone. :func:`flatten_html` applies these rules, in this order:

1. **Decoding**: as :func:`benchmarks.tools.decode_html` does for the peers
   (byte order mark, else the ``<meta>`` charset, else UTF-8; bad bytes become
   U+FFFD). The page is parsed with lxml's HTML parser. With
   ``decoding="lxml"``, the bytes go to lxml undecoded instead, and libxml2
   reads a page that declares no charset as ISO-8859-1: UTF-8 text turns into
   mojibake (the three bytes of "’" become "â" and two C1 control characters,
   so "don’t" no longer gives the tokens "don" and "t"). That reproduces the
   figures of issue 18 within 0.007 (``benchmarks/README.md``), so its dumps
   were most likely made that way; it is kept to compare with them, not as a
   model of a dump.
2. **Removed with their content**: ``<head>`` (so ``<title>`` and ``<meta>``),
   ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, comments and
   processing instructions. The text after them (their tail) is kept. Nothing
   else is removed: hidden elements, ``<nav>``, ``<footer>``, forms and
   ``<svg>`` titles stay, as a scraper that does not run CSS keeps them.
3. **One line per block**: a line break before and after every element of
   :data:`BLOCK_TAGS` (the block-level elements of HTML, plus ``<option>``),
   and at every ``<br>``. Inline elements (``<a>``, ``<span>``, ``<b>``...)
   join the text of the line they are in, without a space added.
4. **Lists**: each ``<li>`` (and ``<dt>``, ``<dd>``) is a line of its own; no
   bullet or number is added.
5. **Tables**: each row (``<tr>``) is one line; its cells (``<td>``, ``<th>``)
   are separated by one space. ``<caption>`` is a line of its own.
6. **Preformatted text**: the line breaks inside ``<pre>`` and ``<textarea>``
   are kept as line breaks.
7. **Whitespace folded**: inside each line, every run of whitespace (Unicode
   ``\\s``, which includes the no-break space) becomes one space, and the line
   is stripped.
8. **Empty lines dropped**: a line with nothing left after step 7 is removed.

>>> flatten_html(b"<html><head><title>T</title></head><body><div>Hello <b>big</b>"
...              b"<br>world<script>x()</script></div><ul><li>one</li><li>two</li></ul>"
...              b"<table><tr><td>a</td><td>b</td></tr></table></body></html>")
'Hello big\\nworld\\none\\ntwo\\na b'

Run as a command, it writes one ``<id>.txt`` per corpus page (UTF-8)::

    python -m benchmarks.flatten --corpus PATH --out DIR
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import lxml.etree
import lxml.html

from benchmarks.corpus import CorpusError, load_corpus
from benchmarks.tools import decode_html

__all__ = [
    "BLOCK_TAGS",
    "DECODINGS",
    "REMOVED_TAGS",
    "Decoding",
    "flatten_html",
    "flatten_tree",
    "main",
]

logger = logging.getLogger(__name__)

Decoding = Literal["declared", "lxml"]
"""How page bytes become text (rule 1): as the page declares, or as lxml guesses."""
DECODINGS: tuple[Decoding, ...] = ("declared", "lxml")

REMOVED_TAGS = frozenset({"head", "script", "style", "noscript", "template"})
"""Elements dropped with everything inside them (rule 2)."""

BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html
    legend li main menu nav ol option p pre section summary table tbody tfoot thead tr ul
    """.split()
)
"""Elements that start and end a line (rule 3): HTML's block-level elements. ``<option>``
is here because a scraper prints a drop-down's choices one per line."""

CELL_TAGS = frozenset({"td", "th"})
"""Table cells: one space apart within their row's line (rule 5)."""

PRESERVING_TAGS = frozenset({"pre", "textarea"})
"""Elements whose own line breaks are kept (rule 6)."""

_WHITESPACE = re.compile(r"\s+")
_LINE_BREAK = "\n"


def flatten_html(raw: bytes | str, decoding: Decoding = "declared") -> str:
    """The text dump of one page: its lines joined by ``"\\n"`` (see the module's rules).

    ``decoding`` applies to bytes only (rule 1). A page with no text (or that
    lxml cannot parse) flattens to ``""``.
    """
    source: bytes | str = raw
    if isinstance(raw, bytes) and decoding == "declared":
        source = decode_html(raw)
    if not source.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(source)
    except (lxml.etree.ParserError, ValueError) as exc:
        # "Document is empty" and the like: a page with no element has no line.
        logger.debug("nothing to flatten: %s", exc)
        return ""
    return flatten_tree(root)


def flatten_tree(root: lxml.etree._Element) -> str:
    """The text dump of a parsed page (the tree is not modified)."""
    pieces: list[str] = []
    preserving = 0  # depth inside <pre>/<textarea>, where line breaks are kept
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            _add(pieces, element.tail, preserving)
        elif event == "start":
            if tag in REMOVED_TAGS:
                walker.skip_subtree()  # its "end" event still comes, and adds the tail
                continue
            preserving += tag in PRESERVING_TAGS
            if tag in BLOCK_TAGS or tag == "br":
                pieces.append(_LINE_BREAK)
            elif tag in CELL_TAGS:
                pieces.append(" ")
            _add(pieces, element.text, preserving)
        else:
            preserving -= tag in PRESERVING_TAGS
            if tag in BLOCK_TAGS:
                pieces.append(_LINE_BREAK)
            _add(pieces, element.tail, preserving)
    return _lines("".join(pieces))


def _add(pieces: list[str], text: str | None, preserving: int) -> None:
    """Append ``text``; inside ``<pre>``, with its line breaks kept, else as plain spaces."""
    if not text:
        return
    if preserving:
        pieces.append(text)
    else:
        pieces.append(text.replace("\r", " ").replace("\n", " "))


def _lines(text: str) -> str:
    """Fold whitespace inside each line, then drop the empty lines (rules 7 and 8)."""
    lines = (_WHITESPACE.sub(" ", line).strip() for line in text.split(_LINE_BREAK))
    return _LINE_BREAK.join(line for line in lines if line)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``<id>.txt`` for every page of ``--corpus`` into ``--out``; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.flatten", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", required=True, type=Path, help="corpus folder")
    parser.add_argument("--out", required=True, type=Path, help="folder for the .txt dumps")
    parser.add_argument(
        "--decoding",
        choices=DECODINGS,
        default="declared",
        help="declared: BOM, <meta> charset, else UTF-8 (default); "
        "lxml: libxml2's guess, as issue 18's dumps were made",
    )
    args = parser.parse_args(argv)
    try:
        pages = load_corpus(args.corpus)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        dump = flatten_html(page.read(), args.decoding)
        (args.out / f"{page.id}.txt").write_text(dump + "\n" if dump else "", encoding="utf-8")
    print(f"wrote {len(pages)} dumps to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
