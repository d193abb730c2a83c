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
names in :data:`_KINDS` (and nothing else) when the module changes.
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


def html_line_rule(text: str) -> str | None:
    """The reason the HTML extractor would drop ``text`` as a paragraph, or None.

    >>> html_line_rule("Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko")
    'read-also'
    >>> html_line_rule("21 april 2022 - 17:40 - Marokko")
    'date-line'
    >>> html_line_rule("De coalitie komt in mei samen in Marrakech.") is None
    True
    """
    if len(text) >= _LONGEST_NOISE or not _blocks.is_noise_line(_blocks.Block(text, 0, "p")):
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
