"""Rewrite a corpus in another script: the same markup, its words in Cyrillic, Arabic or Han.

The development corpora are mostly English; the extractor is measured later on
pages in many languages. Rewriting a corpus's words in another script, its
markup untouched, shows which of the generic extractor's decisions hang on
the English text rather than on the page's structure: a rule that reads
capital letters, ASCII letters, spaces between words or English words. The
score on a rewritten corpus against the score on the original is what that
reliance costs; peers measured in the same run give the scale.

What each script does to a word (a run of ASCII letters); digits, accented
letters, markup, addresses (URLs, e-mail addresses and domain names, which
pages in any script write in Latin) and the text of ``<script>``, ``<style>``,
``<template>`` and ``<textarea>`` are left as they are, and a character
reference is read as the character it stands for first:

- ``cyrillic``: each letter becomes one Cyrillic letter, case kept ("Paris" →
  "Парис"). Only the alphabet changes.
- ``arabic``: each letter becomes one Arabic letter, and case is lost, as
  Arabic has none; "?", "," and ";" become "؟", "،" and "؛".
- ``han``: each word becomes Han characters, one for every two letters, chosen
  by the word (the same word always gives the same characters; case is lost);
  the spaces between two rewritten words go, as Chinese writes no spaces (in a
  page, also the line breaks of the source and across inline tags); a
  sentence's ".", ",", "?", "!", ":" and ";" before a space or at the end of a
  text become their full-width forms ("。", "，"...). A Han "word" of the metric
  (``\\w+``) is then a whole clause, so scores are coarser than on the original.

The page is rewritten as text, not parsed and serialized again, so the markup
a parser sees is byte for byte the original's outside the words. The page is
decoded as the extractor decodes it and written in UTF-8, which its ``<meta>``
then declares; ``<html lang>`` is set to the script's language (ru, ar, zh);
the ``content`` of ``<meta>`` titles, descriptions, authors and site names and the string fields of
JSON-LD that hold text (``headline``, ``name``, ``description``...) are
rewritten like the body. The expected body and the expected metadata of the
ground truth are rewritten by the same function, so a page's expected text
matches its rewritten page.

Run as a command, it writes a corpus of the same layout, which every benchmark
reads as it reads the original::

    python -m benchmarks.rescript --corpus PATH --script han --out DIR
    python -m benchmarks.extraction --corpus DIR
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import GROUND_TRUTH, load_corpus, run_writer, write_page
from extractors.page.decode import decode_page

__all__ = ["MARKUP", "SCRIPTS", "rewrite_page", "rewrite_text"]

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абцдефгхийклмнопярстувшжыз"
_ARABIC = "ابتديفغهىجكلمنوثقرسطصضعخحز"
# Common Han characters (CJK Unified Ideographs), the pool a word's characters come from.
_HAN_FIRST, _HAN_COUNT = 0x4E00, 0x5000

_TO_CYRILLIC = str.maketrans(_LATIN + _LATIN.upper(), _CYRILLIC + _CYRILLIC.upper())
_TO_ARABIC = str.maketrans(_LATIN + _LATIN.upper(), _ARABIC + _ARABIC)
_ARABIC_MARKS = str.maketrans({"?": "؟", ",": "،", ";": "؛"})
_HAN_MARKS = {".": "。", ",": "，", "?": "？", "!": "！", ":": "：", ";": "；"}

_WORD = re.compile(r"[A-Za-z]+")
# Left as they are inside rewritten text: addresses (URLs, e-mail addresses,
# domain names), which pages in any script write in Latin.
_KEPT = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|to|ly|uk|de|fr|it|es|nl|ru)\b"
    r"(?:/[^\s<>\"']*)?",
    re.ASCII,
)
_HAN_CHAR = "\u4e00-\u9fff"
_HAN_MARK = re.compile(rf"(?<=[{_HAN_CHAR}])([.,?!:;])(?=\s|$)")
_HAN_AND_MARKS = f"[{_HAN_CHAR}。，？！：；]"
# The spaces Chinese does not write: between a Han character (or a full-width
# mark) and the next Han character. In plain text, line breaks stay (they part
# paragraphs); in a page, the gap may hold line breaks of the source and inline
# tags ("the <a>live blog</a>"), whose whitespace goes and whose tags stay.
_HAN_GAP_IN_TEXT = re.compile(rf"(?<={_HAN_AND_MARKS})[^\S\n]+(?=[{_HAN_CHAR}])")
_INLINE_TAG = (
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var)\b[^>]*>"
)
_HAN_GAP_IN_PAGE = re.compile(
    rf"(?<={_HAN_AND_MARKS})(?:\s|{_INLINE_TAG})*\s(?:\s|{_INLINE_TAG})*(?=[{_HAN_CHAR}])",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")

# Raw HTML cut into what is rewritten (text) and what is not (tags, whose quoted
# attribute values may hold ">", comments, the content of elements whose text is
# code); benchmarks.unname reads the tags with it too.
MARKUP = re.compile(
    r"(<!--.*?-->|<(script|style|template|textarea)\b[^>]*>.*?</\2\s*>"
    r"|<[!?/]?[A-Za-z](?:[^>=]|=\s*\"[^\"]*\"|=\s*'[^']*'|=)*>)",
    re.DOTALL | re.IGNORECASE,
)
# A <meta> whose name or property says it holds text of the page (its title,
# description, author or site name), and the value of its content attribute.
_META_TEXT = re.compile(
    r"""(?:name|property)\s*=\s*["']?[\w:.-]*(?:title|description|author|site_name)""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""(\bcontent\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_JSON_LD = re.compile(
    r"""(<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>)(.*?)(</script\s*>)""",
    re.IGNORECASE | re.DOTALL,
)
_JSON_LD_TEXT_KEYS = frozenset(
    {"headline", "alternativeHeadline", "name", "description", "articleBody", "caption"}
)
_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_LANG = re.compile(r"""\s(?:xml:)?lang\s*=\s*(["']?)[^"'\s>]*\1""", re.IGNORECASE)
_CHARSET = re.compile(r"""(charset\s*=\s*["']?)[\w.:-]+""", re.IGNORECASE)

