"""Hard-wrapped text: paragraphs cut into lines at a fixed width, joined back.

Plain-text documents (an RFC, a mail, a ``<pre>`` block, a dump saved by a
terminal tool) wrap each paragraph at 72 or 80 characters. Line by line, no
piece reads as a sentence (it starts in the middle of one and ends in the
middle of another), so the prose rules keep none of them. The pieces of one
paragraph show it: each but the last is full (the next line's first word
would not have fitted on it), and the next starts in the middle of a
sentence. Such runs are joined into one line before any rule reads them.

>>> from extractors.textdump.lines import split_lines
>>> dump = ("Notes\\nThe council met on Monday to discuss the plans for\\n"
...         "the new harbour wall, which the engineers say must\\n"
...         "be built before the winter storms.\\nContact")
>>> [line.text for line in unwrap(split_lines(dump))]
['Notes', 'The council met on Monday to discuss the plans for the new harbour wall, \
which the engineers say must be built before the winter storms.', 'Contact']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.textdump.lines import Line
from extractors.writing import SENTENCE_ENDS

__all__ = ["unwrap"]

# Wrapped text is at most this wide: terminals, mails and RFCs wrap at 72 to
# 80 characters, some tools at 100 or 132. A flattened page's paragraphs are
# mostly longer, and never wrapped.
MAX_WRAP_WIDTH = 132
# No one wraps text narrower than this: a shorter line followed by one in
# lower case is a menu entry or a label ("tags", "most popular").
MIN_WRAP_WIDTH = 40
# A line ending a sentence or a clause is not cut in the middle of one: list
# items in lower case end so ("does not correspond with the subject;").
CLAUSE_ENDS = SENTENCE_ENDS | {";", ":"}
# A run of this many lines, each continued by the next, is wrapped text: two
# lines that happen to fit the shape are a heading and its line.
MIN_RUN_LINES = 3
# What a folded dump shows of such a run, written for one search over the whole
# text: a line of MIN_WRAP_WIDTH characters or more that ends no clause, then
# one as long that starts with a letter that is no ASCII capital (lower case,
# or any non-ASCII letter: the test of each line decides) and ends no clause
# either, then another such start. Each line break is matched first, what
# stands before it then: a pattern opening with a literal lets the regex
# engine skip from one break to the next.
_NO_END = re.escape("".join(sorted(CLAUSE_ENDS)))
_START = r"[^\W\dA-Z_]"
_MAYBE_RUN = re.compile(
    rf"\n(?<=[^\n]{{{MIN_WRAP_WIDTH - 1}}}[^\n{_NO_END}]\n){_START}"
    rf"[^\n]{{{MIN_WRAP_WIDTH - 2},}}\n(?<![{_NO_END}]\n){_START}"
)


def unwrap(lines: Sequence[Line], folded: str | None = None) -> Sequence[Line]:
    """``lines`` with each run of hard-wrapped lines joined into one (renumbered);
    ``lines`` itself when it holds no such run.

    ``folded`` is the dump ``lines`` were split from, when its lines were
    folded already (:func:`~extractors.textdump.lines.split_measured`): one
    search over it tells most dumps hold no run, where looking at the first
    letter of each line cost 15 µs a dump on the development corpora.
    """
    if folded is not None and not _MAYBE_RUN.search(folded):
        return lines
    continued = _continued(lines)
    if not any(index + 1 in continued for index in continued):
        return lines
    joined: list[Line] = []
    run: list[Line] = []
    for line in lines:
        run.append(line)
        if line.index in continued:
            continue
        if len(run) >= MIN_RUN_LINES:
            run = [_join(run)]
        for part in run:
            joined.append(Line(len(joined), part.text, part.words, part.size, part.segments))
        run = []
    return joined


def _continued(lines: Sequence[Line]) -> set[int]:
    """Indexes of the lines that a wrapped paragraph goes on from, onto the next."""
    # Only the lines before one that starts in lower case are measured: one
    # pass over the lines' first characters finds them (a page's menus and
    # headlines start in capitals).
    following = [index - 1 for index, line in enumerate(lines) if line.text[:1].islower()]
    if len(following) < MIN_RUN_LINES - 1:
        return set()
    found = set()
    for index in following:
        if index < 0 or len(lines[index + 1].text) > MAX_WRAP_WIDTH:
            continue
        line = lines[index]
        if MIN_WRAP_WIDTH <= len(line.text) <= MAX_WRAP_WIDTH and line.last not in CLAUSE_ENDS:
            found.add(index)
    return found


def _join(run: Sequence[Line]) -> Line:
    """One line of the run's lines, joined by spaces (numbered as the first)."""
    text = " ".join(line.text for line in run)
    return Line(
        run[0].index,
        text,
        sum(line.words for line in run),
        sum(line.size for line in run) + len(run) - 1,
        max(line.segments for line in run),
    )
