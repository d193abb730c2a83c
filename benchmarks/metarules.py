"""When an extracted metadata value counts as right: the rules of issue 14, one per field.

Each rule compares the corpus's expected value with a tool's value (``None``
or blank when the tool found none, which is always wrong):

=================  ==================================================================
field              rule
=================  ==================================================================
``title``          equal once whitespace is folded (case and punctuation count)
``byline``         one inside the other, casefolded and whitespace folded: the
                   corpus's byline is the visible author line, sometimes with "By"
                   or a date around the names, so a tool's names inside it are right,
                   and so is a tool's longer line that holds the whole byline
``publishedTime``  the same calendar day, as written in each value (``2019-01-03`` of
                   ``2019-01-03T07:00:02Z``): no time zone conversion
``siteName``       equal once casefolded and whitespace folded
=================  ==================================================================

Beside the rules, :func:`title_undecorated` tells a title mismatch that is only the
site's decoration (the expected title is the found one and a part after or before
a separator: "Headline | eHow"): the corpus keeps what the page's ``og:title``
holds, and issue 14 asks for the headline without the site's prefix or suffix. It
is printed as a count beside the table and never changes the title's figure.

Only the standard library: the rules are pure text, tested on small strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = [
    "FIELDS",
    "Field",
    "byline_matches",
    "fold",
    "same_day",
    "site_matches",
    "title_matches",
    "title_undecorated",
]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# What separates a headline from the site's decoration in a title.
_AFTER = re.compile(r"^\s*(?:[|–—·•»«:/~_-]|::|\[|\()")
_BEFORE = re.compile(r"(?:[|–—·•»«:/~_-]|::)\s*$")


def fold(text: str) -> str:
    """``text`` with every run of whitespace as one space, stripped.

    >>> fold("  The\\u00a0 title\\n")
    'The title'
    """
    return " ".join(text.split())


def title_matches(expected: str, found: str | None) -> bool:
    """Titles are equal after whitespace folding.

    >>> title_matches("A  title", "A title"), title_matches("A title", "a title")
    (True, False)
    """
    return bool(found and found.strip()) and fold(expected) == fold(found or "")


def title_undecorated(expected: str, found: str | None) -> bool:
    """``found`` is ``expected`` without a part after or before a separator.

    >>> title_undecorated("How to Build a Terrarium | eHow", "How to Build a Terrarium")
    True
    >>> title_undecorated("Opinion | Slow Trains", "Slow Trains")
    True
    >>> title_undecorated("Slow Trains", "Slow Trains"), title_undecorated("Slow Trains", "Slow")
    (False, False)
    """
    mine, theirs = fold(found or ""), fold(expected)
    if not mine or mine == theirs:
        return False
    if theirs.startswith(mine) and _AFTER.match(theirs[len(mine) :]):
        return True
    return theirs.endswith(mine) and _BEFORE.search(theirs[: -len(mine)]) is not None


def byline_matches(expected: str, found: str | None) -> bool:
    """One byline is inside the other, casefolded and whitespace folded.

    >>> byline_matches("By Jane Doe, 3 May 2019", "Jane Doe")
    True
    >>> byline_matches("Jane Doe", "Jane Doe, John Roe")
    True
    >>> byline_matches("Jane Doe", "Condé Nast")
    False
    """
    if not found or not found.strip():
        return False
    mine, theirs = fold(found).casefold(), fold(expected).casefold()
    return mine in theirs or theirs in mine


def same_day(expected: str, found: str | None) -> bool:
    """Both values start with the same ``YYYY-MM-DD`` (ISO 8601) calendar day.

    >>> same_day("2019-01-03T07:00:02.000Z", "2019-01-03")
    True
    >>> same_day("2015-07-24T05:36:09+01:00", "2015-07-23T23:00:00")
    False
    """
    mine, theirs = _day(found or ""), _day(expected)
    return mine is not None and mine == theirs


def _day(value: str) -> tuple[str, str, str] | None:
    """The calendar day an ISO 8601 value starts with, if it starts with one."""
    match = _DAY.match(value.strip())
    return None if match is None else (match[1], match[2], match[3])


def site_matches(expected: str, found: str | None) -> bool:
    """Site names are equal, casefolded and whitespace folded.

    >>> site_matches("The  Guardian", "the guardian")
    True
    """
    return (
        bool(found and found.strip()) and fold(expected).casefold() == fold(found or "").casefold()
    )


@dataclass(frozen=True, slots=True)
class Field:
    """One metadata field of the ground truth, with its rule."""

    name: str
    """The ground-truth key (``title``, ``byline``, ``publishedTime``, ``siteName``)."""
    rule: str
    """The rule, in a few words, for the report."""
    matches: Callable[[str, str | None], bool]


FIELDS: Mapping[str, Field] = {
    field.name: field
    for field in (
        Field("title", "exact, whitespace folded", title_matches),
        Field("byline", "one inside the other, casefolded", byline_matches),
        Field("publishedTime", "same calendar day", same_day),
        Field("siteName", "equal, casefolded", site_matches),
    )
}
"""The fields measured, in the order of the report."""
