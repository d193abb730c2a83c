"""A text dump cut into lines, with the evidence each line carries by itself.

A dump is what a scraper kept of a page once its markup was gone: one block per
line (a paragraph, a heading, a menu entry, a caption). Nothing here looks at
more than one line; :mod:`~extractors.textdump.region` looks at their order.

>>> [line.text for line in split_lines("  Home \\n\\nA  line.\\n")]
['Home', 'A line.']
"""

from __future__ import annotations

import re
from itertools import count, repeat
from operator import add

from extractors.writing import UNSPACED_CHAR_WEIGHT, has_unspaced, unspaced_chars

__all__ = [
    "MAX_LINES",
    "MAX_LINE_CHARS",
    "Line",
    "split_lines",
    "split_measured",
]

# Bounds on the work one dump may cause (README, "Cleaning text"). The largest
# flattened page of the two development corpora has 1,600 lines and 134,000
# characters; news pages have a few hundred. Lines past MAX_LINES are dropped
# unread, with the reason "past-limit"; a line longer than MAX_LINE_CHARS is cut
# there before any rule reads it, so that every pattern runs on bounded text.
MAX_LINES = 20_000
MAX_LINE_CHARS = 20_000

# Separator patterns: a ticker or a menu printed on one line, its items joined
# by wide gaps (the French seed's ticker holds 48 headlines joined by four
# no-break spaces) or by a tab. Three spaces never separate words of a sentence.
_WIDE_GAP = re.compile(r"\t|\s{3,}")

# What may follow a sentence's last mark: closing quotes and brackets, as in
# « ... a déclaré. »
_CLOSERS = "\"'”’»)]」』›"


class Line:
    """One non-empty line of a dump and what it shows without its neighbours.

    What every line needs is measured when the dump is split; the rest, which
    only candidate lines are asked about, when first read.
    """

    __slots__ = ("index", "segments", "size", "text", "words")

    def __init__(self, index: int, text: str, words: int, size: int, segments: int = 1) -> None:
        self.index = index
        """Position among the dump's non-empty lines, from 0."""
        self.text = text
        """The line with its whitespace folded."""
        self.words = words
        """Whitespace-separated words; unspaced scripts count half a word a character."""
        self.size = size
        """Characters, an unspaced script's weighted by :data:`UNSPACED_CHAR_WEIGHT`."""
        self.segments = segments
        """How many parts wide gaps cut the line into before its whitespace was
        folded (1 for an ordinary line)."""

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r})"

    @property
    def ending(self) -> tuple[str, bool]:
        """The line's last character, closing quotes and brackets aside, and whether
        it ends with an ellipsis (a teaser cut short: "... ingenomen met..."), from
        one look at its end."""
        stripped = self.text.rstrip(_CLOSERS)
        last = stripped[-1:]
        if last == ".":  # most lines end otherwise: no ellipsis to look for
            return last, stripped.endswith("...") and not stripped.endswith("....")
        return last, last == "…"

    @property
    def last(self) -> str:
        """The line's last character, closing quotes and brackets aside."""
        return self.ending[0]


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` (at most :data:`MAX_LINES`), measured."""
    return split_measured(text)[0]


def split_measured(text: str) -> tuple[list[Line], bool]:
    """:func:`split_lines` of ``text``, and whether every line is known to be
    printable: so are a dump's lines when they come folded, which
    :func:`_is_folded` read the whole dump to tell (False: not known).

    >>> split_measured("Home\\nA line."), split_measured("A\\tline")
    (([Line(0, 'Home'), Line(1, 'A line.')], True), ([Line(0, 'A line')], False))
    """
    folded = _is_folded(text)
    found = _folded_lines(text) if folded else _fold_lines(text)
    # One scan of the whole dump spares the test on each line of a dump in a
    # spaced script (most of them): max() over a line's characters costs more
    # than the rest of its measuring.
    if has_unspaced(text):
        for line in found:
            if not line.text.isascii():
                unspaced = unspaced_chars(line.text)
                line.words = max(line.words, unspaced // 2)
                line.size += (UNSPACED_CHAR_WEIGHT - 1) * unspaced
    return found, folded


def _is_folded(text: str) -> bool:
    """Whether every line of ``text`` is folded already, as a flattened page's
    lines are: printable (so no line break but "\\n", no tab, no no-break
    space), single spaces, none at a line's ends. Told by a few scans of the
    whole dump, where testing each line cost a microsecond a line; with its line
    breaks read as spaces, a folded dump has no two spaces in a row (an empty
    line, which would show so too, is left to :func:`_fold_lines`).

    >>> _is_folded("Home\\nA line."), _is_folded("Home \\nA line."), _is_folded("A\\tline")
    (True, False, False)
    """
    if text[:1] == " " or text[-1:] == " ":
        return False
    spaced = text.replace("\n", " ")
    return "  " not in spaced and spaced.isprintable()


def _folded_lines(text: str) -> list[Line]:
    """:func:`split_lines` of a dump whose lines are folded (:func:`_is_folded`).

    Such a dump has an empty line only at its ends (one inside would have shown
    as two spaces in a row), and each line's measures come from C loops (map).
    """
    raws = text.split("\n")
    if not raws[-1]:
        raws.pop()
    if raws and not raws[0]:
        del raws[0]
    del raws[MAX_LINES:]
    if len(text) > MAX_LINE_CHARS:
        raws = [raw[:MAX_LINE_CHARS].rstrip(" ") for raw in raws]
    words = map(add, map(str.count, raws, repeat(" ")), repeat(1))
    return list(map(Line, count(), raws, words, map(len, raws)))


def _fold_lines(text: str) -> list[Line]:
    """:func:`split_lines` of any dump: each line folded and measured by itself."""
    found: list[Line] = []
    append = found.append
    for raw in text.splitlines():
        if len(found) >= MAX_LINES:
            break
        if not raw:
            continue
        if raw.isprintable() and "  " not in raw and raw[0] != " " and raw[-1] != " ":
            # Folded already: a printable line holds no whitespace but spaces,
            # and these are single and inside.
            if len(raw) > MAX_LINE_CHARS:
                raw = raw[:MAX_LINE_CHARS].rstrip(" ")
            folded, words, segments = raw, raw.count(" ") + 1, 1
        else:
            if len(raw) > MAX_LINE_CHARS:
                raw = raw[:MAX_LINE_CHARS]
            parts = raw.split()
            if not parts:
                continue
            folded, words = " ".join(parts), len(parts)
            # As long as its folded form, the raw line had no whitespace run: one part.
            segments = 1 if len(folded) == len(raw) else _segments(raw)
        append(Line(len(found), folded, words, len(folded), segments))
    return found


def _segments(raw: str) -> int:
    """How many parts wide gaps cut ``raw`` into, its ends aside.

    >>> _segments("  One\\N{NO-BREAK SPACE}\\N{NO-BREAK SPACE}\\N{NO-BREAK SPACE}Two\\tThree ")
    3
    """
    raw = raw.strip()
    return len(_WIDE_GAP.split(raw)) if _WIDE_GAP.search(raw) else 1
