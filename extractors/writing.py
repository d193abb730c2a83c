"""Measures of text that hold in any writing system: size, words, sentence ends.

Rules of length and of words were first written on pages in Latin script. A
Chinese, Japanese or Thai paragraph has no spaces between its words (one
"word" to ``str.split()``) and about a third of the characters of the same
paragraph in English; Arabic and Urdu end their questions and sentences with
marks of their own. The measures here count such text as they count a spaced
script, so that one threshold holds for every page. Both the generic
extractor and the text-dump cleaner (:mod:`extractors.textdump.lines`) use them.

>>> size("A short line."), size("联合国大会"), word_count("联合国大会今日通过决议")
(13, 15, 5)
"""

from __future__ import annotations

import re

__all__ = [
    "FULL_STOPS",
    "SENTENCE_ENDS",
    "UNSPACED_CHAR_WEIGHT",
    "has_unspaced",
    "size",
    "unspaced_chars",
    "word_count",
]

# Marks that end a sentence: Latin, Arabic (؟), Urdu (۔), Chinese and Japanese
# (。！？), the danda of Hindi, Marathi, Nepali and Bengali (। and ॥), Armenian (։),
# Amharic (።) and Burmese (။).
SENTENCE_ENDS = frozenset(".!?…。！？؟۔।॥։።။")
# The marks that end a sentence for sure: a trailing ellipsis is as often a
# teaser or a headline cut short.
FULL_STOPS = SENTENCE_ENDS - {"\N{HORIZONTAL ELLIPSIS}"}
# Scripts written without spaces between words: Chinese, Japanese kana, Korean
# and Thai. Their characters count as half a word each (a Chinese word is about
# two characters), so that length rules hold for them as for spaced scripts.
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# The first bytes of those characters in UTF-8: Thai's is 0xE0, the others'
# 0xE3 to 0xED. Looking for single bytes is a memchr() each, where the pattern
# above costs a step of the regex engine per character of the text: quicker on
# a long text (a whole article), slower on a line, whose cost is the encoding
# and the twelve calls (6 µs against 0.9 µs for a 90-character French line; the
# two take the same time at about 1,000 characters).
_UNSPACED_LEADS = (b"\xe0", *(bytes([lead]) for lead in range(0xE3, 0xEE)))
# Runs of those characters: counted by the runs' lengths, a Chinese line costs a
# string a run, where a string a character cost twice the time (findall).
_UNSPACED_RUNS = re.compile(_UNSPACED.pattern + "+")
_LEADS_FROM_CHARS = 1000
# Weight of an unspaced character in a text's size: one Chinese character says
# about as much as three Latin ones.
UNSPACED_CHAR_WEIGHT = 3


def has_unspaced(text: str) -> bool:
    """Whether ``text`` holds a character of an unspaced script.

    >>> has_unspaced("Le “Maroc”"), has_unspaced("联合国"), has_unspaced("ภาษาไทย")
    (False, True, True)
    """
    if text.isascii():
        return False
    if len(text) >= _LEADS_FROM_CHARS:
        encoded = text.encode("utf-8", "surrogatepass")
        if not any(lead in encoded for lead in _UNSPACED_LEADS):
            return False
    return _UNSPACED.search(text) is not None


def unspaced_chars(text: str) -> int:
    """How many characters of ``text`` are of an unspaced script (0 for most text,
    told without the pattern when ``text`` has none, :func:`has_unspaced`).

    >>> unspaced_chars("联合国 (UN) 大会"), unspaced_chars("Le Maroc")
    (5, 0)
    """
    return sum(map(len, _UNSPACED_RUNS.findall(text))) if has_unspaced(text) else 0


def size(text: str) -> int:
    """The length of ``text``, an unspaced script's characters weighted by
    :data:`UNSPACED_CHAR_WEIGHT`: what a length threshold written for Latin script
    should read."""
    if text.isascii():  # most text: no unspaced character to look for
        return len(text)
    return len(text) + (UNSPACED_CHAR_WEIGHT - 1) * unspaced_chars(text)


def word_count(text: str) -> int:
    """The words of ``text``: whitespace-separated, or half a word an unspaced
    character when that counts more (a Chinese paragraph is one run of characters)."""
    return max(len(text.split()), unspaced_chars(text) // 2)
