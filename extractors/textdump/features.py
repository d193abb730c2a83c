"""Line evidence without markup: sentence shape, punctuation, capitals, length.

A line of article text is a sentence or several: long enough to say something,
ending with a sentence mark, with commas inside, its capitals at sentence
starts and names. A menu entry, a headline in a teaser list, a date or a widget
value is short, unpunctuated, capitalised word after word or mostly numbers.

>>> from extractors.textdump.lines import split_lines
>>> [prose_weight(line) for line in split_lines(
...     "Home\\nThe minister, who arrived on Monday, will travel to Rabat in May.")]
[0.0, 1.0]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from extractors.textdump.lines import Line
from extractors.writing import SENTENCE_ENDS

__all__ = [
    "MAX_HEADLINE_WORDS",
    "alphabetical",
    "cap_share",
    "headline_like",
    "prose_weight",
    "prose_weights",
]

# A sentence of this many words, ending with a sentence mark, is prose in any
# language: menus, buttons and widget values are shorter. Tuned on the
# article-extraction benchmark's flattened pages, confirmed on the Readability
# test pages (benchmarks/README.md, "Text dumps").
SENTENCE_MIN_WORDS = 8
# Shorter sentences (5 to 7 words) are prose only when most words are not
# capitalised: "Share This Story On Facebook." is a button, "It was not." a line.
SHORT_SENTENCE_MIN_WORDS = 5
SHORT_SENTENCE_MAX_CAPS = 0.6
# A line this long is prose without a final mark (a paragraph cut by a link, a
# list item of a long enumeration) when it has a comma or reads as sentences
# rather than a Title Case headline.
LONG_LINE_MIN_WORDS = 15
LONG_LINE_MAX_CAPS = 0.5
# Weight of a short sentence beside a full one: some of them are buttons.
SHORT_SENTENCE_WEIGHT = 0.7
# A line of this many items (words, or parts between commas when it has
# enough of them), nearly all in alphabetical order, is a tag cloud or a
# keyword list, whatever its language ("adote um amigo agua alerta ambiente
# amizade ..."; "In this article: av, consoles, entertainment, gadgetry ...").
# In prose, one pair of words in two or so is in order. On the flattened
# development corpora, the three lines of prose shape without a final mark
# that pass 0.9 are all such lists.
SORTED_MIN_ITEMS = 8
SORTED_MIN_SHARE = 0.9
# Only the line's first characters are read for it: a tag cloud is in order from
# its start, and this much holds 40 words or more.
SORTED_HEAD_CHARS = 400
# A headline: short, and not a sentence of a paragraph (those end with a period
# after more words than a headline has).
MAX_HEADLINE_WORDS = 25

_COMMA_CHARS = ",;،、，；"
_COMMAS = re.compile(f"[{_COMMA_CHARS}]")
# The end of a sentence inside a line: a mark after a letter, then a space or
# the end ("..", an ellipsis inside a headline, is none). Written around the
# mark, so that the regex engine skips from one mark to the next, where a
# pattern opening with a letter is tried at every letter.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_])[.!?؟。！？](?=\s|$)")
# The first letter of each word, after a space (one is put before the line):
# capitals at word starts tell headlines and menus ("Most Popular Videos")
# from sentences. Opening with the space lets the engine skip to the spaces.
_WORD_START = re.compile(r"\s([^\W\d_])")


def cap_share(text: str) -> float:
    """Share of the words starting with a letter that start with a capital.

    >>> cap_share("Most Popular Articles"), cap_share("it was Paris"), cap_share("1 2")
    (1.0, 0.3333333333333333, 0.0)
    """
    starts = _WORD_START.findall(" " + text)
    cased = [s for s in starts if s.isupper() or s.islower()]
    if not cased:
        return 0.0
    return sum(1 for s in cased if s.isupper()) / len(cased)


def prose_weight(line: Line) -> float:
    """How surely ``line`` is running text by its own shape: 1.0, 0.7 or 0.0."""
    words = line.words
    if words < SHORT_SENTENCE_MIN_WORDS or line.segments > 2:
        return 0.0
    last, truncated = line.ending
    if truncated:
        return 0.0
    if last in SENTENCE_ENDS:
        if words >= SENTENCE_MIN_WORDS:
            return 1.0
        return SHORT_SENTENCE_WEIGHT if cap_share(line.text) < SHORT_SENTENCE_MAX_CAPS else 0.0
    if words >= LONG_LINE_MIN_WORDS and (
        _COMMAS.search(line.text) or cap_share(line.text) < LONG_LINE_MAX_CAPS
    ):
        return 0.0 if alphabetical(line.text) else 1.0
    return 0.0


def alphabetical(text: str) -> bool:
    """Whether ``text`` is a list of items in alphabetical order (a tag cloud).

    >>> alphabetical("agua alerta ambiente amizade atendimento biblioteca campanha carnaval")
    True
    >>> alphabetical("The minister, who arrived on Monday, will travel to Rabat in May")
    False
    """
    # The line's head tells: a list is in order from its start, and a paragraph
    # of thousands of characters is not folded and cut whole for it.
    head = text[:SORTED_HEAD_CHARS].casefold()  # casefolds each item as it would alone
    if sum(map(head.count, _COMMA_CHARS)) >= SORTED_MIN_ITEMS - 1:  # str.count: no regex
        keys = [key for item in head.split(",") if (key := item.strip())]
    else:
        keys = head.split()
    if len(text) > SORTED_HEAD_CHARS:
        del keys[-1:]  # cut at the head's end
    if len(keys) < SORTED_MIN_ITEMS:
        return False
    # Counted until more pairs are out of order than a list allows: a line of
    # prose, one pair in two or so out of order, is told after a few words.
    allowed = (1 - SORTED_MIN_SHARE) * (len(keys) - 1)
    misses = 0
    for a, b in pairwise(keys):
        if a > b:
            misses += 1
            if misses > allowed:
                return False
    return True


def prose_weights(lines: Sequence[Line]) -> list[float]:
    """:func:`prose_weight` of each line; a line too short for prose (most of a
    page's lines) costs no call."""
    return [
        prose_weight(line) if line.words >= SHORT_SENTENCE_MIN_WORDS else 0.0 for line in lines
    ]


def headline_like(line: Line) -> bool:
    """A line that could be a headline: a few words, not a sentence of a paragraph.

    >>> from extractors.textdump.lines import split_lines
    >>> [headline_like(x) for x in split_lines("Blinken expected in Rabat\\nRead more:\\nOk")]
    [True, False, False]
    """
    if not 2 <= line.words <= MAX_HEADLINE_WORDS or line.segments > 1:
        return False
    last, truncated = line.ending
    return not truncated and last not in ":,;-–—|/" and len(_SENTENCE_END.findall(line.text)) <= 1
