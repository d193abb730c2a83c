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

With ``--divs``, every ``<p>`` and ``</p>`` tag is also written ``<div>`` and
``</div>`` (with ``--keep-names``, that is the only change): the page as the
many sites that write paragraphs as divs (Chinese and Korean portals, page
builders) would write it, which tells how much the rules owe to the paragraph
tag. A ``<p>`` left unclosed, which a parser closes at the next
block, becomes a ``<div>`` that holds what follows it until its parent closes:
such pages are changed in their structure too, as a real site's would be.

Only tags are touched (start tags, and with ``--divs`` the ``</p>`` end
tags): comments, the text, and the elements whose content is code
(``<script>``, ``<style>``, ``<template>``, ``<textarea>``) stay as they were
(the tags are found as :mod:`benchmarks.rescript` finds them). The page is
read byte for byte (as Latin-1, which maps every byte to one character), so
every other byte of it, its charset declaration included, is the original's
in any charset that writes ASCII as ASCII. The ground truth is copied
unchanged::

    python -m benchmarks.unname --corpus PATH --out DIR [--divs [--keep-names]]
    python -m benchmarks.extraction --corpus DIR
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import GROUND_TRUTH, HTML_DIR, PAGE_SUFFIX, CorpusError, load_corpus
from benchmarks.rescript import MARKUP

__all__ = ["unname_corpus", "unname_page"]

# A class or id attribute in a start tag, its value quoted either way or bare; or
# a quoted value of another attribute, which is skipped whole, as it may hold
# markup ('data-item="<p class=x>"').
_NAME = re.compile(
    r"""("[^"]*"|'[^']*')|\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE
)
# The name of a <p> start or end tag.
_PARAGRAPH = re.compile(r"(?<=^<)(/?)p(?=[\s/>])", re.IGNORECASE)


def unname_page(page: str, *, divs: bool = False, names: bool = False) -> str:
    """The HTML ``page`` without a class or id attribute in any start tag (unless
    ``names``, which keeps them); with ``divs``, each ``<p>`` written as a ``<div>``.

    >>> unname_page('<div class="story" id=main><p>A class="x" word</p><!-- <b id="c"> --></div>')
    '<div><p>A class="x" word</p><!-- <b id="c"> --></div>'
    >>> unname_page('<P class=lede>A <pre>b</pre></P><param>', divs=True)
    '<div>A <pre>b</pre></div><param>'
    >>> unname_page('<p class=lede>A</p>', divs=True, names=True)
    '<div class=lede>A</div>'
    """

    def rewrite(match: re.Match[str]) -> str:
        markup = match.group()
        if markup.startswith("<!--") or match.group(2) is not None:
            return markup  # a comment, or an element whose content is code
        if not names:
            markup = _NAME.sub(lambda name: name.group(1) or "", markup)
        return _PARAGRAPH.sub(r"\1div", markup, count=1) if divs else markup

    return MARKUP.sub(rewrite, page)


def unname_corpus(corpus: Path, out: Path, *, divs: bool = False, names: bool = False) -> int:
    """Write ``corpus`` as :func:`unname_page` writes a page to ``out``, same layout;
    the page count."""
    pages = load_corpus(corpus)
    (out / HTML_DIR).mkdir(parents=True, exist_ok=True)
    for page in pages:
        # Latin-1 maps each byte to one character and back: only the names go.
        text = unname_page(page.read().decode("latin-1"), divs=divs, names=names)
        target = out / HTML_DIR / f"{page.id}{PAGE_SUFFIX}"
        target.write_bytes(gzip.compress(text.encode("latin-1"), mtime=0))
    shutil.copyfile(corpus / GROUND_TRUTH, out / GROUND_TRUTH)
    return len(pages)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``--corpus`` without names into ``--out``; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.unname", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", required=True, type=Path, help="corpus folder")
    parser.add_argument("--out", required=True, type=Path, help="folder for the new corpus")
    parser.add_argument("--divs", action="store_true", help="also write each <p> as a <div>")
    parser.add_argument("--keep-names", action="store_true", help="with --divs: keep class and id")
    args = parser.parse_args(argv)
    if args.keep_names and not args.divs:
        parser.error("--keep-names changes nothing without --divs")
    try:
        count = unname_corpus(args.corpus, args.out, divs=args.divs, names=args.keep_names)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    done = "with" if args.keep_names else "without"
    paragraphs = ", paragraphs as divs," if args.divs else ""
    print(f"wrote {count} pages {done} class or id{paragraphs} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
