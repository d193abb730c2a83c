"""Serve a corpus's pages otherwise: the same pages, as other sites would write them.

The development corpora were saved by a few tools in a few ways; the pages
the extractor meets are served by every build tool and template there is. Each
form below rewrites every page of a corpus in one such way, leaving what a
reader sees the same (the text, and what is article and what is not), so that
a rule that depends on how the corpus happens to be written shows as a loss
against the original. Peers measured in the same run give the scale.

- ``minified``: as a minifier serves a page: runs of whitespace folded to one
  space, and none left beside a block's tag (the text of ``<pre>`` kept).
- ``indented``: as a pretty-printer or a template serves it: a line break and
  twelve spaces before each block's start tag (outside ``<pre>``).
- ``camel-names``: class and id names in camelCase, as CSS-in-JS and React
  sites write them ("related-posts" as "relatedPosts").
- ``h2-headlines``: every ``<h1>`` an ``<h2>``: sites that keep ``<h1>`` for
  their logo, or have none.
- ``html4-tags``: HTML5's sectioning tags (``article``, ``main``, ``section``,
  ``header``, ``footer``, ``nav``, ``aside``, ``figure``, ``figcaption``) as
  ``<div>``s, as older sites and many portals write.
- ``custom-elements``: each ``<div>`` and ``<section>`` a custom element of the
  same attributes (``<x-div>``, ``<x-section>``), as sites built with web
  components or Angular write their containers.
- ``legacy-charset``: the page in the legacy charset of its script
  (windows-1252 for Latin, windows-1251 for Cyrillic, windows-1256 for Arabic,
  Shift_JIS for Japanese, EUC-KR for Korean, GB18030 for Chinese), its
  ``<meta charset>`` saying so; a character the charset lacks is written as a
  numeric character reference, as such sites do.
- ``legacy-charset-undeclared``: the same bytes with no charset declared,
  which a reader must detect.

The tags are found as :mod:`benchmarks.unname` finds them (comments and the
content of ``<script>``, ``<style>``, ``<template>`` and ``<textarea>`` stay as
they were). Every form but the charset ones reads the page byte for byte (as
Latin-1), so every byte it does not rewrite is the original's; the charset forms
decode the page as the extractor does and encode it again. The ground truth is
copied unchanged::

    python -m benchmarks.reserve --corpus PATH --out DIR --as FORM
    python -m benchmarks.extraction --corpus DIR
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, get_args

from benchmarks.corpus import run_writer, write_corpus
from benchmarks.rescript import MARKUP
from extractors.page.decode import decode_page

__all__ = ["FORMS", "reserve_corpus", "reserve_page"]

Form = Literal[
    "minified",
    "indented",
    "camel-names",
    "h2-headlines",
    "html4-tags",
    "custom-elements",
    "legacy-charset",
    "legacy-charset-undeclared",
]
FORMS: tuple[str, ...] = get_args(Form)

_BLOCKS = (
    "address article aside blockquote body dd div dl dt figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 head header hr html li link main meta nav ol p section table tbody td tfoot "
    "th thead title tr ul br"
).split()
# The name of a start or end tag, and whether it is an end tag.
_TAG_NAME = re.compile(r"<(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_INDENTED_BLOCKS = frozenset(
    "p div li ul ol table tr td th h1 h2 h3 h4 h5 h6 section article".split()
)
_INDENT = "\n            "
# HTML's whitespace. Not \s: read as Latin-1, a UTF-8 page's multibyte characters
# hold bytes (0x85, 0xA0) that Python's \s takes for spaces.
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_NAME_VALUE = re.compile(
    r"""("[^"]*"|'[^']*')|(\s(?:class|id)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
    re.IGNORECASE,
)
_HTML4 = {
    tag: "div" for tag in "article main section header footer nav aside figure figcaption".split()
}
_META_CHARSET = re.compile(r"<meta\b[^>]*\bcharset\b[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

# The legacy charset of a script, by the Unicode name's first word of the page's
# most frequent letter outside ASCII.
_CHARSETS = {
    "CYRILLIC": "windows-1251",
    "ARABIC": "windows-1256",
    "GREEK": "iso-8859-7",
    "HEBREW": "windows-1255",
    "THAI": "windows-874",
    "HANGUL": "euc-kr",
    "HIRAGANA": "shift_jis",
    "KATAKANA": "shift_jis",
    "CJK": "gb18030",
}


def _tags(
    page: str, rewrite: Callable[[str, str, bool], str], text: Callable[[str, bool], str]
) -> str:
    """``page`` with each tag passed through ``rewrite(markup, name, closing)`` and
    each run of text between tags through ``text(run, in_pre)``; a comment, a
    doctype or an element of code goes through ``rewrite`` whole, named ``""``."""
    out: list[str] = []
    position = 0
    in_pre = 0
    for match in MARKUP.finditer(page):
        out.append(text(page[position : match.start()], in_pre > 0))
        markup = match.group()
        name = _TAG_NAME.match(markup)
        if markup.startswith("<!--") or match.group(2) is not None or name is None:
            out.append(rewrite(markup, "", False))
        else:
            tag, closing = name.group(2).lower(), bool(name.group(1))
            if tag == "pre":
                in_pre = max(0, in_pre - 1) if closing else in_pre + 1
            out.append(rewrite(markup, tag, closing))
        position = match.end()
    out.append(text(page[position:], in_pre > 0))
    return "".join(out)


def _minified(page: str) -> str:
    pieces: list[tuple[str, str, bool]] = []  # (kind, piece, is a block tag or pre)

    def tag(markup: str, name: str, closing: bool) -> str:
        pieces.append(("tag", markup, name in _BLOCKS))
        return markup

    def text(run: str, in_pre: bool) -> str:
        pieces.append(("text", run, in_pre))
        return run

    _tags(page, tag, text)
    out: list[str] = []
    for i, (kind, piece, flag) in enumerate(pieces):
        if kind == "tag" or flag:
            out.append(piece)
            continue
        folded = _WHITESPACE.sub(" ", piece)
        if folded == " ":
            before = pieces[i - 1] if i else None
            after = pieces[i + 1] if i + 1 < len(pieces) else None
            if (before is None or before[2]) or (after is None or after[2]):
                folded = ""
        out.append(folded)
    return "".join(out)


def _indented(page: str) -> str:
    def tag(markup: str, name: str, closing: bool) -> str:
        return markup if closing or name not in _INDENTED_BLOCKS else _INDENT + markup

    return _tags(page, tag, lambda run, in_pre: run)


def _camel(name: str) -> str:
    words = [word for word in re.split(r"[-_]+", name) if word]
    return words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:]) if words else name


