"""The one place this package reads the HTML extractor's line rules.

:mod:`extractors.generic.lines` knows the lines that are never article text
in a dozen languages: "read also" lead-ins, labels ("Advertisement", "عاجل"),
photo credits, "published in" source lines, bylines, date lines and the headings
of related-article lists. A text dump holds the same lines, without their
markup, so its cleaner asks the same rules rather than keeping a copy of them;
the rule that fires names the line's kind
(:func:`~extractors.generic.lines.line_reason`, the rules of
:func:`~extractors.generic.blocks.noise_reason` for a line without links).
"""

from __future__ import annotations

from extractors.generic.lines import READ_ALSO_MAX_CHARS, is_related_heading, line_reason

__all__ = ["html_line_rule", "is_related_heading"]


def html_line_rule(text: str) -> str | None:
    """The reason the HTML extractor would drop ``text`` as a paragraph, or None.

    >>> html_line_rule("Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko")
    'read-also'
    >>> html_line_rule("21 april 2022 - 17:40 - Marokko")
    'date-line'
    >>> html_line_rule("De coalitie komt in mei samen in Marrakech.") is None
    True
    """
    # Every rule for a paragraph without links is for short lines (the longest,
    # "read also" lead-ins, stops at READ_ALSO_MAX_CHARS) but the lone URL's:
    # a long line is not asked, as prose lines are long.
    if len(text) >= READ_ALSO_MAX_CHARS:
        return None
    return line_reason(text)
