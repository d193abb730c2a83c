"""Strip a corpus's pages of their class and id attributes: the same pages, nothing named.

Many of the generic extractor's rules read the words of class and id
attributes ("article-body", "sidebar", "related"). Sites name their elements
in other languages, in abbreviations, by a build tool's hashes ("css-1x2y3z")
or not at all; a rule that needs a name to find the story fails there. The
corpus written again without any class or id, its text, its other attributes
and the rest of its markup byte for byte the same, shows what the page's
structure and text alone give: the score there against the original's is
what the reliance on names costs; peers measured in the same run give the
scale (trafilatura and readability-lxml read class words too).

``--paragraphs`` also takes away the paragraph tag, as many sites write their
text (Chinese and Korean portals, page builders, older sites), which tells how
much the rules owe to it: ``div`` writes every ``<p>`` and ``</p>`` as ``<div>``
and ``</div>``; ``br`` drops every ``<p>`` start tag and writes each ``</p>`` as
``<br><br>``, the paragraphs' text left loose in their container. With
``--keep-names``, that is the only change. A ``<p>`` left unclosed, which a
parser closes at the next block, becomes with ``div`` a ``<div>`` that holds
what follows it until its parent closes, and with ``br`` runs on into it: such
pages are changed in their structure too, as a real site's would be.

Only tags are touched (start tags, and with ``--paragraphs`` the ``</p>`` end
tags): comments, the text, and the elements whose content is code
(``<script>``, ``<style>``, ``<template>``, ``<textarea>``) stay as they were
(the tags are found as :mod:`benchmarks.rescript` finds them). The page is
read byte for byte (as Latin-1, which maps every byte to one character), so
every other byte of it, its charset declaration included, is the original's
in any charset that writes ASCII as ASCII. The ground truth is copied
unchanged::

    python -m benchmarks.unname --corpus PATH --out DIR [--paragraphs div|br [--keep-names]]
    python -m benchmarks.extraction --corpus DIR
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from benchmarks.corpus import run_writer, write_corpus
from benchmarks.rescript import MARKUP

__all__ = ["unname_corpus", "unname_page"]

# A class or id attribute in a start tag, its value quoted either way or bare; or
# a quoted value of another attribute, which is skipped whole, as it may hold
# markup ('data-item="<p class=x>"').
_NAME = re.compile(
    r"""("[^"]*"|'[^']*')|\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE
)
# A <p> start tag, or a </p> end tag (group 1).
_PARAGRAPH = re.compile(r"<(?:(/)\s*)?p(?=[\s/>])", re.IGNORECASE)

Paragraphs = Literal["p", "div", "br"]
"""How paragraphs are written: as they are, as ``<div>``s, or as text ending in two ``<br>``."""


def unname_page(page: str, *, paragraphs: Paragraphs = "p", keep_names: bool = False) -> str:
    """The HTML ``page`` without a class or id attribute in any start tag (unless
    ``keep_names``), its paragraphs written as ``paragraphs`` says.

    >>> unname_page('<div class="story" id=main><p>A class="x" word</p><!-- <b id="c"> --></div>')
    '<div><p>A class="x" word</p><!-- <b id="c"> --></div>'
    >>> unname_page('<P class=lede>A <pre>b</pre></P><param>', paragraphs="div")
    '<div>A <pre>b</pre></div><param>'
    >>> unname_page('<p class=lede>A</p>', paragraphs="div", keep_names=True)
    '<div class=lede>A</div>'
    >>> unname_page('<div><p class=lede>A</p><p>B</p></div>', paragraphs="br")
    '<div>A<br><br>B<br><br></div>'
    """

    def rewrite(match: re.Match[str]) -> str:
        markup = match.group()
        if markup.startswith("<!--") or match.group(2) is not None:
            return markup  # a comment, or an element whose content is code
        if not keep_names:
            markup = _NAME.sub(lambda name: name.group(1) or "", markup)
        if paragraphs == "p" or (tag := _PARAGRAPH.match(markup)) is None:
            return markup
        if paragraphs == "div":
            return f"<{tag.group(1) or ''}div{markup[tag.end() :]}"
        return "<br><br>" if tag.group(1) else ""

    return MARKUP.sub(rewrite, page)


def unname_corpus(
    corpus: Path, out: Path, *, paragraphs: Paragraphs = "p", keep_names: bool = False
) -> int:
    """Write ``corpus`` as :func:`unname_page` writes a page to ``out``, same layout;
    the page count."""

    def rewrite(data: bytes) -> bytes:
        # Latin-1 maps each byte to one character and back: only tags change.
        text = unname_page(data.decode("latin-1"), paragraphs=paragraphs, keep_names=keep_names)
        return text.encode("latin-1")

    return write_corpus(corpus, out, rewrite)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``--corpus`` without names into ``--out``; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.unname", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", required=True, type=Path, help="corpus folder")
    parser.add_argument("--out", required=True, type=Path, help="folder for the new corpus")
    parser.add_argument(
        "--paragraphs",
        choices=get_args(Paragraphs),
        default="p",
        help="write each <p> as a <div>, or as its text and <br><br> (default: as it is)",
    )
    parser.add_argument(
        "--keep-names", action="store_true", help="with --paragraphs: keep class and id"
    )
    args = parser.parse_args(argv)
    if args.keep_names and args.paragraphs == "p":
        parser.error("--keep-names changes nothing without --paragraphs div or br")
    names = "with" if args.keep_names else "without"
    written = {"p": "", "div": ", paragraphs as divs,", "br": ", paragraphs as text and <br>s,"}
    return run_writer(
        lambda: unname_corpus(
            args.corpus, args.out, paragraphs=args.paragraphs, keep_names=args.keep_names
        ),
        f" {names} class or id{written[args.paragraphs]} to {args.out}",
    )


if __name__ == "__main__":
    sys.exit(main())
