"""Lists the article introduces: the short lines after a lead-in of its own.

An article's list (the features of a product, the steps of a recipe, the
items of a listicle) is a run of short lines, which the prose rules do not
keep; when it is longer than a gap the article may hold, or ends the
article, its lines go. The article shows where its lists are: a line of its
own that ends with a colon ("Le jeu comprend :", "The actions are:") opens
one, and a numbered run ("1) ...", "2) ...") starting right after its text is
one. Such a list is kept up to the first line that is not an item of it.

>>> from extractors.textdump.lines import split_lines
>>> lines = split_lines("Le jeu comprend :\\nDes centaines de défis\\nDes questions\\nFacebook")
>>> keep_lists(lines, [None, "not-prose", "not-prose", "not-prose"], lambda i: None)
[None, None, None, 'not-prose']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress, count, repeat
from operator import is_

from extractors.textdump.lines import Line
from extractors.textdump.rules import BOUNDARY_KINDS

__all__ = ["keep_lists"]

# A list item holds two words at least: a lone word after a list is a share
# button or a menu entry ("Facebook"), as between two paragraphs.
ITEM_MIN_WORDS = 2
# Longer than this, a run of short lines is a page's furniture, not one list.
LIST_MAX_LINES = 40
# "1) ", "2. ", "3 - ": an item's number at the start of its line.
_NUMBERED = re.compile(r"^(\d{1,3})\s?[.)\-–:]\s")


def keep_lists(
    lines: Sequence[Line],
    reasons: Sequence[str | None],
    kind_of: Callable[[int], str | None],
) -> list[str | None]:
    """``reasons`` with the items of each list the article introduces kept
    (None); ``kind_of`` gives a line's furniture kind, None for none."""
    kept = list(reasons)
    # Only the article's lines open a list (the items a list keeps open none);
    # they are found by C loops (compress, map), not a Python pass per line.
    for index in compress(count(), map(is_, reasons[:-1], repeat(None))):
        following = lines[index + 1].text
        if following[:1] == "1" and _number(following) == 1:
            if _number(lines[index].text) is None:  # not an item of a list itself
                _keep_run(lines, kept, kind_of, index + 1, numbered=True)
        elif kept[index + 1] is not None and lines[index].text.endswith(":"):
            _keep_run(lines, kept, kind_of, index + 1, numbered=False)
    return kept


def _keep_run(
    lines: Sequence[Line],
    kept: list[str | None],
    kind_of: Callable[[int], str | None],
    start: int,
    *,
    numbered: bool,
) -> None:
    """Keep the items from ``start`` on, up to a list or comments heading. A
    numbered list's items are told by their numbers, and furniture between
    them (a link's URL) stays out; other furniture ends a list that has none
    ("Partager" after the last item)."""
    expected = 1
    for index in range(start, min(len(lines), start + LIST_MAX_LINES)):
        line = lines[index]
        if kept[index] is None:  # the article's text again, or an item of it
            if numbered and _number(line.text) == expected:
                expected += 1
                continue
            return
        kind = kind_of(index)
        if kind in BOUNDARY_KINDS or kind == "title":
            return
        if kind is not None:
            if numbered:
                continue
            return
        if line.words < ITEM_MIN_WORDS:
            return
        if numbered:
            if _number(line.text) != expected:
                return
            expected += 1
        kept[index] = None


def _number(text: str) -> int | None:
    """The item number ``text`` starts with, if any.

    >>> _number("2) Polistil Pista Elettrica"), _number("2019 was a year")
    (2, None)
    """
    found = _NUMBERED.match(text)
    return int(found.group(1)) if found else None
