"""The one place this package reads the HTML extractor's line rules.

:mod:`extractors.generic.blocks` knows the lines that are never article text
in a dozen languages: "read also" lead-ins, labels ("Advertisement", "عاجل"),
photo credits, "published in" source lines, bylines, date lines and the headings
of related-article lists. A text dump holds the same lines, without their
markup, so its cleaner asks the same rules rather than keeping a copy of them.

The verdict comes from the module's public :func:`~extractors.generic.blocks.is_noise_line`.
The reason's name (which rule matched) is read from the module's patterns, by
name, where they exist; if that module's rules are renamed or regrouped, the
verdicts stay the same and the reason falls back to ``"line-rule"``. Fix the
names in :data:`_KINDS` and :data:`_GATE_NAMES` (and nothing else) when the
module changes.
"""

from __future__ import annotations

import re

from extractors.generic import blocks as _blocks

__all__ = ["html_line_rule", "is_related_heading"]

# Reason names, and the pattern of extractors.generic.blocks that names each,
# in the order that module tries them (related-list headings, _RELATED_HEADING,
# are told from "read also" lines by is_related_heading first).
_KINDS = (
    ("label", "_LABELS"),
    ("read-also", "_READ_ALSO"),
    ("credit", "_CREDIT"),
    ("published-line", "_PUBLISHED_IN"),
    ("byline", "_BYLINE"),
)


def _pattern(name: str) -> re.Pattern[str] | None:
    found = getattr(_blocks, name, None)
    return found if isinstance(found, re.Pattern) else None


_PATTERNS = tuple((kind, _pattern(name)) for kind, name in _KINDS)
_RELATED = _pattern("_RELATED_HEADING")
_RELATED_MAX_CHARS: int = getattr(_blocks, "RELATED_HEADING_MAX_CHARS", 60)
# Every rule of that module is for short lines; its longest ("read also"
# lead-ins) stops at READ_ALSO_MAX_CHARS, so a longer line is never asked (the
# module's check costs microseconds a line, and prose lines are long).
_LONGEST_NOISE: int = getattr(_blocks, "READ_ALSO_MAX_CHARS", 250)
# "More stories from The Times": a heading may name a site or section after it.
HEADING_MAX_WORDS_AFTER = 3

# A gate in front of that check: most lines an article asks about match none
# of its rules, and finding so costs 3 to 5 microseconds a line, its patterns
# tried one by one, case-insensitively. Every rule but the date line's is one
# of these patterns, anchored at the line's start; a date line has digits. On an
# ASCII line, lower-casing does what re.IGNORECASE does (the patterns' letters
# are lower case, which _gate() checks), so one case-sensitive pattern made of
# all of them, on the lower-cased line, tells the lines no rule can match.
# The gate stands for the check only while the check reads nothing but these
# names (its code's names are compared when this module loads); otherwise it is
# off, and every line goes to the check. _SHOWN_ADDRESS is known without being
# in the gate: it only ever keeps a line that is mostly link, and a line of a
# dump has no links.
_GATE_NAMES = ("_BARE_VALUE", "_RELATED_HEADING", "_LABELS", "_READ_ALSO", "_CREDIT",
               "_PUBLISHED_IN", "_BYLINE")  # fmt: skip
_KNOWN_NAMES = frozenset((
    *_GATE_NAMES, "_SHOWN_ADDRESS", "_NUMBER", "_DATE", "_LISTED", "_is_byline", "_is_date_line",
    "MAX_LINK_DENSITY", "MAX_LIST_LINK_DENSITY", "READ_ALSO_MAX_CHARS",
    "RELATED_HEADING_MAX_CHARS", "CREDIT_MAX_CHARS", "PUBLISHED_LINE_MAX_CHARS",
    "BYLINE_MAX_WORDS", "DATE_LINE_MAX_WORDS", "DATE_LINE_MAX_CHARS",
    "text", "link_density", "kind", "cells", "casefold", "len", "all",
    "match", "search", "findall", "sub", "split", "endswith",
))  # fmt: skip
_DATE_LINE_MAX_CHARS: int = getattr(_blocks, "DATE_LINE_MAX_CHARS", 120)
_DIGIT = re.compile(r"\d")
_ESCAPE = re.compile(r"\\.")


def _gate() -> re.Pattern[str] | None:
    """The module's patterns as one case-sensitive pattern for lower-cased ASCII
    lines; None when the module's check reads more than :data:`_KNOWN_NAMES`, a
    pattern is missing or has a capital letter."""
    patterns = [_pattern(name) for name in _GATE_NAMES]
    if not _names_read() <= _KNOWN_NAMES or any(pattern is None for pattern in patterns):
        return None
    sources = [pattern.pattern for pattern in patterns if pattern is not None]
    if any(_ESCAPE.sub("", source) != _ESCAPE.sub("", source).lower() for source in sources):
        return None
    return re.compile("|".join(f"(?:{source})" for source in sources))


def _names_read() -> set[str]:
    """The global and attribute names the module's check and its helpers use."""
    names: set[str] = set()
    for function in ("is_noise_line", "_is_byline", "_is_date_line"):
        code = getattr(getattr(_blocks, function, None), "__code__", None)
        if code is None:
            return {function}
        names.update(code.co_names)
    return names


_GATE = _gate()


def html_line_rule(text: str) -> str | None:
    """The reason the HTML extractor would drop ``text`` as a paragraph, or None.

    >>> html_line_rule("Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko")
    'read-also'
    >>> html_line_rule("21 april 2022 - 17:40 - Marokko")
    'date-line'
    >>> html_line_rule("De coalitie komt in mei samen in Marrakech.") is None
    True
    """
    if len(text) >= _LONGEST_NOISE:
        return None
    if (
        _GATE is not None
        and text.isascii()
        and not _GATE.match(text.lower())
        and not (len(text) <= _DATE_LINE_MAX_CHARS and _DIGIT.search(text))
    ):
        return None  # no pattern matches and too few numbers for a date line
    if not _blocks.is_noise_line(_blocks.Block(text, 0, "p")):
        return None
    if is_related_heading(text):
        return "related-heading"
    for kind, pattern in _PATTERNS:
        if pattern is not None and pattern.match(text):
            return kind
    return "date-line" if any(ch.isdigit() for ch in text) else "line-rule"


def is_related_heading(text: str) -> bool:
    """True for the heading of a related-article list ("Lees meer", "More stories").

    A "read also" line names its article after the lead-in; a heading names at
    most a section or a site after it (HEADING_MAX_WORDS_AFTER).

    >>> is_related_heading("Lees meer"), is_related_heading("Lees ook: Blinken ontmoet Bourita")
    (True, False)
    """
    if _RELATED is None or len(text) > _RELATED_MAX_CHARS:
        return False
    match = _RELATED.match(text)
    return match is not None and len(text[match.end() :].split()) <= HEADING_MAX_WORDS_AFTER
