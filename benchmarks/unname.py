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

Only start tags are touched: comments, the text, and the elements whose
content is code (``<script>``, ``<style>``, ``<template>``, ``<textarea>``)
stay as they were (the tags are found as :mod:`benchmarks.rescript` finds
them). The page is read byte for byte (as Latin-1, which maps every byte to
one character), so every other byte of it, its charset declaration included,
is the original's in any charset that writes ASCII as ASCII. The ground truth
is copied unchanged::

    python -m benchmarks.unname --corpus PATH --out DIR
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


def unname_page(page: str) -> str:
    """The HTML ``page`` without a class or id attribute in any start tag.

    >>> unname_page('<div class="story" id=main><p>A class="x" word</p><!-- <b id="c"> --></div>')
    '<div><p>A class="x" word</p><!-- <b id="c"> --></div>'
    """
    return MARKUP.sub(_unname_tag, page)


def _unname_tag(match: re.Match[str]) -> str:
    markup = match.group()
    if markup.startswith("<!--") or match.group(2) is not None:
        return markup  # a comment, or an element whose content is code
    return _NAME.sub(lambda name: name.group(1) or "", markup)


def unname_corpus(corpus: Path, out: Path) -> int:
    """Write ``corpus`` without class and id attributes to ``out``, same layout; the page count."""
    pages = load_corpus(corpus)
    (out / HTML_DIR).mkdir(parents=True, exist_ok=True)
    for page in pages:
        # Latin-1 maps each byte to one character and back: only the names go.
        text = unname_page(page.read().decode("latin-1"))
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
    args = parser.parse_args(argv)
    try:
        count = unname_corpus(args.corpus, args.out)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {count} pages without class or id to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
