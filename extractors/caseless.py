"""Patterns of words matched without regard to case, at the cost of matching with it."""

from __future__ import annotations

import re

__all__ = ["Caseless"]

# A regex escape (\S, \W, \d): its letter is no letter of the text.
_ESCAPE = re.compile(r"\\.")


class Caseless:
    """A regex of words, its letters written in lower case, matched ignoring case.

    An ASCII text is lower-cased and matched by the regex compiled without
    ``re.IGNORECASE``: the same match, at the same positions (lower-casing keeps
    an ASCII text's length), and a quicker one, as the regex engine skips an
    alternative at its first letter only when case counts. Any other text is
    matched with ``re.IGNORECASE`` (:attr:`caseless`).

    >>> more = Caseless(r"^\\W*(?:read more|lees meer)\\b")
    >>> bool(more.match("READ MORE »")), bool(more.match("Lees méér"))
    (True, False)
    >>> more.match("Lees meer: het nieuws").end()
    9
    >>> Caseless("Read more")
    Traceback (most recent call last):
    ValueError: a capital letter in 'Read more': write the letters in lower case
    """

    __slots__ = ("cased", "caseless", "pattern")

    def __init__(self, pattern: str) -> None:
        letters = _ESCAPE.sub("", pattern)
        if letters != letters.lower():
            raise ValueError(f"a capital letter in {pattern!r}: write the letters in lower case")
        self.pattern = pattern
        self.cased = re.compile(pattern)
        """The regex for a lower-cased text."""
        self.caseless = re.compile(pattern, re.IGNORECASE)
        """The regex for any text."""

    def match(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The match at the start of ``text``, case aside; ``lowered`` is
        ``text.lower()`` when the caller has it already."""
        if text.isascii():
            return self.cased.match(text.lower() if lowered is None else lowered)
        return self.caseless.match(text)