SCRIPTS = {"cyrillic": "ru", "arabic": "ar", "han": "zh"}
"""The scripts a corpus can be rewritten in, and the language each page then declares."""


def _han_word(match: re.Match[str]) -> str:
    word = match.group().lower()
    seed = zlib.crc32(word.encode("ascii"))
    return "".join(
        chr(_HAN_FIRST + zlib.crc32(b"%d" % i, seed) % _HAN_COUNT)
        for i in range((len(word) + 1) // 2)
    )


def _cyrillic(text: str) -> str:
    return text.translate(_TO_CYRILLIC)


def _arabic(text: str) -> str:
    return text.translate(_TO_ARABIC).translate(_ARABIC_MARKS)


def _han(text: str) -> str:
    text = _HAN_MARK.sub(lambda match: _HAN_MARKS[match.group(1)], _WORD.sub(_han_word, text))
    return _HAN_GAP_IN_TEXT.sub("", text)


_REWRITERS: dict[str, Callable[[str], str]] = {
    "cyrillic": _cyrillic,
    "arabic": _arabic,
    "han": _han,
}


def rewrite_text(text: str, script: str) -> str:
    """``text`` with its words in ``script`` (one of :data:`SCRIPTS`); addresses kept.

    >>> rewrite_text("Paris, 2 May. Où?", "cyrillic")
    'Парис, 2 Маы. Оù?'
    >>> rewrite_text("Paris, 2 May. Où?", "arabic")
    'ثارىس، 2 ماح. وù؟'
    >>> rewrite_text("See https://example.com/a or mail me@example.org.", "cyrillic")
    'Сее https://example.com/a ор маил me@example.org.'
    >>> rewrite_text("Rain, then sun and wind.", "han")
    '胾恨，澰輦詐竆啟痉饮觸。'
    """
    rewrite = _REWRITERS[script]
    out: list[str] = []
    position = 0
    for match in _KEPT.finditer(text):
        out += [rewrite(text[position : match.start()]), match.group()]
        position = match.end()
    out.append(rewrite(text[position:]))
    return "".join(out)


def rewrite_page(page: str, script: str) -> str:
    """The HTML ``page`` with the text of its body, title and text metadata rewritten
    in ``script``; tags, attributes and code as they were (see the module's text).

    >>> rewrite_page('<html lang="en"><title>Hi</title><p class="x">Hello <b>you</b>', "cyrillic")
    '<html lang="ru"><title>Хи</title><p class="x">Хелло <b>ыоу</b>'
    """
    out: list[str] = []
    position = 0
    for match in MARKUP.finditer(page):
        out.append(_rewrite_html_text(page[position : match.start()], script))
        out.append(_rewrite_markup(match.group(), script))
        position = match.end()
    out.append(_rewrite_html_text(page[position:], script))
    rewritten = "".join(out)
    if script == "han":
        rewritten = _HAN_GAP_IN_PAGE.sub(lambda gap: "".join(_TAG.findall(gap.group())), rewritten)
    return rewritten


def _rewrite_html_text(text: str, script: str) -> str:
    """Text between tags, rewritten; its character references are read first, so
    that "caf&eacute;" is rewritten as "café" is, and written back escaped."""
    return html.escape(rewrite_text(html.unescape(text), script), quote=False)


def _rewrite_markup(markup: str, script: str) -> str:
    """A tag, comment or code element, with what it holds of the page's text rewritten."""
    lowered = markup[:9].lower()
    if lowered.startswith("<html"):
        return _HTML_TAG.sub(lambda m: _with_lang(m, SCRIPTS[script]), markup)
    if lowered.startswith("<meta"):
        markup = _CHARSET.sub(r"\g<1>utf-8", markup)
        if _META_TEXT.search(markup):
            markup = _CONTENT.sub(
                lambda m: m.group(1) + m.group(2) + rewrite_text(m.group(3), script) + m.group(2),
                markup,
            )
        return markup
    if lowered.startswith("<script"):
        return _JSON_LD.sub(
            lambda m: m.group(1) + _rewrite_json_ld(m.group(2), script) + m.group(3), markup
        )
    return markup


def _with_lang(match: re.Match[str], lang: str) -> str:
    attributes = _LANG.sub("", match.group(1))
    return f'<html lang="{lang}"{attributes}>'


def _rewrite_json_ld(source: str, script: str) -> str:
    """JSON-LD with its text fields rewritten; as it was when it is not valid JSON."""
    try:
        data = json.loads(source)
    except ValueError:
        return source
    # "</" escaped as JSON allows, so that a "</script>" in a string cannot end the element.
    return json.dumps(_rewrite_json(data, script), ensure_ascii=False).replace("</", "<\\/")


def _rewrite_json(value: Any, script: str, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _rewrite_json(v, script, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite_json(v, script, key) for v in value]
    if isinstance(value, str) and key in _JSON_LD_TEXT_KEYS:
        # An articleBody may hold markup: its tags stay as they are.
        return rewrite_page(value, script) if "<" in value else rewrite_text(value, script)
    return value


def rewrite_corpus(corpus: Path, script: str, out: Path) -> int:
    """Write ``corpus`` rewritten in ``script`` to ``out``, same layout; the page count."""
    pages = load_corpus(corpus)
    truth = json.loads((corpus / GROUND_TRUTH).read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        # Decoded as the extractor decodes (a charset declared wrongly is caught),
        # so that the rewritten page, written in UTF-8, reads the same.
        rewritten = rewrite_page(decode_page(page.read()).text, script)
        write_page(out, page.id, rewritten.encode("utf-8"))
        entry = truth[page.id]
        for name, value in entry.items():
            if isinstance(value, str) and name not in ("url", "publishedTime", "lang", "dir"):
                entry[name] = rewrite_text(value, script)
        if "lang" in entry:
            entry["lang"] = SCRIPTS[script]
    (out / GROUND_TRUTH).write_text(
        json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return len(pages)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``--corpus`` rewritten in ``--script`` into ``--out``; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.rescript", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", required=True, type=Path, help="corpus folder")
    parser.add_argument("--script", required=True, choices=sorted(SCRIPTS))
    parser.add_argument("--out", required=True, type=Path, help="folder for the new corpus")
    args = parser.parse_args(argv)
    return run_writer(
        lambda: rewrite_corpus(args.corpus, args.script, args.out),
        f" in {args.script} to {args.out}",
    )


if __name__ == "__main__":
    sys.exit(main())