def _camel_names(page: str) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group()  # another attribute's quoted value
        names = next(group for group in match.groups()[2:] if group is not None)
        return f'{match.group(2)}"{" ".join(_camel(name) for name in names.split())}"'

    def tag(markup: str, name: str, closing: bool) -> str:
        return _NAME_VALUE.sub(value, markup) if name else markup

    return _tags(page, tag, lambda run, in_pre: run)


def _renamed(page: str, names: dict[str, str]) -> str:
    def tag(markup: str, name: str, closing: bool) -> str:
        new = names.get(name)
        if new is None:
            return markup
        found = _TAG_NAME.match(markup)
        assert found is not None
        return f"<{found.group(1)}{new}{markup[found.end() :]}"

    return _tags(page, tag, lambda run, in_pre: run)


def _charset_of(text: str) -> str:
    """The legacy charset of the script most of ``text``'s letters outside ASCII are in."""
    scripts = Counter(
        unicodedata.name(ch, "?").split()[0] for ch in text if ord(ch) > 127 and ch.isalpha()
    )
    for script in ("HIRAGANA", "KATAKANA", "HANGUL"):
        if scripts[script]:
            return _CHARSETS[script]
    top = scripts.most_common(1)[0][0] if scripts else "LATIN"
    return _CHARSETS.get(top, "windows-1252")


def _legacy(data: bytes, declared: bool) -> bytes:
    text = _META_CHARSET.sub("", decode_page(data).text)
    charset = _charset_of(text)
    if declared:
        meta = f'<meta charset="{charset}">'
        head = _HEAD.search(text)
        text = text[: head.end()] + meta + text[head.end() :] if head else meta + text
    return text.encode(charset, errors="xmlcharrefreplace")


def reserve_page(data: bytes, form: Form) -> bytes:
    """The page ``data`` (its bytes) served as ``form`` says (see the module).

    >>> reserve_page(b'<div>\\n  <p class="lede-text">A  <b>big</b> day</p>\\n</div>', "minified")
    b'<div><p class="lede-text">A <b>big</b> day</p></div>'
    >>> reserve_page(b'<div class="lede-text" id=main_story><h1>A</h1></div>', "camel-names")
    b'<div class="ledeText" id="mainStory"><h1>A</h1></div>'
    >>> reserve_page(b'<article><H1 class=t>A</H1></article>', "h2-headlines")
    b'<article><h2 class=t>A</h2></article>'
    """
    if form in ("legacy-charset", "legacy-charset-undeclared"):
        return _legacy(data, declared=form == "legacy-charset")
    page = data.decode("latin-1")
    if form == "minified":
        page = _minified(page)
    elif form == "indented":
        page = _indented(page)
    elif form == "camel-names":
        page = _camel_names(page)
    elif form == "h2-headlines":
        page = _renamed(page, {"h1": "h2"})
    elif form == "custom-elements":
        page = _renamed(page, {"div": "x-div", "section": "x-section"})
    else:
        page = _renamed(page, _HTML4)
    return page.encode("latin-1")


def reserve_corpus(corpus: Path, out: Path, form: Form) -> int:
    """Write ``corpus`` as :func:`reserve_page` serves each page to ``out``, same
    layout; the page count."""
    return write_corpus(corpus, out, lambda data: reserve_page(data, form))


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``--corpus`` served as ``--as`` into ``--out``; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.reserve", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", required=True, type=Path, help="corpus folder")
    parser.add_argument("--out", required=True, type=Path, help="folder for the new corpus")
    parser.add_argument("--as", dest="form", required=True, choices=FORMS, help="how to serve it")
    args = parser.parse_args(argv)
    return run_writer(
        lambda: reserve_corpus(args.corpus, args.out, args.form), f", {args.form}, to {args.out}"
    )


if __name__ == "__main__":
    sys.exit(main())
